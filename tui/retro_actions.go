package tui

import (
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/retrokata/retrokata/retro"
)

func (m *retroModel) actionsView(w int) string {
	s := m.s
	if m.mode == modeEdit && len(m.inputs) == 3 {
		return m.labelled(w, "Action", m.inputs[0].View(), m.field == 0) + "\n" +
			m.labelled(w, "Owner", m.inputs[1].View(), m.field == 1) + "\n" +
			m.labelled(w, "Due", m.inputs[2].View(), m.field == 2) + "\n\n" + m.learningsPanel(w)
	}
	var lines []string
	if len(s.Actions) == 0 {
		lines = append(lines, wrap("No actions yet. Press a to add one: what, who, and when.", w))
	}
	sel := m.sel[retro.PhaseActions]
	learn := m.learningsPanel(w)
	side := w >= 100 && learn != ""
	if side {
		learn = m.learningsPanel(w - w*3/5 - 2)
	}
	lw := w
	if side {
		lw = w * 3 / 5
	}
	h := m.bodyHeight()
	if !side && learn != "" {
		h = max(1, h-lineCount(learn)-1)
	}
	start := firstShown(sel, len(s.Actions), h)
	for i := start; i < len(s.Actions) && i < start+h; i++ {
		a := s.Actions[i]
		// owner and due are the tag, which item never cuts
		tag := m.c.styles.Subtle.Render(ownerDue(a.Owner, a.Due))
		if a.CarriedOver {
			tag = strings.TrimSpace(m.c.styles.Accent.Render("carried over") + " " + tag)
		}
		lines = append(lines, m.item(lw, i == sel, "[ ] "+titleOr(a.Text), tag))
	}
	list := strings.Join(lines, "\n")
	if learn == "" {
		return list
	}
	if side {
		return lipgloss.JoinHorizontal(lipgloss.Top, fit(list, lw, lineCount(list)), "  ", learn)
	}
	return list + "\n\n" + learn
}
