package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/notes"
)

func newInitCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Keep this repository's notes in docs/retros (writes .retrokata.yaml)",
		Long: `Writes .retrokata.yaml in the current directory with 'notes_dir: docs/retros'.
From then on, retrokata run anywhere below this directory saves and reads
notes there, so the team can commit them. Refuses to overwrite an existing
file.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			p, err := notes.InitConfig(e.wd)
			if err != nil {
				return fmt.Errorf("init: %w", err)
			}
			fmt.Fprintf(e.stdout, "Wrote %s: notes now go to %s.\n", clean(p), notes.DefaultNotesDir)
			if g, err := notes.InitGitignore(filepath.Join(e.wd, notes.DefaultNotesDir)); err != nil {
				e.warnf("no .gitignore in %s: %s", notes.DefaultNotesDir, err)
			} else if g != "" {
				fmt.Fprintf(e.stdout, "Wrote %s: temp files of a save cut short stay out of commits.\n", clean(g))
			}
			if insideGit(e.wd) {
				fmt.Fprintln(e.stdout, "Commit it so your team shares the notes.")
			} else {
				fmt.Fprintln(e.stdout, "This directory is not in a git repository: the notes stay here until you put it under git (git init).")
			}
			return nil
		},
	}
}

// insideGit reports whether dir or a parent holds a .git entry (a directory,
// or a file for worktrees and submodules). It only looks: init must not run
// git in a directory it has not checked.
func insideGit(dir string) bool {
	for {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return false
		}
		dir = parent
	}
}
