package notes

import (
	"bytes"
	"errors"
	"fmt"
)

// Change is a status to write back to one open action of a note: a
// retro's decision about it.
type Change struct {
	Action Action // the action as it was read (text, owner, due, From, N, Line)
	Status Status // StatusDone, StatusDropped or StatusCarried
	To     string // carried: the note it goes to (a link target)
	On     string // dropped: the day (YYYY-MM-DD)
}

// SetStatuses writes changes to the note at path, one line each, in one
// edit through EditFile (mode, owner and symlinks kept; refused when the
// file changes between the read here and the write). Each action is found
// where it was read (its line), or, when lines were added or removed
// above it since, by its position among the note's actions; it must still
// be open and the same item (text, owner, due date), else that change is
// refused and the others are still made. It returns one error (or nil) per
// change, and an error for the note as a whole (unreadable, or refused by
// EditFile: then no change is made).
func SetStatuses(path string, changes []Change) ([]error, error) {
	return SetStatusesIn("", path, changes)
}

// SetStatusesIn is SetStatuses for a note that must lie inside root once
// links are followed (Location.Root; "" is no confinement).
func SetStatusesIn(root, path string, changes []Change) ([]error, error) {
	errs := make([]error, len(changes))
	if err := confine(root, path); err != nil {
		lineErrors(path, changes, errs, err)
		return errs, err
	}
	e, _ := ReadEntry(path)
	if e.Err != nil {
		lineErrors(path, changes, errs, e.Err)
		return errs, e.Err
	}
	_, err := EditFileIn(root, path, e.Hash, func(data []byte) ([]byte, error) {
		n, err := Parse(data)
		if err != nil {
			return nil, &Error{Path: path, Msg: err.Error()}
		}
		lines := bytes.SplitAfter(data, []byte("\n"))
		for i, c := range changes {
			c.Action.Status = ""
			a, ok := findSame(n.Actions, c.Action)
			if !ok {
				errs[i] = &Error{Path: path, Line: c.Action.Line, Msg: "this action changed or moved since it was read: its status is only recorded in the new note"}
				continue
			}
			if a.Status == c.Status && (c.Status != StatusCarried || a.To == c.To) {
				continue // written already (a save made twice)
			}
			if a.Status != StatusOpen {
				errs[i] = &Error{Path: path, Line: a.Line, Msg: fmt.Sprintf("this action is %s already", a.Status)}
				continue
			}
			raw := lines[a.Line-1]
			body := bytes.TrimRight(raw, "\r\n")
			eol := raw[len(body):]
			var out string
			if c.Status == StatusDone {
				_, box, _, _ := taskItem(body)
				b := bytes.Clone(body)
				b[box] = 'x'
				out = string(b)
			} else {
				out, ok = RewriteLine(string(body), c.Status, c.To, c.On)
				if !ok {
					errs[i] = &Error{Path: path, Line: a.Line, Msg: "cannot write status " + string(c.Status)}
					continue
				}
			}
			lines[a.Line-1] = append([]byte(out), eol...)
		}
		return bytes.Join(lines, nil), nil
	})
	if err != nil {
		lineErrors(path, changes, errs, err)
	}
	return errs, err
}

// lineErrors gives each change not refused yet the reason the whole note
// was, at its own line.
func lineErrors(path string, changes []Change, errs []error, err error) {
	msg := err.Error()
	var ne *Error
	switch {
	case errors.As(err, &ne):
		msg = ne.Msg
	case errors.Is(err, ErrChanged):
		msg = "the note " + ErrChanged.Error() + ": its status is only recorded in the new note"
	}
	for i := range errs {
		if errs[i] == nil {
			errs[i] = &Error{Path: path, Line: changes[i].Action.Line, Msg: msg}
		}
	}
}

// findSame finds action want among l: on its line if it is still there,
// else by its position n, else as the only action that is the same item.
func findSame(l []Action, want Action) (Action, bool) {
	same := func(a Action) bool {
		return a.Text == want.Text && a.Owner == want.Owner && a.Due == want.Due && a.From == want.From
	}
	for _, a := range l {
		if a.Line == want.Line && same(a) {
			return a, true
		}
	}
	for _, a := range l {
		if a.N == want.N && same(a) {
			return a, true
		}
	}
	var found []Action
	for _, a := range l {
		if same(a) {
			found = append(found, a)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return Action{}, false
}
