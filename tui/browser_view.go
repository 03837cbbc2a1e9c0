package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/notes"
)

// keyMap is the browser's key map for its mode, for its help.
func (m *browserModel) keyMap() browserKeys {
	k := m.keys
	k.mode, k.filtering, k.preview, k.side = m.mode, m.filter.Focused(), m.showPreview, m.side()
	return k
}

func (m *browserModel) bodyHeight() int {
	return max(1, m.c.height-2-helpHeight(m.help, m.keyMap(), m.c.width))
}

func (m *browserModel) view() string {
	if v, small := tooSmall(m.c.width, m.c.height); small {
		return v
	}
	st := m.c.styles
	w := max(1, m.c.width)
	sub := plural(len(m.entries), "note")
	if m.filter.Value() != "" {
		sub = fmt.Sprintf("%d of %d notes", len(m.shown), len(m.entries))
	}
	if m.mode == browseActions {
		sub = "open actions"
		if m.filter.Value() != "" {
			sub += " of " + plural(len(m.shown), "note")
		}
	}
	header := titleBar(st, w, "notes", sub)
	var body string
	switch {
	case !m.loaded:
		body = st.Subtle.Render("Reading " + notes.Sanitize(m.c.notesDir) + "…")
	case m.mode == browseActions:
		body = m.actionsView(w)
	case m.side():
		lw := m.listWidth()
		pw := w - lw - 3
		h := m.bodyHeight()
		bar := strings.TrimSuffix(strings.Repeat(" │ \n", h), "\n")
		body = lipgloss.JoinHorizontal(lipgloss.Top, fit(m.listView(lw), lw, h), st.Subtle.Render(bar), fit(m.previewView(pw), pw, h))
	case m.showPreview:
		body = m.previewView(w)
	default:
		body = m.listView(w)
	}
	return header + "\n" + fit(body, w, m.bodyHeight()) + "\n" + statusLine(st, w, m.status, m.isErr) + "\n" + helpView(m.help, m.keyMap(), w)
}

// listView is the filter line and one line per note: date, type, title,
// team, open actions; a broken note shows its error.
func (m *browserModel) listView(w int) string {
	st := m.c.styles
	top := ""
	if m.filter.Focused() || m.filter.Value() != "" {
		top = m.filter.View() + "\n"
	}
	h := m.bodyHeight() - lineCount(top)
	if len(m.entries) == 0 {
		return top + st.Subtle.Render(wrap("No notes yet in "+notes.Sanitize(m.c.notesDir)+". Run a retro or practise a kata: they end up here.", w))
	}
	if len(m.shown) == 0 {
		return top + st.Subtle.Render(wrap("No note matches. esc clears the filter.", w))
	}
	start := firstShown(m.sel, len(m.shown), h)
	var b strings.Builder
	b.WriteString(top)
	for i := start; i < min(len(m.shown), start+h); i++ {
		b.WriteString(m.noteLine(w, m.shown[i], i == m.sel) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func (m *browserModel) noteLine(w int, idx int, selected bool) string {
	st := m.c.styles
	e, d := m.entries[idx], m.display[idx]
	mark := "  "
	tstyle := st.Title
	if selected {
		mark = st.Selected.Render("› ")
		tstyle = st.Selected
	}
	if e.Broken() {
		msg := strings.ReplaceAll(e.Err.Error(), e.Path, filepath.Base(e.Path))
		return mark + st.Error.Render(ansi.Truncate("broken: "+notes.Sanitize(msg), max(1, w-2), "…"))
	}
	date := e.Meta.Date.Format("2006-01-02")
	kind := "retro"
	if e.Meta.Type == notes.TypeKata {
		kind = "kata "
	}
	right := ""
	if open, _ := e.OpenActions(); open > 0 {
		right = fmt.Sprintf("%d open", open)
	}
	if e.Meta.Type == notes.TypeKata && e.Meta.Score != nil && e.Meta.MaxScore != nil {
		right = fmt.Sprintf("%d/%d", *e.Meta.Score, *e.Meta.MaxScore)
	}
	team := d.team
	left := ""
	switch {
	case w >= 60:
		left = date + " " + kind + " "
	case w >= 36:
		left = date[5:] + " "
	}
	teamW := 0
	if w >= 70 && team != "" {
		teamW = min(12, ansi.StringWidth(team))
	}
	tw := max(4, w-2-len(left)-len(right)-teamW-3)
	title := ansi.Truncate(d.title, tw, "…")
	line := mark + st.Subtle.Render(left) + tstyle.Render(title) + strings.Repeat(" ", max(1, tw-ansi.StringWidth(title)+1))
	if teamW > 0 {
		line += st.Subtle.Render(ansi.Truncate(team, teamW, "…")) + " "
	}
	if right != "" {
		line += st.Warn.Render(right)
	}
	return ansi.Truncate(line, w, "")
}
