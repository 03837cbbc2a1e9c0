package tui

import (
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
		return h.FullHelpView(full)
	}
	return shortHelp(h, km.ShortHelp(), km.pinned(), w)
}

// helpHeight is how many lines helpView takes, counted, not drawn.
func helpHeight(h help.Model, km keyMap) int {
	full := km.FullHelp()
	if !h.ShowAll || full == nil {
		return 1
	}
	n := 1
	for _, col := range full {
		n = max(n, len(col))
	}
	return n
}
