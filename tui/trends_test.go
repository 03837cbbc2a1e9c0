package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/notes"
)

func trendEntries() []notes.Entry {
	var es []notes.Entry
	for i := 0; i < 8; i++ {
		team := []string{"checkout", "search"}[i%2]
		roti := 2.5 + float64(i)*0.3
		e := notes.Entry{Path: fmt.Sprintf("/n/2026-10-%02d-r.md", i+1), Problems: []string{"Flaky deploys"},
			Meta: notes.Meta{Type: notes.TypeRetro, Title: fmt.Sprintf("Sprint %d", 40+i), Team: team, Tags: []string{"deploy"},
				Date: time.Date(2026, 10, 1+i*3, 14, 0, 0, 0, time.UTC), ROTI: &roti}}
		for k := 0; k < 4; k++ {
			st := []notes.Status{notes.StatusDone, notes.StatusOpen, notes.StatusDropped, notes.StatusCarried}[(i+k)%4]
			if k < i%3 {
				st = notes.StatusDone
			}
			e.Actions = append(e.Actions, notes.Action{Text: fmt.Sprintf("Action %d.%d", i, k), Status: st, N: k + 1})
		}
		es = append(es, e)
	}
	return es
}

func TestTrendsScreenGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			c := testCommon(true)
			c.width, c.height = w, h
			m := newTrendsModel(c)
			m.update(trendsMsg{entries: trendEntries()})
			v := plain(m.view())
			checkFits(t, v, w, h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestTrendsScreenKeys(t *testing.T) {
	c := testCommon(true)
	m := newTrendsModel(c)
	m.update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := plain(m.view()); !strings.Contains(v, "Reading the notes") {
		t.Errorf("before the notes: %s", v)
	}
	m.update(trendsMsg{entries: trendEntries()})
	if !strings.Contains(plain(m.view()), "8 retros") {
		t.Errorf("all teams:\n%s", plain(m.view()))
	}
	m.update(keyMsg("t"))
	if v := plain(m.view()); !strings.Contains(v, "trends · checkout") || !strings.Contains(v, "4 retros") {
		t.Errorf("t does not filter on the next team:\n%s", v)
	}
	if msgs := runCmd(m.update(keyMsg("esc"))); len(msgs) != 1 {
		t.Errorf("esc: %#v", msgs)
	} else if _, ok := msgs[0].(doneMsg); !ok {
		t.Errorf("esc does not go home: %#v", msgs)
	}
	empty := newTrendsModel(c)
	empty.update(trendsMsg{})
	if v := plain(empty.view()); !strings.Contains(v, "No retros yet") {
		t.Errorf("empty: %s", v)
	}
}

// Home opens the Trends screen with t.
func TestHomeOpensTrends(t *testing.T) {
	a := newApp(testCommon(true))
	a.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	_, cmd := a.Update(keyMsg("t"))
	for _, msg := range runCmd(cmd) {
		a.Update(msg)
	}
	if a.active != screenTrends {
		t.Fatalf("active %v", a.active)
	}
}
