package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/retro"
)

// The "What went well" cards show in Problems, below the problem cards,
// marked and counted, at every size: not only in the Close preview.
func TestProblemsShowWentWellCards(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestRetro(t, sz[0], sz[1], nil)
			m, _ = press(m, "type:Sprint 43", "esc", "tab", "tab")
			if m.s.Phase != retro.PhaseProblems {
				t.Fatalf("phase %s", m.s.Phase)
			}
			m, _ = press(m, "a", "type:Checkout broken", "esc", "a", "type:Slow CI", "esc",
				"v", "type:Pairing on the migration", "enter", "v", "type:Calm on-call week", "enter")
			v := m.view()
			p := plain(v)
			for _, want := range []string{"What went well (2)", "+ Pairing on the migration", "+ Calm on-call"} {
				if !strings.Contains(p, want) {
					t.Errorf("Problems lacks %q:\n%s", want, p)
				}
			}
			if strings.Index(p, "Slow CI") > strings.Index(p, "What went well") {
				t.Errorf("the went-well cards come below the problems:\n%s", p)
			}
			checkFits(t, v, sz[0], sz[1])
			golden.RequireEqual(t, []byte(p))
		})
	}
}
