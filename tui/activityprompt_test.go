package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/retro"
)

// The prompt of the activity picked for a phase is the instruction the room
// follows: it wraps to the screen's width and is never cut with "…".
func TestActivityPromptWraps(t *testing.T) {
	const prompt = "Which people, process, tools, environment or information causes are behind this problem?"
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestRetro(t, sz[0], sz[1], nil)
			m, _ = press(m, "type:Sprint 43", "esc", "tab", "tab", "a", "type:Checkout broken", "esc", "tab", "tab")
			if m.s.Phase != retro.PhaseDiscuss {
				t.Fatalf("phase %s", m.s.Phase)
			}
			m, _ = press(m, "A")
			n := -1
			for i, a := range m.phaseActivities() {
				if a.ID == "fishbone" {
					n = i
				}
			}
			if n < 0 {
				t.Fatal("no Fishbone activity in Discuss")
			}
			for i := 0; i < n; i++ {
				m, _ = press(m, "down")
			}
			m, _ = press(m, "enter")
			if a, ok := m.s.PickedFor(retro.PhaseDiscuss); !ok || a.ID != "fishbone" {
				t.Fatalf("picked %+v", a)
			}
			v := m.view()
			p := plain(v)
			if flat := strings.Join(strings.Fields(p), " "); !strings.Contains(flat, "Fishbone: "+prompt) {
				t.Errorf("the prompt is not there in full:\n%s", p)
			}
			checkFits(t, v, sz[0], sz[1])
			golden.RequireEqual(t, []byte(p))
		})
	}
}
