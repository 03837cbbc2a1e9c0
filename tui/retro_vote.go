package tui

import (
	"fmt"
	"strings"

	"github.com/retrokata/retrokata/retro"
)

func (m *retroModel) voteView(w int) string {
	s := m.s
	if len(s.Problems) == 0 {
		return wrap("No problems to vote on. Press shift+tab to add some.", w)
	}
	left := s.Budget() - s.Used()
	who := fmt.Sprintf("%d participants", len(s.Participants))
	if len(s.Participants) == 0 {
		who = "the room"
	}
	head := m.c.styles.Subtle.Render(wrap(fmt.Sprintf("%d dots each for %s: %d left of %d. + adds a dot, - takes one back.", s.Dots, who, left, s.Budget()), w))
	sel := m.sel[retro.PhaseVote]
	h := m.bodyHeight() - height(head) - 1
	start := window(sel, len(s.Problems), h)
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
