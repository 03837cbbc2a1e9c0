package content

import (
	"strings"
	"testing"
)

const sectionsHead = `---
id: k
title: K
summary: A kata for tests.
difficulty: easy
key_points: [one, two, three, four]
---
`

const sectionsTail = `
## Reference reaction
Do the right thing.

## Reference learnings
- Learn one.
- Learn two.
`

// parseKata parses a kata made of body plus the reference sections and
// fails on any problem.
func parseKata(t *testing.T, body string) *Kata {
	t.Helper()
	p, probs := parseFile("k.md", []byte(sectionsHead+body+sectionsTail), kindKata, OriginUser)
	for _, pr := range probs {
		t.Errorf("%s", pr)
	}
	if p.kata == nil {
		t.Fatal("no kata")
	}
	return p.kata
}

func TestHeadingInFencedCodeIsText(t *testing.T) {
	// A "~~~" fence is closed by "~~~" only: the "```" inside it and the
	// "## Stage" lines after it are still code.
	k := parseKata(t, "## Stage 1: the log\nThe import fails.\n\n"+
		"### Look at: the runbook (2 min)\n```\n## Stage 9: not a stage\n### Decide\n```\n\n"+
		"~~~\n```\n## Stage 8: still code\n~~~\n\n## Stage 2\nIt gets worse.\n")
	if len(k.Stages) != 2 {
		t.Fatalf("%d stages, want 2: %+v", len(k.Stages), k.Stages)
	}
	if l := k.Stages[0].Look; len(l) != 1 || !strings.Contains(l[0].Text, "## Stage 9: not a stage\n### Decide") {
		t.Errorf("the look's code block lost its lines: %+v", l)
	}
	if !strings.HasSuffix(k.Stages[0].Look[0].Text, "```\n## Stage 8: still code\n~~~") {
		t.Errorf("the ~~~ block is not in the look's text: %q", k.Stages[0].Look[0].Text)
	}
	if k.Stages[1].Line != 22 {
		t.Errorf("stage 2 on line %d, want 22", k.Stages[1].Line)
	}
}

func TestHeadingInIndentedCodeIsText(t *testing.T) {
	// An indented block is code, "```" lines and "## " lines alike: the
	// real heading after it is still a heading.
	k := parseKata(t, "## Stage 1\nThe config reads:\n\n    ```\n    ## Stage 7\n\n## Stage 2\nIt gets worse.\n")
	if len(k.Stages) != 2 || k.Stages[1].Situation != "It gets worse." {
		t.Fatalf("stages %+v, want 2 ending with \"It gets worse.\"", k.Stages)
	}
	if want := "The config reads:\n\n    ```\n    ## Stage 7"; k.Stages[0].Situation != want {
		t.Errorf("situation %q, want %q (byte for byte)", k.Stages[0].Situation, want)
	}
}

func TestSetextHeadingIsASection(t *testing.T) {
	k := parseKata(t, "Stage 1: x\n---------\nSomething happens.\n\nDecide\n------\nnot a part: a setext heading is level 2\n\n## Stage 2\nIt gets worse.\n\n### Reference\nA paragraph\nover two lines.\n")
	if len(k.Stages) != 2 {
		t.Fatalf("%d stages, want 2: %+v", len(k.Stages), k.Stages)
	}
	if st := k.Stages[0]; st.Title != "x" || st.Number != 1 || st.Situation != "Something happens." || st.Line != 8 {
		t.Errorf("stage 1 = %q (number %d, line %d) %q", st.Title, st.Number, st.Line, st.Situation)
	}
	if k.Stages[1].Reference != "A paragraph\nover two lines." {
		t.Errorf("reference %q", k.Stages[1].Reference)
	}
}

func TestSectionsKeepTheirLines(t *testing.T) {
	body := "intro\n## Context \r\n  text\r\n\n    code\n## What happened ##\n\n# a title\n### sub\nx\n"
	got := sections(body, 10)
	if len(got) != 2 {
		t.Fatalf("%d sections: %+v", len(got), got)
	}
	if s := got[0]; s.title != "Context" || s.line != 11 || strings.Join(s.raw, "\n") != "  text\r\n\n    code" {
		t.Errorf("first section %+v", s)
	}
	if s := got[1]; s.title != "What happened" || s.line != 15 || s.text != "# a title\n### sub\nx" ||
		s.lead != "# a title" || len(s.subs) != 1 || s.subs[0].title != "sub" || s.subs[0].line != 18 || s.subs[0].text != "x" {
		t.Errorf("second section %+v", s)
	}
}
