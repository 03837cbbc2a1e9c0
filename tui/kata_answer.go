package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/kata"
)

// typing reports whether the current step has a text box, and it has
// the keys (not the "look at" panel).
func (m *kataModel) typing() bool {
	if m.s == nil || m.result.Saved != "" || m.looking {
		return false
	}
	switch m.s.Current() {
	case kata.KindStage, kata.KindPredict, kata.KindReflect, kata.KindDebrief:
		return true
	}
	return false
}

// step moves n steps, keeping what was typed.
func (m *kataModel) step(n int) {
	m.readClock()
	m.s.Goto(m.s.Step + n)
	m.dirty = true
	m.help.ShowAll = false
	m.status = ""
	m.enterStep()
}

// enterStep prepares the current step: its text box, cursor and scroll.
func (m *kataModel) enterStep() {
	m.page.GotoTop()
	m.looking = false
	st := m.s.CurrentStep()
	switch st.Kind {
	case kata.KindStage:
		m.area.Placeholder = "Type your answer: what you would do, who you would tell, what you would check."
		m.area.SetValue(m.s.Answers[st.Stage])
	case kata.KindPredict:
		m.area.Placeholder = "What you expect, and why."
		m.area.SetValue(m.s.Predictions[st.Stage])
	case kata.KindReflect:
		m.area.Placeholder = "One learning per line."
		m.area.SetValue(m.s.Reflection)
	case kata.KindDebrief:
		m.area.Placeholder = "Blameless: what the system allowed, not who."
		m.area.SetValue(m.s.Debrief[st.Field])
	default:
		m.sel = 0
		if st.Kind == kata.KindDecide {
			m.sel = max(0, m.s.Choice(st.Stage))
		}
		m.area.Blur()
		return
	}
	m.layoutArea()
	m.area.Focus()
}

func (m *kataModel) updateArea(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	st := m.s.CurrentStep()
	switch st.Kind {
	case kata.KindStage:
		m.s.Answers[st.Stage] = m.area.Value()
	case kata.KindPredict:
		m.s.Predictions[st.Stage] = m.area.Value()
	case kata.KindReflect:
		m.s.Reflection = m.area.Value()
	case kata.KindDebrief:
		m.s.Debrief[st.Field] = m.area.Value()
	}
	m.dirty = true
	return cmd
}

func (m *kataModel) layoutArea() {
	m.area.SetWidth(max(10, m.c.width-2))
	m.area.SetHeight(m.areaHeight())
}

// areaHeight gives the answer box a third of the body, 2 to 8 lines.
func (m *kataModel) areaHeight() int {
	h := m.bodyHeight() / 3
	if m.s != nil && m.s.Current() == kata.KindReflect {
		h = m.bodyHeight() / 2
	}
	return max(2, min(8, h))
}
