package tui

import (
	"os"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// A retro with a check-in, an activity picked, a went-well card, 5 whys
// and ROTI, through the keys, saves a note that holds them all.
func TestRetroToolkitThroughTheKeys(t *testing.T) {
	m := newTestRetro(t, 80, 24, nil)
	m, _ = press(m, "type:Sprint 43", "esc", "c")
	if !m.tk.state.picking {
		t.Fatal("c without a check-in does not open the picker")
	}
	v := plain(m.view())
	checkFits(t, v, 80, 24)
	golden.RequireEqual(t, []byte(v))
	m, _ = press(m, "enter") // the first: the safety check
	if m.s.CheckIn == nil || m.s.CheckIn.Activity != "safety-check" || !m.tk.state.checkIn {
		t.Fatalf("check-in %+v", m.s.CheckIn)
	}
	m, _ = press(m, "down", "down", "down", "+", "down", "+", "+", "-", "+")
	if got := m.s.CheckIn.Tally; len(got) != 5 || got[3] != 1 || got[4] != 2 {
		t.Fatalf("tally %v", got)
	}
	v = plain(m.view())
	if !strings.Contains(v, "Anything at all       2 ██\n") || !strings.Contains(v, "Almost anything       1 █\n") {
		t.Errorf("no histogram:\n%s", v)
	}
	m, _ = press(m, "esc", "tab", "tab")
	if m.s.Phase != retro.PhaseProblems {
		t.Fatalf("phase %s", m.s.Phase)
	}
	m, _ = press(m, "A", "down", "down", "down", "enter")
	if a, ok := m.s.PickedFor(retro.PhaseProblems); !ok || a.ID != "mad-sad-glad" {
		t.Fatalf("picked %+v", a)
	}
	if v := plain(m.view()); !strings.Contains(v, "Mad, sad, glad: What made you mad, sad or glad this sprint?\nColumns: 1 Mad · 2 Sad · 3 Glad") {
		t.Errorf("the activity's prompt does not drive the phase:\n%s", v)
	}
	m, _ = press(m, "v", "type:Pairing on the migration", "enter",
		"a", "type:Checkout broken", "tab", "type:Orders failed.", "esc")
	if v := plain(m.view()); !strings.Contains(v, "What went well (1)\n  + Pairing on the migration") {
		t.Errorf("the went-well cards are not shown:\n%s", v)
	}
	m, _ = press(m, "3", "type:Deploys went smoothly", "esc")
	if len(m.s.Problems) != 2 || m.s.Problems[1].Title != "Glad: Deploys went smoothly" {
		t.Fatalf("3 does not add a Glad card: %+v", m.s.Problems)
	}
	m, _ = press(m, "d", "y", "up")
	m, _ = press(m, "tab", "+", "tab")
	m, _ = press(m, "w", "type:The cache expired at once", "enter", "type:Every key had the same TTL", "esc")
	if got := m.s.Problems[0].Whys; len(got) != 2 || got[1] != "Every key had the same TTL" {
		t.Fatalf("whys %q", got)
	}
	m, _ = press(m, "tab", "tab", "tab") // no reaction, no learning: leaving Discuss takes a second tab
	if m.s.Phase != retro.PhaseClose {
		t.Fatalf("phase %s", m.s.Phase)
	}
	m, _ = press(m, "r", "type:4 9", "enter")
	if m.mode != modeEdit || !m.isErr {
		t.Fatal("a ROTI vote of 9 is refused")
	}
	m, _ = press(m, "backspace", "type:5 3 4", "enter")
	if r := m.s.ROTI(); r == nil || *r != 4 {
		t.Fatalf("roti %v (%s)", r, m.status)
	}
	m, cmd := press(m, "s")
	cmd = m.update(cmd())
	if m.result.Saved == "" {
		t.Fatalf("not saved: %s", m.status)
	}
	_ = cmd
	data, err := os.ReadFile(m.result.Saved)
	if err != nil {
		t.Fatal(err)
	}
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if n.ROTI == nil || *n.ROTI != 4 {
		t.Errorf("roti %v", n.ROTI)
	}
	for _, want := range []string{"## Check-in\n\n**Safety check.**", "- 4 Almost anything: 1\n- 5 Anything at all: 2\n",
		"## Activities\n- Set the stage: Safety check\n- Problems: Mad, sad, glad\n", "## What went well\n- Pairing on the migration\n",
		"**Why.**\n1. The cache expired at once\n2. Every key had the same TTL\n"} {
		if !strings.Contains(n.Body, want) {
			t.Errorf("note lacks %q:\n%s", want, n.Body)
		}
	}
}

// When the phase's timebox ends the bell rings once and the screen says
// so; T adds two minutes.
func TestRetroTimeboxBell(t *testing.T) {
	now := testNow
	m := newTestRetro(t, 80, 24, func(c *common, o *RetroOptions) { c.now = func() time.Time { return now } })
	m, _ = press(m, "tab", "tab", "tab", "tab", "type:1", "esc") // timebox: 1 minute
	if m.s.Timebox != time.Minute {
		t.Fatalf("timebox %v", m.s.Timebox)
	}
	m, _ = press(m, "tab")
	now = now.Add(61 * time.Second)
	cmd := m.update(tickMsg{})
	rang := false
	for _, msg := range runCmd(cmd) {
		if r, ok := msg.(tea.RawMsg); ok && r.Msg == "\a" {
			rang = true
		}
	}
	if !rang || !strings.Contains(m.status, "Time is up for Previous actions") {
		t.Fatalf("no bell (%v) or no message: %q", rang, m.status)
	}
	if v := plain(m.view()); !strings.Contains(v, "+00:01 over") {
		t.Errorf("the clock does not show the overrun:\n%s", v)
	}
	for _, msg := range runCmd(m.update(tickMsg{})) {
		if _, ok := msg.(tea.RawMsg); ok {
			t.Error("the bell rings twice")
		}
	}
	m, _ = press(m, "T")
	if left, _ := m.s.Remaining(now.Sub(m.entered)); left != 3*time.Minute-61*time.Second {
		t.Errorf("left after T: %v", left)
	}
}

// The picker, the check-in and the timeline fit the smallest terminal.
func TestRetroToolkitFitsSmallTerminals(t *testing.T) {
	for _, size := range [][2]int{{40, 12}, {120, 30}} {
		w, h := size[0], size[1]
		m := newTestRetro(t, w, h, nil)
		m, _ = press(m, "esc", "c")
		checkFits(t, plain(m.view()), w, h)
		m, _ = press(m, "enter", "down", "+")
		checkFits(t, plain(m.view()), w, h)
		m, _ = press(m, "esc", "tab", "tab")
		m.update(testTimeline())
		m, _ = press(m, "t")
		checkFits(t, plain(m.view()), w, h)
		m, _ = press(m, "t", "A")
		checkFits(t, plain(m.view()), w, h)
	}
}

// Picking the ROTI activity at Close opens the ROTI votes at once.
func TestRetroPickingROTIAsksTheVotes(t *testing.T) {
	m := newTestRetro(t, 80, 24, nil)
	m, _ = press(m, "esc", "tab", "tab", "tab", "tab", "tab", "tab", "A")
	if m.s.Phase != retro.PhaseClose || !m.tk.state.picking {
		t.Fatalf("phase %s, picking %v", m.s.Phase, m.tk.state.picking)
	}
	m, _ = press(m, "enter", "type:3 4", "enter")
	if r := m.s.ROTI(); r == nil || *r != 3.5 {
		t.Fatalf("roti %v", r)
	}
	if v := plain(m.view()); !strings.Contains(v, "ROTI 3.5 from 2 votes") {
		t.Errorf("close:\n%s", v)
	}
}
