package main

import (
	"fmt"

	"github.com/retrokata/retrokata/notes"
	"github.com/spf13/cobra"
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
			fmt.Fprintf(e.stdout, "Wrote %s: notes now go to %s.\nCommit it so your team shares the notes.\n", p, notes.DefaultNotesDir)
			return nil
		},
	}
}

// noteJSON is the stable shape of `list --json`.
