package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/notes"
)

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
