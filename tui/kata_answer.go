package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/kata"
)

// typing reports whether the current step has a text box.
func (m *kataModel) typing() bool {
	return m.s != nil && m.s.Answering() && m.result.Saved == ""
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

// enterStep prepares the current step: its text box and scroll.
func (m *kataModel) enterStep() {
	m.page.GotoTop()
	switch m.s.Current() {
	case kata.KindStage:
		m.area.Placeholder = "Type your answer: what you would do, who you would tell, what you would check."
		m.area.SetValue(m.s.Answers[m.s.Step])
	case kata.KindReflect:
		m.area.Placeholder = "One learning per line."
		m.area.SetValue(m.s.Reflection)
	default:
		m.area.Blur()
		return
	}
	m.layoutArea()
	m.area.Focus()
}

func (m *kataModel) updateArea(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	m.area, cmd = m.area.Update(msg)
	switch m.s.Current() {
	case kata.KindStage:
		m.s.Answers[m.s.Step] = m.area.Value()
	case kata.KindReflect:
		m.s.Reflection = m.area.Value()
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
