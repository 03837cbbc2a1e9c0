package main

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/notes"
)

// newRetroAddCmd is `retrokata retro add`: a card for the next retro,
// written before the meeting into the notes dir's inbox.
func newRetroAddCmd(e *env) *cobra.Command {
	var text, team string
	c := &cobra.Command{
		Use:   "add TITLE",
		Short: "Add a problem card to the inbox of the next retro",
		Long: `Writes one card into <notes dir>/inbox/, one file per card, so two people
adding cards on two branches never conflict. The next retro on that notes
dir picks the cards up (as problems, or as hidden cards in a room) and
removes them when its note is saved.

Commit the file to share it: git history shows who added it.`,
		Example: `  retrokata retro add "Deploy froze for 20 minutes" -m "The lock was never released" --team pay`,
		Args:    args(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			loc, err := e.location(cmd)
			if err != nil {
				return err
			}
			p, err := notes.AddInboxIn(loc.Root(), loc.Dir, a[0], text, team, e.now())
			if err != nil {
				return withHint(err, "Check the notes dir is writable, or pass --dir.")
			}
			fmt.Fprintf(e.stdout, "Added %s\n", notes.Sanitize(p))
			return nil
		},
	}
	c.Flags().StringVarP(&text, "message", "m", "", "what happened, in a few sentences")
	c.Flags().StringVar(&team, "team", "", "the team the card is for")
	return c
}

// inboxJSON is one card in `retro inbox --json`.
type inboxJSON struct {
	File    string `json:"file"`
	Kind    string `json:"kind,omitempty"`
	Title   string `json:"title,omitempty"`
	Team    string `json:"team,omitempty"`
	Created string `json:"created,omitempty"`
	Text    string `json:"text,omitempty"`
	Error   string `json:"error,omitempty"`
}

// newRetroInboxCmd is `retrokata retro inbox`: the cards waiting.
func newRetroInboxCmd(e *env) *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "inbox",
		Short: "List the cards waiting for the next retro",
		Args:  args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			loc, err := e.location(cmd)
			if err != nil {
				return err
			}
			if err := missingDir(loc); err != nil {
				return err
			}
			cards, err := notes.ReadInboxIn(loc.Root(), loc.Dir)
			if err != nil {
				return withHint(err, "Check the path, or pass --dir.")
			}
			if asJSON {
				out := make([]inboxJSON, 0, len(cards))
				for _, c := range cards {
					j := inboxJSON{File: notes.Sanitize(filepath.Base(c.Path))}
					if c.Err != nil {
						j.Error = notes.Sanitize(c.Err.Error())
					} else {
						j.Kind, j.Title, j.Team, j.Text = c.Kind, c.Title, c.Team, c.Text
						j.Created = c.Created.UTC().Format(time.RFC3339)
					}
					out = append(out, j)
				}
				return printJSONArray(e, out)
			}
			if len(cards) == 0 {
				fmt.Fprintf(e.stdout, "The inbox of %s is empty. Add a card with 'retrokata retro add \"TITLE\"'.\n", notes.Sanitize(loc.Dir))
				return nil
			}
			broken := 0
			for _, c := range cards {
				if c.Err != nil {
					broken++
					e.warnf("%s (kept; fix or delete it)", notes.Sanitize(c.Err.Error()))
					continue
				}
				team := ""
				if c.Team != "" {
					team = "  [" + c.Team + "]"
				}
				fmt.Fprintf(e.stdout, "%s  %s%s\n", c.Created.Local().Format("2006-01-02 15:04"), c.Title, team)
			}
			fmt.Fprintf(e.stdout, "%d card(s) for the next retro", len(cards)-broken)
			if broken > 0 {
				fmt.Fprintf(e.stdout, ", %d unreadable", broken)
			}
			fmt.Fprintln(e.stdout, ".")
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON for scripts")
	return c
}
