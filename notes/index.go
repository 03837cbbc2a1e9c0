package notes

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/retrokata/retrokata/internal/safefile"
)

// indexVersion changes whenever what is cached, or how notes are parsed,
// changes: an index of another version is ignored and rebuilt.
const indexVersion = 11

// racyWindow is how recent a file's mtime or ctime may be for its entry to
// be left out of the index: a note edited twice within the filesystem's
// timestamp granularity, keeping its size, would otherwise look unchanged.
const racyWindow = 2 * time.Second

// indexLimit caps an index file, read like any other through the capped
// reader: a bigger one (or a device) is ignored and rebuilt.
const indexLimit = 256 << 20

// indexed is what the index keeps of one note, valid while the file keeps
// its size, modification time, inode and change time (ctime). A program can
// restore the mtime of a file it rewrote (os.Chtimes, touch -r, rsync -t,
// git checkout of the same size), but not its ctime. Where there is no
// inode or ctime, a hit is checked against the content hash instead.
type indexed struct {
	Size       int64
	ModTime    int64  // UnixNano
	Inode      uint64 // 0 where unknown
	ChangeTime int64  // UnixNano of the ctime, 0 where unknown
	Racy       bool   // the ctime was recent when recorded: hits are checked against Hash
	Hash       Hash   // of the note's bytes, for EditFile
	Meta       Meta
	Open, Done int
	Dropped    int
	Carried    int
	actions    string // encoded actions, decoded only when asked for
	actOff     uint64 // where actions are in the actions file
	actLen     uint64
	problems   string // encoded problem titles, in the actions file too
	probOff    uint64
	probLen    uint64
	ErrLine    int
	ErrMsg     string // set for a note that does not parse
}

// Lister lists the notes of a directory through a cache: it keeps what
// List reads from each note in an index file under the cache dir
// ($XDG_CACHE_HOME/retrokata), so that listing a large directory parses
// only the notes changed since the last run. The notes stay the only
// record: a missing, stale or corrupt index only costs time.
type Lister struct {
	CacheDir    string // "" disables the cache
	SkipActions bool   // leave Entry.Actions nil when read from the index (counts are kept)
	// Root confines the notes listed (Location.Root): a note that resolves
	// outside it through a symlink is listed as broken, never read. ""
	// follows links anywhere (a dir the user chose).
	Root  string
	clock func() time.Time // tests: what "now" is for the racy window
}

// Index is the old name of Lister.
//
// Deprecated: use Lister; the alias stays while other branches move over.
type Index = Lister

// path is the index file of a notes dir; the actions of its notes are in
// a second file, read only by the commands that need them.
func (x Lister) path(dir string) (meta, actions string) {
	sum := sha256.Sum256([]byte(dir))
	base := filepath.Join(x.CacheDir, "retrokata", "index-"+hex.EncodeToString(sum[:8]))
	return base + ".meta", base + ".actions"
}

// cache is a loaded index.
type cache struct {
	notes   map[string]*indexed
	gen     uint64 // ties the actions file to the meta file
	actions bool   // the actions of every note are loaded
}

// load reads the index of dir, with the actions when asked; any problem
// gives an empty index.
func (x Lister) load(dir string, withActions bool) *cache {
	if x.CacheDir == "" {
		return nil
	}
	mp, _ := x.path(dir)
	data, err := safefile.Read(mp, indexLimit)
	if err != nil {
		return nil
	}
	c, err := decodeIndex(data, dir)
	if err != nil || (withActions && !x.loadActions(dir, c)) {
		return nil
	}
	return c
}

// loadActions fills in the actions of a loaded index.
func (x Lister) loadActions(dir string, c *cache) bool {
	if c.actions {
		return true
	}
	_, ap := x.path(dir)
	data, err := safefile.Read(ap, indexLimit)
	if err != nil || decodeActionsFile(data, c) != nil {
		return false
	}
	c.actions = true
	return true
}

// save writes the index atomically, the actions file first. Failing to
// write a cache is not an error the user needs to see: the next run parses
// the notes again.
func (x Lister) save(dir string, m map[string]*indexed) {
	if x.CacheDir == "" {
		return
	}
	mp, ap := x.path(dir)
	if err := os.MkdirAll(filepath.Dir(mp), 0o755); err != nil {
		return
	}
	gen := uint64(time.Now().UnixNano())
	meta, actions := encodeIndex(dir, gen, m)
	if writeCacheFile(ap, actions) == nil {
		_ = writeCacheFile(mp, meta)
	}
}

func writeCacheFile(p string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(p), ".index-*")
	if err != nil {
		return err
	}
	_, err = tmp.Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), p)
	}
	if err != nil {
		os.Remove(tmp.Name())
	}
	return err
}

// lookup returns the cached entry of a file when it is still valid. With
// verify, the platform gives no inode and ctime: the caller must read the
// file and compare its hash with the entry's before trusting it.
//
// A racy entry (its ctime was within racyWindow of the listing that
// recorded it: a same-size edit in the same ctime tick would not show) is
// verified too while it is racy, and parsed again once it no longer is.
func (x Lister) lookup(cc *cache, path string, info fs.FileInfo, now time.Time) (e Entry, hit, verify bool) {
	if cc == nil {
		return Entry{}, false, false
	}
	c, ok := cc.notes[filepath.Base(path)]
	if !ok || info == nil || !info.Mode().IsRegular() || c.Size != info.Size() || c.ModTime != info.ModTime().UnixNano() {
		return Entry{}, false, false
	}
	ino, ctime, known := fileStamp(info)
	if known && (c.Inode != ino || c.ChangeTime != ctime || (c.Racy && !racy(ctime, now))) {
		return Entry{}, false, false
	}
	e, hit = c.entry(cc, path)
	return e, hit, !known || c.Racy
}

// racy reports whether a ctime is too recent to tell a later edit by.
func racy(ctime int64, now time.Time) bool { return now.Sub(time.Unix(0, ctime)) < racyWindow }

// entry is the Entry a valid index record stands for.
func (c *indexed) entry(cc *cache, path string) (Entry, bool) {
	e := Entry{Path: path, Meta: c.Meta, Open: c.Open, Done: c.Done, Dropped: c.Dropped, Carried: c.Carried, Hash: c.Hash}
	if cc.actions && c.actions != "" {
		l, err := decodeActions(c.actions)
		if err != nil {
			return Entry{}, false
		}
		e.Actions = l
	}
	if cc.actions && c.problems != "" {
		l, err := decodeStrings(c.problems)
		if err != nil {
			return Entry{}, false
		}
		e.Problems = l
	}
	if c.ErrMsg != "" {
		e = Entry{Path: path, Err: &Error{Path: path, Line: c.ErrLine, Msg: c.ErrMsg}, Hash: c.Hash}
	}
	return e, true
}

// record makes the cache entry of a note just parsed; ok is false for what
// must not be cached (symlinks, racy timestamps).
func record(e Entry, info fs.FileInfo, now time.Time) (*indexed, bool) {
	if info == nil || !info.Mode().IsRegular() || now.Sub(info.ModTime()) < racyWindow {
		return nil, false
	}
	ino, ctime, known := fileStamp(info)
	c := indexed{Size: info.Size(), ModTime: info.ModTime().UnixNano(), Inode: ino, ChangeTime: ctime, Racy: known && racy(ctime, now),
		Hash: e.Hash, Meta: e.Meta, Open: e.Open, Done: e.Done,
		Dropped: e.Dropped, Carried: e.Carried, actions: encodeActions(e.Actions), problems: encodeStrings(e.Problems)}
	if e.Err != nil {
		var ne *Error
		if !errors.As(e.Err, &ne) || ne.Msg == "" {
			return nil, false
		}
		c = indexed{Size: c.Size, ModTime: c.ModTime, Inode: c.Inode, ChangeTime: c.ChangeTime, Racy: c.Racy, Hash: c.Hash, ErrLine: ne.Line, ErrMsg: ne.Msg}
	}
	return &c, true
}
