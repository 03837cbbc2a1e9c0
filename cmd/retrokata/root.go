package main

import (
	"errors"
	"fmt"
	"os/signal"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/tui"
)

// newRootCmd builds the whole command tree.
func newRootCmd(e *env) *cobra.Command {
	root := &cobra.Command{
		Use:   "retrokata",
		Short: "Dev+Ops retrospectives and DevOps katas in your terminal",
		Long: `retrokata runs Dev+Ops retrospectives shaped like the Mix-IT 2017 talk
"Dev rencontre Ops, 1 an après" (problem, immediate reaction, what we learnt,
actions), lets you practise DevOps katas alone, and saves both as markdown
notes your team can commit.

Run it with no command for the home screen.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !e.interactive() {
				return usagef("Run 'retrokata --help' to see the commands that work without one.",
					"the home screen needs an interactive terminal")
			}
			loc, err := e.location(cmd)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), stopSignals()...)
			defer stop()
			err = tui.RunHome(ctx, e.screens(loc, e.library()))
			if errors.Is(err, tui.ErrStopped) {
				return fmt.Errorf("stopped by a signal; work in progress is kept as a draft")
			}
			return err
		},
	}
	root.SetIn(e.stdin)
	// Help, usage and errors are retrokata's own text, styled by fang;
	// printError sanitises the error it prints.
	root.SetOut(e.terminal())
	root.SetErr(e.terminalErr())
	root.SetFlagErrorFunc(flagError)
	root.PersistentFlags().String("dir", "", "notes directory (overrides RETROKATA_DIR and .retrokata.yaml)")

	root.AddGroup(
		&cobra.Group{ID: "do", Title: "Run and practise"},
		&cobra.Group{ID: "notes", Title: "Notes"},
		&cobra.Group{ID: "read", Title: "Content"},
	)
	add := func(group string, cmds ...*cobra.Command) {
		for _, c := range cmds {
			c.GroupID = group
			root.AddCommand(c)
		}
	}
	add("do",
		newRetroCmd(e),
		newKataCmd(e),
		newInitCmd(e),
	)
	add("notes",
		newNotesCmd(e),
		newListCmd(e),
		newShowCmd(e),
		newActionsCmd(e),
		newCheckCmd(e),
		newStatsCmd(e),
		newTrendsCmd(e),
	)
	add("read",
		newCasesCmd(e),
		newTipsCmd(e),
		newActivitiesCmd(e),
		newContentCmd(e),
	)
	root.AddCommand(newManCmd())
	initCompletion(root)
	completeArgs(e, root)
	return root
}
