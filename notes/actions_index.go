package notes

import (
	"path"
	"strings"
)

// PreviousLine renders one decision of a retro about an earlier action,
// as a plain bullet of "## Previous actions" (never a task item, so never
// counted): "- Done: Add a canary stage (@alice) — [old](old.md)".
func PreviousLine(label string, a Action, source string) string {
	var b strings.Builder
	b.WriteString("- " + oneLine(label) + ": ")
	b.WriteString(strings.TrimPrefix(actionItem(Action{Text: a.Text, Owner: a.Owner, Status: StatusOpen}), "[ ] "))
	if source != "" {
		b.WriteString(" — " + link(source))
	}
	return b.String()
}

// ParsePreviousLine reads a line written by PreviousLine: the label
// before the colon, the action (text and owner) and the note it is
// about. ok is false for other lines, task items included.
func ParsePreviousLine(line string) (label string, a Action, source string, ok bool) {
	t := strings.TrimLeft(line, " \t")
	j, isBullet := bullet([]byte(t), 0)
	if !isBullet || j >= len(t) || (t[j] != ' ' && t[j] != '\t') {
		return "", Action{}, "", false
	}
	if _, _, _, task := taskItem([]byte(t)); task {
		return "", Action{}, "", false
	}
	label, rest, found := strings.Cut(strings.TrimSpace(t[j:]), ": ")
	if !found || label == "" || len(label) > 40 {
		return "", Action{}, "", false
	}
	if m := sourceTail.FindStringSubmatchIndex(rest); m != nil {
		source = unlink(rest[m[2]:m[3]])
		rest = rest[:m[0]]
	}
	a, _ = parseItem(rest)
	if a.Text == "" {
		return "", Action{}, "", false
	}
	a.Status = StatusOpen
	return label, a, source, true
}

// Actions finds actions by id among the entries of a notes dir.
type Actions struct {
	byFile map[string]int // file name -> index in entries
	list   []Entry
}

// IndexActions indexes the readable entries of a notes dir by file name.
func IndexActions(entries []Entry) Actions {
	x := Actions{byFile: make(map[string]int, len(entries)), list: entries}
	for i, e := range entries {
		if !e.Broken() {
			x.byFile[path.Base(strings.ReplaceAll(e.Path, "\\", "/"))] = i
		}
	}
	return x
}

// Find returns the note and the action an id names.
func (x Actions) Find(id string) (Entry, Action, bool) {
	file, n, ok := SplitID(id)
	if !ok {
		return Entry{}, Action{}, false
	}
	i, ok := x.byFile[file]
	if !ok {
		return Entry{}, Action{}, false
	}
	for _, a := range x.list[i].Actions {
		if a.N == n {
			return x.list[i], a, true
		}
	}
	return Entry{}, Action{}, false
}

// Current follows a carried action to where it lives now: the action of
// the note it was carried over to that says it came from this note, with
// the same text; and on, for an action carried several times. ok is false
// when the chain is broken (a note renamed or deleted); e and a are then
// the last link found.
func (x Actions) Current(e Entry, a Action) (Entry, Action, bool) {
	for hop := 0; a.Status == StatusCarried && hop < 100; hop++ {
		i, found := x.byFile[path.Base(a.To)]
		if !found {
			return e, a, false
		}
		from := path.Base(strings.ReplaceAll(e.Path, "\\", "/"))
		next, ok := Action{}, false
		for _, b := range x.list[i].Actions {
			if path.Base(b.From) == from && b.Text == a.Text {
				next, ok = b, true
				break
			}
		}
		if !ok {
			return e, a, false
		}
		e, a = x.list[i], next
	}
	return e, a, a.Status != StatusCarried
}
