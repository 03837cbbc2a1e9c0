package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// threeRetros is the walk a new user made: five distinct actions over three
// retros. Retro 1 agrees A and B; retro 2 marks A done and carries B over,
// and agrees C and D; retro 3 drops the carried B, marks C done, agrees E.
// Known answers: 5 actions, 2 done (A, C), 1 dropped (B), 2 open (D, E),
// 1 carried over (a move, not an action), 40% done.
var threeRetros = map[string]string{
	"2026-11-02-sprint-41.md": `---
type: retro
team: checkout
date: 2026-11-02
title: Sprint 41
---
## Actions
- [x] Alpha (@ann)
- [x] ~~Bravo~~ (@bo) — carried over to [2026-11-16-sprint-42](2026-11-16-sprint-42.md)
`,
	"2026-11-16-sprint-42.md": `---
type: retro
team: checkout
date: 2026-11-16
title: Sprint 42
---
## Previous actions
- Done: Alpha (@ann) — [2026-11-02-sprint-41](2026-11-02-sprint-41.md)
- Carried over: Bravo (@bo) — [2026-11-02-sprint-41](2026-11-02-sprint-41.md)

## Actions
- [x] ~~Bravo~~ (@bo) — dropped 2026-11-23
- [x] Charlie (@cy)
- [ ] Delta (@di)
`,
	"2026-11-23-sprint-43.md": `---
type: retro
team: checkout
date: 2026-11-23
title: Sprint 43
---
## Previous actions
- Dropped: Bravo (@bo) — [2026-11-16-sprint-42](2026-11-16-sprint-42.md)

## Actions
- [ ] Echo (@ed)
`,
}

// A carried action is one action: stats and trends count it once, where it
// lives open (or was decided), and the completion rate is over distinct
// actions.
func TestCarriedActionCountedOnce(t *testing.T) {
	dir := t.TempDir()
	for name, body := range threeRetros {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, stderr, code := runCLI(t, nil, "trends", "--json", "--dir", dir)
	if code != 0 {
		t.Fatalf("trends --json: exit %d: %s", code, stderr)
	}
	var tr trendsJSON
	if err := json.Unmarshal([]byte(out), &tr); err != nil {
		t.Fatal(err)
	}
	tot := tr.Totals
	if tot.Agreed != 5 || tot.Done != 2 || tot.Dropped != 1 || tot.Open != 2 || tot.Carried != 1 ||
		tot.CompletionRate == nil || *tot.CompletionRate != 0.4 {
		t.Errorf("trends totals %+v (rate %v), want 5 actions: 2 done, 1 dropped, 2 open, 1 carried over, 40%%", tot, tot.CompletionRate)
	}
	if len(tr.Retros) != 3 || tr.Retros[0].Agreed != 1 || tr.Retros[0].Carried != 1 || tr.Retros[1].Agreed != 3 || tr.Retros[2].Agreed != 1 {
		t.Errorf("per retro %+v", tr.Retros)
	}

	out, stderr, code = runCLI(t, nil, "trends", "--dir", dir)
	if code != 0 || !strings.Contains(strings.Join(strings.Fields(out), " "), "5 actions agreed: 2 done, 1 dropped, 2 open · 40% done · 1 carried over") {
		t.Errorf("trends: exit %d %s\n%s", code, stderr, out)
	}

	out, stderr, code = runCLI(t, nil, "stats", "--json", "--dir", dir)
	if code != 0 {
		t.Fatalf("stats --json: exit %d: %s", code, stderr)
	}
	var st statsJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	if st.Actions != 5 || st.ActionsOpen != 2 || st.ActionsDone != 2 || st.ActionsDropped != 1 || st.ActionsCarried != 1 {
		t.Errorf("stats %+v, want 5 actions: 2 open, 2 done, 1 dropped, 1 carried over", st)
	}
	out, _, _ = runCLI(t, nil, "stats", "--dir", dir)
	if !strings.Contains(out, "Actions: 5: 2 open (0 overdue), 2 done, 1 dropped; 1 carried over") {
		t.Errorf("stats:\n%s", out)
	}
}

// trends fits the terminal: at 80 columns (the width when piped) and at 40,
// no line wraps; the table leaves out the columns it cannot show and cuts
// titles with "…".
func TestTrendsFitsTheWidth(t *testing.T) {
	dir, _ := writeTrendCorpus(t)
	for _, w := range []string{"80", "40"} {
		t.Run(w, func(t *testing.T) {
			out, stderr, code := runCLI(t, map[string]string{"COLUMNS": w}, "trends", "--dir", dir)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			max := 80
			if w == "40" {
				max = 40
			}
			for i, l := range strings.Split(out, "\n") {
				if n := ansi.StringWidth(l); n > max {
					t.Errorf("line %d is %d cells wide at %s columns: %q", i+1, n, w, l)
				}
			}
			for _, want := range []string{"DATE", "AGREED", "OPEN", "DONE%", "TITLE", "2026-02-02", "Retro ", "…", "2026-01-02-retro-1#2"} {
				if !strings.Contains(out, want) {
					t.Errorf("at %s columns the table lacks %q:\n%s", w, want, out)
				}
			}
			if t.Failed() {
				t.Logf("\n%s", out)
			}
		})
	}
}
