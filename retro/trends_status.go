package retro

import (
	"strings"

	"github.com/retrokata/retrokata/notes"
)

// Action statuses as trends counts them.
const (
	statusOpen    = "open"
	statusDone    = "done"
	statusDropped = "dropped"
	statusCarried = "carried"
)

// forAgreed calls f with each action a retro agreed (the task items of its
// "## Actions", in order), its 1-based position among them (its id is
// <note>#n) and its status.
func forAgreed(l []notes.Action, f func(a *notes.Action, n int, status string)) {
	n := 0
	for i := range l {
		if l[i].Section != notes.SectionActions {
			continue
		}
		n++
		f(&l[i], n, statusOf(&l[i]))
	}
}

// statusOf reads an action's status from how the note writes it: ticked
// and struck through, "— dropped" or "— carried over to" say which.
func statusOf(a *notes.Action) string {
	if !a.Done {
		return statusOpen
	}
	switch t := a.Text; {
	case strings.Contains(t, "arried over to"):
		return statusCarried
	case strings.Contains(t, "ropped") || strings.HasPrefix(t, "~~"):
		return statusDropped
	}
	return statusDone
}
