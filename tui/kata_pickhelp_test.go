package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// ? on the kata picker follows glow's rule for its filter: with the filter
// empty ? toggles the help; once a filter is being typed, ? is typed into
// it, and the footer says esc clears it to get ? back.
func TestKataPickerQuestionMark(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestKata(t, sz[0], sz[1], nil)
			if h := plain(m.helpView()); !strings.Contains(h, "? help") {
				t.Errorf("the picker's footer does not say ? is help: %q", h)
			}
			kpress(m, "?")
			if m.filter.Value() != "" || !m.help.ShowAll {
				t.Fatalf("? with an empty filter: filter %q, full help %v", m.filter.Value(), m.help.ShowAll)
			}
			v := m.view()
			checkFits(t, v, sz[0], sz[1])
			golden.RequireEqual(t, []byte(plain(v)))
			kpress(m, "?")
			if m.help.ShowAll {
				t.Fatal("? again hides the help")
			}
			kpress(m, "type:dup", "?")
			if m.filter.Value() != "dup?" || m.help.ShowAll {
				t.Errorf("? in a filter being typed: filter %q, full help %v", m.filter.Value(), m.help.ShowAll)
			}
			if h := plain(m.helpView()); !strings.Contains(h, "esc clear filter") {
				t.Errorf("the footer does not say how to get ? back: %q", h)
			}
			kpress(m, "esc", "?")
			if m.filter.Value() != "" || !m.help.ShowAll {
				t.Errorf("after esc, ? is help again: filter %q", m.filter.Value())
			}
		})
	}
}
