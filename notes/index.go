package notes

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// indexVersion changes whenever what is cached, or how notes are parsed,
// changes: an index of another version is ignored and rebuilt.
const indexVersion = 9

// racyWindow is how recent a file's mtime may be for its entry to be left
// out of the index: a note edited twice within the filesystem's timestamp
// granularity, keeping its size, would otherwise look unchanged.
const racyWindow = 2 * time.Second

// indexed is what the index keeps of one note, valid while the file keeps
// its size and modification time.
type indexed struct {
	Size       int64
	ModTime    int64 // UnixNano
	Hash       Hash  // of the note's bytes, for EditFile
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

// Index caches what List reads from each note of a directory in a file
// under the cache dir ($XDG_CACHE_HOME/retrokata), so that listing a large
// directory parses only the notes changed since the last run. The notes stay
// the only record: a missing, stale or corrupt index only costs time.
type Index struct {
	CacheDir    string // "" disables the cache
	SkipActions bool   // leave Entry.Actions nil when read from the index (counts are kept)
}

// path is the index file of a notes dir; the actions of its notes are in
// a second file, read only by the commands that need them.
func (x Index) path(dir string) (meta, actions string) {
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
func (x Index) load(dir string, withActions bool) *cache {
	if x.CacheDir == "" {
		return nil
	}
	mp, _ := x.path(dir)
	data, err := os.ReadFile(mp)
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
func (x Index) loadActions(dir string, c *cache) bool {
	if c.actions {
		return true
	}
	_, ap := x.path(dir)
	data, err := os.ReadFile(ap)
	if err != nil || decodeActionsFile(data, c) != nil {
		return false
	}
	c.actions = true
	return true
}

// save writes the index atomically, the actions file first. Failing to
// write a cache is not an error the user needs to see: the next run parses
// the notes again.
func (x Index) save(dir string, m map[string]*indexed) {
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

// lookup returns the cached entry of a file when it is still valid.
func (x Index) lookup(cc *cache, path string, info fs.FileInfo) (Entry, bool) {
	if cc == nil {
		return Entry{}, false
	}
	c, ok := cc.notes[filepath.Base(path)]
	if !ok || info == nil || !info.Mode().IsRegular() || c.Size != info.Size() || c.ModTime != info.ModTime().UnixNano() {
		return Entry{}, false
	}
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
	c := indexed{Size: info.Size(), ModTime: info.ModTime().UnixNano(), Hash: e.Hash, Meta: e.Meta, Open: e.Open, Done: e.Done,
		Dropped: e.Dropped, Carried: e.Carried, actions: encodeActions(e.Actions), problems: encodeStrings(e.Problems)}
	if e.Err != nil {
		var ne *Error
		if !errors.As(e.Err, &ne) || ne.Msg == "" {
			return nil, false
		}
		c = indexed{Size: c.Size, ModTime: c.ModTime, Hash: c.Hash, ErrLine: ne.Line, ErrMsg: ne.Msg}
	}
	return &c, true
}
