package notes

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// Section headings whose task lists are action items.
const (
	SectionActions  = "Actions"
	SectionPrevious = "Previous actions"
)

// CarriedOver marks an action that comes back from an earlier retro.
const CarriedOver = "carried over"

// Action is a GFM task-list item under "## Actions" or "## Previous actions".
type Action struct {
	Text        string // without owner, due date and markers
	Done        bool
	Owner       string // without the @
	Due         string // YYYY-MM-DD, or ""
	CarriedOver bool
	Section     string // SectionActions or SectionPrevious
	Line        int    // line of the file
}

// CarriedCopy reports whether a is the "Previous actions" line of an
// action carried over: the same item is open again under "Actions", so
// it is counted there only.
func (a Action) CarriedCopy() bool {
	return a.Section == SectionPrevious && a.CarriedOver
}

// ActionLine renders an action as a task-list item:
// "- [ ] Add a canary stage (@alice, due 2026-12-01)".
func ActionLine(a Action) string {
	var b strings.Builder
	b.WriteString("- [")
	if a.Done {
		b.WriteString("x")
	} else {
		b.WriteString(" ")
	}
	b.WriteString("] ")
	b.WriteString(oneLine(a.Text))
	var meta []string
	if a.Owner != "" {
		meta = append(meta, "@"+strings.TrimPrefix(oneLine(a.Owner), "@"))
	}
	if a.Due != "" {
		meta = append(meta, "due "+a.Due)
	}
	if len(meta) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(meta, ", "))
	}
	if a.CarriedOver {
		b.WriteString(" — " + CarriedOver)
	}
	return b.String()
}

// oneLine folds a text onto one line, so it stays one list item.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

var (
	taskLine  = regexp.MustCompile(`^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s?(.*)$`)
	ownerDue  = regexp.MustCompile(`\s*\((?:@([^,()]+?))?\s*,?\s*(?:due (\d{4}-\d{2}-\d{2}))?\)\s*$`)
	carriedRe = regexp.MustCompile(`\s*[—–-]+\s*carried over\s*$`)
)

// parseTaskText splits "Text (@owner, due 2026-12-01) — carried over".
func parseTaskText(s string) Action {
	a := Action{}
	s = strings.TrimSpace(s)
	if loc := carriedRe.FindStringIndex(s); loc != nil {
		a.CarriedOver = true
		s = s[:loc[0]]
	}
	if m := ownerDue.FindStringSubmatch(s); m != nil && (m[1] != "" || m[2] != "") {
		a.Owner = strings.TrimSpace(m[1])
		a.Due = m[2]
		s = s[:len(s)-len(m[0])]
	}
	a.Text = strings.TrimSpace(s)
	return a
}

// actionSections finds the byte ranges of the action sections of a body,
// so that only they are parsed as markdown: a note is mostly prose.
func actionSections(body []byte) (ranges [][2]int, names []string) {
	fence := false
	cur := -1
	pos := 0
	for pos < len(body) {
		end := bytes.IndexByte(body[pos:], '\n')
		next := len(body)
		if end >= 0 {
			next = pos + end + 1
		}
		line := bytes.TrimRight(body[pos:next], "\r\n")
		t := bytes.TrimSpace(line)
		if bytes.HasPrefix(t, []byte("```")) || bytes.HasPrefix(t, []byte("~~~")) {
			fence = !fence
		} else if !fence && (bytes.HasPrefix(line, []byte("# ")) || bytes.HasPrefix(line, []byte("## "))) {
			if cur >= 0 {
				ranges[cur][1] = pos
				cur = -1
			}
			title := strings.TrimSpace(strings.TrimRight(strings.TrimLeft(string(line), "#"), "# "))
			if bytes.HasPrefix(line, []byte("## ")) {
				for _, s := range []string{SectionActions, SectionPrevious} {
					if strings.EqualFold(title, s) {
						ranges = append(ranges, [2]int{next, len(body)})
						names = append(names, s)
						cur = len(ranges) - 1
					}
				}
			}
		}
		pos = next
	}
	return ranges, names
}

// parseActions reads the task lists of the action sections with goldmark.
func parseActions(body []byte, firstLine int) []Action {
	ranges, names := actionSections(body)
	if len(ranges) == 0 {
		return nil
	}
	md := goldmark.New(goldmark.WithExtensions(extension.TaskList))
	var out []Action
	for i, r := range ranges {
		src := body[r[0]:r[1]]
		doc := md.Parser().Parse(text.NewReader(src))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering || n.Kind() != ast.KindListItem {
				return ast.WalkContinue, nil
			}
			block := n.FirstChild()
			if block == nil || block.Lines().Len() == 0 {
				return ast.WalkContinue, nil
			}
			cb, ok := block.FirstChild().(*extast.TaskCheckBox)
			if !ok {
				return ast.WalkContinue, nil
			}
			off := r[0] + block.Lines().At(0).Start
			lineStart := bytes.LastIndexByte(body[:off], '\n') + 1
			lineEnd := bytes.IndexByte(body[off:], '\n')
			if lineEnd < 0 {
				lineEnd = len(body) - off
			}
			raw := string(bytes.TrimRight(body[lineStart:off+lineEnd], "\r"))
			m := taskLine.FindStringSubmatch(raw)
			if m == nil {
				return ast.WalkContinue, nil
			}
			a := parseTaskText(m[2])
			a.Done = cb.IsChecked
			a.Section = names[i]
			a.Line = firstLine + bytes.Count(body[:lineStart], []byte("\n"))
			out = append(out, a)
			return ast.WalkContinue, nil
		})
	}
	return out
}
