package notes

import (
	"bytes"
	"fmt"
	"net/url"
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

// ActionLine renders an action as a task-list item in the form of its
// status (see Status). Text and owner are escaped where they would
// otherwise read back differently, so that parsing the line gives back
// the action (text and owner folded onto one line).
func ActionLine(a Action) string { return "- " + actionItem(a) }

// actionItem is an action line after the bullet: "[ ] Text (...)...".
func actionItem(a Action) string {
	var b strings.Builder
	switch a.Status {
	case StatusOpen, "":
		b.WriteString("[ ] ")
	default:
		b.WriteString("[x] ")
	}
	text := oneLine(a.Text)
	if a.Status == StatusDropped || a.Status == StatusCarried {
		b.WriteString("~~" + text + "~~")
	} else {
		b.WriteString(escapeText(text))
	}
	owner := strings.TrimPrefix(oneLine(a.Owner), "@")
	switch {
	case owner != "" && a.Due != "":
		b.WriteString(" (@" + escapeOwner(owner) + ", due " + a.Due + ")")
	case owner != "":
		b.WriteString(" (@" + escapeOwner(owner) + ")")
	case a.Due != "":
		b.WriteString(" (due " + a.Due + ")")
	}
	if a.From != "" {
		b.WriteString(" — carried over from " + link(a.From))
	}
	switch a.Status {
	case StatusDropped:
		b.WriteString(" — dropped")
		if a.On != "" {
			b.WriteString(" " + a.On)
		}
	case StatusCarried:
		b.WriteString(" — carried over to " + link(a.To))
	}
	return b.String()
}

// link is a markdown link to a note of the same dir: [name](name.md).
// The target is percent-encoded where a markdown link needs it.
func link(target string) string {
	label := strings.Map(func(r rune) rune {
		if r == '[' || r == ']' || r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, oneLine(strings.TrimSuffix(path.Base(target), ".md")))
	var b strings.Builder
	for i := 0; i < len(target); i++ {
		c := target[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/#", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return "[" + label + "](" + b.String() + ")"
}

// unlink reads a link target back.
func unlink(target string) string {
	if s, err := url.PathUnescape(target); err == nil {
		return s
	}
	return target
}

// oneLine folds a text onto one line, so it stays one list item.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// escapeText protects a text whose end would read as an owner, a due date
// or a status, or which would read as struck through, with a backslash
// (markdown shows "\(" as "("). Like the rest of the typed text of a note
// (see EscapeText), "<" becomes "&lt;" (no raw HTML) and an "&" that would
// start an entity becomes "&amp;".
func escapeText(s string) string {
	if strings.ContainsAny(s, "<&") {
		var b strings.Builder
		escapeInline(&b, s)
		s = b.String()
	}
	if p, _ := tailTrailer(s); p >= 0 {
		s = s[:p] + `\` + s[p:]
	}
	if struckLike(s) {
		s = `\` + s
	}
	return s
}

// ownerEscapes keeps an owner's parentheses, and dates that would read as
// a due date, inside the "(@owner, due …)" group; markdown shows the
// entities as the characters.
var (
	ownerUnescape = strings.NewReplacer("&#40;", "(", "&#41;", ")", "&#45;", "-", "&amp;", "&", "&lt;", "<")
)

func escapeOwner(s string) string {
	if !strings.ContainsAny(s, "()&<-") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '(':
			b.WriteString("&#40;")
		case c == ')':
			b.WriteString("&#41;")
		case c == '-' && i > 0 && s[i-1] >= '0' && s[i-1] <= '9':
			b.WriteString("&#45;")
		case c == '<':
			b.WriteString("&lt;")
		case c == '&' && entityAt(s[i:]):
			b.WriteString("&amp;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// struckLike reports whether s reads as struck through (~~text~~), maybe
// behind protecting backslashes.
func struckLike(s string) bool {
	s = strings.TrimLeft(s, `\`)
	return len(s) > 4 && strings.HasPrefix(s, "~~") && strings.HasSuffix(s, "~~")
}

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

// trailer is what tailTrailer found at the end of a text.
type trailer struct {
	kind      int
	protected bool // a backslash before it makes it text
	owner     string
	due       string
	ref       string // link target of "carried over to/from"
	on        string // date of "dropped"
}

// tailTrailer finds the trailer ending s (s without trailing space): its
// start (after any protecting backslashes), or -1.
func tailTrailer(s string) (int, trailer) {
	if s == "" {
		return -1, trailer{}
	}
	switch last := s[len(s)-1]; {
	case last == ')':
		if strings.Contains(s, "](") {
			if p, t := dashTailAt(s); p >= 0 {
				return p, t
			}
		}
		return parenTail(s)
	case last == 'd' || last == 'D' || last == 'r' || last == 'R' || (last >= '0' && last <= '9'):
		return dashTailAt(s)
	}
	return -1, trailer{}
}

func dashTailAt(s string) (int, trailer) {
	m := dashTail.FindStringSubmatchIndex(s)
	if m == nil {
		return -1, trailer{}
	}
	t := trailer{protected: m[3] > m[2]}
	switch {
	case m[6] >= 0:
		t.kind = kindDropped
		if m[8] >= 0 {
			t.on = s[m[8]:m[9]]
		}
	case m[10] >= 0:
		t.kind = kindTo
		if strings.EqualFold(s[m[10]:m[11]], "from") {
			t.kind = kindFrom
		}
		t.ref = unlink(s[m[12]:m[13]])
	default:
		t.kind = kindCarried
	}
	return m[4], t
}

// parenTail reads a group in parentheses ending s: "(@owner, due date)",
// "(@owner)", "(due date)" or "(dropped)".
func parenTail(s string) (int, trailer) {
	depth := 0
	open := -1
	for i := len(s) - 1; i >= 0; i-- {
		if s[i] == ')' {
			depth++
		} else if s[i] == '(' {
			depth--
			if depth == 0 {
				open = i
				break
			}
		}
	}
	if open < 0 {
		return -1, trailer{}
	}
	inner := strings.TrimSpace(s[open+1 : len(s)-1])
	t := trailer{protected: open > 0 && s[open-1] == '\\'}
	if w, rest, _ := strings.Cut(inner, " "); strings.EqualFold(w, "dropped") {
		rest = strings.TrimSpace(rest)
		if rest == "" || isDate(rest) {
			t.kind, t.on = kindDropped, rest
			return open, t
		}
		return -1, trailer{}
	}
	// a due date first or last, the owner (starting with @) in the rest
	rest := inner
	if len(rest) >= 14 && strings.EqualFold(rest[:4], "due ") && isDate(rest[4:14]) && (len(rest) == 14 || rest[14] == ',' || rest[14] == ' ') {
		t.due, rest = rest[4:14], strings.TrimSpace(strings.TrimPrefix(strings.TrimLeft(rest[14:], " "), ","))
	} else if n := len(rest); n >= 14 && strings.EqualFold(rest[n-14:n-10], "due ") && isDate(rest[n-10:]) && (n == 14 || rest[n-15] == ',' || rest[n-15] == ' ') {
		t.due, rest = rest[n-10:], strings.TrimSpace(strings.TrimSuffix(strings.TrimRight(rest[:n-14], " "), ","))
	}
	if rest != "" {
		if rest[0] != '@' {
			return -1, trailer{}
		}
		t.owner = strings.TrimSpace(ownerUnescape.Replace(rest[1:]))
		if t.owner == "" {
			return -1, trailer{}
		}
	} else if t.due == "" {
		return -1, trailer{}
	}
	t.kind = kindMeta
	return open, t
}

// isDate reports whether s has the shape YYYY-MM-DD.
func isDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i := 0; i < 10; i++ {
		if i != 4 && i != 7 && (s[i] < '0' || s[i] > '9') {
			return false
		}
	}
	return true
}

// parseTaskText reads the text of a task item after its checkbox: the
// owner and due date, the status marks wherever they are at its end, and
// a struck-through text. The status still needs the checkbox: see
// statusOf.
func parseTaskText(s string) Action {
	a, _ := parseItem(s)
	return a
}

// itemMarks is what the text of an item says beyond the Action fields.
type itemMarks struct {
	struck, dropped bool
}

func parseItem(s string) (Action, itemMarks) {
	var a Action
	var mk itemMarks
	s = strings.TrimSpace(s)
	var seen [kindCarried + 1]bool
	for s != "" {
		p, t := tailTrailer(s)
		if p < 0 {
			break
		}
		if t.protected {
			s = s[:p-1] + s[p:]
			break
		}
		if seen[t.kind] || (t.kind == kindCarried && (seen[kindTo] || seen[kindFrom])) {
			break
		}
		seen[t.kind] = true
		switch t.kind {
		case kindMeta:
			a.Owner, a.Due = t.owner, t.due
		case kindDropped:
			mk.dropped, a.On = true, t.on
		case kindTo:
			a.To = t.ref
		case kindFrom:
			a.From = t.ref
		}
		s = strings.TrimRightFunc(s[:p], isSpace)
	}
	if struckLike(s) {
		if s[0] == '\\' {
			s = s[1:]
		} else {
			s, mk.struck = strings.TrimSpace(s[2:len(s)-2]), true
		}
	}
	a.Text = unescapeInline(s)
	return a, mk
}

func isSpace(r rune) bool { return r == ' ' || r == '\t' }

// statusOf decides an item's status from its checkbox and marks.
func statusOf(checked bool, a Action, mk itemMarks) Status {
	switch {
	case a.To != "":
		return StatusCarried
	case mk.dropped || mk.struck:
		return StatusDropped
	case checked:
		return StatusDone
	}
	return StatusOpen
}

// taskItem matches a task-list item: indent, bullet ("-", "*", "+", "1.",
// "1)"), spaces, "[ ]" / "[x]" / "[X]", then a space or the end. box is
// the offset of the checkbox's mark, text the offset of the text.
func taskItem(line []byte) (indent, box, text int, ok bool) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		if line[i] == '\t' {
			indent += 4 - indent%4
		} else {
			indent++
		}
		i++
	}
	j, ok := bullet(line, i)
	if !ok {
		return 0, 0, 0, false
	}
	k := j
	for k < len(line) && (line[k] == ' ' || line[k] == '\t') {
		k++
	}
	if k == j || k+3 > len(line) || line[k] != '[' || line[k+2] != ']' {
		return 0, 0, 0, false
	}
	if c := line[k+1]; c != ' ' && c != 'x' && c != 'X' {
		return 0, 0, 0, false
	}
	if k+3 < len(line) && line[k+3] != ' ' && line[k+3] != '\t' {
		return 0, 0, 0, false
	}
	return indent, k + 1, k + 3, true
}

// bullet returns the offset after a list marker at line[i:].
func bullet(line []byte, i int) (int, bool) {
	if i >= len(line) {
		return 0, false
	}
	switch line[i] {
	case '-', '*', '+':
		return i + 1, true
	}
	j := i
	for j < len(line) && j-i < 9 && line[j] >= '0' && line[j] <= '9' {
		j++
	}
	if j > i && j < len(line) && (line[j] == '.' || line[j] == ')') {
		return j + 1, true
	}
	return 0, false
}

// taskLine matches a task item (for callers that want the text of one
// line): group 1 is the checkbox's mark, group 2 the text.
var taskLine = regexp.MustCompile(`^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\](?:[ \t](.*))?$`)

// ParseActionLine reads one line of a note as an action, with its
// checkbox; ok is false when the line is not a task item. N and Line are
// left zero.
func ParseActionLine(line string) (Action, bool) {
	_, box, text, ok := taskItem([]byte(line))
	if !ok {
		return Action{}, false
	}
	a, mk := parseItem(line[text:])
	if a.Text == "" {
		return Action{}, false
	}
	a.Status = statusOf(line[box] != ' ', a, mk)
	return a, true
}

// RewriteLine gives the line of a note holding an action a new status
// (and what goes with it: To for carried, On for dropped): the indent
// and bullet stay as they were, the rest is written in the form of the
// status, keeping text, owner, due date and where it came from.
func RewriteLine(line string, st Status, to, on string) (string, bool) {
	_, box, _, ok := taskItem([]byte(line))
	if !ok {
		return "", false
	}
	a, ok := ParseActionLine(line)
	if !ok {
		return "", false
	}
	a.Status, a.To, a.On = st, "", ""
	switch st {
	case StatusCarried:
		if to == "" {
			return "", false
		}
		a.To = to
	case StatusDropped:
		a.On = on
	}
	return line[:box-1] + actionItem(a), true
}

// scanState follows the markdown structure a line scanner must know to
// find headings and list items: fenced code, HTML comments, lists.
type scanState struct {
	fenceChar byte
	fenceLen  int
	comment   bool
	inList    bool
}

// skip reports whether line (without its end of line) is code or
// comment, updating the state.
func (st *scanState) skip(line []byte) bool {
	indent, t := leading(line)
	if st.fenceLen > 0 {
		if indent < 4 && fenceRun(t, st.fenceChar) >= st.fenceLen && len(bytes.TrimSpace(bytes.TrimLeft(t, string(st.fenceChar)))) == 0 {
			st.fenceLen = 0
		}
		return true
	}
	if st.comment {
		if bytes.Contains(line, []byte("-->")) {
			st.comment = false
		}
		return true
	}
	if indent < 4 && len(t) > 0 {
		if c := t[0]; c == '`' || c == '~' {
			if n := fenceRun(t, c); n >= 3 && (c == '~' || bytes.IndexByte(t[n:], '`') < 0) {
				st.fenceChar, st.fenceLen = c, n
				st.inList = st.inList && indent >= 2
				return true
			}
		}
		if bytes.HasPrefix(t, []byte("<!--")) {
			st.comment = !bytes.Contains(t[4:], []byte("-->"))
			st.inList = st.inList && indent >= 2
			return true
		}
	}
	return false
}

func leading(line []byte) (indent int, rest []byte) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		if line[i] == '\t' {
			indent += 4 - indent%4
		} else {
			indent++
		}
		i++
	}
	return indent, line[i:]
}

func fenceRun(t []byte, c byte) int {
	n := 0
	for n < len(t) && t[n] == c {
		n++
	}
	return n
}

// heading returns the level and title of an ATX heading line, or 0.
func heading(line []byte) (int, []byte) {
	indent, t := leading(line)
	if indent >= 4 {
		return 0, nil
	}
	n := fenceRun(t, '#')
	if n == 0 || n > 6 || (n < len(t) && t[n] != ' ' && t[n] != '\t') {
		return 0, nil
	}
	title := bytes.TrimSpace(t[n:])
	// a closing sequence of #s preceded by a space is not part of the title
	if c := bytes.TrimRight(title, "#"); len(c) < len(title) && (len(c) == 0 || c[len(c)-1] == ' ' || c[len(c)-1] == '\t') {
		title = bytes.TrimSpace(c)
	}
	return n, title
}

// parseActions reads the task items under "## Actions" in one pass over
// the body: line numbers are counted as it goes, so a note of any size
// costs time in proportion to its length.
func parseActions(body []byte, firstLine int) []Action {
	var out []Action
	var st scanState
	in := false
	n := 0
	lineNo := firstLine
	for pos := 0; pos < len(body); lineNo++ {
		next := len(body)
		if i := bytes.IndexByte(body[pos:], '\n'); i >= 0 {
			next = pos + i + 1
		}
		line := bytes.TrimRight(body[pos:next], "\r\n")
		pos = next
		if st.skip(line) {
			continue
		}
		if lvl, title := heading(line); lvl > 0 {
			if lvl <= 2 {
				in = lvl == 2 && bytes.EqualFold(title, []byte(SectionActions))
				if in && out == nil {
					// at most one action per checkbox: no regrowing on a big note
					rest := body[pos:]
					out = make([]Action, 0, bytes.Count(rest, []byte("[ ]"))+bytes.Count(rest, []byte("[x]"))+bytes.Count(rest, []byte("[X]")))
				}
			}
			st.inList = false
			continue
		}
		if !in {
			continue
		}
		indent, box, text, ok := taskItem(line)
		if !ok || (indent >= 4 && !st.inList) {
			if len(bytes.TrimSpace(line)) > 0 {
				// a list goes on over its indented lines; other text ends it
				if ind, _ := leading(line); ind < 2 {
					_, isBullet := bullet(bytes.TrimLeft(line, " \t"), 0)
					st.inList = isBullet
				}
			}
			continue
		}
		st.inList = true
		a, mk := parseItem(string(line[text:]))
		if a.Text == "" {
			continue
		}
		a.Status = statusOf(line[box] != ' ', a, mk)
		n++
		a.N, a.Line = n, lineNo
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

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

// sourceTail is the link to the note a decision is about, ending a line
// of "## Previous actions".
var sourceTail = regexp.MustCompile(`(?:^|\s)(?:—|–|--?)\s*\[[^\[\]]*\]\(([^()\s]+)\)\s*$`)

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
