package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

func (m *retroModel) previousView(w int) string {
	s := m.s
	team := s.Team
	if team == "" {
		team = "a retro with no team"
	}
	if len(s.Previous) == 0 {
		return wrap(fmt.Sprintf("No open action for %s in the notes dir: nothing to follow up.\nPress tab to list problems.", notes.Sanitize(team)), w)
	}
	now := m.now
	overdue := 0
	for _, p := range s.Previous {
		if p.Overdue(now) {
			overdue++
		}
	}
	intro := fmt.Sprintf("%s for %s, oldest first", plural(len(s.Previous), "open action"), team)
	if overdue > 0 {
		intro += fmt.Sprintf(" (%d overdue)", overdue)
	}
	head := m.c.styles.Subtle.Render(wrap(notes.Sanitize(intro)+": x done · c carry over · d drop", w))
	lines := []string{}
	sel := m.sel[retro.PhasePrevious]
	h := m.bodyHeight() - lineCount(head) - 1
	start := firstShown(sel, len(s.Previous), h)
	for i := start; i < len(s.Previous) && i < start+h; i++ {
		p := s.Previous[i]
		box, tag := "[ ]", m.c.styles.Subtle.Render("undecided")
		switch p.Decision {
		case retro.Done:
			box, tag = "[x]", m.c.styles.OK.Render("done")
		case retro.Carry:
			box, tag = "[→]", m.c.styles.Accent.Render("carried over")
		case retro.Drop:
			box, tag = "[-]", m.c.styles.Subtle.Render("dropped")
		default:
			if p.Overdue(now) {
				tag = m.c.styles.Error.Render("overdue")
			}
		}
		text := notes.Sanitize(p.Text) + " · " + notes.Sanitize(strings.TrimSuffix(filepath.Base(p.Note), ".md"))
		if od := ownerDue(p.Owner, p.Due); od != "" {
			tag = m.c.styles.Subtle.Render(od) + " " + tag // owner and due are never cut
		}
		lines = append(lines, m.item(w, i == sel, box+" "+text, tag))
	}
	return head + "\n\n" + strings.Join(lines, "\n")
}

// previousKey decides what becomes of the selected previous action.
func (m *retroModel) previousKey(msg tea.KeyPressMsg) {
	k, i := m.keys, m.sel[retro.PhasePrevious]
	switch {
	case key.Matches(msg, k.DoneAction):
		m.s.Decide(i, retro.Done)
	case key.Matches(msg, k.Carry):
		m.s.Decide(i, retro.Carry)
	case key.Matches(msg, k.Drop):
		m.s.Decide(i, retro.Drop)
	case key.Matches(msg, k.Reset):
		m.s.Decide(i, retro.Undecided)
	default:
		return
	}
	m.dirty = true
}
