package retro

import (
	"sort"
	"strings"

	"github.com/retrokata/retrokata/notes"
)

// SameTeam reports whether a note's team is team (case and blanks aside;
// an empty team matches notes with no team).
func SameTeam(noteTeam, team string) bool {
	return strings.EqualFold(strings.TrimSpace(noteTeam), strings.TrimSpace(team))
}

// OpenActions lists every action still open in the team's notes (entries
// as notes.List returns them, with their actions), oldest note first and
// in note order within a note.
func OpenActions(entries []notes.Entry, team string) []Previous {
	var keep []notes.Entry
	for _, e := range entries {
		if !e.Broken() && len(e.Actions) > 0 && SameTeam(e.Meta.Team, team) {
			keep = append(keep, e)
		}
	}
	sort.SliceStable(keep, func(i, j int) bool {
		if !keep[i].Meta.Date.Equal(keep[j].Meta.Date) {
			return keep[i].Meta.Date.Before(keep[j].Meta.Date)
		}
		return keep[i].Path < keep[j].Path
	})
	var out []Previous
	for _, e := range keep {
		for _, a := range e.Actions {
			if a.IsOpen() {
				out = append(out, Previous{ID: notes.ID(e.Path, a.N), Note: e.Path, Line: a.Line,
					Text: a.Text, Owner: a.Owner, Due: a.Due, From: a.From})
			}
		}
	}
	return out
}

// LoadPrevious sets the previous actions: every action still open in the
// team's notes. Decisions already made for the same actions are kept, so
// resuming or changing the team back and forth loses nothing.
func (s *Session) LoadPrevious(entries []notes.Entry) {
	old := map[string]Decision{}
	for _, p := range s.Previous {
		old[p.ID+"\x00"+p.Text] = p.Decision
		if p.ID == "" { // a draft of an older version knew only the text
			old[p.Text] = p.Decision
		}
	}
	s.upgradeCarried()
	fresh := OpenActions(entries, s.Team)
	for i := range fresh {
		p := &fresh[i]
		if d, ok := old[p.ID+"\x00"+p.Text]; ok {
			p.Decision = d
		} else if d, ok := old[p.Text]; ok {
			p.Decision = d
		}
	}
	if fresh == nil {
		fresh = []Previous{}
	}
	s.Previous = fresh
	s.SyncCarried()
}

// upgradeCarried links the carried actions of a draft written by an older
// version (an index into Previous) by id.
func (s *Session) upgradeCarried() {
	for i := range s.Actions {
		a := &s.Actions[i]
		if a.FromPrev > 0 && a.FromID == "" && a.FromPrev <= len(s.Previous) {
			p := s.Previous[a.FromPrev-1]
			a.FromID = p.ID
			if a.FromID == "" {
				a.FromID = "text:" + p.Text
			}
		}
		a.FromPrev = 0
	}
}

// prevKey is what a carried action's FromID names.
func prevKey(p Previous) string {
	if p.ID == "" {
		return "text:" + p.Text
	}
	return p.ID
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
	s.upgradeCarried()
	var carried, own []Action
	have := map[string]Action{}
	for _, a := range s.Actions {
		if a.FromID != "" {
			have[a.FromID] = a
		} else {
			own = append(own, a)
		}
	}
	for _, p := range s.Previous {
		if p.Decision != Carry {
			continue
		}
		key := prevKey(p)
		a, ok := have[key]
		if !ok {
			a, ok = have["text:"+p.Text] // carried in a draft of an older version
		}
		if !ok {
			a = Action{Text: p.Text, Owner: p.Owner, Due: p.Due, CarriedOver: true}
		}
		a.FromID = key
		if p.Note != "" {
			a.From = notes.LinkTarget(p.Note)
		}
		carried = append(carried, a)
	}
	s.Actions = append(carried, own...)
}
