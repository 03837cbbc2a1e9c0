package notes

import (
	"bytes"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"sort"
	"sync"

	"github.com/retrokata/retrokata/internal/safefile"
)

// Store is where a notes dir's notes and the drafts of its sessions are
// kept: FileStore on disk for the app, MemStore in memory for tests of
// screens (no temp dirs, and a full disk on demand). Every in-place change
// of a note goes through Edit, every new note through Save.
type Store interface {
	// Dir is the notes dir, for messages and for notes' paths.
	Dir() string
	// List returns the notes matching f, newest first; a broken note is
	// returned with Err set, never dropped.
	List(f Filter) ([]Entry, error)
	// Read returns the bytes of the note at path, through the capped reader.
	Read(path string) ([]byte, error)
	// Save writes a new note and returns its path; draft is the draft of
	// the session the note comes from ("" for none): saving the same
	// session again replaces the note it became (see SaveOnce).
	Save(n Note, draft string) (string, error)
	// Edit changes the note at path in place, refusing it when it changed
	// since it was read (see EditFile).
	Edit(path string, read Hash, edit func(data []byte) ([]byte, error)) (Hash, error)
	// WriteDraft, ReadDraft and RemoveDraft keep work in progress;
	// ReadDraft's error is fs.ErrNotExist when there is no draft.
	WriteDraft(path string, data []byte) error
	ReadDraft(path string) ([]byte, error)
	RemoveDraft(path string) error
}

// FileStore is the Store of a notes dir on disk, listed through Lister
// (whose cache may be disabled).
type FileStore struct {
	NotesDir string
	Lister   Lister
	// Root confines every note read, listed, saved or edited
	// (Location.Root): a note linked out of the repository is an error
	// naming it. "" is no confinement (a dir the user chose).
	Root string
}

var _ Store = FileStore{}

// Dir implements Store.
func (s FileStore) Dir() string { return s.NotesDir }

// List implements Store.
func (s FileStore) List(f Filter) ([]Entry, error) {
	x := s.Lister
	x.Root = s.Root
	return x.List(s.NotesDir, f)
}

// Read implements Store.
func (s FileStore) Read(path string) ([]byte, error) {
	return safefile.ReadIn(s.Root, path, safefile.NotesLimit)
}

// Save implements Store with SaveOnce.
func (s FileStore) Save(n Note, draft string) (string, error) {
	return SaveOnce(s.NotesDir, n, draft)
}

// Edit implements Store with EditFileIn.
func (s FileStore) Edit(path string, read Hash, edit func([]byte) ([]byte, error)) (Hash, error) {
	return EditFileIn(s.Root, path, read, edit)
}

// WriteDraft implements Store with SaveDraft.
func (s FileStore) WriteDraft(path string, data []byte) error { return SaveDraft(path, data) }

// ReadDraft implements Store through the capped reader.
func (s FileStore) ReadDraft(path string) ([]byte, error) {
	return safefile.Read(path, safefile.DraftLimit)
}

// RemoveDraft implements Store.
func (s FileStore) RemoveDraft(path string) error { return RemoveDraft(path) }

// MemStore is a Store in memory, for tests: notes are keyed by their path
// under a pretend dir. Setting Fail makes every write fail with it, as a
// full disk would. It is safe for concurrent use.
type MemStore struct {
	mu     sync.Mutex
	dir    string
	notes  map[string][]byte
	drafts map[string][]byte
	saved  map[string]string // draft path → the note its session became
	fail   error
}

var _ Store = (*MemStore)(nil)

// NewMemStore returns an empty store whose notes dir is called dir.
func NewMemStore(dir string) *MemStore {
	return &MemStore{dir: dir, notes: map[string][]byte{}, drafts: map[string][]byte{}, saved: map[string]string{}}
}

// Put adds or replaces a note file, as a teammate's editor would, and
// returns its path.
func (m *MemStore) Put(name string, data []byte) string {
	m.mu.Lock()
	defer m.mu.Unlock()
	p := filepath.Join(m.dir, name)
	m.notes[p] = bytes.Clone(data)
	return p
}

// Fail makes every later write fail with err (nil: writes work again).
func (m *MemStore) Fail(err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.fail = err
}

// Dir implements Store.
func (m *MemStore) Dir() string { return m.dir }

// List implements Store.
func (m *MemStore) List(f Filter) ([]Entry, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []Entry
	for p, data := range m.notes {
		e := parseEntry(p, data)
		if f.match(e, data) {
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := &out[i], &out[j]
		if !a.Meta.Date.Equal(b.Meta.Date) {
			return a.Meta.Date.After(b.Meta.Date)
		}
		return a.Path > b.Path
	})
	return out, nil
}

// Read implements Store.
func (m *MemStore) Read(path string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.notes[path]
	if !ok {
		return nil, &safefile.Error{Path: path, Why: "no such file or directory", Err: fs.ErrNotExist}
	}
	return bytes.Clone(data), nil
}

// Save implements Store like SaveOnce: never over another note, and into
// the note a session already became.
func (m *MemStore) Save(n Note, draft string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return "", fmt.Errorf("save in %s: %w", m.dir, m.fail)
	}
	data := Render(n)
	if p, ok := m.saved[draft]; draft != "" && ok {
		if _, still := m.notes[p]; still {
			m.notes[p] = data
			return p, nil
		}
	}
	base := FileName(n)
	for i := 1; i < 10000; i++ {
		name := base + ".md"
		if i > 1 {
			name = fmt.Sprintf("%s-%d.md", base, i)
		}
		p := filepath.Join(m.dir, name)
		if _, taken := m.notes[p]; taken {
			continue
		}
		m.notes[p] = data
		if draft != "" {
			m.saved[draft] = p
		}
		return p, nil
	}
	return "", fmt.Errorf("save %s: too many notes with this name", base)
}

// Edit implements Store like EditFile.
func (m *MemStore) Edit(path string, read Hash, edit func([]byte) ([]byte, error)) (Hash, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.notes[path]
	if !ok {
		return read, fmt.Errorf("update %s: %w", path, fs.ErrNotExist)
	}
	if HashOf(data) != read {
		return read, &ChangedError{Path: path}
	}
	out, err := edit(bytes.Clone(data))
	if err != nil {
		return read, err
	}
	if bytes.Equal(out, data) {
		return read, nil
	}
	if m.fail != nil {
		return read, fmt.Errorf("update %s: %w", path, m.fail)
	}
	m.notes[path] = bytes.Clone(out)
	return HashOf(out), nil
}

// WriteDraft implements Store.
func (m *MemStore) WriteDraft(path string, data []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail != nil {
		return fmt.Errorf("save draft %s: %w", path, m.fail)
	}
	m.drafts[path] = bytes.Clone(data)
	return nil
}

// ReadDraft implements Store.
func (m *MemStore) ReadDraft(path string) ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	data, ok := m.drafts[path]
	if !ok {
		return nil, &safefile.Error{Path: path, Why: "no such file or directory", Err: fs.ErrNotExist}
	}
	return bytes.Clone(data), nil
}

// RemoveDraft implements Store.
func (m *MemStore) RemoveDraft(path string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.drafts, path)
	delete(m.saved, path)
	return nil
}

// Notes returns the paths of the notes held, sorted: for tests.
func (m *MemStore) Notes() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for p := range m.notes {
		out = append(out, p)
	}
	slices.Sort(out)
	return out
}
