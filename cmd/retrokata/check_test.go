package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkDir is a repository-like dir: the notes of statusDir (one overdue
// action, on line 14 of sprint 44), a broken note, a note whose name
// needs escaping in an annotation, and a README that is no note.
func checkDir(t *testing.T) (wd, dir string) {
	wd = t.TempDir()
	dir = filepath.Join(wd, "docs", "retros")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "2026-11-16-sprint-43.md"), []byte(sprint43), 0o644)
	os.WriteFile(filepath.Join(dir, "2026-11-23-sprint-44.md"), []byte(sprint44), 0o644)
	os.WriteFile(filepath.Join(dir, "README.md"), []byte("# Our retros\n"), 0o644)
	return wd, dir
}

func runIn(t *testing.T, wd string, argv ...string) (string, string, int) {
	return runCLIWith(t, func(e *env) { e.wd = wd }, argv...)
}

func TestCheckText(t *testing.T) {
	wd, dir := checkDir(t)
	out, errOut, code := runIn(t, wd, "check", "--dir", dir)
	want := "docs/retros/2026-11-23-sprint-44.md:14: action 2026-11-23-sprint-44#2 is overdue since 2020-01-01: Alert on orders per minute (@bob, carol)\n"
	if code != 0 || out != want || !strings.Contains(errOut, "2 notes checked: 0 unreadable, 1 overdue action") {
		t.Errorf("no limit: exit %d\n%s%s", code, out, errOut)
	}
	if _, _, code := runIn(t, wd, "check", "--dir", dir, "--max-overdue", "1"); code != 0 {
		t.Errorf("1 overdue, at most 1: exit %d", code)
	}
	out, errOut, code = runIn(t, wd, "check", "--dir", dir, "--max-overdue", "0")
	if code != 1 || out != want || !strings.Contains(errOut, "check failed: 2 notes checked: 0 unreadable, 1 overdue action (at most 0 allowed)") {
		t.Errorf("over the limit: exit %d\n%s%s", code, out, errOut)
	}
	os.WriteFile(filepath.Join(dir, "2026-11-30-broken.md"), []byte("---\ntype: retro\ntitle: [\n---\n"), 0o644)
	out, _, code = runIn(t, wd, "check", "--dir", dir)
	if code != 1 || !strings.Contains(out, "\ndocs/retros/2026-11-30-broken.md:3: ") {
		t.Errorf("broken note: exit %d\n%s", code, out)
	}
	if _, errOut, code := runIn(t, wd, "check", "--dir", dir, "--format", "xml"); code != 2 || !strings.Contains(errOut, `unknown format "xml"`) {
		t.Errorf("bad format: exit %d %s", code, errOut)
	}
	// a notes dir outside the working dir is shown by its full path
	out, _, _ = runIn(t, t.TempDir(), "check", "--dir", dir)
	if !strings.Contains(out, filepath.Join(dir, "2026-11-23-sprint-44.md")+":14: ") {
		t.Errorf("outside wd: %s", out)
	}
}

func TestCheckGitHub(t *testing.T) {
	wd, dir := checkDir(t)
	out, _, code := runIn(t, wd, "check", "--dir", dir, "--format", "github")
	want := "::warning file=docs/retros/2026-11-23-sprint-44.md,line=14::action 2026-11-23-sprint-44#2 is overdue since 2020-01-01: Alert on orders per minute (@bob, carol)\n"
	if code != 0 || out != want {
		t.Errorf("no limit: exit %d\n%s", code, out)
	}
	out, _, code = runIn(t, wd, "check", "--dir", dir, "--format", "github", "--max-overdue", "0")
	if code != 1 || out != strings.Replace(want, "::warning", "::error", 1) {
		t.Errorf("over the limit: exit %d\n%s", code, out)
	}
	// a hostile name and message cannot forge a second annotation
	os.WriteFile(filepath.Join(dir, "2026-12-01-a,line=1::x%.md"),
		[]byte("---\ntype: retro\n---\n## Actions\n- [ ] Evil\x1b]0;t\x07 %0A::error::forged (due 2020-01-02)\n"), 0o644)
	out, _, _ = runIn(t, wd, "check", "--dir", dir, "--format", "github")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[1], "::warning file=docs/retros/2026-12-01-a%2Cline=1%3A%3Ax%25.md,line=5::") ||
		!strings.HasSuffix(lines[1], "Evil %250A::error::forged") || strings.ContainsAny(out, "\x1b\x07") {
		t.Errorf("hostile note:\n%s", out)
	}
}
