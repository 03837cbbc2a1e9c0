package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/retro"
)

func (m *retroModel) voteView(w int) string {
	s := m.s
	if len(s.Problems) == 0 {
		return wrap("No problems to vote on. Press shift+tab to add some.", w)
	}
	left := s.Budget() - s.Used()
	text := fmt.Sprintf("Each of the %s has %s: %d left of %d. + adds a dot to the selected problem, - takes one back.",
		plural(len(s.Participants), "participant"), plural(s.Dots, "dot"), left, s.Budget())
	if len(s.Participants) == 0 {
		// no names: the budget is one person's dots
		text = fmt.Sprintf("Each person gets %s: + adds a dot to the selected problem, - takes one back. %d left of %d: list the participants in Set the stage to give each theirs.",
			plural(s.Dots, "dot"), left, s.Budget())
	}
	head := m.c.styles.Subtle.Render(wrap(text, w))
	sel := m.sel[retro.PhaseVote]
	h := m.bodyHeight() - lineCount(head) - 1
	start := firstShown(sel, len(s.Problems), h)
	var lines []string
	for i := start; i < len(s.Problems) && i < start+h; i++ {
		p := s.Problems[i]
		dots := strings.Repeat("●", max(0, min(p.Votes, 12)))
		if p.Votes > 12 {
			dots += "…"
		}
		lines = append(lines, m.item(w, i == sel, fmt.Sprintf("%2d %s", p.Votes, titleOr(p.Title)), m.c.styles.Accent.Render(dots)))
	}
	return head + "\n\n" + strings.Join(lines, "\n")
}

// voteKey adds or takes back a dot on the selected problem.
func (m *retroModel) voteKey(msg tea.KeyPressMsg) {
	k, i := m.keys, m.sel[retro.PhaseVote]
	switch {
	case key.Matches(msg, k.VoteUp):
		if !m.s.Vote(i, 1) && len(m.s.Problems) > 0 {
			m.flash("No dots left: take one back with - first.", true)
		} else {
			m.dirty, m.status = true, ""
		}
	case key.Matches(msg, k.VoteDown):
		if m.s.Vote(i, -1) {
			m.dirty, m.status = true, ""
		}
	}
}
