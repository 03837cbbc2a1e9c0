package room

import (
	"github.com/retrokata/retrokata/retro"
)

// Suggest proposes a reaction or learning for problem i, or an action
// (i is ignored), to the facilitator, who accepts or ignores it.
func (r *Room) Suggest(name string, k Kind, i int, text string) error {
	text = CleanText(text)
	if k != Learning && k != Reaction {
		text = oneLine(text)
	}
	if text == "" {
		return ErrEmptySugg
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	m, err := r.member(name)
	if err != nil {
		return err
	}
	switch k {
	case Reaction, Learning:
		if r.board.Phase != retro.PhaseDiscuss {
			return ErrWrongPhase
		}
		if i < 0 || i >= len(r.board.Problems) {
			return ErrBadProblem
		}
	case Action:
		if r.board.Phase != retro.PhaseDiscuss && r.board.Phase != retro.PhaseActions {
			return ErrWrongPhase
		}
		i = -1
	default:
		return ErrWrongPhase
	}
	if m.waiting >= MaxSuggest {
		return ErrNoSuggest
	}
	r.nextID++
	r.suggest = append(r.suggest, Suggestion{ID: r.nextID, Kind: k, Problem: i, Text: text})
	r.suggester[r.nextID] = name
	m.waiting++
	r.changedLocked()
	return nil
}

// Resolve answers a suggestion: it leaves the list either way and is
// returned so the facilitator can apply an accepted one to the session.
func (r *Room) Resolve(id int) (Suggestion, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, s := range r.suggest {
		if s.ID != id {
			continue
		}
		r.suggest = append(r.suggest[:i], r.suggest[i+1:]...)
		if m := r.members[r.suggester[id]]; m != nil && m.waiting > 0 {
			m.waiting--
		}
		delete(r.suggester, id)
		r.changedLocked()
		return s, true
	}
	return Suggestion{}, false
}
