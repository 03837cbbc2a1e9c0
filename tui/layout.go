package tui

import (
	"regexp"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// wrap word-wraps s to width w (wide characters count double).
func wrap(s string, w int) string {
	if w < 1 {
		w = 1
	}
	return lipgloss.NewStyle().Width(w).Render(s)
}

// fit makes s exactly h lines, each cut to w cells: extra lines are
// dropped, missing ones added, so the screen never scrolls or overlaps.
func fit(s string, w, h int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > h {
		lines = lines[:max(0, h)]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// cutLines cuts each line of s wider than w to w cells, ending it with …
func cutLines(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// firstShown returns the first index to show so that sel is visible in a list
// of n items shown h at a time.
func firstShown(sel, n, h int) int {
	if h <= 0 || n <= h {
		return 0
	}
	start := sel - h/2
	return max(0, min(start, n-h))
}

// lineCount counts the lines of s.
func lineCount(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(strings.TrimRight(s, "\n"), "\n") + 1
}

// hangIndent wraps s to width w with every line after the first indented by n
// cells, for list items and labels.
func hangIndent(s string, n, w int) string {
	lines := strings.Split(wrap(s, max(1, w-n)), "\n")
	pad := strings.Repeat(" ", n)
	for i := 1; i < len(lines); i++ {
		lines[i] = pad + lines[i]
	}
	return strings.Join(lines, "\n")
}

// reflow joins the lines of each paragraph of s: content files wrap their
// text at about 75 columns, and the screen wraps it again to its width.
func reflow(s string) string {
	paras := strings.Split(strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n")), "\n\n")
	for i, p := range paras {
		var b strings.Builder
		for j, l := range strings.Split(p, "\n") {
			l = strings.TrimSpace(l)
			switch {
			case j == 0:
			case listItem.MatchString(l):
				b.WriteString("\n") // list items keep their own line
			default:
				b.WriteString(" ")
			}
			b.WriteString(l)
		}
		paras[i] = b.String()
	}
	return strings.Join(paras, "\n\n")
}

var listItem = regexp.MustCompile(`^([-*+>]|\d+[.)])\s`)
