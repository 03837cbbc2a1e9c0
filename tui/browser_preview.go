package tui

import (
	"errors"
	"os"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/internal/markdown"
	"github.com/retrokata/retrokata/internal/safefile"
	"github.com/retrokata/retrokata/notes"
)

// preview is a rendered note, valid while the file's mtime and the width
// stay the same.
type preview struct {
	mtime time.Time
	width int
	text  string
}

// readCapped reads a note through the capped reader, which refuses what is
// not a regular file or is over the notes limit: a 50 MB note must not
// stall the browser, and a link to /dev/tty or a FIFO must neither steal
// keystrokes nor hang the background reader. At most previewLimit bytes
// are returned.
func readCapped(path string) ([]byte, error) {
	data, err := safefile.Read(path, safefile.NotesLimit)
	return data[:min(len(data), previewLimit)], err
}

// renderNote renders a note for the preview pane: glamour on the body,
// control sequences removed; a broken note shows its error and its text.
func renderNote(md *markdown.Renderer, e notes.Entry, width int, isDark bool) tea.Cmd {
	return func() tea.Msg {
		if e.Broken() && errors.Is(e.Err, safefile.ErrOutside) {
			return renderedMsg{path: e.Path, width: width, text: "This note cannot be read: " + notes.Sanitize(e.Err.Error())}
		}
		fi, err := os.Stat(e.Path)
		if err != nil {
			return renderedMsg{path: e.Path, width: width, text: "Cannot read " + notes.Sanitize(err.Error())}
		}
		data, err := readCapped(e.Path)
		if err != nil {
			return renderedMsg{path: e.Path, mtime: fi.ModTime(), width: width, text: "Cannot read " + notes.Sanitize(err.Error())}
		}
		text := notes.Sanitize(string(data))
		if e.Broken() {
			return renderedMsg{e.Path, fi.ModTime(), width, "This note cannot be read: " + notes.Sanitize(e.Err.Error()) + "\n\n" + text}
		}
		text = markdown.Body(text)
		if out, err := md.Render(text, max(10, width-2), isDark); err == nil {
			text = strings.Trim(out, "\n")
		}
		if int64(len(data)) >= 1<<20 {
			text += "\n\n(only the first megabyte is shown)"
		}
		return renderedMsg{e.Path, fi.ModTime(), width, text}
	}
}

// previewWidth is the width the preview is rendered for.
func (m *browserModel) previewWidth() int {
	if m.side() {
		return m.c.width - m.listWidth() - 3
	}
	return m.c.width
}

// wantPreview asks for the selected note's preview when it is shown and
// not rendered for this width yet; a cached one shows at once and is
// checked against the file's mtime in the Cmd.
func (m *browserModel) wantPreview() tea.Cmd {
	e, ok := m.current()
	if !ok || !(m.side() || m.showPreview) {
		return nil
	}
	w := m.previewWidth()
	if p, ok := m.cache[e.Path]; ok && p.width == w {
		isDark := m.c.styles.isDark
		return func() tea.Msg {
			if fi, err := os.Stat(e.Path); err == nil && fi.ModTime().Equal(p.mtime) {
				return nil
			}
			return renderNote(m.c.md, e, w, isDark)()
		}
	}
	return renderNote(m.c.md, e, w, m.c.styles.isDark)
}

func (m *browserModel) previewView(w int) string {
	e, ok := m.current()
	if !ok {
		return ""
	}
	if m.pvPath != e.Path {
		return m.c.styles.Subtle.Render("Rendering…")
	}
	return m.pv.View()
}

// syncPreview puts the selected note's preview, once rendered, in the
// viewport sized for the pane, in update; a new note starts at its top.
func (m *browserModel) syncPreview() {
	w := max(1, m.previewWidth())
	m.pv.SetHeight(m.bodyHeight())
	e, ok := m.current()
	p, cached := m.cache[e.Path]
	if !ok || !cached {
		m.pvPath, m.pvText = "", ""
		return
	}
	if e.Path == m.pvPath && p.text == m.pvText && w == m.pv.Width() {
		return
	}
	if e.Path != m.pvPath {
		m.pv.GotoTop()
	}
	m.pv.SetWidth(w)
	m.pv.SetContent(cutLines(p.text, w)) // as the screen cuts them, with …
	m.pvPath, m.pvText = e.Path, p.text
}
