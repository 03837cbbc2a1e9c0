package notes

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestSlug(t *testing.T) {
	tests := map[string]string{
		"Sprint 42 retrospective": "sprint-42-retrospective",
		"Rétro d'équipe: Noël!":   "retro-d-equipe-noel",
		"漢字 only":                 "only",
		"🚀🚀":                      "note",
		strings.Repeat("ab ", 50): strings.TrimRight(strings.Repeat("ab-", 20), "-"),
		"--Already--dashed--":     "already-dashed",
	}
	for in, want := range tests {
		got := Slug(in)
		if got != want || len(got) > MaxSlug {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func testNote(title string) Note {
	return Note{Meta: Meta{Type: TypeRetro, Title: title, Date: time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC), Team: "checkout"},
		Body: "# " + title + "\n\n## Actions\n- [ ] First (@a)\n- [ ] Second (@b, due 2026-12-01)\n"}
}

func TestSaveNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	const n = 12
	paths := make([]string, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			p, err := Save(dir, testNote("Same title"))
			if err != nil {
				t.Error(err)
			}
			paths[i] = p
		}(i)
	}
	wg.Wait()
	seen := map[string]bool{}
	for _, p := range paths {
		if seen[p] {
			t.Errorf("two saves returned %s", p)
		}
		seen[p] = true
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*"))
	if len(files) != n {
		t.Errorf("%d files in dir, want %d (no temp files left): %v", len(files), n, files)
	}
	if !seen[filepath.Join(dir, "2026-11-23-same-title.md")] || !seen[filepath.Join(dir, "2026-11-23-same-title-2.md")] {
		t.Errorf("names: %v", paths)
	}
}

func TestSaveIntoUnwritablePlaceFails(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	os.WriteFile(file, []byte("x"), 0o644)
	n := testNote("Keep me")
	_, err := Save(file, n)
	if err == nil || !strings.Contains(err.Error(), file) {
		t.Errorf("err = %v, want one naming %s", err, file)
	}
	if n.Title != "Keep me" || !strings.Contains(n.Body, "First") {
		t.Error("the caller's note changed")
	}
}

func TestSetDoneChangesOnlyThatLine(t *testing.T) {
	dir := t.TempDir()
	orig := strings.ReplaceAll(string(Render(testNote("Tick"))), "\n", "\r\n")
	orig = strings.Replace(orig, "---\r\n", "---\r\nzk: keep me # a comment\r\n", 1)
	p := filepath.Join(dir, "n.md")
	os.WriteFile(p, []byte(orig), 0o644)
	n, err := Parse([]byte(orig))
	if err != nil {
		t.Fatal(err)
	}
	second := n.Actions[1]
	h, err := SetDone(p, HashOf([]byte(orig)), second, true)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	want := strings.Replace(orig, "- [ ] Second", "- [x] Second", 1)
	if string(got) != want || h != HashOf(got) {
		t.Errorf("file after tick:\n%q\nwant\n%q", got, want)
	}
	stale := second
	stale.Text = "Something else"
	if _, err := SetDone(p, h, stale, false); err == nil {
		t.Error("SetDone with stale text succeeded")
	}
	if _, err := SetDone(p, h, Action{Line: 1, Text: "x"}, true); err == nil {
		t.Error("SetDone on a non-task line succeeded")
	}
}

func TestResolveOrder(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	os.MkdirAll(sub, 0o755)
	x := XDG{DataHome: filepath.Join(root, "data")}
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }

	loc, _ := Resolve("", getenv, sub, x)
	if loc.Reason != ReasonDefault || loc.Dir != filepath.Join(root, "data", "retrokata", "notes") {
		t.Errorf("default: %+v", loc)
	}
	if _, err := InitConfig(root); err != nil {
		t.Fatal(err)
	}
	if _, err := InitConfig(root); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("second init: %v", err)
	}
	loc, _ = Resolve("", getenv, sub, x)
	if loc.Reason != ReasonRepo || loc.Dir != filepath.Join(root, "docs", "retros") {
		t.Errorf("repo: %+v", loc)
	}
	env["RETROKATA_DIR"] = "rel"
	loc, _ = Resolve("", getenv, sub, x)
	if loc.Reason != ReasonEnv || loc.Dir != filepath.Join(sub, "rel") {
		t.Errorf("env: %+v", loc)
	}
	loc, _ = Resolve("/flag", getenv, sub, x)
	if loc.Reason != ReasonFlag || loc.Dir != "/flag" || loc.Config == "" {
		t.Errorf("flag: %+v", loc)
	}
	os.WriteFile(filepath.Join(root, ConfigName), []byte("notes_dir: [oops\n"), 0o644)
	delete(env, "RETROKATA_DIR")
	if _, err := Resolve("", getenv, sub, x); err == nil || !strings.Contains(err.Error(), ConfigName) {
		t.Errorf("broken config: %v", err)
	}
}

func TestListKeepsBrokenNotesAndGoesOn(t *testing.T) {
	dir := t.TempDir()
	for i, title := range []string{"Older", "Newer"} {
		n := testNote(title)
		n.Date = n.Date.AddDate(0, 0, i)
		if _, err := Save(dir, n); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name string, data []byte) { os.WriteFile(filepath.Join(dir, name), data, 0o644) }
	write("binary.md", []byte("---\x00\x01"))
	write("no-front.md", []byte("# hi"))
	write("long-line.md", append([]byte("---\ntype: retro\ntitle: "), bytes.Repeat([]byte("x"), 1<<20)...))
	write("bad-utf8.md", []byte("---\ntype: retro\ntitle: \xff\xfe\n---\n"))
	big, _ := os.Create(filepath.Join(dir, "huge.md"))
	big.Truncate(50 << 20)
	big.Close()
	os.Symlink(filepath.Join(dir, "loop.md"), filepath.Join(dir, "loop.md"))
	os.Mkdir(filepath.Join(dir, "dir.md"), 0o755)

	entries, err := List(dir, Filter{NonNotes: true})
	if err != nil {
		t.Fatal(err)
	}
	quiet, _ := List(dir, Filter{})
	if len(quiet) != len(entries)-1 {
		t.Errorf("without NonNotes, only no-front.md is skipped: %d of %d entries", len(quiet), len(entries))
	}
	for _, e := range quiet {
		if filepath.Base(e.Path) == "no-front.md" {
			t.Error("a markdown file without front matter is listed by default")
		}
	}
	var good []string
	broken := map[string]string{}
	for _, e := range entries {
		if e.Broken() {
			broken[filepath.Base(e.Path)] = e.Err.Error()
		} else {
			good = append(good, e.Meta.Title)
		}
	}
	if len(good) != 2 || good[0] != "Newer" {
		t.Errorf("good notes %v, want Newer then Older", good)
	}
	for _, name := range []string{"bad-utf8.md", "binary.md", "no-front.md", "long-line.md", "huge.md", "loop.md"} {
		if msg, ok := broken[name]; !ok || !strings.Contains(msg, name) {
			t.Errorf("%s: broken = %q, want an error naming the file", name, msg)
		}
	}
	if _, err := List(filepath.Join(dir, "no-front.md"), Filter{}); err == nil {
		t.Error("listing a file as a dir gave no error")
	}
	only, _ := List(dir, Filter{Grep: "NEWER"})
	if len(only) != 1 || only[0].Meta.Title != "Newer" {
		t.Errorf("grep: %+v", only)
	}
	open, done := only[0].OpenActions()
	if open != 2 || done != 0 {
		t.Errorf("actions open %d done %d", open, done)
	}
}

func TestFileName(t *testing.T) {
	d := time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)
	tests := []struct {
		n    Note
		want string
	}{
		{Note{Meta: Meta{Type: TypeRetro, Title: "Sprint 42 — rétro!", Date: d}}, "2026-11-23-sprint-42-retro"},
		{Note{Meta: Meta{Type: TypeKata, Title: "The parameter change", Date: d}}, "2026-11-23-kata-the-parameter-change"},
		{Note{Meta: Meta{Type: TypeKata, Title: "Kata: The parameter change", Date: d}}, "2026-11-23-kata-the-parameter-change"},
	}
	for _, tt := range tests {
		if got := FileName(tt.n); got != tt.want {
			t.Errorf("FileName(%q) = %q, want %q", tt.n.Title, got, tt.want)
		}
	}
}
