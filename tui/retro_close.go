package tui

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"

	"github.com/retrokata/retrokata/content"
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
	lib := m.opt.Library
	n := m.s.ToNote(tipTitle(lib))
	dir := m.opt.NotesDir
	m.flash("Saving…", false)
	return func() tea.Msg {
		p, err := notes.Save(dir, n)
		return retroSavedMsg{p, err}
	}
}

func tipTitle(lib *content.Library) retro.TipTitle {
	return func(n int) string {
		if t, ok := lib.Tip(n); ok {
			return t.Title
		}
		return ""
	}
}

// commitCmd commits the note when its dir is in a git work tree.
func commitCmd(path, title string) tea.Cmd {
	return func() tea.Msg {
		return committedMsg{GitCommit(context.Background(), path, "retro: "+title)}
	}
}

// GitCommit adds and commits one file in the git work tree holding it.
func GitCommit(ctx context.Context, path, message string) error {
	dir := filepath.Dir(path)
	git := func(args ...string) (string, error) {
		cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			msg := strings.TrimSpace(string(out))
			if msg == "" {
				msg = err.Error()
			}
			return "", errors.New(msg)
		}
		return strings.TrimSpace(string(out)), nil
	}
	if _, err := exec.LookPath("git"); err != nil {
		return errors.New("git is not installed")
	}
	if _, err := git("rev-parse", "--is-inside-work-tree"); err != nil {
		return fmt.Errorf("%s is not in a git work tree (run retrokata init in your repository)", dir)
	}
	if _, err := git("add", "--", filepath.Base(path)); err != nil {
		return fmt.Errorf("git add: %w", err)
	}
	if _, err := git("commit", "-m", message, "--", filepath.Base(path)); err != nil {
		return fmt.Errorf("git commit: %w", err)
	}
	return nil
}

// renderPreview renders the note with glamour in a Cmd.
func (m *retroModel) renderPreview() tea.Cmd {
	md := string(notes.Render(m.s.ToNote(tipTitle(m.opt.Library))))
	w := max(20, m.width-2)
	style := "light"
	if m.styles.isDark {
		style = "dark"
	}
	return func() tea.Msg {
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(w-2))
		if err != nil {
			return previewMsg{md}
		}
		_, body, _ := strings.Cut(md, "\n---\n") // the front matter is metadata
		out, err := r.Render(notes.Sanitize(body))
		if err != nil {
			return previewMsg{md}
		}
		return previewMsg{out}
	}
}

func (m *retroModel) closeView(w int) string {
	if m.preview == "" {
		return "Rendering the preview…"
	}
	lines := strings.Split(strings.Trim(m.preview, "\n"), "\n")
	h := m.bodyHeight()
	m.scroll = max(0, min(m.scroll, len(lines)-h))
	end := min(len(lines), m.scroll+h)
	return strings.Join(lines[m.scroll:end], "\n")
}
