package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/content"
)

// activityJSON is the stable shape of `activities --json`.
type activityJSON struct {
	ID             string   `json:"id"`
	Title          string   `json:"title"`
	Phase          string   `json:"phase"`
	Goal           string   `json:"goal"`
	TimeboxMinutes int      `json:"timebox_minutes"`
	Prompt         string   `json:"prompt"`
	Fields         []string `json:"fields"`
	CheckIn        bool     `json:"check_in"`
	Steps          []string `json:"steps"`
	Tags           []string `json:"tags"`
	Source         string   `json:"source"`
}

// activities loads the merged activity catalogue, warning on stderr about
// skipped files.
func (e *env) activities() []content.Activity {
	acts, probs := content.LoadActivities(append([]content.Source{content.Builtin()}, e.contentSources()...)...)
	for _, p := range probs {
		e.warnf("skipped %s", clean(p.String()))
	}
	return acts
}

func phaseNames() string {
	var ps []string
	for _, p := range content.Phases() {
		ps = append(ps, string(p))
	}
	return strings.Join(ps, ", ")
}

func newActivitiesCmd(e *env) *cobra.Command {
	var phase string
	var asJSON bool
	c := &cobra.Command{
		Use:   "activities [ID]",
		Short: "List retro activities by phase, or show one",
		Long: `Without ID, lists the activities a facilitator can pick for each phase of a
retro (check-ins, timeline, mad-sad-glad, 5 whys, ROTI...), with their
timebox and goal. With ID, shows one: goal, prompt, steps. Add your own in
activities/ of your content dirs (see 'retrokata content').`,
		Example: "  retrokata activities --phase gather-data\n  retrokata activities five-whys\n  retrokata activities --json",
		Args:    args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			if phase != "" && !content.Phase(phase).Valid() {
				return usagef("Use one of "+phaseNames()+".", "activities: unknown phase %q", phase)
			}
			acts := e.activities()
			if len(a) == 1 {
				for _, act := range acts {
					if act.ID == a[0] {
						return e.markdown(clean(content.ActivityMarkdown(act)))
					}
				}
				var ids []string
				for _, act := range acts {
					ids = append(ids, act.ID)
				}
				return usagef("Valid ids: "+strings.Join(ids, ", "), "activities: no activity %q", a[0])
			}
			if phase != "" {
				acts = content.ActivitiesFor(acts, content.Phase(phase))
			}
			if asJSON {
				out := make([]activityJSON, 0, len(acts))
				for _, act := range acts {
					out = append(out, activityJSON{ID: act.ID, Title: act.Title, Phase: string(act.Phase), Goal: act.Goal,
						TimeboxMinutes: int(act.Timebox.Minutes()), Prompt: act.Prompt, Fields: nonNil(act.Fields), CheckIn: act.CheckIn,
						Steps: nonNil(act.Steps), Tags: nonNil(act.Tags), Source: string(act.Origin)})
				}
				return e.printJSON(out)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			for _, act := range acts {
				src := ""
				if act.Origin != content.OriginBuiltin {
					src = " (" + string(act.Origin) + ")"
				}
				fmt.Fprintf(tw, "%s\t%s\t%dm\t%s\n", act.Phase, clean(act.ID), int(act.Timebox.Minutes()), clean(act.Goal)+src)
			}
			return tw.Flush()
		},
	}
	c.Flags().StringVar(&phase, "phase", "", "only activities of this phase ("+phaseNames()+")")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}
