package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
)

// initCompletion adds cobra's completion command now rather than at run
// time, so that an unknown shell is a usage error (exit 2) instead of the
// help page and exit 0.
func initCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, a []string) error {
			if len(a) == 0 {
				return cmd.Help()
			}
			return usagef("Use one of: bash, zsh, fish, powershell.",
				"completion: unknown shell %q", a[0])
		}
	}
}

// completeArgs attaches dynamic completion to the commands that take a kata
// id, a note, a tip number or a case id, and to the --team and --template
// flags. Candidates come from the content library and the notes dir's
// cached index, so completing on 10,000 notes stays fast. Nothing is
// printed on stderr: a shell would show it mid-line.
func completeArgs(e *env, root *cobra.Command) {
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		switch c.CommandPath() {
		case "retrokata kata":
			c.ValidArgsFunction = firstArg(func(cmd *cobra.Command) []string { return e.kataIDs() })
		case "retrokata show":
			c.ValidArgsFunction = firstArg(e.noteNames)
		case "retrokata tips":
			c.ValidArgsFunction = firstArg(func(cmd *cobra.Command) []string { return e.tipNumbers() })
		case "retrokata cases":
			c.ValidArgsFunction = firstArg(func(cmd *cobra.Command) []string { return e.caseIDs() })
		}
		if c.Flags().Lookup("template") != nil {
			_ = c.RegisterFlagCompletionFunc("template", flagValues(func(*cobra.Command) []string { return e.caseIDs() }))
		}
		if c.Flags().Lookup("team") != nil {
			_ = c.RegisterFlagCompletionFunc("team", flagValues(e.teamNames))
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// firstArg completes the first positional argument only.
func firstArg(values func(*cobra.Command) []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, a []string, _ string) ([]string, cobra.ShellCompDirective) {
		if len(a) > 0 {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return values(cmd), cobra.ShellCompDirectiveNoFileComp
	}
}

// flagValues completes a flag's value.
func flagValues(values func(*cobra.Command) []string) cobra.CompletionFunc {
	return func(cmd *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		return values(cmd), cobra.ShellCompDirectiveNoFileComp
	}
}

// quietLibrary loads the content library without printing warnings.
func (e *env) quietLibrary() *content.Library {
	lib, _ := content.Load(append([]content.Source{content.Builtin()}, e.contentSources()...)...)
	return lib
}

func (e *env) kataIDs() []string {
	var out []string
	for _, k := range e.quietLibrary().Katas {
		out = append(out, k.ID+"\t"+notes.Sanitize(k.Title))
	}
	return out
}

func (e *env) caseIDs() []string {
	var out []string
	for _, c := range e.quietLibrary().Cases {
		out = append(out, c.ID+"\t"+notes.Sanitize(c.Title))
	}
	return out
}

func (e *env) tipNumbers() []string {
	var out []string
	for _, t := range e.quietLibrary().Tips {
		out = append(out, fmt.Sprintf("%d\t%s", t.Number, notes.Sanitize(t.Title)))
	}
	return out
}

// noteNames offers the notes' file names without .md, newest first.
func (e *env) noteNames(cmd *cobra.Command) []string {
	list, err := e.entries(cmd, notes.Filter{}, false)
	if err != nil {
		return nil
	}
	var out []string
	for _, en := range list {
		if en.Broken() {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(en.Path), ".md")
		out = append(out, notes.Sanitize(name)+"\t"+notes.Sanitize(en.Meta.Title))
	}
	return out
}

// teamNames offers the teams named in the notes, most recent first.
func (e *env) teamNames(cmd *cobra.Command) []string {
	list, err := e.entries(cmd, notes.Filter{}, false)
	if err != nil {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	for _, en := range list {
		t := notes.Sanitize(en.Meta.Team)
		if en.Broken() || t == "" || seen[t] {
			continue
		}
		seen[t] = true
		out = append(out, t)
	}
	return out
}
