package retro

import (
	"strings"

	"github.com/retrokata/retrokata/notes"
)

// LastRetro finds the team's most recent retro note among entries (newest
// first, as notes.List returns them). An empty team matches retros with no
// team. ok is false when there is none.
func LastRetro(entries []notes.Entry, team string) (notes.Entry, bool) {
	for _, e := range entries {
		if !e.Broken() && e.Meta.Type == notes.TypeRetro && strings.EqualFold(strings.TrimSpace(e.Meta.Team), strings.TrimSpace(team)) {
			return e, true
		}
	}
	return notes.Entry{}, false
}

// LoadPrevious sets the previous actions: the open items of the team's
// last retro (from its Actions and Previous actions sections). Decisions
// already made for the same items are kept, so resuming or changing the
// team back and forth loses nothing.
func (s *Session) LoadPrevious(entries []notes.Entry) {
	last, ok := LastRetro(entries, s.Team)
	src := ""
	if ok {
		src = last.Path
	}
	if src == s.PrevSource && s.Previous != nil {
		return
	}
	old := map[string]Decision{}
	for _, p := range s.Previous {
		old[p.Text] = p.Decision
	}
	s.PrevSource = src
	s.Previous = []Previous{}
	for _, a := range last.Actions {
		if a.Done || a.CarriedCopy() {
			continue
		}
		s.Previous = append(s.Previous, Previous{Text: a.Text, Owner: a.Owner, Due: a.Due, Decision: old[a.Text]})
	}
	s.SyncCarried()
}

// Decide records a decision for previous action i and keeps the carried
// over actions in step.
func (s *Session) Decide(i int, d Decision) {
	if i < 0 || i >= len(s.Previous) {
		return
	}
	s.Previous[i].Decision = d
	s.SyncCarried()
}

// SyncCarried makes the carried-over actions match the decisions: one
// action per previous item decided "carry", placed first, keeping any
// edit made to it; none for the others.
func (s *Session) SyncCarried() {
	var carried, own []Action
	have := map[int]Action{}
	for _, a := range s.Actions {
		if a.FromPrev > 0 {
			have[a.FromPrev] = a
		} else {
			own = append(own, a)
		}
	}
	for i, p := range s.Previous {
		if p.Decision != Carry {
			continue
		}
		a, ok := have[i+1]
		if !ok {
			a = Action{Text: p.Text, Owner: p.Owner, Due: p.Due, CarriedOver: true, FromPrev: i + 1}
		}
		carried = append(carried, a)
	}
	s.Actions = append(carried, own...)
}
