package tui

import (
	"testing"
	"time"

	"github.com/retrokata/retrokata/retro"
)

// Views change nothing and read no clock: time arrives in update. Each
// screen is drawn with a clock that fails the test when read.
func TestViewsReadNoClock(t *testing.T) {
	noClock := func(t *testing.T, c *common) {
		c.now = func() time.Time {
			t.Helper()
			t.Error("a view read the clock")
			return testNow
		}
	}
	t.Run("home", func(t *testing.T) {
		a := newTestHome(t, 80, 24, true, true)
		noClock(t, a.c)
		_ = a.View()
	})
	t.Run("retro phases", func(t *testing.T) {
		m := newTestRetro(t, 80, 24, nil)
		press(m, "esc")
		for p := retro.PhaseStage; int(p) < retro.NumPhases; p++ {
			m.gotoPhase(p)
			c := *m.c
			m.c = &c
			noClock(t, m.c)
			_ = m.view()
			m.c.now = func() time.Time { return testNow }
		}
	})
	t.Run("kata", func(t *testing.T) {
		m := newTestKata(t, 80, 24, nil)
		noClock(t, m.c)
		_ = m.view() // the picker: due katas
	})
	t.Run("browser", func(t *testing.T) {
		m := newTestBrowser(t, 80, 24)
		noClock(t, m.c)
		_ = m.view()
		m.mode = browseActions
		m.buildRows()
		_ = m.view() // overdue actions
	})
}
