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
	if s.PrevSource == "" {
		team := s.Team
		if team == "" {
			team = "a retro with no team"
		}
		return wrap(fmt.Sprintf("No earlier retro found for %s in the notes dir: nothing to look back on.\nPress tab to list problems.", notes.Sanitize(team)), w)
	}
	if len(s.Previous) == 0 {
		return wrap("Every action of the last retro ("+filepath.Base(s.PrevSource)+") is done. Well done!", w)
	}
	head := m.c.styles.Subtle.Render(wrap(fmt.Sprintf("Open actions from %s: x done · c carry over · d drop", filepath.Base(s.PrevSource)), w))
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
		}
		text := notes.Sanitize(notes.ActionLine(notes.Action{Text: p.Text, Owner: p.Owner, Due: p.Due})[6:])
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
