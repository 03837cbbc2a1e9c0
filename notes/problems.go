package notes

import (
	"regexp"
	"strings"
)

// SectionProblems is the heading of a retro note's problem cards.
const SectionProblems = "Problems"

// problemHeading is "### 2. Title — 4 votes": the number and the votes are
// optional, so a card written by hand reads too.
var problemHeading = regexp.MustCompile(`^###\s+(?:\d+[.)]\s+)?(.*?)(?:\s+[—–-]+\s+\d+\s+votes?)?\s*$`)

// ProblemTitles returns the titles of the "### " cards under a retro
// note's "## Problems", in the note's order, ignoring fenced code.
func ProblemTitles(body string) []string {
	var out []string
	in, fence := false, false
	for len(body) > 0 {
		line := body
		if i := strings.IndexByte(body, '\n'); i >= 0 {
			line, body = body[:i], body[i+1:]
		} else {
			body = ""
		}
		line = strings.TrimRight(line, "\r")
		if t := strings.TrimSpace(line); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			fence = !fence
			continue
		}
		switch {
		case fence:
		case strings.HasPrefix(line, "## ") || strings.HasPrefix(line, "# "):
			in = strings.EqualFold(strings.TrimSpace(strings.TrimLeft(line, "#")), SectionProblems)
		case in && strings.HasPrefix(line, "### "):
			if m := problemHeading.FindStringSubmatch(line); m != nil && m[1] != "" {
				out = append(out, m[1])
			}
		}
	}
	return out
}
