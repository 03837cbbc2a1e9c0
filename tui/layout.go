package tui

import (
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

// window returns the first index to show so that sel is visible in a list
// of n items shown h at a time.
func window(sel, n, h int) int {
	if h <= 0 || n <= h {
		return 0
	}
	start := sel - h/2
	return max(0, min(start, n-h))
}

// height counts the lines of s.
func height(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(strings.TrimRight(s, "\n"), "\n") + 1
}
