package tui

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/notes"
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

// Issue 20 item 7: closing a retro where nothing was typed keeps no
// draft (home would offer an empty Resume); one word typed keeps one.
func TestBlankRetroKeepsNoDraft(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  []string
		draft bool
	}{
		{"opened and quit", []string{"esc", "q"}, false},
		{"ctrl+c while typing nothing", []string{"ctrl+c"}, false},
		{"visited every phase", []string{"esc", "tab", "tab", "tab", "tab", "tab", "q"}, false},
		{"typed then erased", []string{"type:x", "backspace", "esc", "q"}, false},
		{"a title typed", []string{"type:Sprint 43", "esc", "q", "y"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newTestRetro(t, 80, 24, nil)
			for _, k := range tc.keys {
				_, cmd := press(m, k)
				runNoTick(m.update(tickMsg(testNow))) // an autosave may run between keys
				runNoTick(cmd)
			}
			if !m.discard && m.result.DraftKept == "" {
				t.Fatalf("the retro is still open (mode %d)", m.mode)
			}
			path, _ := m.unsaved()
			_, err := os.Stat(m.draftPath)
			if kept := path != "" || err == nil; kept != tc.draft {
				t.Errorf("draft kept: %v (unsaved %q, on disk: %v), want %v", kept, path, err == nil, tc.draft)
			}
		})
	}
}

// Issue 20 item 4: a new retro starts with the participants of the
// team's last one; placeholders say "e.g."; without participants the
// vote says how dots work.
func TestParticipantsPrefilledAndPlaceholders(t *testing.T) {
	entries := entriesMsg{entries: []notes.Entry{
		{Path: "/n/2026-11-09-checkout.md", Meta: notes.Meta{Type: notes.TypeRetro, Team: "checkout", Date: testNow.AddDate(0, 0, -14), Participants: []string{"ann"}}},
		{Path: "/n/2026-11-16-checkout.md", Meta: notes.Meta{Type: notes.TypeRetro, Team: "checkout", Date: testNow.AddDate(0, 0, -7), Participants: []string{"ann", "bob", "chen"}}},
	}}
	m := newTestRetro(t, 80, 24, nil)
	m.update(entries)
	if got := strings.Join(m.s.Participants, ", "); got != "ann, bob, chen" {
		t.Errorf("participants %q, want those of the last retro", got)
	}
	if v := plain(m.view()); !strings.Contains(v, "ann, bob, chen") {
		t.Errorf("the participants field does not show them:\n%s", v)
	}
	press(m, "esc", "q")
	if !m.discard {
		t.Error("only prefilled participants: the retro is not blank")
	}

	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m := newTestRetro(t, w, h, nil)
			v := plain(m.view())
			checkFits(t, v, w, h)
			golden.RequireEqual(t, []byte(v))
			if !strings.Contains(v, "e.g.") {
				t.Errorf("no placeholder says e.g.:\n%s", v)
			}
			press(m, "esc", "tab", "tab", "a", "type:Slow reviews", "esc", "tab")
			v = plain(m.view())
			checkFits(t, v, w, h)
			if !strings.Contains(strings.Join(strings.Fields(v), " "), "Each person gets 3 dots: + adds a dot to the selected problem") {
				t.Errorf("the vote does not say how dots work:\n%s", v)
			}
		})
	}
}

// Issue 20 item 6: on a narrow screen the footer keeps tab, the ? help
// wraps instead of being cut, and action rows keep their owner and due
// date whole (also a previous action's, at 80 columns).
func TestNarrowRetroKeepsKeysAndDates(t *testing.T) {
	prev := entriesMsg{entries: []notes.Entry{{Path: "/n/2026-11-16-checkout.md",
		Meta:    notes.Meta{Type: notes.TypeRetro, Team: "checkout", Date: testNow.AddDate(0, 0, -7)},
		Actions: []notes.Action{{Text: "Write the rollback runbook for the payment service and the ledger", Owner: "chen", Due: "2026-11-30", Status: notes.StatusOpen, N: 1, Line: 8}}}}}
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			screen := func(name string, m *retroModel) string {
				t.Helper()
				v := m.view()
				checkFits(t, v, w, h)
				t.Run(name, func(t *testing.T) { golden.RequireEqual(t, []byte(plain(v))) })
				return plain(v)
			}
			m := newTestRetro(t, w, h, nil)
			m.update(prev)
			press(m, "esc")
			if v := screen("stage", m); !strings.Contains(v, "tab next phase") {
				t.Errorf("the footer lost tab:\n%s", v)
			}
			press(m, "?")
			if v := screen("help", m); !strings.Contains(v, "shift+tab back") || !strings.Contains(v, "q quit") {
				t.Errorf("the full help lost keys:\n%s", v)
			}
			press(m, "?", "tab")
			if v := screen("previous", m); !strings.Contains(v, "@chen · due 2026-11-30") {
				t.Errorf("the previous action's owner or due date is cut:\n%s", v)
			}
			press(m, "tab", "tab", "tab", "tab", "a", "type:Add a canary stage to every deploy pipeline", "tab", "type:alice", "tab", "type:2026-12-07", "esc")
			if v := screen("actions", m); !strings.Contains(v, "@alice · due 2026-12-07") {
				t.Errorf("the action's owner or due date is cut:\n%s", v)
			}
		})
	}
}
