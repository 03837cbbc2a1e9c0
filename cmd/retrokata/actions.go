package main

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/notes"
)

type actionJSON struct {
	ID      string `json:"id"`
	Status  string `json:"status"`
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
	var owner, team, status string
	c := &cobra.Command{
		Use:   "actions",
		Short: "List action items across notes",
		Long: `Lists the action items (task-list items under '## Actions') of every
note, open ones by default. Each action has one status (open, done,
dropped or carried over to a later note), is listed once, and has an id,
<note file name>#<n>, that a commit trailer 'Retro-Action: <id>' closes
(see 'retrokata actions sync'). Overdue items are marked.`,
		Example: "  retrokata actions --owner alice\n  retrokata actions --all --team checkout --json\n  retrokata actions --status dropped",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if btoi(open)+btoi(done)+btoi(all)+btoi(status != "") > 1 {
				return usagef("Use one of --open, --done, --status or --all.", "actions: --open, --done, --status and --all exclude each other")
			}
			want := notes.StatusOpen
			switch {
			case done:
				want = notes.StatusDone
			case status != "":
				st, ok := notes.ParseStatus(status)
				if !ok {
					return usagef("Use --status open, done, dropped or carried.", "actions: unknown status %q", status)
				}
				want = st
			}
			list, err := e.entries(cmd, notes.Filter{Team: team}, true)
			if err != nil {
				return err
			}
			now := e.now()
			out := []actionJSON{}
			for _, en := range list {
				if en.Broken() {
					if !asJSON {
						e.warnf("broken note: %s", clean(en.Err.Error()))
					}
					continue
				}
				name := notes.NoteName(en.Path)
				for _, a := range en.Actions {
					if (all || a.Status == want) &&
						(owner == "" || strings.EqualFold(strings.TrimPrefix(owner, "@"), a.Owner)) {
						out = append(out, actionJSON{ID: name + "#" + strconv.Itoa(a.N), Status: string(a.Status), Text: a.Text,
							Done: a.Status == notes.StatusDone, Owner: a.Owner, Due: a.Due,
							Overdue: a.Overdue(now), Note: en.Path, Line: a.Line, Team: en.Meta.Team})
					}
				}
			}
			if asJSON {
				return printJSONArray(e, out)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			for _, a := range out {
				box := map[string]string{"open": "[ ]", "done": "[x]", "dropped": "[-]", "carried": "[>]"}[a.Status]
				due := a.Due
				if a.Overdue {
					due += " OVERDUE"
				}
				who := ""
				if a.Owner != "" {
					who = "@" + a.Owner
				}
				fmt.Fprintf(tw, "%s %s\t%s\t%s\t%s\n", box, clean(a.Text), clean(who), due, clean(a.ID))
			}
			return tw.Flush()
		},
	}
	c.AddCommand(newActionsSyncCmd(e))
	c.Flags().BoolVar(&open, "open", false, "only open items (the default)")
	c.Flags().BoolVar(&done, "done", false, "only done items")
	c.Flags().StringVar(&status, "status", "", "only items with this status: open, done, dropped or carried")
	c.Flags().BoolVar(&all, "all", false, "items of every status")
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
