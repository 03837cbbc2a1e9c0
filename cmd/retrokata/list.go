package main

import (
	"fmt"
	"path/filepath"
	"text/tabwriter"
	"time"

	"github.com/retrokata/retrokata/notes"
	"github.com/spf13/cobra"
)

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
