package main

import (
	"fmt"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/notes"
)

// noteJSON is the stable shape of `list --json`: every key is in every
// object (empty string, empty list or null when there is no value).
type noteJSON struct {
	Path        string   `json:"path"`
	Type        string   `json:"type"`
	Title       string   `json:"title"`
	Date        string   `json:"date"`
	Team        string   `json:"team"`
	Tags        []string `json:"tags"`
	OpenActions int      `json:"open_actions"`
	DoneActions int      `json:"done_actions"`
	Kata        string   `json:"kata"`
	Score       *int     `json:"score"`
	MaxScore    *int     `json:"max_score"`
	ROTI        *float64 `json:"roti"`  // null without roti: in the front matter
	Error       *string  `json:"error"` // null when the note reads fine
}

func newListCmd(e *env) *cobra.Command {
	var typ, tag, team, since, grep string
	var asJSON, verbose bool
	c := &cobra.Command{
		Use:   "list",
		Short: "List notes, newest first",
		Long: `Lists the notes in the notes dir, newest first. Broken notes are listed
with their error (on stderr in the table); the exit code stays 0. Markdown
files without front matter (a README, say) are not notes and are skipped
quietly; --verbose lists them too.`,
		Example: "  retrokata list --type retro --team checkout\n  retrokata list --since 2026-11-01 --grep rollback --json",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := notes.Filter{Type: notes.Type(typ), Tag: tag, Team: team, Grep: grep, NonNotes: verbose}
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
				if en.NotANote() {
					fmt.Fprintf(e.stderr, "retrokata: not a note (no front matter), skipped: %s\n", clean(en.Path))
					continue
				}
				if en.Broken() {
					e.warnf("broken note: %s", clean(en.Err.Error()))
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
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "also list markdown files that are not notes (no front matter), which are otherwise skipped quietly")
	return c
}

func toNoteJSON(en notes.Entry) noteJSON {
	j := noteJSON{Path: en.Path, Tags: []string{}}
	if en.Broken() {
		msg := en.Err.Error()
		j.Error = &msg
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
	j.ROTI = m.ROTI
	if m.Type == notes.TypeKata {
		j.Kata, j.Score, j.MaxScore = m.Kata, m.Score, m.MaxScore
	}
	return j
}

// clean strips control sequences from note text before it reaches the
// terminal.
func clean(s string) string { return notes.Sanitize(s) }
