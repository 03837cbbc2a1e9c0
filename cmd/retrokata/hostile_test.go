package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/retrokata/retrokata/content"
)

// hostileRepo is a cloned repository whose content and notes try to drive
// the terminal: a case whose title sets the clipboard (OSC 52, as a YAML
// escape) and whose body sets the window title (OSC 0, raw bytes), a tip
// and a kata likewise, a note whose file name holds an escape sequence, a
// note whose title, team and action do, and a broken note with a hostile
// name and value. It returns the repo dir (the working directory) and the
// hostile case file.
func hostileRepo(t *testing.T) (string, string) {
	t.Helper()
	repo := t.TempDir()
	osc52 := `\e]52;c;cHduZWQ=\a`
	write := func(rel, text string) string {
		p := filepath.Join(repo, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	evil := func(name, kind string) string {
		data, err := fs.ReadFile(content.Builtin().FS, kind+"/"+name)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Replace(string(data), "\ntitle: ", "\ntitle: \"Evil "+osc52+" title\"\nx: ", 1)
		text = strings.Replace(text, "\nx: ", "\nreconstruction_note: ", 1)
		return text
	}
	write(".retrokata.yaml", "notes_dir: docs/retros\n")
	caseFile := write(".retrokata/content/cases/02-parameter-change.md", strings.Replace(evil("02-parameter-change.md", "cases"), "\nreconstruction_note: ", "\n#", 1)+"Body \x1b]0;pwned\x07 text\n")
	write(".retrokata/content/tips/4-no-blame.md", strings.Replace(evil("4-no-blame.md", "tips"), "\nreconstruction_note: ", "\n#", 1)+"Tip body \x1b]0;pwned\x07 text\n")
	write(".retrokata/content/katas/01-duplicate-import.md", strings.Replace(evil("01-duplicate-import.md", "katas"), "\nreconstruction_note: ", "\n#", 1))
	if runtime.GOOS != "windows" {
		write("docs/retros/2026-01-03-a\x1b]0;X\x07.md", "---\ntype: retro\ntitle: Named\ndate: 2026-01-03T10:00:00Z\nteam: t\n---\n# Named\n")
		write("docs/retros/2026-01-04-b\x1b[31m.md", "---\ntype: retro\ntitle: [\"\\e]0;Y\\a\n")
	}
	write("docs/retros/2026-01-05-evil.md", "---\ntype: retro\ntitle: \"Title \\e[2J\\e]0;T\\a\"\ndate: 2026-01-05T10:00:00Z\nteam: \"team\\e]52;c;eA==\\a\"\n---\n# T\n\nBody \x1b]0;pwned\x07\n\n## Actions\n- [ ] Evil \x1b]52;c;eA==\x07 action (@bob\x1b[31m, due 2026-01-10)\n")
	return repo, caseFile
}

// terminalBytes are what a terminal acts on: ESC, BEL, CSI and OSC as C1.
const terminalBytes = "\x1b\x07\u009b\u009d"

// Issue 14 item 4: nothing from a file, a file name or an error reaches
// stdout or stderr with a control sequence in it.
func TestHostileFilesNeverReachTheTerminal(t *testing.T) {
	repo, caseFile := hostileRepo(t)
	for _, args := range [][]string{
		{"cases"}, {"cases", "parameter-change"}, {"tips"}, {"tips", "4"}, {"kata", "list"},
		{"list"}, {"list", "--json"}, {"actions"}, {"actions", "--json"}, {"stats"},
		{"show", "2026-01-05-evil"}, {"content", "check"}, {"content", "check", caseFile},
		{"show", "2026-01-04"}, {"cases", "no\x1b]0;such\x07"},
	} {
		stdout, stderr, code := runCLIWith(t, func(e *env) { e.wd = repo }, args...)
		if strings.ContainsAny(stdout, terminalBytes) || strings.ContainsAny(stderr, terminalBytes) {
			t.Errorf("%q (exit %d) prints a control sequence:\nstdout: %q\nstderr: %q", args, code, stdout, stderr)
		}
	}
	// The hostile texts are still shown, without their sequences.
	if stdout, _, _ := runCLIWith(t, func(e *env) { e.wd = repo }, "cases"); !strings.Contains(stdout, "Evil  title") {
		t.Errorf("cases lost the title: %s", stdout)
	}
}

// content check reports each control character with file:line, exit 1.
func TestContentCheckRefusesControlCharacters(t *testing.T) {
	repo, caseFile := hostileRepo(t)
	stdout, _, code := runCLIWith(t, func(e *env) { e.wd = repo }, "content", "check", caseFile)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(stdout, caseFile+":3: control character U+001B") || !strings.Contains(stdout, "U+001B (ESC") {
		t.Errorf("no file:line report of the escape sequences:\n%s", stdout)
	}
}

// On a terminal, cases ID and tips N are rendered by glamour: its own
// styling sequences are there, none from the file.
func TestGlamourOutputKeepsItsStylingAndNothingFromTheFile(t *testing.T) {
	repo, _ := hostileRepo(t)
	for _, args := range [][]string{{"cases", "parameter-change"}, {"tips", "4"}} {
		stdout, stderr, code := runCLIWith(t, func(e *env) {
			e.wd = repo
			e.tty = func(any) bool { return true }
			e.getenv = func(k string) string { return map[string]string{"COLORFGBG": "15;0"}[k] }
		}, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, stderr)
		}
		if !strings.Contains(stdout, "\x1b[") {
			t.Errorf("%v: no styling: glamour did not render (%q)", args, stdout[:min(200, len(stdout))])
		}
		for _, bad := range []string{"\x1b]", "\x07", "pwned", "cHduZWQ"} {
			if strings.Contains(stdout, bad) {
				t.Errorf("%v: %q from the file reached the terminal", args, bad)
			}
		}
	}
}

func TestSanitizerKeepsRunesCutBetweenWrites(t *testing.T) {
	var b strings.Builder
	s := &sanitizer{w: &b}
	text := []byte("é\x1b]0;x\x07日本")
	for i := range text {
		s.Write(text[i : i+1])
	}
	// Each Write is sanitised whole: a sequence cut between writes leaves
	// harmless text, never a control byte, and runes stay whole.
	if got := b.String(); strings.ContainsAny(got, terminalBytes+"\uFFFD") || !strings.HasPrefix(got, "é") || !strings.HasSuffix(got, "日本") {
		t.Errorf("byte by byte: %q", got)
	}
}

// Issue 14 item 2 at the command line: a repo's notes_dir pointing out of
// it exits 1 with one line naming .retrokata.yaml; --dir may point anywhere.
func TestRepoNotesDirOutsideExits1(t *testing.T) {
	repo := t.TempDir()
	os.WriteFile(filepath.Join(repo, ".retrokata.yaml"), []byte("notes_dir: ../outside\n"), 0o644)
	_, stderr, code := runCLIWith(t, func(e *env) { e.wd = repo }, "list")
	first, _, _ := strings.Cut(stderr, "\n")
	if code != 1 || !strings.HasSuffix(first, `.retrokata.yaml: notes_dir "../outside" points outside the repository`) {
		t.Errorf("exit %d: %q", code, stderr)
	}
	if _, stderr, code := runCLIWith(t, func(e *env) { e.wd = repo }, "list", "--dir", t.TempDir()); code != 0 {
		t.Errorf("--dir elsewhere: exit %d: %s", code, stderr)
	}
}
