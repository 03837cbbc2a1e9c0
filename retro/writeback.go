package retro

import (
	"time"

	"github.com/retrokata/retrokata/notes"
)

// Decided is one decision to write back to the note an action is open in.
type Decided struct {
	Previous
}

// Decisions lists the decisions of the session that change a source note
// (undecided actions stay open where they are), in order.
func (s *Session) Decisions() []Decided {
	var out []Decided
	for _, p := range s.Previous {
		if p.Decision != Undecided && p.Note != "" {
			out = append(out, Decided{p})
		}
	}
	return out
}

// WriteBackResult is what writing the decisions back did.
type WriteBackResult struct {
	Updated []string // notes changed, in the order of the decisions
	Failed  []error  // one per decision not written back, naming file and line
}

// WriteBack writes each decision to the note its action is open in, one
// line each, through notes.SetStatuses: done ticks it, drop strikes it
// through "— dropped <day>", carry strikes it through "— carried over to"
// the new note (newNote, the path the retro was saved as). A decision that
// cannot be written stays recorded in the new note; it is returned in
// Failed.
func WriteBack(decided []Decided, newNote string, day time.Time) WriteBackResult {
	return WriteBackIn("", decided, newNote, day)
}

// WriteBackIn is WriteBack for notes confined to root (Location.Root; ""
// is no confinement): a note linked out of the repository is not
// rewritten, its decisions are returned in Failed.
func WriteBackIn(root string, decided []Decided, newNote string, day time.Time) WriteBackResult {
	var res WriteBackResult
	var order []string
	byNote := map[string][]notes.Change{}
	for _, d := range decided {
		c := notes.Change{Action: notes.Action{Text: d.Text, Owner: d.Owner, Due: d.Due, From: d.From, N: idN(d.ID), Line: d.Line}}
		switch d.Decision {
		case Done:
			c.Status = notes.StatusDone
		case Drop:
			c.Status, c.On = notes.StatusDropped, day.Format(time.DateOnly)
		case Carry:
			c.Status, c.To = notes.StatusCarried, notes.LinkTarget(newNote)
		default:
			continue
		}
		if _, ok := byNote[d.Note]; !ok {
			order = append(order, d.Note)
		}
		byNote[d.Note] = append(byNote[d.Note], c)
	}
	for _, note := range order {
		errs, _ := notes.SetStatusesIn(root, note, byNote[note])
		changed := false
		for _, err := range errs {
			if err != nil {
				res.Failed = append(res.Failed, err)
			} else {
				changed = true
			}
		}
		if changed {
			res.Updated = append(res.Updated, note)
		}
	}
	return res
}

// idN is the n of an id "<note>#<n>", or 0.
func idN(id string) int {
	_, n, _ := notes.SplitID(id)
	return n
}
