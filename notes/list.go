package notes

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/retrokata/retrokata/internal/frontmatter"
	"github.com/retrokata/retrokata/internal/safefile"
)

// MaxNoteSize is the largest note read; a bigger file is listed as broken
// instead of being loaded into memory.
const MaxNoteSize = safefile.NotesLimit

// Entry is one file of a notes directory: its front matter and actions, or
// the reason it could not be read.
type Entry struct {
	Path    string
	Meta    Meta
	Actions []Action // nil when listed with Lister.SkipActions
	Open    int      // actions by status, each counted once
	Done    int
	Dropped int
	Carried int
	Err     error // set for a broken note
	Hash    Hash  // of the file's bytes as read: EditFile refuses the note if it changed since
	// Problems are the titles of a retro's problem cards; nil, like
	// Actions, when listed with Lister.SkipActions.
	Problems []string
}

// Broken reports whether the note could not be read.
func (e Entry) Broken() bool { return e.Err != nil }

// NotANote reports a markdown file without front matter, such as a
// README kept beside the notes: not a broken note, just not a note.
func (e Entry) NotANote() bool {
	var ne *Error
	return errors.As(e.Err, &ne) && ne.Msg == frontmatter.ErrMissing.Error()
}

// OpenActions returns how many actions are open and done.
func (e Entry) OpenActions() (open, done int) { return e.Open, e.Done }

// Counts returns how many actions the note has in each status.
func (e Entry) Counts() Counts {
	return Counts{Open: e.Open, Done: e.Done, Dropped: e.Dropped, Carried: e.Carried}
}

// Filter selects notes; zero values match everything.
type Filter struct {
	Type  Type
	Tag   string
	Team  string
	Since time.Time
	Grep  string // case-insensitive, over the whole file
	// NonNotes also returns markdown files without front matter (a
	// README, say) as broken entries; by default they are skipped quietly.
	NonNotes bool
}

func (f Filter) match(e Entry, data []byte) bool {
	if e.NotANote() && !f.NonNotes {
		return false
	}
	if e.Broken() {
		// broken notes are always shown, unless a filter needs their content
		return f.Type == "" && f.Tag == "" && f.Team == "" && f.Since.IsZero() && f.Grep == ""
	}
	if f.Type != "" && e.Meta.Type != f.Type {
		return false
	}
	if f.Team != "" && !strings.EqualFold(e.Meta.Team, f.Team) {
		return false
	}
	if f.Tag != "" && !containsFold(e.Meta.Tags, f.Tag) {
		return false
	}
	if !f.Since.IsZero() && e.Meta.Date.Before(f.Since) {
		return false
	}
	if f.Grep != "" && !bytes.Contains(bytes.ToLower(data), bytes.ToLower([]byte(f.Grep))) {
		return false
	}
	return true
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// List reads every *.md note of dir concurrently and returns those that
// match, newest first. Broken notes are returned with Err set, never
// dropped. The error is for a directory that cannot be read at all.
func List(dir string, f Filter) ([]Entry, error) { return Lister{}.List(dir, f) }

// List is like the List function, but reuses what the index holds for
// notes unchanged since the last run and parses only the others.
func (x Lister) List(dir string, f Filter) ([]Entry, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("read notes dir %s: %w", dir, err)
	}
	files := des[:0]
	var outside []Entry // links out of the repository: broken, never read
	for _, d := range des {
		name := d.Name()
		if strings.HasSuffix(name, ".md") && !strings.HasPrefix(name, ".") && !d.IsDir() {
			if d.Type()&fs.ModeSymlink != 0 {
				// dir is inside the root (Resolve checked it): only a
				// link can lead out of it
				if err := confine(x.Root, filepath.Join(dir, name)); err != nil {
					if e := (Entry{Path: filepath.Join(dir, name), Err: err}); f.match(e, nil) {
						outside = append(outside, e)
					}
					continue
				}
			}
			files = append(files, d)
		}
	}
	cached := x.load(dir, !x.SkipActions)
	now := time.Now()
	if x.clock != nil {
		now = x.clock()
	}
	type slot struct {
		e      Entry
		keep   bool
		rec    *indexed
		cache  bool // rec goes into the index
		parsed bool // the note was parsed, not taken from the index
	}
	slots := make([]slot, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	workers := min(runtime.GOMAXPROCS(0)*2, len(files))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				s := &slots[i]
				path := filepath.Join(dir, files[i].Name())
				info, _ := files[i].Info()
				e, hit, verify := x.lookup(cached, path, info, now)
				var data []byte
				if f.Grep != "" || !hit || verify {
					var err error
					if data, err = readLimited(path); err != nil {
						s.e, s.keep = Entry{Path: path, Err: err}, f.match(Entry{Err: err}, nil)
						continue
					}
					if verify && HashOf(data) != e.Hash {
						hit = false // changed, keeping its size, mtime and maybe ctime
					}
				}
				switch {
				case hit:
					s.rec, s.cache = cached.notes[files[i].Name()], true
				case x.CacheDir != "":
					e = parseEntry(path, data)
					s.rec, s.cache = record(e, info, now)
					s.parsed = true
				default: // no index: nothing to record
					e = parseEntry(path, data)
				}
				s.e, s.keep = e, f.match(e, data)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

	var order []int // kept slots, sorted by index: an Entry is too big to swap
	cachedNow, dirty := 0, false
	for i := range slots {
		s := &slots[i]
		if s.cache {
			cachedNow++
			dirty = dirty || s.parsed
		}
		if s.keep {
			order = append(order, i)
		}
	}
	if x.CacheDir != "" && (cached == nil || dirty || cachedNow != len(cached.notes)) {
		// notes taken from the index keep their actions only if loaded
		keepCached := cached != nil && x.loadActions(dir, cached)
		fresh := make(map[string]*indexed, cachedNow)
		for i, s := range slots {
			if s.cache && (s.parsed || keepCached) {
				fresh[files[i].Name()] = s.rec
			}
		}
		x.save(dir, fresh)
	}
	sort.Slice(order, func(i, j int) bool {
		a, b := &slots[order[i]].e, &slots[order[j]].e
		if !a.Meta.Date.Equal(b.Meta.Date) {
			return a.Meta.Date.After(b.Meta.Date)
		}
		return a.Path > b.Path
	})
	out := make([]Entry, len(order), len(order)+len(outside))
	for k, i := range order {
		out[k] = slots[i].e
	}
	return append(out, outside...), nil
}

// ReadEntry reads one note for listing. It also returns the file's bytes,
// for searching.
func ReadEntry(path string) (Entry, []byte) {
	data, err := readLimited(path)
	if err != nil {
		return Entry{Path: path, Err: err}, nil
	}
	return parseEntry(path, data), data
}

func parseEntry(path string, data []byte) Entry {
	e := Entry{Path: path, Hash: HashOf(data)}
	n, err := Parse(data)
	if err != nil {
		if ne, ok := err.(*Error); ok {
			ne.Path = path
		}
		e.Err = err
		return e
	}
	e.Meta, e.Actions = n.Meta, n.Actions
	c := CountActions(n.Actions)
	e.Open, e.Done, e.Dropped, e.Carried = c.Open, c.Done, c.Dropped, c.Carried
	if n.Type == TypeRetro {
		e.Problems = ProblemTitles(n.Body)
	}
	return e
}

// readLimited reads a note through the capped reader: a FIFO, a device, a
// directory or a file over NotesLimit is an error naming the file.
func readLimited(path string) ([]byte, error) {
	data, err := safefile.Read(path, safefile.NotesLimit)
	if err != nil {
		var se *safefile.Error
		if errors.As(err, &se) {
			return nil, &Error{Path: path, Msg: se.Why}
		}
		return nil, &Error{Path: path, Msg: "cannot read: " + unwrap(err)}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, &Error{Path: path, Msg: "binary file, not a note"}
	}
	return data, nil
}

// confine is safefile.Inside for a note: a file that resolves outside root
// is an *Error naming it ("links outside the repository"); root "" is no
// confinement.
func confine(root, path string) error {
	err := safefile.Inside(root, path)
	if err == nil {
		return nil
	}
	var se *safefile.Error
	if errors.As(err, &se) {
		return &Error{Path: path, Msg: se.Why, Err: se.Err}
	}
	return &Error{Path: path, Msg: unwrap(err)}
}

func unwrap(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
