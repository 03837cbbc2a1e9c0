package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/room"
)

// The participant's side of a poll (a check-in in "Set the stage", the
// ROTI at close): while the facilitator keeps it open, the screen asks it
// and the person answers, and may change their answer. Nobody sees the
// answers: only how many answered.

// pollOpen is the open poll, nil when none is.
func (m *participantModel) pollOpen() *room.Poll {
	if p := m.v.Poll; p != nil && p.Open && m.g.Name() != "" {
		return p
	}
	return nil
}

// syncPoll puts the selection on the person's answer when a new question
// comes.
func (m *participantModel) syncPoll() {
	p := m.v.Poll
	if p == nil || p.ID == m.pollID {
		return
	}
	m.pollID, m.pollSel = p.ID, max(0, m.g.MyOption(m.v))
	if m.mode == partWord {
		m.mode = partBrowse
	}
}

// pollKey handles the poll's keys while browsing; ok is false for the
// others.
func (m *participantModel) pollKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	p, k := m.pollOpen(), m.keys
	if p == nil {
		return nil, false
	}
	switch {
	case len(p.Options) > 0 && key.Matches(msg, k.Up):
		m.pollSel = max(0, m.pollSel-1)
	case len(p.Options) > 0 && key.Matches(msg, k.Down):
		m.pollSel = min(len(p.Options)-1, m.pollSel+1)
	case len(p.Options) > 0 && key.Matches(msg, k.Answer):
		m.report(m.g.Answer(m.pollSel, ""), "Sent, without your name. You may change it until it closes.")
	case key.Matches(msg, k.Answer):
		m.mode = partWord
		m.title.SetValue("")
		if v := m.g.MyAnswer(m.v); v != "" {
			m.title.SetValue(v)
		}
		m.title.Placeholder = "one word"
		m.focus(0)
		m.flash("", false)
	default:
		return nil, false
	}
	return nil, true
}

// answerWord sends the one word typed.
func (m *participantModel) answerWord() (string, error) {
	return "Sent, without your name. You may change it until it closes.", m.g.Answer(-1, m.title.Value())
}

// pollBody is the body while a poll is open; ok is false otherwise.
func (m *participantModel) pollBody(w int) (string, bool) {
	p := m.pollOpen()
	if p == nil {
		return "", false
	}
	st := m.styles
	var b strings.Builder
	b.WriteString(st.Title.Render(fit(p.Title, w, 1)) + "\n")
	b.WriteString(wrap(p.Question, w) + "\n")
	mine := m.g.MyAnswer(m.v)
	if m.mode == partWord {
		b.WriteString(st.Label.Render("Your word: ") + m.title.View() + "\n")
	} else if len(p.Options) == 0 {
		if mine == "" {
			b.WriteString(st.Subtle.Render("enter to give your word") + "\n")
		} else {
			b.WriteString(st.Label.Render("Your word: ") + mine + "\n")
		}
	} else {
		mineAt := m.g.MyOption(m.v)
		var lines []string
		for i, o := range p.Options {
			l := o
			if i == mineAt {
				l += st.OK.Render(" ✓ yours")
			}
			lines = append(lines, l)
		}
		sel := m.sel
		m.sel = m.pollSel
		b.WriteString(m.list(lines, w, max(1, m.height-9)) + "\n")
		m.sel = sel
	}
	b.WriteString(st.Subtle.Render(fmt.Sprintf("%d of %d answered · anonymous", p.Answered, m.v.Joined)))
	return b.String(), true
}
