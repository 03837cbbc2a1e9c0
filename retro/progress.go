package retro

import (
	"slices"
	"sort"
	"strings"

	"github.com/retrokata/retrokata/notes"
)

// Discussed reports whether problem i has a reaction or a learning: what
// the Discuss phase is for.
func (s *Session) Discussed(i int) bool {
	if i < 0 || i >= len(s.Problems) {
		return false
	}
	p := s.Problems[i]
	if strings.TrimSpace(p.Reaction) != "" {
		return true
	}
	return slices.ContainsFunc(p.Learnings, func(l string) bool { return strings.TrimSpace(l) != "" })
}

// Undiscussed counts the problems with neither a reaction nor a learning.
func (s *Session) Undiscussed() int {
	n := 0
	for i := range s.Problems {
		if !s.Discussed(i) {
			n++
		}
	}
	return n
}

// PhaseDone reports whether something was done in phase p (typed,
// decided, voted), not merely whether it was visited: what the phase bar
// ticks.
func (s *Session) PhaseDone(p Phase) bool {
	switch p {
	case PhaseStage:
		return strings.TrimSpace(s.Title) != "" || strings.TrimSpace(s.Facilitator) != "" ||
			len(s.Participants) > 0 || s.Timebox > 0 || s.CheckIn != nil
	case PhasePrevious:
		return slices.ContainsFunc(s.Previous, func(p Previous) bool { return p.Decision != Undecided })
	case PhaseProblems:
		return len(s.Problems) > 0
	case PhaseVote:
		return s.Used() > 0
	case PhaseDiscuss:
		for i, p := range s.Problems {
			if s.Discussed(i) || len(p.Tips) > 0 || len(p.Whys) > 0 {
				return true
			}
		}
	case PhaseActions:
		return slices.ContainsFunc(s.Actions, func(a Action) bool { return strings.TrimSpace(a.Text) != "" })
	case PhaseClose:
		return len(s.ROTIVotes) > 0
	}
	return false
}

// Blank reports whether the session holds nothing the team typed or
// decided, beyond its team and the participants it was started with:
// such a session is not worth a draft.
func (s *Session) Blank(team string, participants []string) bool {
	return strings.TrimSpace(s.Team) == strings.TrimSpace(team) && slices.Equal(s.Participants, participants) &&
		strings.TrimSpace(s.Title) == "" && strings.TrimSpace(s.Facilitator) == "" && s.Timebox == 0 &&
		s.CheckIn == nil && len(s.Activities) == 0 && len(s.WentWell) == 0 && len(s.ROTIVotes) == 0 &&
		len(s.Problems) == 0 && len(s.Actions) == 0 && len(s.Unrevealed) == 0 && len(s.Inbox) == 0 &&
		!s.PhaseDone(PhasePrevious)
}

// LastParticipants are the participants of the team's latest retro
// (entries as notes.List returns them), to start the next one with; nil
// when it has none.
func LastParticipants(entries []notes.Entry, team string) []string {
	var keep []notes.Entry
	for _, e := range entries {
		if !e.Broken() && e.Meta.Type == notes.TypeRetro && SameTeam(e.Meta.Team, team) && len(e.Meta.Participants) > 0 {
			keep = append(keep, e)
		}
	}
	if len(keep) == 0 {
		return nil
	}
	sort.SliceStable(keep, func(i, j int) bool {
		if !keep[i].Meta.Date.Equal(keep[j].Meta.Date) {
			return keep[i].Meta.Date.After(keep[j].Meta.Date)
		}
		return keep[i].Path > keep[j].Path
	})
	var out []string
	for _, p := range keep[0].Meta.Participants {
		if p = strings.TrimSpace(notes.Sanitize(p)); p != "" {
			out = append(out, p)
		}
	}
	return out
}
