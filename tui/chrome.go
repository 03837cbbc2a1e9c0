package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/notes"
)

// The chrome every screen shares: a title bar naming the app and the
// screen, a status line and the help line at the bottom.

// titleBar is "retrokata <screen> · <title>", cut to w.
func titleBar(st Styles, w int, screen, title string) string {
	left := st.App.Render("retrokata") + " " + st.Title.Render(screen)
	title = notes.Sanitize(title)
	if room := w - lipgloss.Width(left) - 3; room > 8 && title != "" {
		left += st.Subtle.Render(" · " + ansi.Truncate(title, room, "…"))
	}
	return ansi.Truncate(left, w, "")
}

// statusLine shows a message, in red when it is an error.
func statusLine(st Styles, w int, status string, isErr bool) string {
	if status == "" {
		return ""
	}
	s := st.Subtle
	if isErr {
		s = st.Error
	}
	// A status may quote an error: git's output, a file name from the
	// notes dir. It is one line, and nothing in it drives the terminal.
	status = strings.Join(strings.Fields(notes.Sanitize(status)), " ")
	return s.Render(ansi.Truncate(status, w, "…"))
}

// dialog is a question in the body of a screen.
func dialog(st Styles, w int, title, text string) string {
	return "\n" + st.Title.Render(wrap(title, w)) + "\n\n" + wrap(text, w)
}

// tooSmall is the whole screen when the terminal cannot hold the chrome;
// work in progress is untouched and comes back when the terminal grows.
func tooSmall(w, h int) (string, bool) {
	if w >= 10 && h >= 5 {
		return "", false
	}
	return fit("Terminal too small: make it bigger to go on.", max(1, w), max(1, h)), true
}
