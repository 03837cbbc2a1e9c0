package main

import (
	"errors"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

type statsJSON struct {
	Notes          int            `json:"notes"`
	Broken         int            `json:"broken"`
	Retros         int            `json:"retros"`
	RetrosByTeam   map[string]int `json:"retros_by_team"`
	Actions        int            `json:"actions"` // distinct: open + done + dropped
	ActionsOpen    int            `json:"actions_open"`
	ActionsDone    int            `json:"actions_done"`
	ActionsDropped int            `json:"actions_dropped"`
	ActionsCarried int            `json:"actions_carried"`
	ActionsOverdue int            `json:"actions_overdue"`
	KataAttempts   int            `json:"kata_attempts"`
	KatasPractised int            `json:"katas_practised"`
	KatasDue       int            `json:"katas_due"`
	Streak         int            `json:"streak"`
	Katas          []kataProgJSON `json:"katas"`
	KataProblems   []string       `json:"kata_problems"`
}

// kataProgJSON is one kata's Leitner progress in `stats --json`.
type kataProgJSON struct {
	Kata      string `json:"kata"`
	Title     string `json:"title"`
	Attempts  int    `json:"attempts"`
	LastScore int    `json:"last_score"`
	BestScore int    `json:"best_score"`
	MaxScore  int    `json:"max_score"`
	Box       int    `json:"box"`
	NextDue   string `json:"next_due"` // YYYY-MM-DD; "" when never practised
	Due       bool   `json:"due"`
}

// kataStats replays the kata notes: every kata of the library, plus any
// kata id found only in notes (a kata since removed keeps its history).
func (e *env) kataStats(s *statsJSON, list []notes.Entry) {
	all, probs := kata.Attempts(list)
	lib := e.library()
	var ids []string
	known := map[string]bool{}
	for _, k := range lib.Katas {
		ids = append(ids, k.ID)
		known[k.ID] = true
	}
	var extra []string
	for id := range all {
		if !known[id] {
			extra = append(extra, id)
		}
	}
	sort.Strings(extra)
	now := e.now()
	s.Katas = []kataProgJSON{}
	for _, p := range kata.Board(append(ids, extra...), all, now) {
		title, maxScore := p.Kata, p.MaxScore
		if k, ok := lib.Kata(p.Kata); ok {
			title = k.Title
			if p.Attempts == 0 {
				maxScore = len(k.KeyPoints)
			}
		}
		j := kataProgJSON{Kata: p.Kata, Title: title, Attempts: p.Attempts, LastScore: p.LastScore, BestScore: p.BestScore,
			MaxScore: maxScore, Box: p.Box, Due: p.Due(now)}
		if p.Attempts > 0 {
			j.NextDue = p.NextDue.Format("2006-01-02")
			s.KatasPractised++
			s.KataAttempts += p.Attempts
		}
		if j.Due {
			s.KatasDue++
		}
		s.Katas = append(s.Katas, j)
	}
	s.Streak = kata.Streak(all, now)
	s.KataProblems = []string{}
	for _, p := range probs {
		s.KataProblems = append(s.KataProblems, p.Error())
	}
}

// kataBar draws a kata's box out of 5: ■■■□□.
func kataBar(box int) string {
	return strings.Repeat("■", box) + strings.Repeat("□", kata.MaxBox-box)
}

func newStatsCmd(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "stats",
		Short: "Retro counts, actions and kata progress",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			list, err := e.entries(cmd, notes.Filter{}, true)
			if err != nil {
				return err
			}
			now := e.now()
			s := statsJSON{RetrosByTeam: map[string]int{}}
			for _, en := range list {
				s.Notes++
				if en.Broken() {
					s.Broken++
					continue
				}
				switch en.Meta.Type {
				case notes.TypeRetro:
					s.Retros++
					s.RetrosByTeam[en.Meta.Team]++
				}
				s.ActionsOpen += en.Open
				s.ActionsDone += en.Done
				s.ActionsDropped += en.Dropped
				s.ActionsCarried += en.Carried
				s.Actions += en.Counts().Actions()
				for _, a := range en.Actions {
					if a.Overdue(now) {
						s.ActionsOverdue++
					}
				}
			}
			katas := list
			if loc, err := e.location(cmd); err == nil {
				if dir := e.kataDir(loc); dir != loc.Dir {
					// kata progress is personal: read from the personal notes dir
					katas, err = notes.Lister{CacheDir: e.xdg.CacheHome, SkipActions: true}.List(dir, notes.Filter{})
					if err != nil && !errors.Is(err, fs.ErrNotExist) {
						return withHint(err, "Check the path, or pass --dir.")
					}
				}
			}
			e.kataStats(&s, katas)
			if asJSON {
				return e.printJSON(s)
			}
			fmt.Fprintf(e.stdout, "Retros: %d\n", s.Retros)
			teams := make([]string, 0, len(s.RetrosByTeam))
			for t := range s.RetrosByTeam {
				teams = append(teams, t)
			}
			sort.Strings(teams)
			for _, t := range teams {
				name := t
				if name == "" {
					name = "(no team)"
				}
				fmt.Fprintf(e.stdout, "  %-20s %d\n", clean(name), s.RetrosByTeam[t])
			}
			fmt.Fprintf(e.stdout, "Actions: %d: %d open (%d overdue), %d done, %d dropped",
				s.Actions, s.ActionsOpen, s.ActionsOverdue, s.ActionsDone, s.ActionsDropped)
			if s.ActionsCarried > 0 {
				// a carried line points at the open one in a newer note
				fmt.Fprintf(e.stdout, "; %d carried over", s.ActionsCarried)
			}
			fmt.Fprintln(e.stdout)
			fmt.Fprintf(e.stdout, "Katas: %s, %d of %d katas practised, %d due today, streak %s\n",
				plural(s.KataAttempts, "attempt"), s.KatasPractised, len(s.Katas), s.KatasDue, plural(s.Streak, "day"))
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			for _, k := range s.Katas {
				if k.Attempts == 0 {
					continue
				}
				due := "next " + k.NextDue
				if k.Due {
					due = "due now"
				}
				fmt.Fprintf(tw, "  %s\t%s\tbox %d\tlast %d/%d\tbest %d/%d\t%s\n", clean(k.Kata), kataBar(k.Box), k.Box,
					k.LastScore, k.MaxScore, k.BestScore, k.MaxScore, due)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			var fresh []string // due because never practised: not in the table
			for _, k := range s.Katas {
				if k.Due && k.Attempts == 0 {
					fresh = append(fresh, clean(k.Kata))
				}
			}
			if len(fresh) > 0 {
				fmt.Fprintf(e.stdout, "  Never practised: %s\n  Start one with 'retrokata kata %s'.\n", strings.Join(fresh, ", "), fresh[0])
			}
			for _, p := range s.KataProblems {
				fmt.Fprintf(e.stderr, "retrokata: %s\n", clean(p))
			}
			if s.Broken > 0 {
				fmt.Fprintf(e.stdout, "Broken notes: %d (see 'retrokata list')\n", s.Broken)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
