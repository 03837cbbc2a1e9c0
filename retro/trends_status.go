package retro

import (
	"github.com/retrokata/retrokata/notes"
)

// statusOpen is the status of the actions trends lists as oldest open.
const statusOpen = string(notes.StatusOpen)

// forAgreed calls f with each action a retro agreed (the task items of its
// "## Actions", in order), its 1-based position among them (its id is
// <note>#n) and its status.
func forAgreed(l []notes.Action, f func(a *notes.Action, n int, status string)) {
	for i := range l {
		f(&l[i], l[i].N, string(l[i].Status))
	}
}
