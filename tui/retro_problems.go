package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

func (m *retroModel) problemsView(w int) string {
	s := m.s
	if m.example && m.mode != modeEdit {
		return m.exampleView(w)
	}
	if m.tk.tl.shown && m.mode != modeEdit {
		return m.timelineView(w)
	}
	if m.mode == modeEdit && len(m.inputs) == 1 && len(m.areas) == 1 {
		return m.labelled(w, "Title", m.inputs[0].View(), m.field == 0) + "\n\n" +
			m.c.styles.Label.Render("  What happened") + "\n" + m.areas[0].View()
	}
	if len(s.Problems) == 0 {
		return wrap("No problems yet. Press a to add the first one: a short title, then what happened.\nPress w for a worked example from the talk, t for what happened in git since the last retro.", w)
	}
	sel := m.sel[retro.PhaseProblems]
	h := m.bodyHeight()
	start := firstShown(sel, len(s.Problems), h)
	var lines []string
	for i := start; i < len(s.Problems) && i < start+h; i++ {
		p := s.Problems[i]
		text := fmt.Sprintf("%d. %s", i+1, titleOr(p.Title))
		if p.What != "" {
			text += m.c.styles.Subtle.Render(" — " + notes.Sanitize(firstLine(p.What)))
		}
		lines = append(lines, m.item(w, i == sel, text, ""))
	}
	return strings.Join(lines, "\n")
}

func (m *retroModel) exampleView(w int) string {
	lib := m.c.lib
	id := m.s.Template
	c, ok := lib.Case(id)
	if !ok && len(lib.Cases) > 0 {
		c, ok = lib.Cases[0], true
	}
	if !ok {
		return wrap("No cases in the library.", w)
	}
	var b strings.Builder
	b.WriteString(m.c.styles.Accent.Render(wrap("Worked example: "+c.Title, w)) + "\n")
	if c.Reconstruction {
		b.WriteString(m.c.styles.Subtle.Render(wrap(content.BriefLabel(c.Item), w)) + "\n")
	}
	sec := func(label, text string) {
		if text != "" {
			b.WriteString("\n" + m.c.styles.Label.Render(label) + "\n" + wrap(strings.TrimSpace(text), w) + "\n")
		}
	}
	sec("What happened", c.WhatHappened)
	sec("Our reaction", c.Reaction)
	if len(c.Learnings) > 0 {
		sec("What we learnt", "- "+strings.Join(c.Learnings, "\n- "))
	}
	b.WriteString("\n" + m.c.styles.Subtle.Render("w hides the example"))
	return b.String()
}

// listKey adds, edits and deletes problems or actions (the two phases
// that are lists the team writes).
func (m *retroModel) listKey(msg tea.KeyPressMsg) {
	k, p := m.keys, m.s.Phase
	switch {
	case key.Matches(msg, k.Add):
		if p == retro.PhaseProblems {
			m.sel[p] = m.s.AddProblem()
		} else {
			m.sel[p] = m.s.AddAction()
		}
		m.dirty = true
		m.startEdit(0)
	case key.Matches(msg, k.Edit) && m.count() > 0:
		m.startEdit(0)
	case key.Matches(msg, k.Delete) && m.count() > 0:
		m.mode = modeConfirmDelete
	case key.Matches(msg, k.Example) && p == retro.PhaseProblems:
		m.example = !m.example
	}
}
