package notes

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// Both stores keep the same contract: the in-memory one is only useful to
// tests if it behaves like the disk.
func TestStoreContract(t *testing.T) {
	stores := map[string]func(t *testing.T) (Store, func(name string, data []byte) string){
		"FileStore": func(t *testing.T) (Store, func(string, []byte) string) {
			dir := t.TempDir()
			return FileStore{NotesDir: dir, Lister: Lister{CacheDir: t.TempDir()}}, func(name string, data []byte) string {
				p := filepath.Join(dir, name)
				writeOld(t, p, data)
				return p
			}
		},
		"MemStore": func(t *testing.T) (Store, func(string, []byte) string) {
			m := NewMemStore("/notes")
			return m, m.Put
		},
	}
	for name, open := range stores {
		t.Run(name, func(t *testing.T) {
			st, put := open(t)
			drafts := t.TempDir()
			draft := filepath.Join(drafts, "retro.json")

			// a teammate's note, then ours, saved twice from one session
			theirs := put("2026-11-23-sprint-42.md", Render(testNote("Sprint 42")))
			n := testNote("Sprint 42")
			p, err := st.Save(n, draft)
			if err != nil || p == theirs || filepath.Dir(p) != st.Dir() {
				t.Fatalf("Save = %q, %v (theirs %q)", p, err, theirs)
			}
			n.Body += "\nMore.\n"
			if again, err := st.Save(n, draft); err != nil || again != p {
				t.Fatalf("second save of the session: %q %v, want %q", again, err, p)
			}
			list, err := st.List(Filter{})
			if err != nil || len(list) != 2 {
				t.Fatalf("List = %d, %v", len(list), err)
			}
			var ours Entry
			for _, e := range list {
				if e.Path == p {
					ours = e
				}
			}
			if data, err := st.Read(p); err != nil || !strings.Contains(string(data), "More.") || HashOf(data) != ours.Hash {
				t.Fatalf("Read = %v", err)
			}

			// an edit from a stale read is refused; from the right one, made
			stale := HashOf([]byte("old"))
			if _, err := st.Edit(p, stale, func(b []byte) ([]byte, error) { return b, nil }); !errors.Is(err, ErrChanged) {
				t.Errorf("stale edit: %v", err)
			}
			h, err := st.Edit(p, ours.Hash, func(b []byte) ([]byte, error) { return append(b, "edited\n"...), nil })
			if data, _ := st.Read(p); err != nil || !strings.HasSuffix(string(data), "edited\n") || h != HashOf(data) {
				t.Errorf("edit: %v", err)
			}

			// drafts
			if _, err := st.ReadDraft(draft); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("no draft yet: %v", err)
			}
			if err := st.WriteDraft(draft, []byte(`{"version":1,"session":{}}`)); err != nil {
				t.Fatal(err)
			}
			if d, ok, err := LoadDraftFrom[struct{}](st, draft, 1); !ok || err != nil || d.Version != 1 {
				t.Errorf("LoadDraftFrom = %v %v", ok, err)
			}
			if err := st.RemoveDraft(draft); err != nil {
				t.Fatal(err)
			}
			if _, err := st.ReadDraft(draft); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("draft removed: %v", err)
			}
			// the draft gone, a new session with the same title is a new note
			n2 := testNote("Sprint 42")
			n2.Date = n2.Date.Add(1) // another session
			if q, err := st.Save(n2, draft); err != nil || q == p || q == theirs {
				t.Errorf("a new session's save: %q %v", q, err)
			}
		})
	}
}

func TestMemStoreFails(t *testing.T) {
	m := NewMemStore("/notes")
	disk := errors.New("no space left on device")
	m.Fail(disk)
	if _, err := m.Save(testNote("x"), ""); !errors.Is(err, disk) {
		t.Errorf("Save: %v", err)
	}
	if err := m.WriteDraft("/d/retro.json", nil); !errors.Is(err, disk) {
		t.Errorf("WriteDraft: %v", err)
	}
	if len(m.Notes()) != 0 {
		t.Errorf("notes %v", m.Notes())
	}
}
