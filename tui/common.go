package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// common is what every screen shares, built once by the root and handed
// to each screen (soft-serve's common.Common): the styles for the
// terminal's background, the clock and its tick.
type common struct {
	styles Styles
	now    func() time.Time
	// tick asks for the next clock tick. Tests replace it with one that
	// returns nil, so no command they run ever waits on a timer.
	tick func() tea.Cmd
	// blink makes text cursors blink (a timer too); tests keep them still.
	blink bool
	// ctx ends with the program (RunRetro, RunHome): a git commit under way
	// is stopped then. nil means context.Background().
	ctx context.Context
}

// newCommon is the common value of the program: the real clock, a tick
// every tickEvery, blinking cursors.
func newCommon(now func() time.Time, isDark bool) *common {
	if now == nil {
		now = time.Now
	}
	return &common{styles: newStyles(isDark), now: now, tick: tick, blink: true}
}

// newTextInput is a text input whose cursor blinks or not as c says.
func (c *common) newTextInput() textinput.Model {
	ti := textinput.New()
	s := ti.Styles()
	s.Cursor.Blink = c.blink
	ti.SetStyles(s)
	return ti
}

// newTextArea is a text area whose cursor blinks or not as c says.
func (c *common) newTextArea() textarea.Model {
	ta := textarea.New()
	s := ta.Styles()
	s.Cursor.Blink = c.blink
	ta.SetStyles(s)
	return ta
}
