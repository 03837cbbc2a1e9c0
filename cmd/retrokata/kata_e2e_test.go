package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// A whole kata in a real terminal, from the picker to the saved note, then
// `stats --json` shows the attempt with its box and next due date.
func TestKataInRealTerminal(t *testing.T) {
	home, env := isolatedEnv(t)
	dir := filepath.Join(home, "notes")
	// The kata played here is frozen in testdata (the user's content dir
	// overrides the built-in one), so rewriting the shipped text does not
	// change this test.
	frozen, err := os.ReadFile(filepath.Join("testdata", "library", "katas", "06-orphan-alert.md"))
	if err != nil {
		t.Fatal(err)
	}
	userKatas := filepath.Join(home, "config", "retrokata", "content", "katas")
	if err := os.MkdirAll(userKatas, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(userKatas, "06-orphan-alert.md"), frozen, 0o644); err != nil {
		t.Fatal(err)
	}
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home},
		binPath, "kata", "--timed", "10", "--dir", dir)
	lib, _ := content.Load(content.Builtin())
	s.WaitFor(fmt.Sprintf("%d due today", len(lib.Katas)), wait)
	s.Type("nobody")
	s.WaitFor("The alert nobody owns", wait)
	s.Keys("Enter")
	s.WaitFor("Stage 1 of 2", wait)
	s.WaitFor("10:00 left", wait)
	s.Type("Check customer impact, then find the owner 漢字.")
	s.WaitFor("find the owner 漢字.", wait)
	s.Keys("Tab")
	s.WaitFor("Stage 2 of 2", wait)
	s.Type("Give every alert an owner and a runbook.")
	s.WaitFor("runbook.", wait)
	s.Keys("Tab")
	s.WaitFor("What would you learn from this?", wait)
	s.Type("Alerts without owners wake the wrong people.")
	s.WaitFor("wrong people.", wait)
	s.Keys("Tab")
	s.WaitFor("Reference", wait)
	s.Keys("Tab")
	s.WaitFor("Did your answers cover these?", wait)
	for _, k := range []string{"1", "2", "4", "5"} {
		s.Keys(k)
	}
	s.WaitFor("Score 4/5", wait)
	s.Keys("Tab")
	s.WaitFor("Blameless debrief", wait)
	for range kata.DebriefFields() {
		s.Keys("Tab")
	}
	s.WaitFor("passed: the kata moves up a box", wait)
	s.Keys("s")
	s.WaitFor("(tomorrow).", wait)
	s.WaitFor("Box 1 of 5: next practice", wait)
	s.Keys("Enter")
	if code := s.WaitExit(wait); code != 0 {
		t.Fatalf("exit code %d\n%s", code, s.Screen())
	}
	s.WaitFor("Saved "+dir, wait)

	files, _ := filepath.Glob(filepath.Join(dir, "*-kata-the-alert-nobody-owns.md"))
	if len(files) != 1 {
		t.Fatalf("notes: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if n.Kata != "orphan-alert" || *n.Score != 4 || *n.MaxScore != 5 || n.InTime == nil || !*n.InTime {
		t.Errorf("meta: %+v", n.Meta)
	}
	for _, want := range []string{"**My answer.** Check customer impact, then find the owner 漢字.",
		"Alerts without owners wake the wrong people.", "- [x] Check customer impact first", "- [ ] Write down what you did"} {
		if !strings.Contains(n.Body, want) {
			t.Errorf("note lacks %q:\n%s", want, n.Body)
		}
	}
	if _, err := os.Stat(draftOf(home, kata.DraftName)); !os.IsNotExist(err) {
		t.Errorf("the draft must be gone once the note is saved: %v", err)
	}

	out, errOut, code := runCLIWith(t, nil, "stats", "--json", "--dir", dir)
	if code != 0 {
		t.Fatalf("stats: %d %s", code, errOut)
	}
	var st statsJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	for _, k := range st.Katas {
		if k.Kata == "orphan-alert" {
			if k.Attempts != 1 || k.LastScore != 4 || k.Box != 1 || k.NextDue == "" || k.Due {
				t.Errorf("stats: %+v", k)
			}
			return
		}
	}
	t.Errorf("orphan-alert not in stats: %s", out)
}

// A branching kata in a real terminal, run inside a team repository
// without --dir: look at an item (its minutes go on the clock), take the
// second option, predict, play the branch it leads to, debrief, save. The
// note records the path, decision, prediction and variant, and goes to the
// personal notes dir, not the repository's docs/retros.
func TestKataBranchInRealTerminal(t *testing.T) {
	home, tenv := isolatedEnv(t)
	frozen, err := os.ReadFile(filepath.Join("testdata", "library", "katas", "01-duplicate-import.md"))
	if err != nil {
		t.Fatal(err)
	}
	userKatas := filepath.Join(home, "config", "retrokata", "content", "katas")
	if err := os.MkdirAll(userKatas, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(userKatas, "01-duplicate-import.md"), frozen, 0o644); err != nil {
		t.Fatal(err)
	}
	repo := filepath.Join(home, "repo")
	if err := os.MkdirAll(filepath.Join(repo, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(repo, notes.ConfigName), []byte("notes_dir: docs/retros\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: tenv, Dir: filepath.Join(repo, "sub")},
		binPath, "kata", "duplicate-import")
	s.WaitFor("Stage 1", wait) // a decision is ahead: the path's length is not known yet
	s.WaitFor("Reconstruction", wait)
	s.Keys("C-o")
	s.WaitFor("Look at", wait)
	s.Keys("1")
	s.WaitFor("+2 min on the kata clock", wait)
	s.WaitFor("#311", wait)
	s.Keys("Escape")
	s.WaitFor("✓ opened", wait)
	s.Keys("Escape")
	s.WaitFor("✓ the import job's last runs", wait)
	s.Type("Write a clean-up script.")
	s.WaitFor("clean-up script.", wait)
	s.Keys("Tab")
	s.WaitFor("Decide", wait)
	s.Keys("2")
	s.WaitFor("Predict, then see", wait)
	s.Type("Fewer duplicates.")
	s.WaitFor("Fewer duplicates.", wait)
	s.Keys("Tab")
	s.WaitFor("Stage 2 of 3", wait) // the path chosen skips stage 2; its stages are numbered in a row
	s.Type("Stop the import, restore the rows.")
	s.WaitFor("restore the rows.", wait)
	s.Keys("Tab")
	s.WaitFor("Stage 3 of 3", wait)
	s.Type("Ask how we would have seen it.")
	s.WaitFor("have seen it.", wait)
	s.Keys("Tab")
	s.WaitFor("What would you learn from this?", wait)
	s.Keys("Tab")
	s.WaitFor("expected: Fewer duplicates.", wait)
	s.Keys("Tab")
	s.WaitFor("Did your answers cover these?", wait)
	s.Keys("1")
	s.Keys("Tab")
	s.WaitFor("Blameless debrief", wait)
	s.Type("Duplicates for days.")
	s.WaitFor("for days.", wait)
	for range kata.DebriefFields() {
		s.Keys("Tab")
	}
	s.WaitFor("Press s to save", wait)
	s.Keys("s")
	s.WaitFor("Box 1 of 5", wait)
	s.Keys("Enter")
	if code := s.WaitExit(wait); code != 0 {
		t.Fatalf("exit code %d\n%s", code, s.Screen())
	}
	if files, _ := filepath.Glob(filepath.Join(repo, "docs", "retros", "*")); len(files) != 0 {
		t.Errorf("practice wrote into the team's notes: %v", files)
	}
	files, _ := filepath.Glob(filepath.Join(home, "data", "retrokata", "notes", "*-kata-the-duplicate-import.md"))
	if len(files) != 1 {
		t.Fatalf("kata notes in the personal dir: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if n.Variant != 1 || *n.Score != 1 {
		t.Errorf("meta: %+v", n.Meta)
	}
	for _, want := range []string{"path: stages 1 → 3 → 4", "**My decision.** Leave it running and write a clean-up script first",
		"**I expected.** Fewer duplicates.", "**I looked at.** the import job's last runs (2 min", "**Impact.** Duplicates for days.",
		"_Reconstruction:", "Spain"} {
		if !strings.Contains(n.Body, want) {
			t.Errorf("note lacks %q:\n%s", want, n.Body)
		}
	}
	if strings.Contains(n.Body, "Stage 2: Tuesday, 11:30") {
		t.Error("the note holds a stage off the path")
	}
	// stats run from the repository reads the personal progress.
	out, _, code := runCLIWith(t, func(e *env) {
		e.wd = filepath.Join(repo, "sub")
		e.xdg = notes.XDG{DataHome: filepath.Join(home, "data"), StateHome: filepath.Join(home, "state"),
			ConfigHome: filepath.Join(home, "config"), CacheHome: filepath.Join(home, "cache")}
	}, "stats", "--json")
	if code != 0 || !strings.Contains(out, `"kata_attempts": 1`) {
		t.Errorf("stats from anywhere shows the attempt: %d %s", code, out)
	}
}

// SIGTERM while answering keeps the answer in the draft; the next start
// offers to resume it.
func TestKataSIGTERMThenResume(t *testing.T) {
	home, env := isolatedEnv(t)
	draft := draftOf(home, kata.DraftName)
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 40, Height: 12, Env: env, Dir: home},
		binPath, "kata", "game-day", "--dir", filepath.Join(home, "notes"))
	s.WaitFor("Stage 1 of", wait)
	s.Type("Half an answer")
	s.WaitFor("Half an answer", wait)
	if err := syscall.Kill(s.ProgramPID(), syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	s.WaitExit(wait)
	d, ok, err := kata.LoadDraft(draft)
	if !ok || err != nil || d.Session.Answers[0] != "Half an answer" {
		t.Fatalf("draft after SIGTERM: ok=%v err=%v %+v", ok, err, d.Session)
	}
	r := tmuxtest.Start(t, tmuxtest.Options{Width: 40, Height: 12, Env: env, Dir: home},
		binPath, "kata", "--dir", filepath.Join(home, "notes"))
	r.WaitFor("A kata in progress", wait)
	r.Keys("r")
	r.WaitFor("Half an answer", wait)
	// quit before the test's temp dirs go: the program autosaves into them
	r.Keys("C-c")
	r.WaitFor("Quit now?", wait)
	r.Keys("y")
	r.WaitExit(wait)
}

func TestKataNeedsATerminal(t *testing.T) {
	_, stderr, code := runCLIWith(t, nil, "kata")
	if code != 2 || !strings.Contains(stderr, "retrokata: kata needs an interactive terminal") {
		t.Fatalf("code %d, stderr %q", code, stderr)
	}
	out, _, code := runCLIWith(t, nil, "kata", "list")
	if code != 0 || !strings.Contains(out, "orphan-alert") {
		t.Fatalf("kata list works without a terminal: %d %q", code, out)
	}
}
