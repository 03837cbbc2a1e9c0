package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/retro"
)

func testTimeline() timelineMsg {
	at := func(d int) time.Time { return time.Date(2026, 11, d, 10, 0, 0, 0, time.UTC) }
	return timelineMsg{from: "since the last retro (2026-11-16)", dropped: 2, events: []retro.Event{
		{Kind: retro.EventMerge, Date: at(17), SHA: "1111111", Subject: "Merge branch 'canary'"},
		{Kind: retro.EventTag, Date: at(17), SHA: "1111111", Subject: "v1.4"},
		{Kind: retro.EventRevert, Date: at(19), SHA: "2222222", Subject: `Revert "Cache prices"`},
		{Kind: retro.EventHotfix, Date: at(20), SHA: "3333333", Subject: "Hotfix: payment timeout"},
	}}
}

// t shows the timeline in Problems, enter turns the selected event into a
// problem card, t or esc goes back to the list.
func TestRetroTimelineTurnsAnEventIntoACard(t *testing.T) {
	m := newTestRetro(t, 80, 24, nil)
	m, _ = press(m, "esc", "tab", "tab") // stage, previous, problems
	if m.s.Phase != retro.PhaseProblems {
		t.Fatalf("phase %s", m.s.Phase)
	}
	m.update(testTimeline())
	m, _ = press(m, "t")
	v := plain(m.view())
	checkFits(t, v, 80, 24)
	golden.RequireEqual(t, []byte(v))
	if !strings.Contains(v, "enter make it a problem") {
		t.Errorf("help does not say how to use the timeline:\n%s", v)
	}
	m, _ = press(m, "up", "enter")
	if len(m.s.Problems) != 1 || m.s.Problems[0].Title != `Revert "Cache prices" (revert, 2026-11-19)` || !strings.Contains(m.s.Problems[0].What, "2222222") {
		t.Fatalf("problems %+v", m.s.Problems)
	}
	if !m.dirty || !strings.Contains(plain(m.view()), "✓ card") {
		t.Error("the card is not marked or the draft not dirtied")
	}
	m, _ = press(m, "esc")
	if m.tk.tl.shown || !strings.Contains(plain(m.view()), `1. Revert "Cache prices"`) {
		t.Errorf("esc does not go back to the list:\n%s", plain(m.view()))
	}
}

// In a git repository the timeline is read from its history; outside one
// the panel says so.
func TestRetroTimelineFromGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@e", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@e",
			"GIT_AUTHOR_DATE=2026-11-20T10:00:00Z", "GIT_COMMITTER_DATE=2026-11-20T10:00:00Z")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	run("init", "-q")
	os.WriteFile(filepath.Join(dir, "f"), []byte("x"), 0o644)
	run("add", "f")
	run("commit", "-qm", "Rollback the price cache")
	m := newTestRetro(t, 80, 24, func(c *common, o *RetroOptions) {
		c.location.Dir, c.notesDir = dir, dir
		o.Since = "2026-11-01"
	})
	m, _ = press(m, "esc", "tab")
	_, cmd := press(m, "tab")
	if cmd == nil {
		t.Fatal("entering Problems does not read the timeline")
	}
	m.update(cmd())
	m, _ = press(m, "t")
	if v := plain(m.view()); !strings.Contains(v, "rollback  Rollback the price cache") || !strings.Contains(v, "since 2026-11-01") {
		t.Errorf("timeline:\n%s", v)
	}

	m = newTestRetro(t, 80, 24, func(c *common, o *RetroOptions) { c.location.Dir, c.notesDir = t.TempDir(), t.TempDir() })
	m, _ = press(m, "esc", "tab")
	_, cmd = press(m, "tab")
	m.update(cmd())
	m, _ = press(m, "t")
	if v := plain(m.view()); !strings.Contains(v, "not in a git repository") {
		t.Errorf("outside a repository:\n%s", v)
	}
}
