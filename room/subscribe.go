package room

import "sync"

// Changes: a version number and subscribers woken after each change.

// changedLocked bumps the version and wakes every subscriber without ever
// blocking: a pending wake-up already covers this change.
func (r *Room) changedLocked() {
	r.version++
	for _, ch := range r.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// Subscribe returns a channel that receives a value after each change (one
// pending value covers any number of changes) and a function to
// unsubscribe, which closes the channel. Take a snapshot after each wake-up.
func (r *Room) Subscribe() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	ch <- struct{}{} // a first snapshot now
	r.mu.Lock()
	id := r.nextSub
	r.nextSub++
	r.subs[id] = ch
	r.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			r.mu.Lock()
			delete(r.subs, id)
			close(ch)
			r.mu.Unlock()
		})
	}
}

// Version changes with every change of the room.
func (r *Room) Version() uint64 {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.version
}
