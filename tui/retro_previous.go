package tui

import (
	"fmt"
	"path/filepath"
	"strings"

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
	h := m.bodyHeight() - height(head) - 1
	start := window(sel, len(s.Previous), h)
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
