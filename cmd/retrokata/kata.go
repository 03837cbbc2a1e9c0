package main

import (
	"errors"
	"fmt"
	"os/signal"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/tui"
)

func newKataCmd(e *env) *cobra.Command {
	var o tui.KataOptions
	var minutes int
	var pf pairFlags
	c := &cobra.Command{
		Use:   "kata [ID]",
		Short: "Practise a kata, or pick one",
		Long: `Practise a Dev+Ops scenario alone, in about ten minutes. The situation
unfolds stage by stage: at each one you may look at logs, graphs and
messages (ctrl+o; each costs minutes on the kata clock), then write what you
would do right now. Some stages ask you to decide, and the next stage
depends on it; some ask what you expect to happen next. Then you write what
you would learn, see each stage's reference beside your answer, score
yourself on the key points (each says what an answer must contain to
count), and run a blameless debrief. Each attempt plays the variant of the
kata you have seen least recently, so a repeat tests judgment, not memory.

Kata notes are personal: they go to your own notes dir
($XDG_DATA_HOME/retrokata/notes, or --dir, or RETROKATA_DIR), never to a
repository's notes dir, and progress is read from there wherever you run.

Without ID, a picker lists every kata, the ones due first. Progress follows
Leitner boxes, read from your kata notes: 80% or more moves a kata up a box
(at most 5), less sends it back to box 1; it is due again 1, 3, 7, 14 or 30
days after the last attempt for boxes 1 to 5.

Answers are autosaved to a draft every half second; Ctrl+C asks before
quitting, and the next run offers to resume.`,
		Example: "  retrokata kata\n  retrokata kata parameter-change --timed 10\n  retrokata kata list --tag incident",
		Args:    args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			lib := e.library()
			if len(a) == 1 {
				if _, ok := lib.Kata(a[0]); !ok {
					var ids []string
					for _, k := range lib.Katas {
						ids = append(ids, k.ID)
					}
					return usagef("Valid ids: "+strings.Join(ids, ", "), "kata: no kata %q", a[0])
				}
				o.ID = a[0]
			}
			if pf.pair {
				if !e.interactive() {
					return usagef("Run it in a terminal.", "kata --pair needs an interactive terminal")
				}
				return e.runPair(cmd, o.ID, pf)
			}
			if minutes < 0 {
				return usagef("Use --timed 10 for ten minutes.", "kata: --timed must be a number of minutes")
			}
			if !e.interactive() {
				return usagef("Run it in a terminal; 'retrokata kata list' and 'retrokata stats' work in scripts.", "kata needs an interactive terminal")
			}
			loc, err := e.location(cmd)
			if err != nil {
				return err
			}
			o.Timed = time.Duration(minutes) * time.Minute
			env := e.screens(loc, lib)
			if list, err := (notes.Lister{CacheDir: e.xdg.CacheHome, SkipActions: true}).List(env.KataDir, notes.Filter{Type: notes.TypeKata}); err == nil {
				all, _ := kata.Attempts(list)
				o.Seen = map[string][]int{}
				for id, a := range all {
					o.Seen[id] = kata.VariantsSeen(a)
				}
			}
			dir := notes.DraftDir(notes.DraftsDir(e.xdg), env.KataDir)
			claim, d, err := kata.ClaimDraft(dir, e.now())
			if err != nil {
				return err
			}
			if o.ID != "" && d != nil && d.Session.Kata != o.ID {
				// the kata asked for is not the one in progress: it gets its own
				// draft (kata-2.json…) and the other one is kept as it is
				claim.Release()
				var others []string
				claim, d, others, err = kata.ClaimDraftFor(dir, o.ID, e.now())
				if err != nil {
					return err
				}
				for _, p := range others {
					fmt.Fprintf(e.stderr, "A kata in progress is kept (%s); 'retrokata kata' offers to resume it.\n", clean(p))
				}
			}
			defer claim.Release()
			e.warnDrafts(claim)
			switch {
			case o.Resume && d == nil && claim.Busy != nil:
				return withHint(fmt.Errorf("kata: the kata in progress is open in %s", claim.Busy.Holder),
					"Run 'retrokata kata' to start a separate one.")
			case o.Resume && d == nil:
				return usagef("Start one with 'retrokata kata'.", "kata: no kata in progress to resume")
			}
			o.Draft, o.Claim = d, &claim
			ctx, stop := signal.NotifyContext(cmd.Context(), stopSignals()...)
			defer stop()
			res, err := tui.RunKata(ctx, env, o)
			return e.kataDone(res, err)
		},
	}
	c.Flags().IntVar(&minutes, "timed", 0, "minutes allowed to answer; shows a countdown and records if you made it")
	c.Flags().BoolVar(&o.Resume, "resume", false, "resume the kata in progress without asking")
	pf.add(c)
	c.AddCommand(newKataListCmd(e))
	return c
}

// kataDone reports how the player ended.
func (e *env) kataDone(res tui.KataResult, err error) error {
	if res.Saved != "" {
		fmt.Fprintf(e.stdout, "Saved %s\n%s\n", res.Saved, res.Progress.NextPractice(e.now()))
	}
	if res.DraftErr != nil {
		return withHint(fmt.Errorf("kata not saved, and its draft could not be written: %w", res.DraftErr),
			"Make the drafts dir writable, or set XDG_STATE_HOME to a writable dir.")
	}
	if res.DraftKept != "" {
		fmt.Fprintf(e.stderr, "Your answers are kept as a draft (%s).\nRun 'retrokata kata' to resume.\n", res.DraftKept)
	}
	if errors.Is(err, tui.ErrStopped) {
		return fmt.Errorf("kata stopped by a signal; the draft is kept")
	}
	return err
}
