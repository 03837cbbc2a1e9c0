package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two notes in the shape of the contract: one action of each status,
// hand-written variants and what older versions wrote.
const sprint43 = `---
type: retro
title: Sprint 43
date: 2026-11-16T14:00:00+01:00
team: pay
---
# Sprint 43

## Previous actions
- Done: Something older (@bob) — [2026-11-09-sprint-42](2026-11-09-sprint-42.md)

## Actions
- [x] ~~Write the handover checklist~~ (@chen, due 2026-11-20) — dropped 2026-11-23
- [x] ~~Add a canary stage~~ (@alice, due 2026-12-01) — carried over to [2026-11-23-sprint-44](2026-11-23-sprint-44.md)
- [x] Ship the smoke test (@bob, due 2026-11-18)
- [x] Old style dropped one (@dana, due 2026-11-19) — dropped
`

const sprint44 = `---
type: retro
title: Sprint 44
date: 2026-11-23T14:00:00+01:00
team: pay
---
# Sprint 44

## Previous actions
- Done: Ship the smoke test (@bob) — [2026-11-16-sprint-43](2026-11-16-sprint-43.md)

## Actions
- [ ] Add a canary stage (@alice, due 2026-12-01) — carried over from [2026-11-16-sprint-43](2026-11-16-sprint-43.md)
- [ ] Alert on orders per minute (@bob, carol, due 2020-01-01)
`

func statusDir(t *testing.T) string {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "2026-11-16-sprint-43.md"), []byte(sprint43), 0o644)
	os.WriteFile(filepath.Join(dir, "2026-11-23-sprint-44.md"), []byte(sprint44), 0o644)
	return dir
}

func TestActionsStatuses(t *testing.T) {
	dir := statusDir(t)
	out, _, code := runCLI(t, nil, "actions", "--dir", dir, "--all", "--json")
	var got []actionJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("exit %d: %v %s", code, err, out)
	}
	var lines []string
	for _, a := range got {
		lines = append(lines, a.ID+" "+a.Status+" "+a.Owner+" "+a.Due)
	}
	want := []string{
		"2026-11-23-sprint-44#1 open alice 2026-12-01",
		"2026-11-23-sprint-44#2 open bob, carol 2020-01-01",
		"2026-11-16-sprint-43#1 dropped chen 2026-11-20",
		"2026-11-16-sprint-43#2 carried alice 2026-12-01",
		"2026-11-16-sprint-43#3 done bob 2026-11-18",
		"2026-11-16-sprint-43#4 dropped dana 2026-11-19",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("actions --all:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if !got[1].Overdue || got[0].Overdue || got[2].Overdue || got[2].Done || !got[4].Done {
		t.Errorf("overdue/done: %+v", got)
	}
	for flag, n := range map[string]int{"--open": 2, "--done": 1} {
		out, _, _ := runCLI(t, nil, "actions", "--dir", dir, flag, "--json")
		var l []actionJSON
		json.Unmarshal([]byte(out), &l)
		if len(l) != n {
			t.Errorf("%s: %d actions, want %d", flag, len(l), n)
		}
	}
	for st, n := range map[string]int{"open": 2, "done": 1, "dropped": 2, "carried": 1} {
		out, _, _ := runCLI(t, nil, "actions", "--dir", dir, "--status", st, "--json")
		var l []actionJSON
		json.Unmarshal([]byte(out), &l)
		if len(l) != n {
			t.Errorf("--status %s: %d actions, want %d", st, len(l), n)
		}
		for _, a := range l {
			if a.Status != st {
				t.Errorf("--status %s listed %+v", st, a)
			}
		}
	}
	if _, errOut, code := runCLI(t, nil, "actions", "--dir", dir, "--status", "later"); code != 2 || !strings.Contains(errOut, `unknown status "later"`) {
		t.Errorf("bad status: exit %d %s", code, errOut)
	}
	if _, _, code := runCLI(t, nil, "actions", "--dir", dir, "--status", "done", "--all"); code != 2 {
		t.Errorf("--status with --all: exit %d", code)
	}
	text, _, _ := runCLI(t, nil, "actions", "--dir", dir)
	if !strings.Contains(text, "2020-01-01 OVERDUE") || !strings.Contains(text, "2026-11-23-sprint-44#2") || strings.Contains(text, "Ship the smoke test") {
		t.Errorf("table: %s", text)
	}
}

func TestStatsCountsEachActionOnce(t *testing.T) {
	dir := statusDir(t)
	out, _, code := runCLI(t, nil, "stats", "--dir", dir, "--json")
	var s statsJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil || code != 0 {
		t.Fatalf("exit %d: %v %s", code, err, out)
	}
	if s.ActionsOpen != 2 || s.ActionsOverdue != 1 || s.ActionsDone != 1 || s.ActionsDropped != 2 || s.ActionsCarried != 1 {
		t.Errorf("stats: %+v", s)
	}
	out, _, _ = runCLI(t, nil, "list", "--dir", dir, "--json")
	var l []noteJSON
	json.Unmarshal([]byte(out), &l)
	if len(l) != 2 || l[0].OpenActions != 2 || l[1].OpenActions != 0 || l[1].DoneActions != 1 {
		t.Errorf("list: %s", out)
	}
}
