package tui

import "fmt"

// takeInbox adds the cards waiting in the notes dir's inbox as problems.
func (m *retroModel) takeInbox() {
	if m.room != nil {
		return // the room takes them as hidden cards (roomStart)
	}
	for _, p := range m.s.Unrevealed { // a room's draft resumed alone
		m.s.Problems = append(m.s.Problems, p)
		m.dirty = true
	}
	m.s.Unrevealed = nil
	broken := 0
	for _, c := range m.opt.Inbox {
		if c.Err != nil {
			broken++
		}
	}
	n := m.s.TakeInbox(m.opt.Inbox)
	switch {
	case broken > 0:
		m.flash(fmt.Sprintf("%d card(s) from the inbox; %d could not be read and stay there (see 'retrokata retro inbox').", n, broken), true)
	case n > 0:
		m.flash(fmt.Sprintf("%d card(s) from the inbox added as problems.", n), false)
	}
	if n > 0 {
		m.dirty = true
	}
}
