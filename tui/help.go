package tui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// keyMap is a screen's help: help.KeyMap, plus the bindings the one-line
// help never drops when the line is too long (quit, "? more keys").
type keyMap interface {
	help.KeyMap
	pinned() []key.Binding
}

// shortHelp renders the one-line help. keys are in order of importance:
// the last ones are dropped until the line fits, but the pinned ones stay,
// at the end.
func shortHelp(h help.Model, keys, pinned []key.Binding, w int) string {
	for {
		v := h.ShortHelpView(append(append([]key.Binding{}, keys...), pinned...))
		if lipgloss.Width(v) <= w || len(keys) <= 1 {
			return ansi.Truncate(v, max(1, w), "…")
		}
		keys = keys[:len(keys)-1]
	}
}

// helpView is a screen's help: the full help when ? asked for it and the
// key map has one, else one line that drops its last keys until it fits
// in w, keeping the pinned ones at the end.
func helpView(h help.Model, km keyMap, w int) string {
	if full := km.FullHelp(); h.ShowAll && full != nil {
		return fullHelp(h, full, w)
	}
	return shortHelp(h, km.ShortHelp(), km.pinned(), w)
}

// fullHelp renders the help's columns side by side when they fit in w;
// on a narrow screen the bindings flow, in order, as lines of "key desc"
// pairs that wrap between pairs: never cut on the right, and short.
func fullHelp(h help.Model, groups [][]key.Binding, w int) string {
	if v := h.FullHelpView(groups); lipgloss.Width(v) <= w {
		return v
	}
	sep := h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)
	var lines []string
	line := ""
	for _, g := range groups {
		for _, b := range g {
			if !b.Enabled() {
				continue
			}
			item := h.ShortHelpView([]key.Binding{b})
			switch {
			case line == "":
				line = item
			case lipgloss.Width(line+sep+item) <= w:
				line += sep + item
			default:
				lines = append(lines, line)
				line = item
			}
		}
	}
	lines = append(lines, line)
	return cutLines(strings.Join(lines, "\n"), max(1, w))
}

// helpHeight is how many lines helpView takes in w columns: one for the
// short help, drawn only when the full help is shown.
func helpHeight(h help.Model, km keyMap, w int) int {
	full := km.FullHelp()
	if !h.ShowAll || full == nil {
		return 1
	}
	return max(1, strings.Count(fullHelp(h, full, w), "\n")+1)
}
