package content

import (
	"fmt"
	"strings"
)

// Label says, in plain words that don't overclaim, what an item is built
// on; it is shown at the top wherever the item is read. It is "" when the
// item says nothing about it (a user's own file, say).
func Label(it Item) string {
	switch {
	case it.Reconstruction && invented(it.Sources):
		return "Made up for practice: a plausible situation, not one reported by the talk or the case study."
	case it.Reconstruction && aboutTalk(it.Sources):
		return "Reconstruction: the details are ours, built on what the sources report; the talk's slides and video are not available, so nothing here is a quote."
	case it.Reconstruction:
		return "Reconstruction: the situation is ours, built on the facts its sources report; nothing here is a quote."
	case len(it.Sources) > 0:
		return "From the sources, in our words."
	}
	return ""
}

// aboutTalk reports whether a source is about the talk (the interview,
// its abstract, a write-up of it): then its slides' absence is worth saying.
func aboutTalk(sources []string) bool {
	for _, s := range sources {
		l := strings.ToLower(s)
		for _, w := range []string{"talk", "mix-it", "mixit", "kaliop"} {
			if strings.Contains(l, w) && !strings.HasPrefix(strings.TrimSpace(l), "ours") {
				return true
			}
		}
	}
	return false
}

// TipsNote heads a list of the tips when they are reconstructions.
const TipsNote = "Our words, not the talk's: built on an interview about it. Try each as an experiment, not a rule."

// TipsInOurWords reports whether any tip is a reconstruction, so a list of
// them is headed by TipsNote.
func TipsInOurWords(tips []Tip) bool {
	for _, t := range tips {
		if t.Reconstruction {
			return true
		}
	}
	return false
}

// BriefLabel is Label in one short sentence, for narrow screens and lists.
func BriefLabel(it Item) string {
	switch {
	case it.Reconstruction && invented(it.Sources):
		return "Made up for practice, not reported."
	case it.Reconstruction:
		return "Reconstruction: the details are ours, not quotes."
	case len(it.Sources) > 0:
		return "From the sources, in our words."
	}
	return ""
}

// ShortLabel is Label in a few words, for lists and narrow screens.
func ShortLabel(it Item) string {
	switch {
	case it.Reconstruction && invented(it.Sources):
		return "made up for practice"
	case it.Reconstruction:
		return "reconstruction"
	case len(it.Sources) > 0:
		return "from the sources"
	}
	return ""
}

// invented reports whether every source is "Ours…": nothing is taken from
// the talk or the case study.
func invented(sources []string) bool {
	for _, s := range sources {
		if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(s)), "ours") {
			return false
		}
	}
	return len(sources) > 0
}

// SourcesMarkdown is the "## Sources" section of an item, "" when it has
// none.
func SourcesMarkdown(it Item) string {
	if len(it.Sources) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("## Sources\n\n")
	for _, s := range it.Sources {
		fmt.Fprintf(&b, "- %s\n", strings.Join(strings.Fields(s), " "))
	}
	return b.String()
}

// CaseMarkdown renders a case for reading: its label at the top, its
// sources at the end.
func CaseMarkdown(c Case, lib *Library) string {
	return withSources(CaseBody(c, lib), c.Item)
}

// TipMarkdown renders a tip for reading: its label at the top, its sources
// at the end.
func TipMarkdown(t Tip, lib *Library) string {
	return withSources(TipBody(t, lib), t.Item)
}

func withSources(body string, it Item) string {
	if s := SourcesMarkdown(it); s != "" {
		return body + "\n" + s
	}
	return body
}

// CaseBody renders a case for reading, with its label and without its
// sources (the reader shows them on a key).
func CaseBody(c Case, lib *Library) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", c.Title)
	label(&b, c.Item)
	fmt.Fprintf(&b, "%s\n\n", c.Summary)
	mdSection(&b, "Context", c.Context)
	mdSection(&b, "What happened", c.WhatHappened)
	mdSection(&b, "Immediate reaction", c.Reaction)
	mdList(&b, "What they learnt", c.Learnings)
	tipsList(&b, c.Tips, lib)
	if c.Kata != "" {
		fmt.Fprintf(&b, "Practise it: `retrokata kata %s`\n\n", c.Kata)
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// TipBody renders a tip for reading, with its label and without its
// sources.
func TipBody(t Tip, lib *Library) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %d. %s\n\n", t.Number, t.Title)
	label(&b, t.Item)
	fmt.Fprintf(&b, "%s\n\n**Try this next sprint.** %s\n\n", t.Body, t.Try)
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
	return strings.TrimRight(b.String(), "\n") + "\n"
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

func label(b *strings.Builder, it Item) {
	if l := Label(it); l != "" {
		fmt.Fprintf(b, "_%s_\n\n", l)
	}
}

// footer ends a text with its label and sources, for items whose label is
// not needed at the top (activities: our own words, never a reconstruction).
func footer(b *strings.Builder, it Item) {
	if l := Label(it); l != "" && it.Reconstruction {
		fmt.Fprintf(b, "_%s_\n\n", l)
	}
	if s := SourcesMarkdown(it); s != "" {
		b.WriteString(s)
	}
}
