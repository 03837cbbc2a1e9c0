package retro

import "sort"

// Budget is the number of dots the room has: each participant has Dots;
// with no participants listed, the facilitator votes for the room with one
// person's dots.
func (s *Session) Budget() int {
	return s.Dots * max(1, len(s.Participants))
}

// Used is the number of dots placed.
func (s *Session) Used() int {
	n := 0
	for _, p := range s.Problems {
		n += p.Votes
	}
	return n
}

// Vote adds delta dots to problem i, within 0 and the dots left. It
// reports whether anything changed.
func (s *Session) Vote(i, delta int) bool {
	if i < 0 || i >= len(s.Problems) || delta == 0 {
		return false
	}
	p := &s.Problems[i]
	switch {
	case delta > 0:
		delta = min(delta, max(0, s.Budget()-s.Used())) // over budget when participants left after voting
	case delta < 0:
		delta = max(delta, -p.Votes)
	}
	if delta == 0 {
		return false
	}
	p.Votes += delta
	return true
}

// VoteOrder returns problem indexes by votes, most first; ties keep the
// order the problems were written in.
func (s *Session) VoteOrder() []int {
	idx := make([]int, len(s.Problems))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return s.Problems[idx[a]].Votes > s.Problems[idx[b]].Votes })
	return idx
}
