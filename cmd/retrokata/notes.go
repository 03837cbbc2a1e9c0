package main

import (
	"errors"
	"os/signal"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/tui"
)

func newNotesCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "notes",
		Short: "Browse notes and tick actions",
		Long: `Browse every note, newest first, with a preview (beside the list from 100
columns, on enter below that). / filters as you type over titles, teams,
tags (fuzzy) and text; e opens the note in $VISUAL or $EDITOR (vi if
neither is set) and reloads it after; a shows every open action across
notes, grouped by note or by owner (o), and space ticks one: only that
line of the note changes.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !e.interactive() {
				return usagef("Use 'retrokata list' and 'retrokata actions' in scripts.", "notes needs an interactive terminal")
			}
			loc, err := e.location(cmd)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), stopSignals()...)
			defer stop()
			err = tui.RunBrowser(ctx, e.screens(loc, nil))
			if errors.Is(err, tui.ErrStopped) {
				return nil
			}
			return err
		},
	}
}
