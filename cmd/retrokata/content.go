package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
	"github.com/spf13/cobra"
)

// contentSources are the user's and the repository's content dirs.
func (e *env) contentSources() []content.Source {
	repoRoot := ""
	cfg, err := notes.FindConfig(e.wd, notes.Home(e.getenv))
	if err != nil {
		e.warnf("%s", err) // not the repository's content, then
	}
	if cfg != "" {
		repoRoot = filepath.Dir(cfg)
	}
	return content.Dirs(e.xdg.ConfigHome, repoRoot)
}

// noCase is the usage error for an unknown case id, listing the valid ones.
func noCase(command, id string, lib *content.Library) error {
	ids := make([]string, 0, len(lib.Cases))
	for _, c := range lib.Cases {
		ids = append(ids, c.ID)
	}
	return usagef("Valid ids: "+strings.Join(ids, ", "), "%s: no case %q", command, id)
}

// library loads the merged content, warning on stderr about skipped files.
func (e *env) library() *content.Library {
	lib, probs := content.Load(append([]content.Source{content.Builtin()}, e.contentSources()...)...)
	for _, p := range probs {
		e.warnf("skipped %s", p)
	}
	return lib
}

func newCasesCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "cases [ID]",
		Short: "List the cases, or show one",
		Long: `Without ID, lists the cases: four problems reconstructed from what is known
of the talk "Dev rencontre Ops, 1 an après" (its slides and video are not
available, so the details are ours, not quotes) and a DevOps department case
study from a supplier's client story. With ID, shows one: what it is built
on, context, what happened, the immediate reaction, what was learnt, the
linked tips, and its sources at the end.`,
		Example: "  retrokata cases\n  retrokata cases parameter-change",
		Args:    args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			lib := e.library()
			if len(a) == 0 {
				tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
				for _, c := range lib.Cases {
					l := content.ShortLabel(c.Item)
					if l != "" {
						l = "(" + l + ")"
					}
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.ID, c.Title, l, c.Summary)
				}
				return tw.Flush()
			}
			c, ok := lib.Case(a[0])
			if !ok {
				return noCase("cases", a[0], lib)
			}
			return e.markdown(content.CaseMarkdown(c, lib))
		},
	}
}

func newTipsCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:     "tips [N]",
		Short:   "List the tips, or show one",
		Long:    "Without N, lists tips for building a DevOps team. They are in our words,\nbuilt on an interview about the talk, not quoted from it: experiments to try,\nnot rules. With N, shows one, with something to try next sprint, the cases\nit comes from and its sources.",
		Example: "  retrokata tips\n  retrokata tips 4",
		Args:    args(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, a []string) error {
			lib := e.library()
			if len(a) == 0 {
				if content.TipsInOurWords(lib.Tips) {
					fmt.Fprintln(e.stdout, content.TipsNote)
				}
				for _, t := range lib.Tips {
					fmt.Fprintln(e.stdout, content.TipLabel(t))
				}
				return nil
			}
			n, err := strconv.Atoi(a[0])
			t, ok := lib.Tip(n)
			if err != nil || !ok {
				var nums []string
				for _, t := range lib.Tips {
					nums = append(nums, strconv.Itoa(t.Number))
				}
				return usagef("Valid tips: "+strings.Join(nums, ", "), "tips: no tip %q", a[0])
			}
			return e.markdown(content.TipMarkdown(t, lib))
		},
	}
}

// kataJSON is the stable shape of `kata list --json`.
type kataJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Summary    string   `json:"summary"`
	Difficulty string   `json:"difficulty"`
	Tags       []string `json:"tags"`
	Stages     int      `json:"stages"`
	KeyPoints  int      `json:"key_points"`
	Tips       []int    `json:"tips"`
	Source     string   `json:"source"`
	// Format v2 (issue 18).
	Reconstruction bool     `json:"reconstruction"`
	Sources        []string `json:"sources"`
	DecisionPoints int      `json:"decision_points"`
	Variants       int      `json:"variants"`
	OnRequest      int      `json:"on_request"`
}

func newKataListCmd(e *env) *cobra.Command {
	var tag, difficulty string
	var asJSON bool
	c := &cobra.Command{
		Use:     "list",
		Short:   "List katas",
		Long:    "Lists the built-in katas and your own, with difficulty and tags.",
		Example: "  retrokata kata list --tag incident\n  retrokata kata list --difficulty easy --json",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if difficulty != "" && !content.Difficulty(difficulty).Valid() {
				return usagef("Use easy, medium or hard.", "kata list: unknown difficulty %q", difficulty)
			}
			lib := e.library()
			out := []kataJSON{}
			for _, k := range lib.Katas {
				if difficulty != "" && string(k.Difficulty) != difficulty {
					continue
				}
				if tag != "" && !contains(k.Tags, tag) {
					continue
				}
				out = append(out, kataJSON{ID: k.ID, Title: k.Title, Summary: k.Summary, Difficulty: string(k.Difficulty),
					Tags: nonNil(k.Tags), Stages: len(k.Stages), KeyPoints: len(k.KeyPoints), Tips: nonNilInts(k.Tips), Source: string(k.Origin),
					Reconstruction: k.Reconstruction, Sources: nonNil(k.Sources), DecisionPoints: k.DecisionPoints(),
					Variants: len(k.Variants), OnRequest: k.OnRequest()})
			}
			if asJSON {
				return printJSONArray(e, out)
			}
			tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
			for _, k := range out {
				src := ""
				if k.Source != string(content.OriginBuiltin) {
					src = " (" + k.Source + ")"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s%s\n", k.ID, k.Difficulty, strings.Join(k.Tags, ","), k.Title, src)
			}
			return tw.Flush()
		},
	}
	c.Flags().StringVar(&tag, "tag", "", "only katas with this tag (incident, deploy, config, culture, on-call, legacy, data)")
	c.Flags().StringVar(&difficulty, "difficulty", "", "only katas of this difficulty (easy, medium, hard)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func newContentCmd(e *env) *cobra.Command {
	c := &cobra.Command{
		Use:   "content",
		Short: "Check your own katas, cases, tips and activities",
		Long: `Your own content lives in $XDG_CONFIG_HOME/retrokata/content/ and in
.retrokata/content/ next to the repository's .retrokata.yaml, each with
cases/, tips/, katas/ and activities/ directories. The format is in
content/README.md.`,
		Args: noSubcommand,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return cmd.Help()
		},
	}
	var strict bool
	check := &cobra.Command{
		Use:   "check [PATH...]",
		Short: "Validate content files or directories",
		Long: `Validates content files or directories (default: your user and repository
content dirs) and prints every problem as file:line: message. Exits 0 when
clean, 1 when there is any problem. --strict also applies the built-in
library's standard: reconstruction and sources on every item; variants,
something to look at and anchored key points on every kata.`,
		Example: "  retrokata content check\n  retrokata content check ./katas/my-kata.md\n  retrokata content check --strict content/library",
		Args:    args(cobra.ArbitraryArgs),
		RunE: func(cmd *cobra.Command, paths []string) error {
			if len(paths) == 0 {
				for _, s := range e.contentSources() {
					if _, err := os.Stat(s.Label); err == nil {
						paths = append(paths, s.Label)
					}
				}
				if len(paths) == 0 {
					fmt.Fprintf(e.stderr, "No content to check: %s does not exist.\n", filepath.Join(e.xdg.ConfigHome, "retrokata", "content"))
					return nil
				}
			}
			check := content.Check
			if strict {
				check = content.CheckStrict
			}
			probs := check(paths...)
			for _, p := range probs {
				fmt.Fprintln(e.stdout, p.String())
			}
			if len(probs) > 0 {
				return fmt.Errorf("content check: %d problem(s)", len(probs))
			}
			fmt.Fprintf(e.stderr, "%s: no problems.\n", strings.Join(paths, ", "))
			return nil
		},
	}
	check.Flags().BoolVar(&strict, "strict", false, "also apply the built-in library's standard (sources, variants, look at, anchors)")
	c.AddCommand(check)
	return c
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func nonNilInts(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}
