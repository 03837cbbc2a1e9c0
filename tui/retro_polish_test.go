package tui

import (
	"strings"
	"testing"

	"github.com/retrokata/retrokata/retro"
)

// threeProblems is a retro in Discuss with three voted problems, nothing
// discussed yet.
func threeProblems(t *testing.T, w, h int) *retroModel {
	t.Helper()
	m := newTestRetro(t, w, h, nil)
	press(m, "esc", "tab", "tab")
	for _, title := range []string{"Deploy broke checkout", "Slow reviews", "Flaky alerts"} {
		press(m, "a", "type:"+title, "esc")
	}
	press(m, "tab", "+", "down", "+", "+", "down", "+", "tab")
	if m.s.Phase != retro.PhaseDiscuss {
		t.Fatalf("in %s, want Discuss", m.s.Phase)
	}
	return m
}

// Issue 20 item 1: tab walks the problems, then warns once before leaving
// Discuss with problems not discussed.
func TestDiscussTabWalksTheProblems(t *testing.T) {
	m := threeProblems(t, 80, 24)
	for want := 1; want <= 3; want++ {
		if !strings.Contains(plain(m.view()), "Problem "+string(rune('0'+want))+"/3") {
			t.Fatalf("problem %d/3 not shown:\n%s", want, plain(m.view()))
		}
		if want < 3 && !strings.Contains(plain(m.helpView()), "tab next problem") {
			t.Errorf("the footer does not say tab goes to the next problem: %s", plain(m.helpView()))
		}
		press(m, "enter", "type:reaction", "esc", "tab")
	}
	if m.s.Phase != retro.PhaseActions {
		t.Fatalf("after three discussed problems tab is in %s, want Actions", m.s.Phase)
	}

	m = threeProblems(t, 80, 24)
	press(m, "tab", "tab", "tab")
	if m.s.Phase != retro.PhaseDiscuss || !strings.Contains(plain(m.view()), "3 problems with no reaction") {
		t.Fatalf("leaving with undiscussed problems does not warn (%s):\n%s", m.s.Phase, plain(m.view()))
	}
	press(m, "up", "tab") // any other key: the warning is shown again
	if m.s.Phase != retro.PhaseDiscuss {
		t.Fatalf("a tab after another key leaves without warning")
	}
	press(m, "tab", "tab")
	if m.s.Phase != retro.PhaseActions {
		t.Fatalf("the second tab after the warning is in %s, want Actions", m.s.Phase)
	}
}

// Issue 20 item 3: the worked example never hides the form typed into.
func TestExampleNeverHidesTheForm(t *testing.T) {
	for _, keys := range [][]string{{"a"}, {"a", "esc", "w", "enter"}} {
		m := newTestRetro(t, 80, 24, nil)
		press(m, "esc", "tab", "tab", "w")
		if !strings.Contains(plain(m.view()), "Worked example") {
			t.Fatalf("w shows no example:\n%s", plain(m.view()))
		}
		press(m, keys...)
		press(m, "type:typed")
		v := plain(m.view())
		if strings.Contains(v, "Worked example") || !strings.Contains(v, "typed") {
			t.Errorf("%v: the form is hidden or the text not shown:\n%s", keys, v)
		}
		if got := m.s.Problems[len(m.s.Problems)-1].Title; !strings.HasSuffix(got, "typed") {
			t.Errorf("%v: the problem's title is %q", keys, got)
		}
	}
}

// Issue 20 item 3: back to Set the stage, keys move, they never type.
func TestBackToStageMoves(t *testing.T) {
	m := newTestRetro(t, 80, 24, nil)
	press(m, "type:Sprint 43", "esc", "tab", "shift+tab")
	if m.mode != modeBrowse {
		t.Fatalf("shift+tab to the stage is in mode %d, want browse", m.mode)
	}
	press(m, "j", "j", "j")
	if m.s.Title != "Sprint 43" || m.sel[retro.PhaseStage] != 3 {
		t.Errorf("j j j typed or did not move: title %q, selected %d", m.s.Title, m.sel[retro.PhaseStage])
	}
	press(m, "q")
	if m.mode != modeConfirmQuit {
		t.Errorf("q on the stage does not ask to quit (mode %d)", m.mode)
	}
}

// Issue 20 item 2: the phase bar names every phase it has room for and
// ticks only the phases where something was done.
func TestPhaseBarTicksWhatWasDone(t *testing.T) {
	for _, tc := range []struct {
		w           int
		empty, done string
	}{
		{80, "1 Stage 2 Previous 3 Problems [4 Vote] 5 Discuss 6 Actions 7 Close", "1 Stage 2 Previous 3 Problems✓ [4 Vote] 5 Discuss 6 Actions 7 Close"},
		{40, "1 2 3 [4 Vote] 5 6 7", "1 2 3✓ [4 Vote] 5 6 7"},
	} {
		m := newTestRetro(t, tc.w, 24, nil)
		press(m, "esc", "tab", "tab", "tab")
		if got := strings.TrimSpace(plain(m.progress(tc.w))); got != tc.empty {
			t.Errorf("%d columns, phases visited only: %q, want %q", tc.w, got, tc.empty)
		}
		press(m, "shift+tab", "a", "type:Slow reviews", "esc", "tab")
		if got := strings.TrimSpace(plain(m.progress(tc.w))); got != tc.done {
			t.Errorf("%d columns, a problem written: %q, want %q", tc.w, got, tc.done)
		}
	}
}
