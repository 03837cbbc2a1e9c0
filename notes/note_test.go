package notes

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

func intp(i int) *int { return &i }

const designNote = `---
type: retro
title: Sprint 42 retrospective
date: 2026-11-23T14:00:00+01:00
team: checkout
facilitator: Alice
participants: [Alice, Bob, Chen]
tags: [deploy, config]
---
# Sprint 42 retrospective

## Previous actions
- Done: Add a smoke test after each deploy (@bob) — [2026-11-16-sprint-41](2026-11-16-sprint-41.md)
- Carried over: Write the rollback runbook (@chen) — [2026-11-16-sprint-41](2026-11-16-sprint-41.md)

## Problems
### 1. Checkout broken in production after Friday deploy — 4 votes
**What happened.** It broke.

## Actions
- [ ] Add a canary stage to the pipeline (@alice, due 2026-12-01)
- [ ] Write the rollback runbook (@chen) — carried over from [2026-11-16-sprint-41](2026-11-16-sprint-41.md)
`

func TestRenderMatchesDesignFormat(t *testing.T) {
	n, err := Parse([]byte(designNote))
	if err != nil {
		t.Fatal(err)
	}
	if got := string(Render(n)); got != designNote {
		t.Errorf("render differs from the DESIGN.md example:\n%s", got)
	}
}

func TestRoundTrip(t *testing.T) {
	loc := time.FixedZone("", 3600)
	tests := []Note{
		{Meta: Meta{Type: TypeRetro, Title: "Sprint 1", Date: time.Date(2026, 1, 2, 3, 4, 5, 0, loc), Team: "a", Participants: []string{"Zoë", "李"}, Tags: []string{"x"}}, Body: "# Sprint 1\n\n## Actions\n- [ ] One (@zoë)\n"},
		{Meta: Meta{Type: TypeKata, Title: "Kata: game day", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Kata: "game-day", Score: intp(4), MaxScore: intp(5), Duration: "9m30s"}, Body: "# Kata\n\n## Self-assessment\n- [x] one\n"},
		{Meta: Meta{Type: TypeRetro, Title: "Rated", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), ROTI: floatp(3.75)}, Body: "# Rated\n"},
		{Meta: Meta{Type: TypeRetro, Title: "Quotes: \"yes\" # not a comment", Date: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), Facilitator: "O'Brien"}, Body: ""},
	}
	for _, n := range tests {
		t.Run(n.Title, func(t *testing.T) {
			got, err := Parse(Render(n))
			if err != nil {
				t.Fatal(err)
			}
			if !got.Date.Equal(n.Date) {
				t.Errorf("date %v, want %v", got.Date, n.Date)
			}
			got.Date, n.Date = time.Time{}, time.Time{}
			got.Actions = nil
			if !reflect.DeepEqual(got.Meta, n.Meta) || strings.TrimLeft(got.Body, "\n") != n.Body {
				t.Errorf("round trip:\n got %+v %q\nwant %+v %q", got.Meta, got.Body, n.Meta, n.Body)
			}
		})
	}
}

func TestParseToleratesEdits(t *testing.T) {
	edited := "\xef\xbb\xbf" + strings.ReplaceAll(`---
type: retro
title: Edited
date: 2026-11-23
zk-id: abc123
---
## Actions
* [X] Upper-case done
+ [ ] Plus bullet (due 2026-12-24)
- [ ] No owner at all
- [x] Owner only (@dana)
- plain item, not a task

Some prose someone added.

## Problems
- [ ] A task outside the action sections is not an action

## Previous actions
- [ ] Reordered section (@eve, due 2026-11-30) – carried over
`, "\n", "\r\n")
	n, err := Parse([]byte(edited))
	if err != nil {
		t.Fatal(err)
	}
	want := []Action{
		{Text: "Upper-case done", Status: StatusDone, N: 1, Line: 8},
		{Text: "Plus bullet", Status: StatusOpen, Due: "2026-12-24", N: 2, Line: 9},
		{Text: "No owner at all", Status: StatusOpen, N: 3, Line: 10},
		{Text: "Owner only", Owner: "dana", Status: StatusDone, N: 4, Line: 11},
	}
	if !reflect.DeepEqual(n.Actions, want) {
		t.Errorf("actions:\n got %+v\nwant %+v", n.Actions, want)
	}
	if n.Date.Format("2006-01-02") != "2026-11-23" {
		t.Errorf("date-only front matter: %v", n.Date)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"# no front matter", "line 1: no front matter"},
		{"---\ntitle: x\n---\n", "line 1: missing 'type:'"},
		{"---\ntitle: x\ntype: memo\n---\n", `line 3: type "memo" is not retro or kata`},
		{"---\ntype: kata\nscore: 9\nmax_score: 5\n---\n", "line 3: score 9 is outside"},
		{"---\ntype: retro\ndate: yesterday\n---\n", "line 3:"},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) = %v, want %q", tt.in, err, tt.want)
		}
	}
}

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain\ttext\n", "plain\ttext\n"},
		{"a\x1b[2Jb", "ab"},
		{"title\x1b]0;pwned\x07!", "title!"},
		{"osc st\x1b]8;;http://x\x1b\\link", "osc stlink"},
		{"c1 \u009b31mred", "c1 red"},
		{"bell\x07 cr\r", "bell cr"},
		{"bad \xff utf8", "bad \uFFFD utf8"},
		{"wide 漢字 🚀", "wide 漢字 🚀"},
		{"dangling \x1b", "dangling "},
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzSanitize(f *testing.F) {
	f.Add("a\x1b[31mb\x1b]0;t\x07c\u009bd")
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		for _, r := range out {
			if (r < 0x20 && r != '\t' && r != '\n') || r == 0x7f || (r >= 0x80 && r <= 0x9f) {
				t.Fatalf("control %U left in %q", r, out)
			}
		}
	})
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(designNote))
	f.Add([]byte("---\ntype: kata\nscore: 3\nmax_score: 5\n---\n## Actions\n- [ ] x (@a, due 2026-01-01)\n"))
	f.Add([]byte("---\ntype: retro\n---\n## Actions\n```\n## Actions\n- [ ] in code\n```\n> - [ ] quoted\n"))
	f.Add([]byte("---\ntype: retro\n---\n## Actions\n- [x] ~~a~~ (@b, c, due 2026-01-01) -- dropped\n<!--\n- [ ] x\n-->\n* [ ] y (dropped) — carried over to [n](n.md)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := Parse(data)
		if err != nil {
			return
		}
		lines := strings.Split(string(data), "\n")
		for i, a := range n.Actions {
			if a.N != i+1 || a.Line < 1 || a.Line > len(lines) || (i > 0 && a.Line <= n.Actions[i-1].Line) {
				t.Fatalf("action %d: #%d at line %d", i, a.N, a.Line)
			}
			if _, ok := ParseStatus(string(a.Status)); !ok {
				t.Fatalf("action %d: status %q", i, a.Status)
			}
			// the action is its line, read alone
			one, ok := ParseActionLine(strings.TrimRight(lines[a.Line-1], "\r"))
			one.N, one.Line = a.N, a.Line
			if !ok || !reflect.DeepEqual(one, a) {
				t.Fatalf("line %d %q: %+v in the note, %+v alone", a.Line, lines[a.Line-1], a, one)
			}
		}
		if _, err := Parse(Render(n)); err != nil {
			t.Fatalf("re-parse of rendered note: %v", err)
		}
	})
}

func floatp(v float64) *float64 { return &v }

func TestROTI(t *testing.T) {
	n, err := Parse([]byte("---\ntype: retro\ntitle: R\ndate: 2026-11-20\nroti: 4.2\n---\n# R\n"))
	if err != nil || n.ROTI == nil || *n.ROTI != 4.2 {
		t.Fatalf("roti %v, err %v", n.ROTI, err)
	}
	if !strings.Contains(string(Render(n)), "\nroti: 4.2\n") {
		t.Errorf("render:\n%s", Render(n))
	}
	for _, bad := range []string{"0.5", "5.01", "-1", ".nan", "high"} {
		_, err := Parse([]byte("---\ntype: retro\ntitle: R\ndate: 2026-11-20\nroti: " + bad + "\n---\n"))
		if err == nil || !strings.HasPrefix(err.Error(), "line 5: ") {
			t.Errorf("roti %s: error %v, want one at line 5", bad, err)
		}
	}
}

// Bidi overrides reorder what the terminal shows ("Trojan Source"): a
// title could display as another one.
func TestSanitizeDropsBidiControls(t *testing.T) {
	in := "fix \u202eexe.gnp\u202c \u2066x\u2069 עברית \u200dok"
	if got, want := Sanitize(in), "fix exe.gnp x עברית \u200dok"; got != want {
		t.Fatalf("Sanitize(%q) = %q, want %q", in, got, want)
	}
}
