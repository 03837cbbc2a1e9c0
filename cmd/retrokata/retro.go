package main

import (
	"errors"
	"fmt"
	"os/signal"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/tui"
)

func newRetroCmd(e *env) *cobra.Command {
	var o tui.RetroOptions
	var sf serveFlags
	c := &cobra.Command{
		Use:   "retro",
		Short: "Run a guided Dev+Ops retrospective",
		Long: `Walks the team through a retrospective shaped like the talk: set the
stage, decide on every action still open in the team's notes (done, carry
over, drop: saving writes each decision back to its note), list problems,
vote, discuss each problem (our immediate reaction, what we learnt, the
tips it relates to), agree on actions, then save the note. In a git repository, t in
Problems shows what happened since the team's last retro (or --since):
merges, tags, reverts, hotfixes, rollbacks and incidents; enter turns one
into a problem card.

Everything is autosaved to a draft every half second; Ctrl+C asks before
quitting, and the next run offers to resume.

With --serve the whole team joins from their own terminals over SSH
(ssh -p 23234 HOST, then the join code shown on your screen, or a key
listed in --authorized-keys): everyone writes cards privately, you reveal
them at once without their authors, everyone votes with their own dots,
and suggests reactions, learnings and actions you accept or ignore.`,
		Example: "  retrokata retro --team checkout --facilitator Alice\n  retrokata retro --template parameter-change --commit\n  retrokata retro --serve --team checkout",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if strings.HasPrefix(o.Since, "-") || strings.ContainsAny(o.Since, " \t\n") {
				return usagef("Use a tag, a branch, a commit or a date: --since v1.4, --since 2026-11-01.", "retro: bad --since %q", o.Since)
			}
			if !e.interactive() {
				return usagef("Run it in a terminal; list, show and actions work in scripts.", "retro needs an interactive terminal")
			}
			lib := e.library()
			if o.Template != "" {
				if _, ok := lib.Case(o.Template); !ok {
					return noCase("retro", o.Template, lib)
				}
			}
			if o.Dots < 1 {
				return usagef("Use --dots 3, for example.", "retro: --dots must be at least 1")
			}
			loc, err := e.location(cmd)
			if err != nil {
				return err
			}
			if o.Inbox, err = notes.ReadInboxIn(loc.Root(), loc.Dir); err != nil {
				e.warnf("%s", notes.Sanitize(err.Error()))
			}
			draftDir := notes.DraftDir(notes.DraftsDir(e.xdg), loc.Dir)
			// before this session locks its draft: with no other session
			// on the notes dir, the temp files a kill left are removed
			notes.CleanTempsIfIdle(loc.Dir, draftDir)
			claim, d, err := retro.ClaimDraft(draftDir, e.now())
			if err != nil {
				return err
			}
			defer claim.Release()
			e.warnDrafts(claim)
			switch {
			case o.Resume && d == nil && claim.Busy != nil:
				return withHint(fmt.Errorf("retro: the retro in progress is open in %s", claim.Busy.Holder),
					"Run 'retrokata retro' to view it read-only or start a separate one.")
			case o.Resume && d == nil:
				return usagef("Start a new one with 'retrokata retro'.", "retro: no retro in progress to resume")
			}
			o.Draft, o.Claim = d, &claim
			if sf.serve {
				if err := validListen(sf.listen); err != nil {
					return err
				}
				info, stopRoom, err := e.startRoom(sf, o.Dots)
				if err != nil {
					return err
				}
				defer stopRoom()
				o.Room = info
			} else if cmd.Flags().Changed("listen") || cmd.Flags().Changed("authorized-keys") {
				return usagef("Add --serve to open a room.", "retro: --listen and --authorized-keys need --serve")
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), stopSignals()...)
			defer stop()
			res, err := tui.RunRetro(ctx, e.screens(loc, lib), o)
			return e.retroDone(res, err)
		},
	}
	f := c.Flags()
	f.StringVar(&o.Team, "team", "", "the team's name (finds the actions still open in its notes)")
	f.StringVar(&o.Title, "title", "", "the note's title (default '<team> retrospective'; the file name carries the date)")
	f.StringVar(&o.Facilitator, "facilitator", "", "who runs the retro")
	f.StringVar(&o.Template, "template", "", "a case id shown as a worked example (see retrokata cases)")
	f.IntVar(&o.Dots, "dots", retro.DefaultDots, "dots per participant for voting")
	f.BoolVar(&o.Commit, "commit", false, "git add and commit the note after saving")
	f.BoolVar(&o.Resume, "resume", false, "resume the retro in progress without asking")
	f.StringVar(&o.Since, "since", "", "start the git timeline (t in Problems) at this tag, commit or date (YYYY-MM-DD); default: the team's last retro")
	f.BoolVar(&sf.serve, "serve", false, "open a live room: the team joins over SSH from their own terminals")
	f.StringVar(&sf.listen, "listen", "127.0.0.1:23234", "address of the room (with --serve); another host can join only on a non-loopback address")
	f.StringVar(&sf.authorizedKeys, "authorized-keys", "", "authorized_keys file: these keys join without the code (with --serve)")
	c.AddCommand(newRetroAddCmd(e), newRetroInboxCmd(e))
	return c
}

// retroDone reports how the wizard ended.
func (e *env) retroDone(res tui.RetroResult, err error) error {
	if res.Saved != "" {
		fmt.Fprintf(e.stdout, "Saved %s\n", res.Saved)
		for _, p := range res.Updated {
			fmt.Fprintf(e.stdout, "Updated the earlier actions in %s\n", p)
		}
		for _, err := range res.NotUpdated {
			e.warnf("not updated, the decision stays recorded in the new note: %s", err)
		}
		if res.Committed {
			fmt.Fprintln(e.stdout, "Committed it to git.")
		}
		if res.InboxErr != nil {
			e.warnf("the inbox cards this retro used could not all be removed: %s", notes.Sanitize(res.InboxErr.Error()))
		}
		if res.CommitErr != nil {
			return withHint(fmt.Errorf("commit: %w", res.CommitErr), "The note is saved; commit it by hand.")
		}
	}
	if res.DraftErr != nil {
		return withHint(fmt.Errorf("retro not saved, and its draft could not be written: %w", res.DraftErr),
			"Make the drafts dir writable, or set XDG_STATE_HOME to a writable dir.")
	}
	if res.DraftKept != "" {
		fmt.Fprintf(e.stderr, "Your retro is kept as a draft (%s).\nRun 'retrokata retro' to resume it.\n", res.DraftKept)
	}
	if errors.Is(err, tui.ErrStopped) {
		return fmt.Errorf("retro stopped by a signal; the draft is kept")
	}
	return err
}
