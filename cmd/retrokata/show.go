package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/internal/safefile"
	"github.com/retrokata/retrokata/notes"
)

func newShowCmd(e *env) *cobra.Command {
	var raw bool
	c := &cobra.Command{
		Use:   "show NOTE",
		Short: "Show one note",
		Long: `Shows a note, rendered on a terminal and as plain markdown when piped or
with NO_COLOR. NOTE is a path, a file name in the notes dir (with or without
.md), a unique prefix of one, a name without its date (sprint-43), or a
note's title ("Sprint 43"). When several notes match, they are listed and
the exit code is 2. On a terminal, a first line gives the note's type,
team, date and participants. Terminal control sequences in the note are removed; --raw
prints the file exactly as it is.`,
		Example: "  retrokata show 2026-11-23-sprint-42\n  retrokata show docs/retros/2026-11-23-sprint-42-retrospective.md --raw",
		Args:    args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			path, err := e.findNote(cmd, a[0])
			if err != nil {
				return err
			}
			root := ""
			if loc, err := e.location(cmd); err == nil && filepath.Dir(path) == loc.Dir {
				root = loc.Root() // a note of the repository's notes dir stays in it
			}
			data, err := safefile.ReadIn(root, path, safefile.NotesLimit)
			if err != nil {
				return fmt.Errorf("show %w", err)
			}
			if raw {
				_, err := e.terminal().Write(data)
				return err
			}
			n, err := notes.Parse(data)
			body := string(data)
			if err == nil {
				body = n.Body
				if isTTY(e.stdout) {
					// the front matter is not shown: say what the note is
					fmt.Fprintln(e.stdout, noteHeader(n.Meta))
				}
			} else {
				e.warnf("%s: %s (showing the file as it is)", clean(path), clean(err.Error()))
			}
			return e.markdown(clean(body))
		},
	}
	c.Flags().BoolVar(&raw, "raw", false, "print the file as it is")
	return c
}

// findNote resolves NOTE: an existing path, or a file name or unique prefix
// in the notes dir.
func (e *env) findNote(cmd *cobra.Command, name string) (string, error) {
	p := name
	if !filepath.IsAbs(p) {
		p = filepath.Join(e.wd, p)
	}
	if info, err := os.Stat(p); err == nil && !info.IsDir() {
		return p, nil
	}
	loc, err := e.location(cmd)
	if err != nil {
		return "", err
	}
	des, err := os.ReadDir(loc.Dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("show: read %s: %w", loc.Dir, errors.Unwrap(err))
	}
	var matches []string
	for _, d := range des {
		n := d.Name()
		if !strings.HasSuffix(n, ".md") || d.IsDir() {
			continue
		}
		if n == name || n == name+".md" {
			return filepath.Join(loc.Dir, n), nil
		}
		if strings.HasPrefix(n, name) {
			matches = append(matches, n)
		}
	}
	if len(matches) == 0 {
		matches = e.matchSlugOrTitle(cmd, des, name)
	}
	switch len(matches) {
	case 0:
		return "", usagef("Run 'retrokata list' to see the notes.", "show: no note %q in %s", clean(name), clean(loc.Dir))
	case 1:
		return filepath.Join(loc.Dir, matches[0]), nil
	}
	sort.Strings(matches)
	for i := range matches {
		matches[i] = clean(matches[i])
	}
	return "", usagef("Matches: "+strings.Join(matches, ", "), "show: %q matches %d notes", clean(name), len(matches))
}

// matchSlugOrTitle finds notes by their name without the date
// (2026-11-16-sprint-43.md for "sprint-43"), then by the start of that
// name ("sprint" finds every sprint-*), then by their title, ignoring case.
func (e *env) matchSlugOrTitle(cmd *cobra.Command, des []fs.DirEntry, name string) []string {
	want := strings.TrimSuffix(strings.ToLower(name), ".md")
	var out, prefixed []string
	for _, d := range des {
		n := d.Name()
		if d.IsDir() || !strings.HasSuffix(n, ".md") || len(n) < 11 {
			continue
		}
		if _, err := time.Parse("2006-01-02-", n[:11]); err != nil {
			continue
		}
		slug := strings.TrimSuffix(strings.ToLower(n[11:]), ".md")
		switch {
		case slug == want:
			out = append(out, n)
		case strings.HasPrefix(slug, want):
			prefixed = append(prefixed, n)
		}
	}
	if len(out) > 0 {
		return out
	}
	if len(prefixed) > 0 {
		return prefixed
	}
	list, err := e.entries(cmd, notes.Filter{}, false)
	if err != nil {
		return nil
	}
	for _, en := range list {
		if !en.Broken() && strings.EqualFold(strings.TrimSpace(en.Meta.Title), strings.TrimSpace(name)) {
			out = append(out, filepath.Base(en.Path))
		}
	}
	return out
}

// noteHeader is the line show prints above a note on a terminal, since the
// front matter itself is not shown: "retro · pay · Mon 16 Nov 2026 · Ann, Bo".
func noteHeader(m notes.Meta) string {
	parts := []string{string(m.Type)}
	if m.Team != "" {
		parts = append(parts, m.Team)
	}
	if !m.Date.IsZero() {
		parts = append(parts, m.Date.Format("Mon 2 Jan 2006 15:04"))
	}
	if len(m.Participants) > 0 {
		parts = append(parts, strings.Join(m.Participants, ", "))
	}
	if m.Type == notes.TypeKata && m.Score != nil && m.MaxScore != nil {
		parts = append(parts, fmt.Sprintf("%d/%d", *m.Score, *m.MaxScore))
	}
	return clean(strings.Join(parts, " · "))
}

// actionJSON is the stable shape of `actions --json`.
