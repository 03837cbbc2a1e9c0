package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/tui"
	"github.com/spf13/cobra"
)

// location resolves the notes dir from --dir, the environment and the
// nearest .retrokata.yaml.
func (e *env) location(cmd *cobra.Command) (notes.Location, error) {
	flag, _ := cmd.Flags().GetString("dir")
	loc, err := notes.Resolve(flag, e.getenv, e.wd, e.xdg)
	if err != nil {
		return loc, withHint(fmt.Errorf("notes dir: %w", err), "Fix the file, or pass --dir.")
	}
	return loc, nil
}

// entries lists the resolved notes dir; broken notes are in the result and
// each caller decides how to report them.
// Without withActions, Entry.Actions may be nil (the counts are set).
func (e *env) entries(cmd *cobra.Command, f notes.Filter, withActions bool) ([]notes.Entry, error) {
	loc, err := e.location(cmd)
	if err != nil {
		return nil, err
	}
	list, err := notes.Index{CacheDir: e.xdg.CacheHome, SkipActions: !withActions}.List(loc.Dir, f)
	if err != nil {
		return nil, withHint(err, "Check the path, or pass --dir.")
	}
	return list, nil
}

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
type noteJSON struct {
	Path        string   `json:"path"`
	Type        string   `json:"type,omitempty"`
	Title       string   `json:"title,omitempty"`
	Date        string   `json:"date,omitempty"`
	Team        string   `json:"team,omitempty"`
	Tags        []string `json:"tags"`
	OpenActions int      `json:"open_actions"`
	DoneActions int      `json:"done_actions"`
	Kata        string   `json:"kata,omitempty"`
	Score       *int     `json:"score,omitempty"`
	MaxScore    *int     `json:"max_score,omitempty"`
	Error       string   `json:"error,omitempty"`
}

func newListCmd(e *env) *cobra.Command {
	var typ, tag, team, since, grep string
	var asJSON bool
	c := &cobra.Command{
		Use:     "list",
		Short:   "List notes, newest first",
		Long:    "Lists the notes in the notes dir, newest first. Broken notes are listed\nwith their error (on stderr in the table); the exit code stays 0.",
		Example: "  retrokata list --type retro --team checkout\n  retrokata list --since 2026-11-01 --grep rollback --json",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := notes.Filter{Type: notes.Type(typ), Tag: tag, Team: team, Grep: grep}
			if typ != "" && f.Type != notes.TypeRetro && f.Type != notes.TypeKata {
				return usagef("Use --type retro or --type kata.", "list: unknown type %q", typ)
			}
			if since != "" {
				d, err := time.ParseInLocation("2006-01-02", since, time.Local)
				if err != nil {
					return usagef("Use --since YYYY-MM-DD.", "list: bad date %q", since)
				}
				f.Since = d
			}
			list, err := e.entries(cmd, f, false)
			if err != nil {
				return err
			}
			if asJSON {
				out := make([]noteJSON, 0, len(list))
				for _, en := range list {
					out = append(out, toNoteJSON(en))
				}
				return printJSONArray(e, out)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			for _, en := range list {
				if en.Broken() {
					e.warnf("broken note: %s", en.Err)
					continue
				}
				open, _ := en.OpenActions()
				extra := ""
				switch {
				case en.Meta.Type == notes.TypeKata && en.Meta.Score != nil && en.Meta.MaxScore != nil:
					extra = fmt.Sprintf("%d/%d", *en.Meta.Score, *en.Meta.MaxScore)
				case open > 0:
					extra = fmt.Sprintf("%d open", open)
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", en.Meta.Date.Format("2006-01-02"), en.Meta.Type,
					clean(en.Meta.Title), clean(en.Meta.Team), extra, filepath.Base(en.Path))
			}
			return tw.Flush()
		},
	}
	c.Flags().StringVar(&typ, "type", "", "retro or kata")
	c.Flags().StringVar(&tag, "tag", "", "only notes with this tag")
	c.Flags().StringVar(&team, "team", "", "only this team's notes")
	c.Flags().StringVar(&since, "since", "", "only notes from this date on (YYYY-MM-DD)")
	c.Flags().StringVar(&grep, "grep", "", "only notes containing this text (case-insensitive)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func toNoteJSON(en notes.Entry) noteJSON {
	j := noteJSON{Path: en.Path, Tags: []string{}}
	if en.Broken() {
		j.Error = en.Err.Error()
		return j
	}
	m := en.Meta
	j.Type, j.Title, j.Team = string(m.Type), m.Title, m.Team
	if !m.Date.IsZero() {
		j.Date = m.Date.Format(time.RFC3339)
	}
	if m.Tags != nil {
		j.Tags = m.Tags
	}
	j.OpenActions, j.DoneActions = en.OpenActions()
	if m.Type == notes.TypeKata {
		j.Kata, j.Score, j.MaxScore = m.Kata, m.Score, m.MaxScore
	}
	return j
}

// clean strips control sequences from note text before it reaches the
// terminal.
func clean(s string) string { return notes.Sanitize(s) }

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
			data, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("show %s: %w", path, errors.Unwrap(err))
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
type actionJSON struct {
	Text    string `json:"text"`
	Done    bool   `json:"done"`
	Owner   string `json:"owner"`
	Due     string `json:"due"`
	Overdue bool   `json:"overdue"`
	Note    string `json:"note"`
	Line    int    `json:"line"`
	Team    string `json:"team"`
}

func newActionsCmd(e *env) *cobra.Command {
	var open, done, all, asJSON bool
	var owner, team string
	c := &cobra.Command{
		Use:     "actions",
		Short:   "List action items across notes",
		Long:    "Lists the action items (task-list items under '## Actions' and\n'## Previous actions') of every note, open ones by default. Overdue items\nare marked.",
		Example: "  retrokata actions --owner alice\n  retrokata actions --all --team checkout --json",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if btoi(open)+btoi(done)+btoi(all) > 1 {
				return usagef("Use one of --open, --done or --all.", "actions: --open, --done and --all exclude each other")
			}
			list, err := e.entries(cmd, notes.Filter{Team: team}, true)
			if err != nil {
				return err
			}
			today := e.now().Format("2006-01-02")
			out := []actionJSON{}
			for _, en := range list {
				if en.Broken() {
					if !asJSON {
						e.warnf("broken note: %s", en.Err)
					}
					continue
				}
				for _, a := range en.Actions {
					if a.CarriedCopy() {
						continue
					}
					if (all || (done && a.Done) || (!done && !a.Done)) &&
						(owner == "" || strings.EqualFold(strings.TrimPrefix(owner, "@"), a.Owner)) {
						out = append(out, actionJSON{Text: a.Text, Done: a.Done, Owner: a.Owner, Due: a.Due,
							Overdue: !a.Done && a.Due != "" && a.Due < today, Note: en.Path, Line: a.Line, Team: en.Meta.Team})
					}
				}
			}
			if asJSON {
				return printJSONArray(e, out)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			for _, a := range out {
				box := "[ ]"
				if a.Done {
					box = "[x]"
				}
				due := a.Due
				if a.Overdue {
					due += " OVERDUE"
				}
				who := ""
				if a.Owner != "" {
					who = "@" + a.Owner
				}
				fmt.Fprintf(tw, "%s %s\t%s\t%s\t%s:%d\n", box, clean(a.Text), clean(who), due, filepath.Base(a.Note), a.Line)
			}
			return tw.Flush()
		},
	}
	c.Flags().BoolVar(&open, "open", false, "only open items (the default)")
	c.Flags().BoolVar(&done, "done", false, "only done items")
	c.Flags().BoolVar(&all, "all", false, "open and done items")
	c.Flags().StringVar(&owner, "owner", "", "only this owner's items")
	c.Flags().StringVar(&team, "team", "", "only this team's notes")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// statsJSON is the stable shape of `stats --json`.
type statsJSON struct {
	Notes          int            `json:"notes"`
	Broken         int            `json:"broken"`
	Retros         int            `json:"retros"`
	RetrosByTeam   map[string]int `json:"retros_by_team"`
	ActionsOpen    int            `json:"actions_open"`
	ActionsDone    int            `json:"actions_done"`
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
			today := e.now().Format("2006-01-02")
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
				for _, a := range en.Actions {
					if a.CarriedCopy() {
						continue
					}
					switch {
					case a.Done:
						s.ActionsDone++
					case a.Due != "" && a.Due < today:
						s.ActionsOverdue++
						s.ActionsOpen++
					default:
						s.ActionsOpen++
					}
				}
			}
			e.kataStats(&s, list)
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
			fmt.Fprintf(e.stdout, "Actions: %d open (%d overdue), %d done\n", s.ActionsOpen, s.ActionsOverdue, s.ActionsDone)
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
			err = tui.RunBrowser(ctx, tui.BrowserOptions{NotesDir: loc.Dir, CacheDir: e.xdg.CacheHome, Editor: tui.Editor(e.getenv), Now: e.now})
			if errors.Is(err, tui.ErrStopped) {
				return nil
			}
			return err
		},
	}
}
