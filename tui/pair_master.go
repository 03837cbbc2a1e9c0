package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// The game master's screen in pair mode: the player's answer live, the
// stage's hidden look-at items (a digit hands one out), the reference,
// the decision to record, an event line to inject; at the end the
// debrief and the save of one kata note.

// PairInfo is how the player joins, shown on the game master's screen.
type PairInfo struct {
	Join, Code, Fingerprint string
}

// PairResult is how the game master ended: the note saved, if any.
type PairResult struct {
	Saved string
}

type pairSavedMsg struct {
	path string
	err  error
}

type pairMasterModel struct {
	c      *common
	p      *kata.Pair
	info   PairInfo
	keys   pairMasterKeys
	help   help.Model
	event  textinput.Model
	typing bool
	v      kata.MasterView
	poll   func() tea.Cmd
	status string
	saving bool
	// quitAsked is set by a first q on a game not saved yet.
	quitAsked bool
	result    *PairResult
}

// NewPairMaster is the game master's screen of pair p; res gets the note
// saved once the program ends.
// It is the same root as every other screen's, running this screen alone.
func NewPairMaster(env Env, p *kata.Pair, info PairInfo, res *PairResult) tea.Model {
	a := aloneApp(newCommon(env))
	a.active, a.pairMaster = screenPairMaster, newPairMaster(a.c, p, info, res, pairTick)
	return a
}

func newPairMaster(c *common, p *kata.Pair, info PairInfo, res *PairResult, poll func() tea.Cmd) *pairMasterModel {
	m := &pairMasterModel{c: c, p: p, info: info, keys: newPairMasterKeys(), help: help.New(), event: c.newTextInput(), poll: poll, result: res}
	m.help.Styles = c.styles.Help
	m.event.Prompt = "event> "
	m.event.CharLimit = kata.MaxEvent
	m.v = p.Master()
	return m
}

func (m *pairMasterModel) init() tea.Cmd { return m.poll() }

func (m *pairMasterModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.event.SetWidth(max(10, msg.Width-10))
		m.help.SetWidth(msg.Width)
		return nil
	case pairTickMsg:
		m.v = m.p.Master()
		return m.poll()
	case pairSavedMsg:
		m.saving = false
		if msg.err != nil {
			m.status = "Not saved: " + notes.Sanitize(msg.err.Error())
			return nil
		}
		m.result.Saved = msg.path
		m.status = "Saved " + notes.Sanitize(msg.path) + ". q quits."
		return nil
	case tea.KeyPressMsg:
		cmd := m.key(msg)
		m.v = m.p.Master()
		return cmd
	}
	if m.typing {
		var cmd tea.Cmd
		m.event, cmd = m.event.Update(msg)
		return cmd
	}
	return nil
}

func (m *pairMasterModel) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.typing {
		switch {
		case key.Matches(msg, k.Interrupt):
			return done("")
		case key.Matches(msg, k.Send):
			if m.p.Inject(m.event.Value()) {
				m.status = "Event sent."
			}
			m.event.SetValue("")
			m.event.Blur()
			m.typing = false
		case key.Matches(msg, k.Cancel):
			m.event.Blur()
			m.typing = false
		default:
			var cmd tea.Cmd
			m.event, cmd = m.event.Update(msg)
			return cmd
		}
		return nil
	}
	quitAsked := m.quitAsked
	m.quitAsked = false
	switch {
	case key.Matches(msg, k.Quit) && m.result.Saved == "" && !quitAsked:
		// the game lives only in memory: never lose it on one key
		m.quitAsked = true
		m.status = "This game is not saved. Press q again to quit and lose it; at the debrief, s saves it."
	case key.Matches(msg, k.Quit):
		return done("")
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case m.v.Ended && key.Matches(msg, k.Save):
		return m.save()
	case m.v.Ended:
	case key.Matches(msg, k.Hand):
		if n, ok := digit(msg); ok && m.p.Hand(n-1) {
			m.status = "Handed out."
		}
	case key.Matches(msg, k.Choose):
		if m.p.Choose(int(msg.Code - 'a')) {
			m.status = "Decision recorded."
		}
	case key.Matches(msg, k.Event):
		m.typing = true
		return m.event.Focus()
	case key.Matches(msg, k.Next):
		if !m.p.Next() {
			m.status = "Pick the decision the player announced first (a/b/c)."
		} else {
			m.status = ""
		}
	}
	return nil
}

func (m *pairMasterModel) save() tea.Cmd {
	if m.saving || m.result.Saved != "" {
		return nil
	}
	m.saving = true
	m.status = "Saving…"
	n := m.p.Note(tipTitle(m.c.lib))
	dir := m.c.kataNotesDir()
	return func() tea.Msg {
		p, err := notes.SaveOnce(dir, n, "")
		return pairSavedMsg{path: p, err: err}
	}
}

func (m *pairMasterModel) view() string {
	st, v, w := m.c.styles, m.p.Master(), max(20, m.c.width-2) // the pair as it is now
	s := notes.Sanitize
	var b strings.Builder
	b.WriteString(st.Title.Render("Pair kata (game master): "+s(v.Title)) + "\n")
	b.WriteString(st.Subtle.Render(fmt.Sprintf("Player: %s · code %s · host key %s", m.info.Join, m.info.Code, m.info.Fingerprint)) + "\n\n")
	if v.Ended {
		b.WriteString(st.Accent.Render("Debrief") + "\n" + wrap(s(m.p.Debrief()), w) + "\n")
		b.WriteString(st.Accent.Render("Player's learning:") + "\n" + wrap(s(v.Text), w) + "\n")
	} else {
		b.WriteString(st.Accent.Render(fmt.Sprintf("Stage %d: %s", v.Stage+1, s(v.StageTitle))) + "\n")
		b.WriteString(wrap(s(v.Situation), w) + "\n")
		b.WriteString(st.Accent.Render("Player's answer:") + "\n" + wrap(s(cmpOr(v.Text, "(nothing typed yet)")), w) + "\n")
		for j, l := range v.Look {
			mark := "hidden"
			if v.HandedOut[j] {
				mark = "handed out"
			}
			b.WriteString(fmt.Sprintf("%d %s (%s): %s\n", j+1, s(l.Label), mark, s(oneLineText(l.Text))))
		}
		for i, o := range v.Decide {
			b.WriteString(fmt.Sprintf("%c) %s\n", 'a'+i, s(o.Text)))
		}
		if v.Reference != "" {
			b.WriteString(st.Subtle.Render(wrap("Reference: "+s(v.Reference), w)) + "\n")
		}
		for _, e := range v.Events {
			b.WriteString(st.Warn.Render(wrap("Event: "+s(e.Text), w)) + "\n")
		}
	}
	if m.typing {
		b.WriteString(m.event.View() + "\n")
	}
	if m.status != "" {
		b.WriteString(st.OK.Render(wrap(m.status, w)) + "\n")
	}
	k := m.keys
	k.typing, k.ended = m.typing, v.Ended
	helpView := m.help.View(k)
	body := fit(b.String(), m.c.width, max(1, m.c.height-strings.Count(helpView, "\n")-1))
	return body + "\n" + helpView
}

func oneLineText(s string) string { return strings.Join(strings.Fields(s), " ") }
