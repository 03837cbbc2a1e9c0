package room

import (
	"strings"

	"github.com/retrokata/retrokata/retro"
)

// BoardOf is the board the facilitator publishes for session s: its
// title, phase, problems in the session's order (votes included: the
// room hides them until the vote closes), the problem under discussion
// (a session index, -1 for none) and the actions.
func BoardOf(s *retro.Session, focus int) Board {
	b := Board{Title: s.DisplayTitle(), Phase: s.Phase, Focus: -1}
	for _, p := range s.Problems {
		b.Problems = append(b.Problems, Problem{Title: p.Title, What: p.What, Reaction: p.Reaction,
			Learnings: append([]string(nil), p.Learnings...), Votes: p.Votes})
	}
	if focus >= 0 && focus < len(b.Problems) {
		b.Focus = focus
	}
	for _, a := range s.Actions {
		if t := strings.TrimSpace(a.Text); t != "" {
			if a.Owner != "" {
				t += " (@" + a.Owner + ")"
			}
			b.Actions = append(b.Actions, t)
		}
	}
	return b
}

// AddCards appends revealed cards to the session as problems.
func AddCards(s *retro.Session, cards []Card) {
	for _, c := range cards {
		s.Problems = append(s.Problems, retro.Problem{Title: c.Title, What: c.Text})
	}
}

// AddTotals adds a closed vote's totals to the session's problems (the
// board was published in the session's order).
func AddTotals(s *retro.Session, totals []int) {
	for i, n := range totals {
		if i < len(s.Problems) {
			s.Problems[i].Votes += n
		}
	}
}

// Apply puts an accepted suggestion into the session: a reaction is added
// to the problem's reaction, a learning to its learnings, an action to the
// actions. It reports false when the problem is gone.
func Apply(s *retro.Session, sg Suggestion) bool {
	switch sg.Kind {
	case Reaction, Learning:
		if sg.Problem < 0 || sg.Problem >= len(s.Problems) {
			return false
		}
		p := &s.Problems[sg.Problem]
		if sg.Kind == Learning {
			p.Learnings = append(p.Learnings, oneLine(sg.Text))
		} else if strings.TrimSpace(p.Reaction) == "" {
			p.Reaction = sg.Text
		} else {
			p.Reaction += "\n" + sg.Text
		}
	case Action:
		i := s.AddAction()
		s.Actions[i].Text = sg.Text
	default:
		return false
	}
	return true
}
