package tui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles is the app's palette, built once for the terminal's background.
// Colours are dropped by bubbletea's renderer under NO_COLOR, so every
// state is also told apart without colour (markers, bold, brackets).
type Styles struct {
	isDark   bool
	App      lipgloss.Style // the title bar's app name
	Title    lipgloss.Style
	Subtle   lipgloss.Style
	Accent   lipgloss.Style
	Selected lipgloss.Style
	Error    lipgloss.Style
	Warn     lipgloss.Style
	OK       lipgloss.Style
	Label    lipgloss.Style
	Panel    lipgloss.Style
	Help     help.Styles
}

func newStyles(isDark bool) Styles {
	ld := lipgloss.LightDark(isDark)
	accent := ld(lipgloss.Color("#5A3FD8"), lipgloss.Color("#9D8CFF"))
	subtle := ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8A8A8A"))
	red := ld(lipgloss.Color("#C0262D"), lipgloss.Color("#FF6B6B"))
	amber := ld(lipgloss.Color("#A15C00"), lipgloss.Color("#F5B041"))
	green := ld(lipgloss.Color("#1B7F3B"), lipgloss.Color("#5FD38D"))
	return Styles{
		isDark:   isDark,
		App:      lipgloss.NewStyle().Bold(true).Foreground(lipgloss.Color("#FFFFFF")).Background(accent).Padding(0, 1),
		Title:    lipgloss.NewStyle().Bold(true),
		Subtle:   lipgloss.NewStyle().Foreground(subtle),
		Accent:   lipgloss.NewStyle().Foreground(accent).Bold(true),
		Selected: lipgloss.NewStyle().Foreground(accent).Bold(true),
		Error:    lipgloss.NewStyle().Foreground(red).Bold(true),
		Warn:     lipgloss.NewStyle().Foreground(amber),
		OK:       lipgloss.NewStyle().Foreground(green),
		Label:    lipgloss.NewStyle().Foreground(subtle).Bold(true),
		Panel:    lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(subtle).Padding(0, 1),
		Help:     help.DefaultStyles(isDark),
	}
}
