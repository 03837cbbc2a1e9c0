package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

func newTestReader(t testing.TB, w, h int) *readerModel {
	c := testCommon(true)
	c.lib = testLibrary(t)
	m := newReaderModel(c)
	rdeliver(m, tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

func rdeliver(m *readerModel, msg tea.Msg) {
	for _, out := range runNoTick(m.update(msg)) {
		rdeliver(m, out)
	}
}

func rpress(m *readerModel, keys ...string) {
	for _, k := range keys {
		rdeliver(m, keyMsg(k))
	}
}

func TestReaderGolden(t *testing.T) {
	steps := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"case", []string{"down", "enter"}},
		{"case-link", []string{"down", "enter", "tab"}},
		{"followed-tip", []string{"down", "enter", "tab", "enter"}},
		{"sources", []string{"down", "enter", "s"}},
	}
	for _, sz := range [][2]int{{80, 24}, {40, 12}, {120, 30}} {
		for _, s := range steps {
			t.Run(fmt.Sprintf("%dx%d/%s", sz[0], sz[1], s.name), func(t *testing.T) {
				m := newTestReader(t, sz[0], sz[1])
				rpress(m, s.keys...)
				v := m.view()
				checkFits(t, v, sz[0], sz[1])
				golden.RequireEqual(t, []byte(plain(v)))
			})
		}
	}
}

func TestReaderLinksBothWays(t *testing.T) {
	m := newTestReader(t, 80, 24)
	lib := testLibrary(t)
	c := lib.Cases[1] // the parameter change
	rpress(m, "down", "enter")
	if m.items[m.sel].id != c.ID || !m.reading {
		t.Fatalf("enter reads the case, got %s", m.items[m.sel].id)
	}
	if len(m.items[m.sel].links) != len(c.Tips) {
		t.Fatalf("the case links its %d tips: %v", len(c.Tips), m.items[m.sel].links)
	}
	rpress(m, "tab", "enter")
	tip := m.items[m.sel]
	if tip.id != fmt.Sprintf("tip-%d", c.Tips[0]) {
		t.Fatalf("following the first link opens tip %d, got %s", c.Tips[0], tip.id)
	}
	back := false
	for _, j := range tip.links {
		back = back || m.items[j].id == c.ID
	}
	if !back {
		t.Error("the tip links back to the case")
	}
	rpress(m, "esc")
	if m.items[m.sel].id != c.ID {
		t.Errorf("esc goes back to the case, got %s", m.items[m.sel].id)
	}
	// a reconstructed case says so in one line
	if v := plain(m.view()); !strings.Contains(strings.Join(strings.Fields(m.cache[m.cacheKey()]), " "), "Reconstruction") && !strings.Contains(v, "Reconstruction") {
		t.Errorf("reconstructed case lacks its note")
	}
	top := strings.Join(strings.Split(plain(m.view()), "\n")[:6], "\n")
	if !strings.Contains(top, "Reconstruction") {
		t.Errorf("a reconstructed case is labelled at the top:\n%s", top)
	}
	rpress(m, "s")
	if v := plain(m.view()); !strings.Contains(v, "Sources of") || !strings.Contains(v, "s text") {
		t.Errorf("s shows the sources, and s again the text:\n%s", v)
	}
	rpress(m, "s")
	if strings.Contains(plain(m.view()), "Sources of") {
		t.Error("s again shows the text")
	}
	rpress(m, "esc", "esc")
	if cmd := m.key(keyMsg("q")); !quits(runCmd(cmd)) {
		t.Error("q leaves the reader")
	}
}
