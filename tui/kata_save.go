package tui

import (
	"path/filepath"

	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// save writes the note, then reads the kata notes back for the new box.
func (m *kataModel) save() tea.Cmd {
	if m.saving {
		return nil
	}
	m.saving = true
	m.readClock()
	n := m.s.ToNote(m.k, tipTitle(m.c.lib))
	dir, id, draft, data := m.c.kataNotesDir(), m.k.ID, m.draftPath, m.draftData()
	x := m.katasIndex()
	m.flash("Saving…", false)
	return func() tea.Msg {
		p, err := notes.SaveOnce(dir, n, draft)
		if err != nil {
			return kataSavedMsg{err: err, draftErr: notes.SaveDraft(draft, data)}
		}
		// The draft goes before the player says "Saved": enter then ends
		// the program, which does not wait for commands still running.
		_ = notes.RemoveDraft(draft)
		list, lerr := x.List(dir, notes.Filter{Type: notes.TypeKata})
		all, _ := kata.Attempts(list)
		return kataSavedMsg{path: p, prog: kata.Replay(id, all[id]), progErr: lerr}
	}
}

// savedLine says where the note went and when to practise again.
func (m *kataModel) savedLine() string {
	return "Saved " + m.result.Saved + ". " + m.result.Progress.NextPractice(m.now)
}

func (m *kataModel) savedView(w int) string {
	st := m.c.styles
	text := st.OK.Render(wrap("Saved "+filepath.Base(m.result.Saved), w)) + "\n" +
		st.Subtle.Render(ansi.Truncate("in "+filepath.Dir(m.result.Saved), w, "…")) + "\n\n" +
		st.Accent.Render(wrap(m.result.Progress.NextPractice(m.now), w))
	if m.result.ProgressErr != nil {
		text += "\n" + st.Warn.Render(wrap("Some notes could not be read: "+m.result.ProgressErr.Error(), w))
	}
	return "\n" + text + "\n\n" + st.Subtle.Render(wrap("See your progress with retrokata stats.", w))
}
