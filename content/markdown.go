package content

import (
	"fmt"
	"strings"
)

// reconstructionNote is the one discreet line every reconstructed item shows.
const reconstructionNote = "_Reconstruction: the talk's slides were not available; the details are plausible, not quotes._"

// CaseMarkdown renders a case for reading.
func CaseMarkdown(c Case, lib *Library) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n%s\n\n", c.Title, c.Summary)
	mdSection(&b, "Context", c.Context)
	mdSection(&b, "What happened", c.WhatHappened)
	mdSection(&b, "Immediate reaction", c.Reaction)
	mdList(&b, "What they learnt", c.Learnings)
	tipsList(&b, c.Tips, lib)
	if c.Kata != "" {
		fmt.Fprintf(&b, "Practise it: `retrokata kata %s`\n\n", c.Kata)
	}
	footer(&b, c.Item)
	return b.String()
}

// TipMarkdown renders a tip for reading.
func TipMarkdown(t Tip, lib *Library) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %d. %s\n\n%s\n\n**Try this next sprint.** %s\n\n", t.Number, t.Title, t.Body, t.Try)
	var linked []string
	for _, c := range lib.Cases {
		for _, n := range c.Tips {
			if n == t.Number {
				linked = append(linked, fmt.Sprintf("- %s (`retrokata cases %s`)", c.Title, c.ID))
			}
		}
	}
	if len(linked) > 0 {
		fmt.Fprintf(&b, "## Cases\n\n%s\n\n", strings.Join(linked, "\n"))
	}
	footer(&b, t.Item)
	return b.String()
}

func mdSection(b *strings.Builder, title, text string) {
	fmt.Fprintf(b, "## %s\n\n%s\n\n", title, text)
}

func mdList(b *strings.Builder, title string, items []string) {
	fmt.Fprintf(b, "## %s\n\n", title)
	for _, it := range items {
		fmt.Fprintf(b, "- %s\n", it)
	}
	b.WriteString("\n")
}

func tipsList(b *strings.Builder, nums []int, lib *Library) {
	if len(nums) == 0 {
		return
	}
	b.WriteString("## Tips\n\n")
	for _, n := range nums {
		if t, ok := lib.Tip(n); ok {
			// "- 1. Title" would render as a nested ordered list.
			fmt.Fprintf(b, "- **Tip %d.** %s\n", t.Number, t.Title)
		}
	}
	b.WriteString("\n")
}

func footer(b *strings.Builder, it Item) {
	if it.Reconstruction {
		b.WriteString(reconstructionNote + "\n\n")
	}
	if len(it.Sources) > 0 {
		fmt.Fprintf(b, "_Sources: %s._\n", strings.Join(it.Sources, "; "))
	}
}
