package notes

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// writeOld writes a note whose mtime is an hour ago, as for a note
// committed earlier, so that the index may keep it.
func writeOld(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(path, old, old); err != nil {
		t.Fatal(err)
	}
}

func titles(l []Entry) []string {
	var s []string
	for _, e := range l {
		if e.Broken() {
			s = append(s, "broken:"+filepath.Base(e.Path))
			continue
		}
		s = append(s, e.Meta.Title)
	}
	return s
}

// The index is only a cache: with it, List must return exactly what a
// full parse returns, whatever happened to the notes or to the index.
func TestIndexedListMatchesFullParse(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	x := Lister{CacheDir: cacheDir, clock: anHourLater} // every note is old enough to index
	for _, title := range []string{"Alpha", "Bravo", "Charlie"} {
		n := testNote(title)
		writeOld(t, filepath.Join(dir, Slug(title)+".md"), Render(n))
	}
	writeOld(t, filepath.Join(dir, "broken.md"), []byte("---\ntype: nope\n---\n"))
	rated := testNote("Foxtrot")
	roti := 4.2
	rated.ROTI = &roti
	writeOld(t, filepath.Join(dir, "foxtrot.md"), Render(rated))
	check := func(step string, ix Lister) {
		t.Helper()
		want, err := List(dir, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := ix.List(dir, Filter{})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %v, want %v", step, titles(got), titles(want))
		}
		for i := range want {
			g, w := got[i], want[i]
			if ix.SkipActions {
				g.Actions, w.Actions = nil, nil
			}
			if (g.Err == nil) != (w.Err == nil) || (g.Err != nil && g.Err.Error() != w.Err.Error()) {
				t.Fatalf("%s: %s: error %v, want %v", step, g.Path, g.Err, w.Err)
			}
			g.Err, w.Err = nil, nil
			if !g.Meta.Date.Equal(w.Meta.Date) {
				t.Fatalf("%s: date %v, want %v", step, g.Meta.Date, w.Meta.Date)
			}
			g.Meta.Date, w.Meta.Date = time.Time{}, time.Time{}
			if !reflect.DeepEqual(g, w) {
				t.Fatalf("%s:\n got %+v\nwant %+v", step, g, w)
			}
		}
	}
	check("cold", x)
	if m, _ := x.path(dir); !exists(m) {
		t.Fatal("no index written")
	}
	check("warm", x)
	warm, _ := x.List(dir, Filter{})
	for _, e := range warm {
		if got := e.Meta.ROTI; (e.Meta.Title == "Foxtrot") != (got != nil) || (got != nil && *got != 4.2) {
			t.Errorf("%s: roti from the index = %v", e.Meta.Title, got)
		}
	}
	check("warm, no actions", Lister{CacheDir: cacheDir, SkipActions: true})

	// an edit changing the size
	n := testNote("Alpha")
	n.Body += "- [x] Third (@c)\n"
	writeOld(t, filepath.Join(dir, "alpha.md"), Render(n))
	check("after an edit, no actions", Lister{CacheDir: cacheDir, SkipActions: true})
	check("after an edit", x) // actions of unchanged notes survived the save above

	// an edit keeping the size, with another mtime
	p := filepath.Join(dir, "bravo.md")
	data, _ := os.ReadFile(p)
	writeOld(t, p, []byte(strings.Replace(string(data), "Bravo", "Bruno", 1)))
	future := time.Now().Add(-30 * time.Minute)
	os.Chtimes(p, future, future)
	check("same size", x)

	// a deleted note, a new note, a fixed broken note
	os.Remove(filepath.Join(dir, "charlie.md"))
	writeOld(t, filepath.Join(dir, "delta.md"), Render(testNote("Delta")))
	writeOld(t, filepath.Join(dir, "broken.md"), Render(testNote("Echo")))
	check("delete, add, fix", x)

	// a corrupt or truncated index
	mp, ap := x.path(dir)
	for _, f := range []string{mp, ap} {
		data, _ := os.ReadFile(f)
		os.WriteFile(f, data[:len(data)/2], 0o600)
		check("truncated "+filepath.Ext(f), x)
		os.WriteFile(f, []byte("garbage"), 0o600)
		check("garbage "+filepath.Ext(f), x)
	}
}

// A note written moments ago is not indexed: an editor saving it again
// within the filesystem's timestamp granularity, with the same size, must
// still be seen.
func TestIndexSkipsRacyNotes(t *testing.T) {
	dir := t.TempDir()
	x := Lister{CacheDir: t.TempDir()}
	p := filepath.Join(dir, "a.md")
	if err := os.WriteFile(p, Render(testNote("Alpha")), 0o644); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	if l, _ := x.List(dir, Filter{}); len(l) != 1 || l[0].Meta.Title != "Alpha" {
		t.Fatalf("got %v", titles(l))
	}
	os.WriteFile(p, Render(testNote("Bravo")), 0o644)
	os.Chtimes(p, st.ModTime(), st.ModTime()) // same size, same mtime
	if l, _ := x.List(dir, Filter{}); len(l) != 1 || l[0].Meta.Title != "Bravo" {
		t.Fatalf("got %v, want the new title", titles(l))
	}
}

func anHourLater() time.Time { return time.Now().Add(time.Hour) }

// changeCtime waits until p's ctime differs from the one in old: the
// kernel's clock for ctimes ticks every few milliseconds.
func changeCtime(t *testing.T, p string, old os.FileInfo) {
	t.Helper()
	_, c0, ok := fileStamp(old)
	if !ok {
		return
	}
	for range 2000 {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, c, _ := fileStamp(info); c != c0 {
			return
		}
		time.Sleep(time.Millisecond)
		os.Chmod(p, info.Mode().Perm())
	}
	t.Fatal("the ctime never changed")
}

// An edit keeping the size, with the mtime restored (touch -r, rsync -t,
// os.Chtimes), is seen: the index also keys on inode and ctime, or where
// there are none, on the content hash.
func TestIndexSeesSameSizeEditWithRestoredMtime(t *testing.T) {
	for _, tc := range []struct {
		name  string
		clock func() time.Time
	}{{"old ctime", anHourLater}, {"racy ctime", nil}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			x := Lister{CacheDir: t.TempDir(), clock: tc.clock}
			p := filepath.Join(dir, "a.md")
			writeOld(t, p, Render(testNote("Alpha")))
			st, _ := os.Stat(p)
			if l, _ := x.List(dir, Filter{}); len(l) != 1 || l[0].Meta.Title != "Alpha" {
				t.Fatalf("got %v", titles(l))
			}
			if c := x.load(dir, false); c == nil || c.notes["a.md"] == nil {
				t.Fatal("the note was not indexed")
			}
			os.WriteFile(p, Render(testNote("Bravo")), 0o644)
			os.Chtimes(p, st.ModTime(), st.ModTime())
			changeCtime(t, p, st)
			if now, _ := os.Stat(p); now.Size() != st.Size() || !now.ModTime().Equal(st.ModTime()) {
				t.Fatal("the test did not keep size and mtime")
			}
			if l, _ := x.List(dir, Filter{}); len(l) != 1 || l[0].Meta.Title != "Bravo" {
				t.Fatalf("got %v, want the new title", titles(l))
			}
		})
	}
}

// An unwritable cache dir costs time, never correctness.
func TestIndexInUnusableCacheDir(t *testing.T) {
	dir := t.TempDir()
	writeOld(t, filepath.Join(dir, "a.md"), Render(testNote("Alpha")))
	file := filepath.Join(t.TempDir(), "cache-is-a-file")
	os.WriteFile(file, nil, 0o644)
	l, err := Lister{CacheDir: file}.List(dir, Filter{})
	if err != nil || len(l) != 1 || l[0].Meta.Title != "Alpha" {
		t.Fatalf("got %v, %v", titles(l), err)
	}
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

func FuzzDecodeIndex(f *testing.F) {
	m := map[string]*indexed{"a.md": {Size: 3, ModTime: 4, Meta: testNote("A").Meta, Open: 1, actions: encodeActions([]Action{{Text: "x", Line: 3}})}}
	meta, actions := encodeIndex("/d", 7, m)
	f.Add(meta, actions)
	f.Fuzz(func(t *testing.T, meta, actions []byte) {
		c, err := decodeIndex(meta, "/d")
		if err != nil {
			return
		}
		if decodeActionsFile(actions, c) != nil {
			return
		}
		for _, n := range c.notes {
			decodeActions(n.actions)
		}
	})
}
