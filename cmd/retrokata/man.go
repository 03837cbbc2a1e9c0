package main

import (
	"fmt"
	"strings"

	mcobra "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// newManCmd prints the man page. fang has one too, but hidden, and it turns
// every source line of a description into its own paragraph.
func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: "Print the man page (retrokata man > retrokata.1)",
		Long: `Prints retrokata's man page in roff. Read it with
'retrokata man | man -l -', or install it where man looks, for example
'retrokata man > ~/.local/share/man/man1/retrokata.1'.`,
		Args: args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			root := cmd.Root()
			unwrapLong(root)
			page, err := mcobra.NewManPage(1, root)
			if err != nil {
				return fmt.Errorf("man: %w", err)
			}
			_, err = fmt.Fprint(cmd.OutOrStdout(), page.Build(roff.NewDocument()))
			return err
		},
	}
}

// unwrapLong rewrites every command's long description so that roff sees one
// line per paragraph: the help text is wrapped at 80 columns in the source,
// and the man page builder starts a paragraph at every newline. Indented
// lines and list items keep their own line.
func unwrapLong(c *cobra.Command) {
	c.Long = unwrapParagraphs(c.Long)
	for _, sub := range c.Commands() {
		unwrapLong(sub)
	}
}

// unwrapParagraphs joins the lines of each paragraph of s with spaces.
func unwrapParagraphs(s string) string {
	var out []string
	var para []string
	flush := func() {
		if len(para) > 0 {
			out = append(out, strings.Join(para, " "))
			para = nil
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case line != t || strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* "):
			flush()
			out = append(out, line)
		default:
			para = append(para, t)
		}
	}
	flush()
	return strings.Join(out, "\n")
}
