package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// The player's screen in pair mode (Wheel of Misfortune), served over
// SSH: the situation stage by stage, what the game master handed out and
// the events they injected, and the player's answer, sent as they type.
// It reads only kata.Pair's PlayerView.

// pairPoll is how often both pair screens look for changes.
const pairPoll = 200 * time.Millisecond

type pairTickMsg struct{}

func pairTick() tea.Cmd { return tea.Tick(pairPoll, func(time.Time) tea.Msg { return pairTickMsg{} }) }

type pairPlayerModel struct {
	c      *common
	p      *kata.Pair
	keys   pairPlayerKeys
	help   help.Model
	in     textinput.Model
	v      kata.PlayerView
	field  [3]int // kind, stage, ended: the field the input edits
	poll   func() tea.Cmd
	width  int
	height int
}

// NewPairPlayer is the player's screen of pair p.
// It is the same root as every other screen's, running this screen alone.
func NewPairPlayer(p *kata.Pair, isDark bool) tea.Model {
	c := newCommon(Env{})
	c.styles = newStyles(isDark)
	a := aloneApp(c)
	a.active, a.pairPlayer = screenPairPlayer, newPairPlayer(c, p, pairTick)
	return a
}

func newPairPlayer(c *common, p *kata.Pair, poll func() tea.Cmd) *pairPlayerModel {
	m := &pairPlayerModel{c: c, p: p, keys: newPairPlayerKeys(), help: help.New(), in: c.newTextInput(), poll: poll, width: 80, height: 24}
	m.help.Styles = c.styles.Help
	m.in.Prompt = "> "
	m.in.CharLimit = kata.MaxPairText
	m.in.Placeholder = "type your answer"
	m.in.Focus()
	m.refresh()
	return m
}

func (m *pairPlayerModel) init() tea.Cmd { return m.poll() }

// refresh reads the pair; when the field to answer changed, the input
// shows what is kept for it.
func (m *pairPlayerModel) refresh() {
	m.v = m.p.Player()
	f := [3]int{int(m.v.Kind), m.v.Stage, 0}
	if m.v.Ended {
		f = [3]int{-1, -1, 1}
	}
	if f != m.field {
		m.field = f
		m.in.SetValue(m.v.Text)
		m.in.CursorEnd()
	}
}

func (m *pairPlayerModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.in.SetWidth(max(10, msg.Width-4))
		m.help.SetWidth(msg.Width)
		return nil
	case pairTickMsg:
		m.refresh()
		return m.poll()
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.Quit) {
			return done("")
		}
		var cmd tea.Cmd
		m.in, cmd = m.in.Update(msg)
		m.p.SetText(m.in.Value())
		m.v = m.p.Player()
		return cmd
	}
	var cmd tea.Cmd
	m.in, cmd = m.in.Update(msg)
	return cmd
}

func (m *pairPlayerModel) view() string {
	st, w := m.c.styles, max(20, m.width-2)
	v := m.v
	var b strings.Builder
	b.WriteString(st.Title.Render("Pair kata: "+notes.Sanitize(v.Title)) + "\n\n")
	if v.Ended {
		b.WriteString(st.Accent.Render("Debrief") + "\n" + wrap(notes.Sanitize(m.p.Debrief()), w) + "\n")
		b.WriteString(st.Accent.Render("What would you learn from this?") + "\n")
	} else {
		b.WriteString(st.Accent.Render(fmt.Sprintf("Stage %d: %s", v.Stage+1, notes.Sanitize(v.StageTitle))) + "\n")
		b.WriteString(wrap(notes.Sanitize(v.Situation), w) + "\n")
		for _, h := range v.Handed {
			b.WriteString(st.Subtle.Render("Handed out: "+notes.Sanitize(h.Label)) + "\n" + wrap(notes.Sanitize(h.Text), w) + "\n")
		}
		for _, e := range v.Events {
			b.WriteString(st.Warn.Render(wrap("Event: "+notes.Sanitize(e.Text), w)) + "\n")
		}
		for i, o := range v.Options {
			b.WriteString(fmt.Sprintf("  %c) %s\n", 'a'+i, notes.Sanitize(o)))
		}
		if len(v.Options) > 0 {
			b.WriteString(st.Accent.Render("Decide: say which, the game master records it.") + "\n")
		}
		b.WriteString(st.Accent.Render(wrap(notes.Sanitize(cmpOr(v.Prompt, "What do you do right now?")), w)) + "\n")
	}
	// the answer and the help stay on screen: the text above is cut first
	body := fit(b.String(), m.width, max(1, m.height-2))
	return body + "\n" + m.in.View() + "\n" + m.help.View(m.keys)
}
