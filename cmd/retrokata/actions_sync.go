package main

import (
	"errors"
	"fmt"
	"os/signal"
	"strings"

	"github.com/retrokata/retrokata/internal/git"
	"github.com/retrokata/retrokata/notes"
	"github.com/spf13/cobra"
)

// TrailerKey is the commit trailer that closes an action:
// "Retro-Action: 2026-11-23-sprint-44#2".
const TrailerKey = "Retro-Action"

func newActionsSyncCmd(e *env) *cobra.Command {
	var since string
	var dryRun, commit bool
	c := &cobra.Command{
		Use:   "sync",
		Short: "Tick the actions that commits closed with a Retro-Action trailer",
		Long: `Reads the history of the repository holding the notes for commit messages
with a trailer naming an action by its id (see 'retrokata actions'):

    Add the orders-per-minute alert

    Retro-Action: 2026-11-23-sprint-44#2

and ticks each open action named, changing only its checkbox. It prints
'done <id> (<short sha> <subject>)' for each one ticked. An action carried
over to a later retro is ticked where it is open now. Running it again
changes nothing. An id that names no action is reported and makes the exit
code 1.`,
		Example: "  retrokata actions sync --dry-run\n  retrokata actions sync --since v1.4 --commit",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			loc, err := e.location(cmd)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), stopSignals()...)
			defer stop()
			top, err := git.Toplevel(ctx, loc.GitDir())
			if errors.Is(err, git.ErrNotWorkTree) {
				return withHint(fmt.Errorf("actions sync: %s is not in a git work tree", loc.GitDir()), "Run it in the repository that holds the notes.")
			}
			if err != nil {
				return fmt.Errorf("actions sync: %w", err)
			}
			commits, err := git.Trailers(ctx, top, since, TrailerKey)
			if err != nil {
				return withHint(fmt.Errorf("actions sync: %w", err), "Check --since: it must name a commit, tag or branch.")
			}
			list, err := e.entries(cmd, notes.Filter{}, true)
			if err != nil {
				return err
			}
			x := notes.IndexActions(list)
			hashes := map[string]notes.Hash{} // each note's hash after our last edit
			var edited []string
			ticked, already, unknown, failed := 0, 0, 0, 0
			// oldest commit first: the first commit naming an action closes it
			for i := len(commits) - 1; i >= 0; i-- {
				c := commits[i]
				for _, id := range c.Values {
					by := fmt.Sprintf("(%s %s)", c.Short(), oneLineSubject(c.Subject))
					en, a, ok := x.Find(id)
					if !ok {
						unknown++
						e.warnf("unknown action %s %s", id, by)
						continue
					}
					en, a, ok = x.Current(en, a)
					switch {
					case !ok:
						failed++
						e.warnf("action %s was carried over to %s, where it cannot be found %s", id, a.To, by)
						continue
					case a.Status == notes.StatusDone:
						already++
						continue
					case a.Status == notes.StatusDropped:
						fmt.Fprintf(e.stdout, "skipped %s: it was dropped %s\n", notes.ID(en.Path, a.N), by)
						continue
					}
					cur := notes.ID(en.Path, a.N)
					if dryRun {
						fmt.Fprintf(e.stdout, "would tick %s %s\n", cur, by)
						a.Status = notes.StatusDone
						markDone(list, en.Path, a.N)
						ticked++
						continue
					}
					read, seen := hashes[en.Path]
					if !seen {
						read = en.Hash
					}
					h, err := notes.SetDoneIn(notes.FileStore{NotesDir: loc.Dir, Root: loc.Root()}, en.Path, read, a, true)
					if err != nil {
						failed++
						e.warnf("%s not ticked: %s", cur, err)
						continue
					}
					hashes[en.Path] = h
					if !seen {
						edited = append(edited, en.Path)
					}
					markDone(list, en.Path, a.N)
					ticked++
					fmt.Fprintf(e.stdout, "done %s %s\n", cur, by)
				}
			}
			switch {
			case ticked == 0 && unknown == 0 && failed == 0:
				fmt.Fprintf(e.stderr, "Nothing to tick: %s named in %s, already done.\n", plural(already, "action"), plural(len(commits), "commit"))
			case dryRun:
				fmt.Fprintf(e.stderr, "Dry run: nothing changed.\n")
			}
			if commit && len(edited) > 0 {
				msg := fmt.Sprintf("retro: tick %s closed by commit trailers", plural(ticked, "action"))
				if err := git.Commit(ctx, top, edited, msg); err != nil {
					return withHint(fmt.Errorf("actions sync: commit: %w", err), "The notes are ticked; commit them by hand.")
				}
				fmt.Fprintf(e.stderr, "Committed %s.\n", plural(len(edited), "note"))
			}
			if unknown > 0 || failed > 0 {
				return withHint(fmt.Errorf("actions sync: %s not ticked", plural(unknown+failed, "action")),
					"Check the ids in the trailers with 'retrokata actions --all'.")
			}
			return nil
		},
	}
	c.Flags().StringVar(&since, "since", "", "only commits after this revision (a hash, tag or branch)")
	c.Flags().BoolVar(&dryRun, "dry-run", false, "say what would be ticked, change nothing")
	c.Flags().BoolVar(&commit, "commit", false, "commit the ticked notes (only them) in one commit")
	return c
}

// markDone records a tick in the listed entries, so a second trailer for
// the same action finds it done.
func markDone(list []notes.Entry, path string, n int) {
	for i := range list {
		if list[i].Path != path {
			continue
		}
		for j := range list[i].Actions {
			if list[i].Actions[j].N == n {
				list[i].Actions[j].Status = notes.StatusDone
			}
		}
	}
}

func oneLineSubject(s string) string {
	return clean(strings.Join(strings.Fields(s), " "))
}
