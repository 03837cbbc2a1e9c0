package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

const wait = 10 * time.Second

// A whole retro in a real terminal: typing, voting, discussing, actions,
// saving; then the note on disk is read back.
func TestRetroInRealTerminal(t *testing.T) {
	home, env := isolatedEnv(t)
	dir := filepath.Join(home, "notes")
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home},
		binPath, "retro", "--team", "checkout", "--dir", dir)
	s.WaitFor("esc done editing", wait)
	s.Type("Sprint 42")
	s.Keys("Tab", "Tab")
	s.Type("Alice")
	s.Keys("Tab")
	s.Type("Alice, Bob, 陳")
	s.WaitFor("Alice, Bob, 陳", wait)
	s.Keys("Escape")
	s.WaitFor("tab next phase", wait)
	s.Keys("Tab")
	s.WaitFor("No open action for checkout", wait)
	s.Keys("Tab")
	s.WaitFor("No problems yet", wait)
	s.Keys("a")
	s.WaitFor("esc done editing", wait)
	s.Type("Checkout broken after deploy 🚀")
	s.Keys("Tab")
	s.Type("Orders failed for an hour.")
	s.WaitFor("Orders failed for an hour.", wait)
	s.Keys("Escape")
	s.WaitFor("1. Checkout broken after deploy", wait)
	s.Keys("Tab")
	s.WaitFor("9 left of 9", wait)
	s.Keys("+", "+")
	s.WaitFor("7 left of 9", wait)
	s.Keys("Tab")
	s.WaitFor("Reaction:", wait)
	s.Keys("Enter")
	s.WaitFor("Our immediate reaction", wait)
	s.Type("Rolled back by hand")
	s.Keys("Tab")
	s.Type("Deploy small")
	s.WaitFor("Deploy small", wait)
	s.Keys("Escape")
	s.WaitFor("Learnt: Deploy small", wait)
	s.Keys("2")
	s.WaitFor("[x] 2.", wait)
	s.Keys("Tab")
	s.WaitFor("No actions yet", wait)
	s.Keys("a")
	s.WaitFor("esc done editing", wait)
	s.Type("Add a canary stage")
	s.Keys("Tab")
	s.Type("alice")
	s.Keys("Tab")
	s.Type("2026-12-01")
	s.WaitFor("2026-12-01", wait)
	s.Keys("Escape")
	s.WaitFor("@alice · due 2026-12-01", wait) // owner and due: never cut
	s.Keys("Tab")
	s.WaitFor("s save", wait)
	s.Keys("s")
	if code := s.WaitExit(wait); code != 0 {
		t.Fatalf("exit code %d\n%s", code, s.Screen())
	}
	s.WaitFor("Saved "+dir, wait)

	files, _ := filepath.Glob(filepath.Join(dir, "*-sprint-42.md"))
	if len(files) != 1 {
		t.Fatalf("notes: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if n.Title != "Sprint 42" || n.Team != "checkout" || n.Facilitator != "Alice" {
		t.Errorf("meta: %+v", n.Meta)
	}
	for _, want := range []string{
		"### 1. Checkout broken after deploy 🚀 — 2 votes",
		"**What happened.** Orders failed for an hour.",
		"**Our reaction.** Rolled back by hand",
		"**What we learnt.** Deploy small",
		"**Tips.** 2. ",
		"## Actions\n- [ ] Add a canary stage (@alice, due 2026-12-01)",
	} {
		if !strings.Contains(n.Body, want) {
			t.Errorf("note lacks %q:\n%s", want, n.Body)
		}
	}
	if _, err := os.Stat(draftOf(home, retro.DraftName)); !os.IsNotExist(err) {
		t.Errorf("the draft must be gone once the note is saved: %v", err)
	}
}

// SIGKILL mid-typing loses at most the last second; the next start offers
// to resume the draft, and resumes it.
func TestRetroSIGKILLThenResume(t *testing.T) {
	home, env := isolatedEnv(t)
	draft := draftOf(home, retro.DraftName)
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home},
		binPath, "retro", "--dir", filepath.Join(home, "notes"))
	s.WaitFor("esc done editing", wait)
	s.Type("Typed before the kill")
	s.WaitFor("Typed before the kill", wait)
	// The autosave (every 500 ms) puts typed text on disk: wait for the
	// draft to hold it, then kill.
	tmuxtest.WaitUntil(t, wait, "the draft to hold the typed title", func() bool {
		d, ok, err := retro.LoadDraft(draft)
		return ok && err == nil && d.Session.Title == "Typed before the kill"
	})
	if err := syscall.Kill(s.ProgramPID(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if code := s.WaitExit(wait); code != 128+int(syscall.SIGKILL) {
		t.Fatalf("exit code %d", code)
	}
	d, ok, err := retro.LoadDraft(draft)
	if !ok || err != nil || d.Session.Title != "Typed before the kill" {
		t.Fatalf("draft after SIGKILL: ok=%v err=%v %+v", ok, err, d.Session)
	}

	r := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home},
		binPath, "retro", "--dir", filepath.Join(home, "notes"))
	r.WaitFor("A retro in progress was found", wait)
	r.Keys("r")
	r.WaitFor("Typed before the kill", wait)
	r.WaitFor("Resumed the retro", wait)
	r.Keys("Escape")
	r.WaitFor("tab next phase", wait)
	r.Keys("C-c")
	r.WaitFor("Quit now?", wait)
	r.Keys("y")
	if code := r.WaitExit(wait); code != 0 {
		t.Fatalf("exit code %d", code)
	}
	r.WaitFor("kept as a draft", wait)
	if _, ok, _ := retro.LoadDraft(draft); !ok {
		t.Fatal("quitting with y must keep the draft")
	}
}

// SIGTERM and SIGHUP save the draft and exit.
func TestRetroSIGTERMSavesDraft(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			home, env := isolatedEnv(t)
			draft := draftOf(home, retro.DraftName)
			s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home},
				binPath, "retro", "--dir", filepath.Join(home, "notes"))
			s.WaitFor("esc done editing", wait)
			s.Type("Just typed")
			s.WaitFor("Just typed", wait)
			if err := syscall.Kill(s.ProgramPID(), sig); err != nil {
				t.Fatal(err)
			}
			s.WaitExit(wait)
			d, ok, err := retro.LoadDraft(draft)
			if !ok || err != nil || d.Session.Title != "Just typed" {
				t.Fatalf("draft after %v: ok=%v err=%v", sig, ok, err)
			}
		})
	}
}

func TestRetroNeedsATerminal(t *testing.T) {
	_, stderr, code := runCLIWith(t, nil, "retro")
	if code != 2 || !strings.Contains(stderr, "retrokata: retro needs an interactive terminal") {
		t.Fatalf("code %d, stderr %q", code, stderr)
	}
}
