package notes

import (
	"bytes"
)

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
