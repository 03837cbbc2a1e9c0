package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// Kata progress follows the path played: before the decision the count of
// stages is not promised ("Stage 1"), after it the path's stages are
// numbered in a row ("Stage 2 of 3", never a jump from 2 to 4), and the
// Decide help names the options there are (1-2, not 1-3).
func TestKataProgressFollowsThePath(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestKata(t, sz[0], sz[1], nil)
			kpress(m, "type:duplicate", "enter")
			if v := plain(m.stepView(200)); !strings.Contains(v, "Stage 1 · ") || strings.Contains(v, "Stage 1 of") {
				t.Errorf("before the decision: %s", v)
			}
			kpress(m, "type:Pause it", "tab")
			v := m.view()
			if h := plain(m.helpView()); !strings.Contains(h, "1-2 choose") || strings.Contains(h, "1-3") {
				t.Errorf("Decide offers 2 options; help: %q", h)
			}
			checkFits(t, v, sz[0], sz[1])
			golden.RequireEqual(t, []byte(plain(v)))
			kpress(m, "1", "type:No new duplicates.", "tab")
			if v := plain(m.stepView(200)); !strings.Contains(v, "Stage 2 of 3 · ") || (sz[1] == 24 && !strings.Contains(v, "✓ 1. ")) {
				t.Errorf("after the decision, stage 2 of the 3 on this path:\n%s", v)
			}
			kpress(m, "type:Upsert.", "tab")
			if v := plain(m.stepView(200)); !strings.Contains(v, "Stage 3 of 3 · ") || strings.Contains(v, "4. ") {
				t.Errorf("the last stage of the path is 3 of 3, numbered in a row:\n%s", v)
			}
		})
	}
}
