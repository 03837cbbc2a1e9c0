package tui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/internal/git"
	"github.com/retrokata/retrokata/internal/markdown"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// save writes the note; the draft stays until the note is safely on disk.
func (m *retroModel) save(commit bool) tea.Cmd {
	if m.saving {
		return nil
	}
	m.saving = true
	m.opt.Commit = commit
	lib := m.c.lib
	n := m.s.ToNote(tipTitle(lib))
	dir, draft, data, st := m.c.notesDir, m.draftPath, m.draftData(), m.c.notes()
	used, root := m.s.InboxPaths(dir), m.c.location.Root()
	decided, day := m.s.Decisions(), m.s.Date
	m.flash("Saving…", false)
	return func() tea.Msg {
		p, err := st.Save(n, draft)
		if err != nil {
			return retroSavedMsg{path: p, err: err, draftErr: st.WriteDraft(draft, data)}
		}
		// the decisions about earlier actions go back to their notes
		back := retro.WriteBackIn(root, decided, p, day)
		return retroSavedMsg{path: p, inboxErr: notes.RemoveInboxIn(root, dir, used), back: back}
	}
}

// writeBackSummary says what became of the decisions about earlier
// actions: which notes were updated, and each line that could not be.
func writeBackSummary(r RetroResult) string {
	var b strings.Builder
	if len(r.Updated) > 0 {
		names := make([]string, len(r.Updated))
		for i, p := range r.Updated {
			names[i] = filepath.Base(p)
		}
		fmt.Fprintf(&b, "; updated %s", strings.Join(names, ", "))
	}
	for _, err := range r.NotUpdated {
		fmt.Fprintf(&b, "; not updated: %v", err)
	}
	return b.String()
}

func tipTitle(lib *content.Library) retro.TipTitle {
	return func(n int) string {
		if t, ok := lib.Tip(n); ok {
			return t.Title
		}
		return ""
	}
}

// commitCmd commits the note in the git work tree found from gitDir (the
// dir holding .retrokata.yaml, or the notes dir the user chose), never in
// a repository the notes dir could be shaped like. Ctrl+C while it runs, or
// the end of the program, cancels it.
//
// The earlier notes the decisions were written back to (edited), and the
// removal of the inbox cards the note used when git tracks them, go into
// the same commit: nothing else.
func (m *retroModel) commitCmd(path, title string, edited []string, removed ...string) tea.Cmd {
	ctx, cancel := context.WithCancel(m.context())
	m.stopCommit = cancel
	gitDir := m.c.location.GitDir()
	if gitDir == "" {
		gitDir = filepath.Dir(path)
	}
	return func() tea.Msg {
		defer cancel()
		return committedMsg{CommitNotes(ctx, gitDir, append([]string{path}, edited...), "retro: "+title, removed...)}
	}
}

// CommitNotes commits exactly the notes at paths, in the git work tree that
// holds gitDir, through internal/git.
// The removed files git tracks are committed as removed.
func CommitNotes(ctx context.Context, gitDir string, paths []string, message string, removed ...string) error {
	top, err := git.Toplevel(ctx, gitDir)
	if errors.Is(err, git.ErrNotWorkTree) {
		return fmt.Errorf("%s is not in a git work tree (run retrokata init in your repository)", gitDir)
	}
	if err != nil {
		return err
	}
	tracked, err := git.Tracked(ctx, top, removed)
	if err != nil {
		return err
	}
	for _, t := range tracked {
		paths = append(paths, filepath.Join(top, filepath.FromSlash(t)))
	}
	return git.Commit(ctx, top, paths, message)
}

func (m *retroModel) context() context.Context {
	if m.c.ctx == nil {
		return context.Background()
	}
	return m.c.ctx
}

// renderPreview renders the note with glamour in a Cmd.
func (m *retroModel) renderPreview() tea.Cmd {
	md := string(notes.Render(m.s.ToNote(tipTitle(m.c.lib))))
	w, dark, r := max(20, m.c.width-2), m.c.styles.isDark, m.c.md
	m.previewVersion++
	v := m.previewVersion
	return func() tea.Msg {
		out, err := r.Render(notes.Sanitize(markdown.Body(md)), w-2, dark) // the front matter is metadata
		if err != nil {
			return previewMsg{v, md}
		}
		return previewMsg{v, out}
	}
}

// sizePreview fits the preview's viewport to the body, in update.
func (m *retroModel) sizePreview() {
	m.preview.SetWidth(max(1, m.c.width))
	m.preview.SetHeight(max(1, m.bodyHeight()-1)) // the ROTI line is above it
}

func (m *retroModel) closeView(int) string {
	if !m.previewReady {
		return "Rendering the preview…"
	}
	return m.preview.View()
}

// closeKey saves, commits or scrolls the preview.
func (m *retroModel) closeKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Save):
		return m.save(m.opt.Commit)
	case key.Matches(msg, k.Commit):
		return m.save(true)
	case key.Matches(msg, k.ScrollUp):
		m.preview.ScrollUp(m.bodyHeight() / 2)
	case key.Matches(msg, k.ScrollDown):
		m.preview.ScrollDown(m.bodyHeight() / 2)
	}
	return nil
}
