package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// trendsJSON is the stable shape of `trends --json`: every key is in every
// object (null for a rate or a ROTI that cannot be computed).
type trendsJSON struct {
	Team              string           `json:"team"`
	Since             string           `json:"since"`
	Retros            []retroTrendJSON `json:"retros"`
	Totals            totalsJSON       `json:"totals"`
	ProblemsPerTag    []tagCountJSON   `json:"problems_per_tag"`
	Recurring         []recurringJSON  `json:"recurring"`
	OldestOpenActions []openActionJSON `json:"oldest_open_actions"`
}

type retroTrendJSON struct {
	Path           string   `json:"path"`
	Date           string   `json:"date"`
	Team           string   `json:"team"`
	Title          string   `json:"title"`
	Agreed         int      `json:"agreed"`
	Open           int      `json:"open"`
	Done           int      `json:"done"`
	Dropped        int      `json:"dropped"`
	Carried        int      `json:"carried"`
	CompletionRate *float64 `json:"completion_rate"`
	ROTI           *float64 `json:"roti"`
	Problems       int      `json:"problems"`
	Tags           []string `json:"tags"`
}

type totalsJSON struct {
	Retros         int      `json:"retros"`
	Agreed         int      `json:"agreed"`
	Open           int      `json:"open"`
	Done           int      `json:"done"`
	Dropped        int      `json:"dropped"`
	Carried        int      `json:"carried"`
	CompletionRate *float64 `json:"completion_rate"`
	ROTI           *float64 `json:"roti"`
}

type tagCountJSON struct {
	Tag      string `json:"tag"`
	Problems int    `json:"problems"`
	Retros   int    `json:"retros"`
}

type recurringJSON struct {
	Kind   string   `json:"kind"`
	Team   string   `json:"team"`
	Label  string   `json:"label"`
	Retros []string `json:"retros"`
}

type openActionJSON struct {
	ID      string `json:"id"`
	Text    string `json:"text"`
	Owner   string `json:"owner"`
	Due     string `json:"due"`
	Note    string `json:"note"`
	Team    string `json:"team"`
	Date    string `json:"date"`
	AgeDays int    `json:"age_days"`
}

func toTrendsJSON(t retro.Trends, team, since string) trendsJSON {
	out := trendsJSON{Team: team, Since: since, Retros: []retroTrendJSON{}, ProblemsPerTag: []tagCountJSON{},
		Recurring: []recurringJSON{}, OldestOpenActions: []openActionJSON{}}
	for _, r := range t.Retros {
		out.Retros = append(out.Retros, retroTrendJSON{Path: r.Path, Date: r.Date.Format(time.RFC3339), Team: r.Team, Title: r.Title,
			Agreed: r.Agreed, Open: r.Open, Done: r.Done, Dropped: r.Dropped, Carried: r.Carried,
			CompletionRate: r.CompletionRate(), ROTI: r.ROTI, Problems: r.Problems, Tags: nonNil(r.Tags)})
	}
	tt := t.Totals
	out.Totals = totalsJSON{Retros: tt.Retros, Agreed: tt.Agreed, Open: tt.Open, Done: tt.Done, Dropped: tt.Dropped,
		Carried: tt.Carried, CompletionRate: tt.CompletionRate(), ROTI: tt.ROTI}
	for _, c := range t.ProblemsPerTag {
		out.ProblemsPerTag = append(out.ProblemsPerTag, tagCountJSON(c))
	}
	for _, r := range t.Recurring {
		out.Recurring = append(out.Recurring, recurringJSON{Kind: r.Kind, Team: r.Team, Label: r.Label, Retros: nonNil(r.Retros)})
	}
	for _, a := range t.OldestOpen {
		out.OldestOpenActions = append(out.OldestOpenActions, openActionJSON{ID: a.ID, Text: a.Text, Owner: a.Owner, Due: a.Due,
			Note: a.Note, Team: a.Team, Date: a.Date.Format(time.RFC3339), AgeDays: a.AgeDays})
	}
	return out
}

func newTrendsCmd(e *env) *cobra.Command {
	var team, since string
	var asJSON bool
	c := &cobra.Command{
		Use:   "trends",
		Short: "How actions and retros go over time",
		Long: `Per retro: the actions agreed and how many are done, dropped, carried over or
still open, the completion rate, the ROTI and the problems raised. Then the
problems that keep coming back (a tag in 3 of a team's last 6 retros, or
near-identical problem titles) and the oldest open actions.`,
		Example: "  retrokata trends --team checkout\n  retrokata trends --since 2026-01-01 --json",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := notes.Filter{Type: notes.TypeRetro, Team: team}
			if since != "" {
				d, err := time.ParseInLocation("2006-01-02", since, time.Local)
				if err != nil {
					return usagef("Use --since YYYY-MM-DD.", "trends: bad date %q", since)
				}
				f.Since = d
			}
			list, err := e.entries(cmd, f, true)
			if err != nil {
				return err
			}
			t := retro.ComputeTrends(list, retro.TrendOptions{Team: team, Since: f.Since, Now: e.now()})
			if team != "" && len(list) == 0 && !asJSON {
				// say which teams there are rather than "no retros yet"
				if teams := e.teamNames(cmd); len(teams) > 0 {
					fmt.Fprintf(e.stdout, "No retros for team %q. Teams with retros: %s.\n", team, strings.Join(teams, ", "))
					return nil
				}
			}
			if asJSON {
				return printTrendsJSON(e, toTrendsJSON(t, team, since))
			}
			return printTrends(e, t)
		},
	}
	c.Flags().StringVar(&team, "team", "", "only this team's retros")
	c.Flags().StringVar(&since, "since", "", "only retros from this date on (YYYY-MM-DD)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// printTrendsJSON writes the trends as one JSON object with each list
// item on a line of its own: valid JSON for jq, and thousands of retros are
// written without reflection.
func printTrendsJSON(e *env, t trendsJSON) error {
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	var buf []byte
	member := func(name string, v any, last bool) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %q: %s", name, b)
		if !last {
			w.WriteString(",")
		}
		w.WriteString("\n")
		return nil
	}
	list := func(name string, n int, last bool, item func(i int) error) error {
		fmt.Fprintf(w, "  %q: [", name)
		for i := 0; i < n; i++ {
			if i > 0 {
				w.WriteString(",")
			}
			w.WriteString("\n    ")
			if err := item(i); err != nil {
				return err
			}
		}
		if n > 0 {
			w.WriteString("\n  ")
		}
		w.WriteString("]")
		if !last {
			w.WriteString(",")
		}
		w.WriteString("\n")
		return nil
	}
	marshal := func(v any) error {
		b, err := json.Marshal(v)
		w.Write(b)
		return err
	}
	w.WriteString("{\n")
	if err := member("team", t.Team, false); err != nil {
		return err
	}
	if err := member("since", t.Since, false); err != nil {
		return err
	}
	if err := member("totals", t.Totals, false); err != nil {
		return err
	}
	if err := list("retros", len(t.Retros), false, func(i int) error {
		buf = t.Retros[i].appendJSON(buf[:0])
		_, err := w.Write(buf)
		return err
	}); err != nil {
		return err
	}
	if err := list("problems_per_tag", len(t.ProblemsPerTag), false, func(i int) error { return marshal(t.ProblemsPerTag[i]) }); err != nil {
		return err
	}
	if err := list("recurring", len(t.Recurring), false, func(i int) error { return marshal(t.Recurring[i]) }); err != nil {
		return err
	}
	if err := list("oldest_open_actions", len(t.OldestOpenActions), true, func(i int) error { return marshal(t.OldestOpenActions[i]) }); err != nil {
		return err
	}
	w.WriteString("}\n")
	return w.Flush()
}

// shownRetros is how many of the latest retros the table shows.
const shownRetros = 12

func printTrends(e *env, t retro.Trends) error {
	width := max(20, e.width())
	var buf strings.Builder
	w := &buf
	tot := t.Totals
	if tot.Retros == 0 {
		fmt.Fprintln(e.stdout, "No retros yet: trends appear after the first one is saved.")
		return nil
	}
	summary := fmt.Sprintf("%s · %s agreed: %d done, %d dropped, %d open · %s done",
		plural(tot.Retros, "retro"), plural(tot.Agreed, "action"), tot.Done, tot.Dropped, tot.Open, percent(tot.CompletionRate()))
	if tot.Carried > 0 {
		// a carry-over is a move, not one more action: said apart
		summary += fmt.Sprintf(" · %d carried over", tot.Carried)
	}
	if tot.ROTI != nil {
		summary += fmt.Sprintf(" · ROTI %.1f", *tot.ROTI)
	}
	fmt.Fprintln(w, ansi.Wordwrap(summary, width, ""))
	recent := t.Retros[max(0, len(t.Retros)-shownRetros):]
	var rates, rotis []*float64
	anyROTI := false
	oneTeam := true
	for _, r := range recent {
		rates = append(rates, r.CompletionRate())
		rotis = append(rotis, r.ROTI)
		anyROTI = anyROTI || r.ROTI != nil
		oneTeam = oneTeam && strings.EqualFold(r.Team, recent[0].Team)
	}
	of := ""
	if oneTeam && recent[0].Team != "" {
		of = " of " + clean(recent[0].Team)
	}
	fmt.Fprintf(w, "\nLast %s%s, oldest first\n", plural(len(recent), "retro"), of)
	fmt.Fprintf(w, "  done  %s  (0-100%%)\n", sparkline(rates, 0, 1))
	if anyROTI {
		fmt.Fprintf(w, "  ROTI  %s  (1-5)\n", sparkline(rotis, 1, 5))
	} else {
		fmt.Fprintln(w, "  ROTI  none recorded")
	}
	fmt.Fprintln(w)
	for _, l := range retrosTable(recent, width) {
		fmt.Fprintln(w, l)
	}
	if len(t.Recurring) > 0 {
		fmt.Fprintln(w, "\nRecurring problems")
		for _, r := range t.Recurring {
			team := ""
			if r.Team != "" {
				team = clean(r.Team) + ": "
			}
			var l string
			switch r.Kind {
			case retro.RecurringTag:
				l = fmt.Sprintf("%stag %s in %d of the last %d retros", team, clean(r.Label), len(r.Retros), retro.RecentRetros)
			default:
				l = fmt.Sprintf("%s%q in %d of the last %d retros", team, clean(r.Label), len(r.Retros), retro.RecentRetros)
			}
			// prose wraps under its first word; only table cells are cut
			fmt.Fprintln(w, "  "+strings.ReplaceAll(ansi.Wordwrap(l, width-4, ""), "\n", "\n    "))
		}
	}
	if len(t.OldestOpen) > 0 {
		fmt.Fprintln(w, "\nOldest open actions")
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		for _, a := range t.OldestOpen {
			owner := ""
			if a.Owner != "" {
				owner = " (@" + clean(a.Owner) + ")"
			}
			// the id names the note (and its date): the text is what is cut
			fmt.Fprintf(tw, "  %s\t%s\t%s%s\n", plural(a.AgeDays, "day"), clean(a.ID), clean(a.Text), owner)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if len(t.ProblemsPerTag) > 0 {
		var parts []string
		for _, c := range t.ProblemsPerTag[:min(len(t.ProblemsPerTag), 8)] {
			parts = append(parts, fmt.Sprintf("%s %d", clean(c.Tag), c.Problems))
		}
		fmt.Fprintln(w, ansi.Wordwrap("\nProblems per tag: "+strings.Join(parts, " · "), width, ""))
	}
	// every line fits the terminal: the longest (a title, an action's text)
	// is cut with "…"; the table already chose its columns
	out := bufio.NewWriter(e.stdout)
	for _, l := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		fmt.Fprintln(out, ansi.Truncate(l, width, "…"))
	}
	return out.Flush()
}

func percent(v *float64) string {
	if v == nil {
		return "-"
	}
	return fmt.Sprintf("%d%%", int(math.Round(*v*100)))
}

// sparkline draws values between lo and hi as block characters; a missing
// value is a space.
func sparkline(vals []*float64, lo, hi float64) string {
	const bars = "▁▂▃▄▅▆▇█"
	blocks := []rune(bars)
	var b strings.Builder
	for _, v := range vals {
		if v == nil {
			b.WriteRune(' ')
			continue
		}
		i := int(math.Round((*v - lo) / (hi - lo) * float64(len(blocks)-1)))
		b.WriteRune(blocks[max(0, min(i, len(blocks)-1))])
	}
	return b.String()
}
