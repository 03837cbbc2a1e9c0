package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
	"github.com/retrokata/retrokata/notes"
)

// Issue 20: a whole retro on a 40x12 terminal, three problems discussed
// with tab alone (tab goes from one problem to the next, then to
// Actions), participants taken from the team's last retro, the default
// title without the date; the note on disk is read back.
func TestRetroAt40x12InRealTerminal(t *testing.T) {
	home, env := isolatedEnv(t)
	dir := filepath.Join(home, "notes")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	last := filepath.Join(dir, "2026-11-09-pay-retrospective.md")
	if err := os.WriteFile(last, []byte("---\ntype: retro\ntitle: pay retrospective\ndate: 2026-11-09T14:00:00Z\nteam: pay\nparticipants: [Ann, Bob]\n---\n# pay retrospective\n\n## Actions\n\nNo actions this time.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 40, Height: 12, Env: env, Dir: home},
		binPath, "retro", "--team", "pay", "--dir", dir)
	s.WaitFor("esc done editing", wait)
	s.WaitFor("Ann, Bob", wait) // prefilled from the last retro
	s.Keys("Tab", "Tab")
	s.Type("Dana")
	s.WaitFor("Dana", wait)
	s.Keys("Escape")
	s.WaitFor("tab next phase", wait) // the narrow footer keeps it
	s.Keys("Tab")
	s.WaitFor("[2 Previous]", wait)
	s.Keys("Tab")
	s.WaitFor("[3 Problems]", wait)
	problems := []string{"Deploy froze", "Slow reviews", "Flaky alerts"}
	for i, p := range problems {
		s.Keys("a")
		s.WaitFor("esc done editing", wait)
		s.Type(p)
		s.WaitFor(p, wait)
		s.Keys("Escape")
		s.WaitFor(string(rune('1'+i))+". "+p, wait)
	}
	s.Keys("Tab")
	s.WaitFor("[4 Vote]", wait)
	// 2 participants × 3 dots: 3, 2 and 1 dots, top to bottom
	s.Keys("+", "+", "+", "Down", "+", "+", "Down", "+")
	s.WaitFor(" 1 Flaky alerts", wait)
	s.Keys("Tab")
	for i, p := range problems {
		s.WaitFor("Problem "+string(rune('1'+i))+"/3", wait)
		s.WaitFor(p, wait)
		s.Keys("Enter")
		s.WaitFor("Our immediate reaction", wait)
		s.Type("React " + p)
		s.Keys("Tab")
		s.Type("Learn " + p)
		s.WaitFor("Learn "+p, wait)
		s.Keys("Escape")
		s.WaitFor("Learnt: Learn "+p, wait)
		s.Keys("Tab") // the next problem; after the last, Actions
	}
	s.WaitFor("[6 Actions]", wait)
	s.Keys("a")
	s.WaitFor("esc done editing", wait)
	s.Type("Add a canary stage")
	s.Keys("Tab")
	s.Type("ann")
	s.Keys("Tab")
	s.Type("2026-12-07")
	s.WaitFor("2026-12-07", wait)
	s.Keys("Escape")
	s.WaitFor("@ann · due 2026-12-07", wait)
	s.Keys("Tab")
	s.WaitFor("[7 Close]", wait)
	s.Keys("s")
	if code := s.WaitExit(wait); code != 0 {
		t.Fatalf("exit code %d\n%s", code, s.Screen())
	}

	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	var saved []string
	for _, f := range files {
		if f != last {
			saved = append(saved, f)
		}
	}
	if len(saved) != 1 || !strings.HasSuffix(saved[0], "-pay-retrospective.md") {
		t.Fatalf("notes saved: %v (want one, <date>-pay-retrospective.md)", saved)
	}
	data, _ := os.ReadFile(saved[0])
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if n.Title != "pay retrospective" || n.Facilitator != "Dana" || strings.Join(n.Participants, ",") != "Ann,Bob" {
		t.Errorf("meta: %+v", n.Meta)
	}
	body := n.Body
	want := []string{
		"### 1. Deploy froze — 3 votes", "**Our reaction.** React Deploy froze", "**What we learnt.** Learn Deploy froze",
		"### 2. Slow reviews — 2 votes", "**Our reaction.** React Slow reviews", "**What we learnt.** Learn Slow reviews",
		"### 3. Flaky alerts — 1 vote\n", "**Our reaction.** React Flaky alerts", "**What we learnt.** Learn Flaky alerts",
		"## Actions\n- [ ] Add a canary stage (@ann, due 2026-12-07)",
	}
	at := 0
	for _, w := range want {
		i := strings.Index(body[at:], w)
		if i < 0 {
			t.Errorf("note lacks %q after byte %d:\n%s", w, at, body)
			continue
		}
		at += i + len(w)
	}
}
