//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
)

// hostileFiles plants, in dir, a FIFO, a link to /dev/zero, a link to a
// directory and a 5 MiB file, each named name-<kind>.md.
func hostileFiles(t *testing.T, dir, prefix string) {
	t.Helper()
	os.MkdirAll(dir, 0o755)
	if err := syscall.Mkfifo(filepath.Join(dir, prefix+"fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, prefix+"zero.md")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(t.TempDir(), filepath.Join(dir, prefix+"dir.md")); err != nil {
		t.Fatal(err)
	}
	big := "---\ntype: retro\ntitle: big\ndate: 2026-11-23T14:00:00Z\n---\n" + strings.Repeat("- [ ] a\n", 5<<20/8)
	if err := os.WriteFile(filepath.Join(dir, prefix+"big.md"), []byte(big), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A FIFO, a link to /dev/zero or to a directory, a 5 MiB file: in the notes
// dir or in a content dir, every command finishes and names the file.
func TestFaultUnreadableFilesAreRefused(t *testing.T) {
	home, env := isolatedEnv(t)
	dir := filepath.Join(home, "notes")
	hostileFiles(t, dir, "2026-11-23-")
	os.WriteFile(filepath.Join(dir, "2026-11-20-good.md"), []byte("---\ntype: retro\ntitle: Good\ndate: 2026-11-20T14:00:00Z\n---\n## Actions\n- [ ] Keep going\n"), 0o644)
	content := filepath.Join(home, "config", "retrokata", "content")
	for _, kind := range []string{"tips", "cases", "katas"} {
		hostileFiles(t, filepath.Join(content, kind), "x-")
	}

	for _, args := range [][]string{{"list"}, {"actions"}, {"stats"}} {
		out, code := runBin(t, env, append(args, "--dir", dir)...)
		noPanic(t, out)
		if code != 0 || (args[0] == "list" && !strings.Contains(out, "Good")) {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
	out, _ := runBin(t, env, "list", "--dir", dir)
	for _, want := range []string{"2026-11-23-fifo.md: not a regular file (a named pipe)", "2026-11-23-zero.md: not a regular file (a device)",
		"2026-11-23-dir.md: not a regular file (a directory)", "2026-11-23-big.md: larger than 4 MiB"} {
		if !strings.Contains(out, want) {
			t.Errorf("list does not say %q:\n%s", want, out)
		}
	}
	for _, name := range []string{"fifo", "zero", "dir", "big"} {
		p := filepath.Join(dir, "2026-11-23-"+name+".md")
		out, code := runBin(t, env, "show", p)
		noPanic(t, out)
		if code == 0 || !strings.Contains(out, p) {
			t.Errorf("show %s: exit %d\n%s", name, code, out)
		}
	}
	for _, args := range [][]string{{"tips"}, {"cases"}, {"kata", "list"}} {
		out, code := runBin(t, env, args...)
		noPanic(t, out)
		if code != 0 || !strings.Contains(out, "x-zero.md") || !strings.Contains(out, "not a regular file") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
}

// A note linked to /dev/tty must not steal what is typed in the browser, and
// a FIFO must not hang its background reader.
func TestBrowserIgnoresTTYAndFIFONotes(t *testing.T) {
	home, env := isolatedEnv(t)
	dir := filepath.Join(home, "notes")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "2026-11-20-good.md"), []byte("---\ntype: retro\ntitle: Good\ndate: 2026-11-20T14:00:00Z\n---\n## Actions\n- [ ] Keep going\n"), 0o644)
	os.Symlink("/dev/tty", filepath.Join(dir, "2026-11-21-tty.md"))
	syscall.Mkfifo(filepath.Join(dir, "2026-11-22-fifo.md"), 0o644)
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home}, binPath, "notes", "--dir", dir)
	s.WaitFor("Good", wait)
	s.Keys("Down") // preview the tty note
	s.Keys("/")
	for _, c := range "keep going" {
		s.Type(string(c))
	}
	s.WaitFor("keep going", wait)
	s.Keys("Escape")
	s.WaitFor("· 3 notes", wait)
	s.Keys("q")
	if code := s.WaitExit(wait); code != 0 {
		t.Fatalf("browser exit %d\n%s", code, s.Screen())
	}
}
