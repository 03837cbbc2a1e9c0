package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
	"github.com/retrokata/retrokata/notes"
)

// A retro in a real terminal with the facilitator's toolkit: a safety
// check-in with its tally, an activity picked for the problems, a 5-whys
// chain in Discuss and the room's ROTI at close; the saved note holds them.
func TestRetroToolkitInRealTerminal(t *testing.T) {
	home, env := isolatedEnv(t)
	dir := filepath.Join(home, "notes")
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home},
		binPath, "retro", "--team", "checkout", "--dir", dir)
	s.WaitFor("esc done editing", wait)
	s.Type("Sprint 44")
	s.WaitFor("Sprint 44", wait)
	s.Keys("Escape")
	s.WaitFor("tab next phase", wait)
	s.Keys("c")
	s.WaitFor("Pick an activity for Set the stage", wait)
	s.Keys("Enter")
	s.WaitFor("Check-in: Safety check", wait)
	s.Keys("Down", "Down", "Down", "+", "Down", "+", "+")
	s.WaitFor("3 answers", wait)
	s.Keys("Escape")
	s.WaitFor("Check-in: Safety check ·", wait)
	s.Keys("Tab")
	s.WaitFor("No open action for checkout", wait)
	s.Keys("Tab")
	s.WaitFor("No problems yet", wait)
	s.Keys("A")
	s.WaitFor("Pick an activity for Problems", wait)
	s.Keys("Down", "Down", "Down")
	s.WaitFor("Prompt: What made you mad, sad or glad", wait)
	s.Keys("Enter")
	s.WaitFor("Columns: 1 Mad · 2 Sad · 3 Glad", wait)
	s.Keys("a")
	s.WaitFor("esc done editing", wait)
	s.Type("Checkout broken after deploy")
	s.Keys("Tab")
	s.Type("Orders failed for an hour.")
	s.WaitFor("Orders failed for an hour.", wait)
	s.Keys("Escape")
	s.WaitFor("1. Checkout broken after deploy", wait)
	s.Keys("Tab")
	s.WaitFor("left of", wait)
	s.Keys("+")
	s.Keys("Tab")
	s.WaitFor("Reaction:", wait)
	s.Keys("w")
	s.WaitFor("5 whys (one per line)", wait)
	s.Type("The cache expired for every key at once")
	s.Keys("Enter")
	s.Type("Every key got the same TTL at deploy")
	s.WaitFor("same TTL at deploy", wait)
	s.Keys("Escape")
	s.WaitFor("Why: 1. The cache expired", wait)
	s.Keys("Tab") // no reaction, no learning: a warning first
	s.WaitFor("tab again goes to Actions", wait)
	s.Keys("Tab")
	s.WaitFor("No actions yet", wait)
	s.Keys("Tab")
	s.WaitFor("s save", wait)
	s.Keys("r")
	s.WaitFor("ROTI votes", wait)
	s.Type("4 5 3 4")
	s.Keys("Enter")
	s.WaitFor("ROTI 4 from 4 votes", wait)
	s.Keys("s")
	if code := s.WaitExit(wait); code != 0 {
		t.Fatalf("exit code %d\n%s", code, s.Screen())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*-sprint-44.md"))
	if len(files) != 1 {
		t.Fatalf("notes: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if n.ROTI == nil || *n.ROTI != 4 {
		t.Errorf("roti %v", n.ROTI)
	}
	for _, want := range []string{
		"## Check-in\n\n**Safety check.** How freely will you speak today",
		"- 4 Almost anything: 1\n- 5 Anything at all: 2\n",
		"## Activities\n- Set the stage: Safety check\n- Problems: Mad, sad, glad\n",
		"### 1. Checkout broken after deploy — 1 vote",
		"**Why.**\n1. The cache expired for every key at once\n2. Every key got the same TTL at deploy\n",
	} {
		if !strings.Contains(n.Body, want) {
			t.Errorf("note lacks %q:\n%s", want, n.Body)
		}
	}
}
