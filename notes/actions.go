package notes

import (
	"path"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// SectionActions is the heading whose task items are the note's actions.
// "## Previous actions" is a record of a retro's decisions, in plain
// bullets: its items are never actions and never counted.
const (
	SectionActions  = "Actions"
	SectionPrevious = "Previous actions"
)

// Status is where an action stands. Every action has exactly one.
type Status string

// The four statuses, as they read in a note:
//
//	open     - [ ] Text (@owner, due 2026-12-01)
//	done     - [x] Text (@owner, due 2026-12-01)
//	dropped  - [x] ~~Text~~ (@owner, due 2026-12-01) — dropped 2026-11-30
//	carried  - [x] ~~Text~~ (@owner, due 2026-12-01) — carried over to [new](new.md)
//
// The new note holds the carried action open again:
// "- [ ] Text (@owner, due 2026-12-01) — carried over from [old](old.md)".
const (
	StatusOpen    Status = "open"
	StatusDone    Status = "done"
	StatusDropped Status = "dropped"
	StatusCarried Status = "carried"
)

// Statuses lists every status, in the order they are shown.
var Statuses = []Status{StatusOpen, StatusDone, StatusDropped, StatusCarried}

// ParseStatus reads a status name ("open", "done", "dropped", "carried").
func ParseStatus(s string) (Status, bool) {
	for _, st := range Statuses {
		if strings.EqualFold(strings.TrimSpace(s), string(st)) {
			return st, true
		}
	}
	return "", false
}

// Action is a GFM task-list item under "## Actions".
type Action struct {
	Text   string // without owner, due date, strike-through and status marks
	Status Status
	Owner  string // without the @; may name several people ("bob, carol")
	Due    string // YYYY-MM-DD, or ""
	From   string // the note it was carried over from (a link target), when written
	To     string // carried: the note it was carried over to (a link target)
	On     string // dropped: the day it was dropped (YYYY-MM-DD), when written
	N      int    // 1-based position among the note's actions: its id is <note>#N
	Line   int    // line of the file
}

// IsOpen reports whether the action is still to do.
func (a Action) IsOpen() bool { return a.Status == StatusOpen }

// Overdue reports whether an open action's due date is before the day of
// now (in now's time zone). It is the one rule for "overdue": the CLI, the
// home screen and the browser all use it.
func (a Action) Overdue(now time.Time) bool {
	if a.Status != StatusOpen || !isDate(a.Due) {
		return false
	}
	y, m, d := now.Date()
	return dateNumber(a.Due) < y*10000+int(m)*100+d
}

// dateNumber reads YYYY-MM-DD (isDate holds) as the number YYYYMMDD.
func dateNumber(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] != '-' {
			n = n*10 + int(s[i]-'0')
		}
	}
	return n
}

// Counts is how many actions a note (or several) has in each status.
type Counts struct{ Open, Done, Dropped, Carried int }

// Actions is how many distinct actions were counted: a carried line is a
// pointer to the open line in the newer note, which is the action itself,
// so it is not one more action. Stats, trends, home and the browser all
// count with it.
func (c Counts) Actions() int { return c.Open + c.Done + c.Dropped }

// CompletionRate is done over the distinct actions, false when there are none.
func (c Counts) CompletionRate() (float64, bool) {
	n := c.Actions()
	if n == 0 {
		return 0, false
	}
	return float64(c.Done) / float64(n), true
}

// Add counts one action.
func (c *Counts) Add(s Status) {
	switch s {
	case StatusOpen:
		c.Open++
	case StatusDone:
		c.Done++
	case StatusDropped:
		c.Dropped++
	case StatusCarried:
		c.Carried++
	}
}

// CountActions counts actions by status, each once.
func CountActions(l []Action) Counts {
	var c Counts
	for _, a := range l {
		c.Add(a.Status)
	}
	return c
}

// ID names an action: "<note file name without .md>#<n>", n its 1-based
// position among the task items of the note's "## Actions".
func ID(notePath string, n int) string {
	return NoteName(notePath) + "#" + strconv.Itoa(n)
}

// NoteName is a note's file name without .md: the first part of the ids
// of its actions.
func NoteName(notePath string) string {
	if strings.IndexByte(notePath, '\\') >= 0 {
		notePath = strings.ReplaceAll(notePath, "\\", "/")
	}
	return strings.TrimSuffix(path.Base(notePath), ".md")
}

// SplitID reads an id back: the note's file name (with .md) and n.
func SplitID(id string) (file string, n int, ok bool) {
	name, num, found := strings.Cut(strings.TrimSpace(id), "#")
	if !found || name == "" || strings.ContainsAny(name, "/\\") {
		return "", 0, false
	}
	n, err := strconv.Atoi(num)
	if err != nil || n < 1 {
		return "", 0, false
	}
	return name + ".md", n, true
}

// LinkTarget is how a note is linked from another note of the same dir:
// its file name.
func LinkTarget(notePath string) string {
	return path.Base(strings.ReplaceAll(notePath, "\\", "/"))
}

// ownerEscapes keeps an owner's parentheses, and dates that would read as
// a due date, inside the "(@owner, due …)" group; markdown shows the
// entities as the characters.
var (
	ownerUnescape = strings.NewReplacer("&#40;", "(", "&#41;", ")", "&#45;", "-", "&amp;", "&", "&lt;", "<")
)

// The kinds of trailer that can end an action's text.
const (
	kindNone = iota
	kindMeta
	kindDropped
	kindTo
	kindFrom
	kindCarried // "— carried over" alone, as older versions wrote it
)

// dashTail matches a status written after a dash at the end of a text:
// "— dropped", "-- dropped 2026-11-30", "— carried over to [x](x.md)",
// "— carried over from [x](x.md)", "— carried over". Group 1 holds the
// backslashes that protect the dash, group 2 the dash.
var dashTail = regexp.MustCompile(`(?i)(?:^|\s)(\\*)(—|–|--?)\s*(?:(dropped)(?:\s+(\d{4}-\d{2}-\d{2}))?|carried over(?:\s+(to|from)\s+\[[^\[\]]*\]\(([^()\s]+)\))?)\s*$`)

// taskLine matches a task item (for callers that want the text of one
// line): group 1 is the checkbox's mark, group 2 the text.
var taskLine = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\](?:[ \t](.*))?$`)

// sourceTail is the link to the note a decision is about, ending a line
// of "## Previous actions".
var sourceTail = regexp.MustCompile(`(?:^|\s)(?:—|–|--?)\s*\[[^\[\]]*\]\(([^()\s]+)\)\s*$`)
