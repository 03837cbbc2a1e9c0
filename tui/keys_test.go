package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
)

// ? shows the full help on every screen and hides it again; the screen
// still fits its terminal.
func TestHelpToggleOnEveryScreen(t *testing.T) {
	cases := []struct {
		name string
		view func(t *testing.T) (press func(...string), view func() string)
		full string // only in the full help
	}{
		{"home", func(t *testing.T) (func(...string), func() string) {
			a := newTestHome(t, 80, 24, true, false)
			return func(k ...string) { send(a, k...) }, a.screen
		}, "↓/j"},
		{"browser", func(t *testing.T) (func(...string), func() string) {
			m := newTestBrowser(t, 80, 24)
			return func(k ...string) { bpress(m, k...) }, m.view
		}, "last"},
		{"browser actions", func(t *testing.T) (func(...string), func() string) {
			m := newTestBrowser(t, 80, 24)
			bpress(m, "a")
			return func(k ...string) { bpress(m, k...) }, m.view
		}, "↓/j"},
		{"reader", func(t *testing.T) (func(...string), func() string) {
			m := newTestReader(t, 80, 24)
			return func(k ...string) { rpress(m, k...) }, m.view
		}, "↓/j"},
		{"room participant", func(t *testing.T) (func(...string), func() string) {
			r := room.New(room.Config{Dots: 3})
			s := retro.New(testNow, "pay", "Sprint 42", "Alice", 3)
			s.Goto(retro.PhaseProblems, 0)
			r.Publish(room.BoardOf(s, -1))
			m := newParticipant(testCommon(true), r.NewGuest(), "ana")
			m.update(tea.WindowSizeMsg{Width: 80, Height: 24})
			partPress(m, "enter")
			return func(k ...string) { partPress(m, k...) }, m.view
		}, "↓/j"},
		{"retro", func(t *testing.T) (func(...string), func() string) {
			m := newTestRetro(t, 80, 24, nil)
			press(m, "esc")
			return func(k ...string) { press(m, k...) }, m.view
		}, "↓/j"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			press, view := c.view(t)
			if v := plain(view()); strings.Contains(v, c.full) || !strings.Contains(v, "? more keys") {
				t.Fatalf("short help, with ? shown:\n%s", v)
			}
			press("?")
			v := view()
			if !strings.Contains(plain(v), c.full) {
				t.Fatalf("? shows the full help (%q):\n%s", c.full, plain(v))
			}
			checkFits(t, v, 80, 24)
			press("?")
			if v := plain(view()); strings.Contains(v, c.full) {
				t.Fatalf("? again hides it:\n%s", v)
			}
		})
	}
}

// While a text field has the focus, ? is typed, not taken as help.
func TestHelpKeyIsTypedInTextFields(t *testing.T) {
	m := newTestBrowser(t, 80, 24)
	bpress(m, "/", "type:why?")
	if m.filter.Value() != "why?" || m.help.ShowAll {
		t.Errorf("filter %q, full help %v", m.filter.Value(), m.help.ShowAll)
	}
	r := newTestRetro(t, 80, 24, nil)
	press(r, "type:Retro?")
	if r.s.Title != "Retro?" || r.help.ShowAll {
		t.Errorf("title %q, full help %v", r.s.Title, r.help.ShowAll)
	}
}
