package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
)

// From the home screen: open the browser, filter to one note, tick one of
// its actions, quit; the note changed on exactly that line.
func TestBrowserTickInRealTerminal(t *testing.T) {
	home, env := isolatedEnv(t)
	dir := filepath.Join(home, "notes")
	os.MkdirAll(dir, 0o755)
	note := filepath.Join(dir, "2026-11-20-sprint-42.md")
	before := []byte("---\ntype: retro\ntitle: Sprint 42\ndate: 2026-11-20T14:00:00Z\nteam: checkout\n---\n# Sprint 42\r\n\r\n## Actions\r\n" +
		"- [ ] Add a canary stage (@alice, due 2026-12-01)\r\n- [ ] Write the rollback runbook (@chen)\r\n")
	os.WriteFile(note, before, 0o644)
	os.WriteFile(filepath.Join(dir, "2026-11-06-sprint-41.md"),
		[]byte("---\ntype: retro\ntitle: Sprint 41\ndate: 2026-11-06T14:00:00Z\nteam: search\n---\n## Actions\n- [ ] Page the owner (@dana)\n"), 0o644)

	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home}, binPath, "--dir", dir)
	s.WaitFor("[b] Browse notes", wait)
	s.WaitFor("3 open", wait)
	s.Keys("b")
	s.WaitFor("2 notes", wait)
	s.Keys("/")
	s.Type("sprnt 42")
	s.WaitFor("1 of 2 notes", wait)
	s.Keys("Enter", "a")
	s.WaitFor("open actions of 1 note", wait)
	s.WaitFor("Write the rollback runbook", wait)
	s.Keys("Down", "Space")
	s.WaitFor("Ticked in", wait)
	s.Keys("q")
	s.WaitFor("[r] Run a retro", wait)
	s.WaitFor("2 open", wait) // home's facts are read again
	s.Keys("q")
	if code := s.WaitExit(wait); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	after, _ := os.ReadFile(note)
	want := bytes.Replace(before, []byte("- [ ] Write the rollback"), []byte("- [x] Write the rollback"), 1)
	if !bytes.Equal(after, want) {
		t.Fatalf("the note must change on that line only, CRLF kept:\n%q\nwant\n%q", after, want)
	}
}
