package notes

import (
	"fmt"
	"net/url"
	"path"
	"strings"
)

// ActionLine renders an action as a task-list item in the form of its
// status (see Status). Text and owner are escaped where they would
// otherwise read back differently, so that parsing the line gives back
// the action (text and owner folded onto one line).
func ActionLine(a Action) string { return "- " + actionItem(a) }

// ActionSummary is an action as shown on a screen: its text, then owner
// and due date as in a note, "Add a canary stage (@alice, due 2026-12-01)",
// with nothing escaped (sanitise it before display).
func ActionSummary(a Action) string {
	s := oneLine(a.Text)
	owner := strings.TrimPrefix(oneLine(a.Owner), "@")
	switch {
	case owner != "" && a.Due != "":
		s += " (@" + owner + ", due " + a.Due + ")"
	case owner != "":
		s += " (@" + owner + ")"
	case a.Due != "":
		s += " (due " + a.Due + ")"
	}
	return s
}

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
