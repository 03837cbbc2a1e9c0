package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/retrokata/retrokata/internal/safefile"
	"github.com/retrokata/retrokata/notes"
	"github.com/spf13/cobra"
)

func newShowCmd(e *env) *cobra.Command {
	var raw bool
	c := &cobra.Command{
		Use:   "show NOTE",
		Short: "Show one note",
		Long: `Shows a note, rendered on a terminal and as plain markdown when piped or
with NO_COLOR. NOTE is a path, a file name in the notes dir, or a unique
prefix of one. Terminal control sequences in the note are removed; --raw
prints the file exactly as it is.`,
		Example: "  retrokata show 2026-11-23-sprint-42\n  retrokata show docs/retros/2026-11-23-sprint-42-retrospective.md --raw",
		Args:    args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			path, err := e.findNote(cmd, a[0])
			if err != nil {
				return err
			}
			data, err := safefile.Read(path, safefile.NotesLimit)
			if err != nil {
				return fmt.Errorf("show %w", err)
			}
			if raw {
				_, err := e.stdout.Write(data)
				return err
			}
			n, err := notes.Parse(data)
			body := string(data)
			if err == nil {
				body = n.Body
			} else {
				e.warnf("%s: %s (showing the file as it is)", path, err)
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
	switch len(matches) {
	case 0:
		return "", usagef("Run 'retrokata list' to see the notes.", "show: no note %q in %s", name, loc.Dir)
	case 1:
		return filepath.Join(loc.Dir, matches[0]), nil
	}
	sort.Strings(matches)
	return "", usagef("Matches: "+strings.Join(matches, ", "), "show: %q matches %d notes", name, len(matches))
}

// actionJSON is the stable shape of `actions --json`.
