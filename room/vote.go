package room

// OpenVote starts a vote on n problems (the board's, in its order): every
// ballot starts empty and totals are hidden.
func (r *Room) OpenVote(n int) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.voteOpen, r.closed, r.nVote, r.totals = true, false, n, nil
	for _, m := range r.members {
		m.votes = make([]int, n)
	}
	r.changedLocked()
}

// Vote puts a dot on problem i (delta 1) or takes one back (delta -1).
func (r *Room) Vote(name string, i, delta int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	m, err := r.member(name)
	if err != nil {
		return err
	}
	if !r.voteOpen {
		return ErrVoteClosed
	}
	if i < 0 || i >= r.nVote {
		return ErrBadProblem
	}
	if len(m.votes) != r.nVote {
		m.votes = make([]int, r.nVote)
	}
	switch {
	case delta > 0 && sum(m.votes) >= r.cfg.Dots:
		return ErrNoDots
	case delta > 0:
		m.votes[i]++
	case delta < 0 && m.votes[i] == 0:
		return ErrNoneToTake
	case delta < 0:
		m.votes[i]--
	default:
		return nil
	}
	r.changedLocked()
	return nil
}

// CloseVote ends the vote and returns the total dots per problem, which
// everyone now sees. Ballots stay (each person still sees their own).
func (r *Room) CloseVote() []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	totals := make([]int, r.nVote)
	for _, m := range r.members {
		for i := 0; i < len(m.votes) && i < len(totals); i++ {
			totals[i] += m.votes[i]
		}
	}
	r.voteOpen, r.closed, r.totals = false, true, totals
	r.changedLocked()
	return append([]int(nil), totals...)
}

func sum(l []int) int {
	n := 0
	for _, v := range l {
		n += v
	}
	return n
}
