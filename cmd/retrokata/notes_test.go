package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/retrokata/retrokata/content"
)

const handNote = `---
type: retro
title: "Sprint 42 \x1b]0;pwned\x07retro"
date: 2026-11-20T14:00:00+01:00
team: checkout
tags: [deploy]
---
# Sprint 42 ` + "\x1b[2J" + `

## Actions
- [ ] Add a canary stage (@alice, due 2026-11-01)
- [x] Smoke test (@bob)
`

const handKata = `---
type: kata
title: Kata game day
date: 2026-11-22T10:00:00Z
kata: game-day
score: 4
max_score: 5
---
# Kata
`

func notesDir(t *testing.T) string {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "2026-11-20-sprint-42.md"), []byte(handNote), 0o644)
	os.WriteFile(filepath.Join(dir, "2026-11-22-kata-game-day.md"), []byte(handKata), 0o644)
	os.WriteFile(filepath.Join(dir, "2026-11-21-broken.md"), []byte("---\ntype: retro\ntitle: [\n---\n"), 0o644)
	return dir
}

func TestListJSON(t *testing.T) {
	dir := notesDir(t)
	out, _, code := runCLI(t, nil, "list", "--dir", dir, "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var got []noteJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].Kata != "game-day" || *got[0].Score != 4 || got[1].OpenActions != 1 || got[1].DoneActions != 1 {
		t.Fatalf("list --json: %s", out)
	}
	if got[2].Error == nil || !strings.Contains(*got[2].Error, "2026-11-21-broken.md:3:") {
		t.Errorf("broken note error: %v", got[2].Error)
	}
	if got[0].Error != nil || !strings.Contains(out, `"error":null`) || !strings.Contains(out, `"team":""`) {
		t.Errorf("every key is in every object, error null when the note reads fine: %s", out)
	}
	// every documented key is in every object, null when a note has no value
	var raw []map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	for _, o := range raw {
		for _, k := range []string{"path", "type", "title", "date", "team", "tags", "open_actions", "done_actions", "kata", "score", "max_score", "roti", "error"} {
			if _, ok := o[k]; !ok {
				t.Errorf("%v lacks %q", o["path"], k)
			}
		}
	}
	if raw[1]["roti"] != nil || raw[1]["error"] != nil {
		t.Errorf("a note without roti or error: %v", raw[1])
	}
	out, _, _ = runCLI(t, nil, "list", "--dir", dir, "--type", "kata", "--json")
	if strings.Count(out, `"path"`) != 1 {
		t.Errorf("--type kata: %s", out)
	}
	_, _, code = runCLI(t, nil, "list", "--dir", dir, "--since", "yesterday")
	if code != 2 {
		t.Errorf("bad --since: exit %d", code)
	}
}

func TestListTableWarnsAboutBrokenNotes(t *testing.T) {
	out, errOut, code := runCLI(t, nil, "list", "--dir", notesDir(t))
	if code != 0 || !strings.Contains(errOut, "broken note") || strings.Contains(out, "\x1b") {
		t.Errorf("exit %d\nstdout %q\nstderr %q", code, out, errOut)
	}
}

func TestShowStripsControlSequences(t *testing.T) {
	dir := notesDir(t)
	out, _, code := runCLI(t, nil, "show", "--dir", dir, "2026-11-20")
	if code != 0 || strings.ContainsAny(out, "\x1b\x07") || !strings.Contains(out, "Add a canary stage") {
		t.Errorf("show: exit %d %q", code, out)
	}
	raw, _, _ := runCLI(t, nil, "show", "--dir", dir, "--raw", "2026-11-20-sprint-42.md")
	if raw != handNote {
		t.Errorf("--raw changed the file")
	}
	_, errOut, code := runCLI(t, nil, "show", "--dir", dir, "2026")
	if code != 2 || !strings.Contains(errOut, "matches 3 notes") {
		t.Errorf("ambiguous: exit %d %s", code, errOut)
	}
	_, _, code = runCLI(t, nil, "show", "--dir", dir, "nope")
	if code != 2 {
		t.Errorf("missing note: exit %d", code)
	}
}

func TestActionsJSON(t *testing.T) {
	dir := notesDir(t)
	out, _, code := runCLI(t, nil, "actions", "--dir", dir, "--json")
	var got []actionJSON
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 {
		t.Fatalf("exit %d: %v %s", code, err, out)
	}
	want := actionJSON{ID: "2026-11-20-sprint-42#1", Status: "open", Text: "Add a canary stage", Owner: "alice", Due: "2026-11-01", Overdue: true,
		Note: filepath.Join(dir, "2026-11-20-sprint-42.md"), Line: 11, Team: "checkout"}
	if len(got) != 1 || got[0] != want {
		t.Errorf("actions = %+v, want %+v", got, want)
	}
	out, _, _ = runCLI(t, nil, "actions", "--dir", dir, "--all", "--owner", "@bob", "--json")
	if !strings.Contains(out, `"Smoke test"`) || strings.Contains(out, "canary") {
		t.Errorf("--all --owner bob: %s", out)
	}
	if _, _, code := runCLI(t, nil, "actions", "--dir", dir, "--open", "--done"); code != 2 {
		t.Errorf("--open --done: exit %d", code)
	}
}

func TestStatsJSON(t *testing.T) {
	out, _, _ := runCLI(t, nil, "stats", "--dir", notesDir(t), "--json")
	var s statsJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	if s.Retros != 1 || s.RetrosByTeam["checkout"] != 1 || s.ActionsOpen != 1 || s.ActionsOverdue != 1 || s.ActionsDone != 1 || s.KataAttempts != 1 || s.Broken != 1 {
		t.Errorf("stats = %+v", s)
	}
}

func TestInitAndRepoNotesDir(t *testing.T) {
	wd := t.TempDir()
	set := func(e *env) { e.wd = wd }
	out, _, code := runCLIWith(t, set, "init")
	if code != 0 || !strings.Contains(out, "docs/retros") {
		t.Fatalf("init: exit %d %s", code, out)
	}
	if _, errOut, code := runCLIWith(t, set, "init"); code != 1 || !strings.Contains(errOut, "already exists") {
		t.Errorf("second init: exit %d %s", code, errOut)
	}
	os.MkdirAll(filepath.Join(wd, "docs", "retros"), 0o755)
	os.WriteFile(filepath.Join(wd, "docs", "retros", "2026-11-22-kata-game-day.md"), []byte(handKata), 0o644)
	out, _, _ = runCLIWith(t, set, "list")
	if !strings.Contains(out, "Kata game day") {
		t.Errorf("list in a repo with .retrokata.yaml: %s", out)
	}
}

func kataNote(id, date string, score, maxScore int) string {
	return "---\ntype: kata\ntitle: Kata " + id + "\ndate: " + date + "\nkata: " + id +
		"\nscore: " + strconv.Itoa(score) + "\nmax_score: " + strconv.Itoa(maxScore) + "\n---\n# Kata\n"
}

func TestStatsKataProgress(t *testing.T) {
	dir := t.TempDir()
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// game-day: files in reverse date order: pass 21, pass 22 → box 2, due 25
	write("a.md", kataNote("game-day", "2026-11-22T10:00:00Z", 5, 5))
	write("b.md", kataNote("game-day", "2026-11-21T10:00:00Z", 4, 5))
	// orphan-alert: pass then fail → box 1, next due the 21st: due
	write("c.md", kataNote("orphan-alert", "2026-11-19T10:00:00Z", 5, 5))
	write("d.md", kataNote("orphan-alert", "2026-11-20T10:00:00Z", 1, 5))
	// a kata id no longer in the library still has its progress
	write("e.md", kataNote("retired-kata", "2026-11-23T09:00:00Z", 3, 3))
	// a hand-edited score above max_score is a broken note (listed with
	// its line); a kata note without a score is a kata problem: both are
	// reported, neither is counted
	write("f.md", strings.Replace(kataNote("game-day", "2026-11-23T10:00:00Z", 4, 5), "score: 4", "score: 9", 1))
	write("g.md", strings.Replace(kataNote("game-day", "2026-11-23T10:00:00Z", 4, 5), "score: 4\n", "", 1))
	out, errOut, code := runCLI(t, nil, "stats", "--dir", dir, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s statsJSON
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	got := map[string]kataProgJSON{}
	for _, k := range s.Katas {
		got[k.Kata] = k
	}
	want := map[string]kataProgJSON{
		"game-day":     {Kata: "game-day", Attempts: 2, LastScore: 5, BestScore: 5, MaxScore: 5, Box: 2, NextDue: "2026-11-25"},
		"orphan-alert": {Kata: "orphan-alert", Attempts: 2, LastScore: 1, BestScore: 5, MaxScore: 5, Box: 1, NextDue: "2026-11-21", Due: true},
		"retired-kata": {Kata: "retired-kata", Title: "retired-kata", Attempts: 1, LastScore: 3, BestScore: 3, MaxScore: 3, Box: 1, NextDue: "2026-11-24"},
	}
	for id, w := range want {
		g := got[id]
		if w.Title == "" {
			w.Title = g.Title
		}
		if g != w {
			t.Errorf("%s = %+v, want %+v", id, g, w)
		}
	}
	if k := got["duplicate-import"]; k.Attempts != 0 || !k.Due || k.Box != 0 || k.NextDue != "" || k.MaxScore != 6 {
		t.Errorf("never practised = %+v", k)
	}
	// the library's katas + the retired one; due: all never practised + orphan-alert
	lib, _ := content.Load(content.Builtin())
	n := len(lib.Katas)
	if len(s.Katas) != n+1 || s.KatasPractised != 3 || s.KatasDue != n-1 || s.Streak != 5 {
		t.Errorf("totals: %d katas, %d practised, %d due, streak %d", len(s.Katas), s.KatasPractised, s.KatasDue, s.Streak)
	}
	if len(s.KataProblems) != 1 || !strings.Contains(s.KataProblems[0], "g.md: kata note without score") || s.Broken != 1 {
		t.Errorf("problems = %q, broken %d", s.KataProblems, s.Broken)
	}
	_, errOut, _ = runCLI(t, nil, "list", "--dir", dir)
	if !strings.Contains(errOut, "f.md:6: score 9 is outside 0..max_score (5)") {
		t.Errorf("list names the bad score: %q", errOut)
	}
	if s.Katas[0].Attempts != 0 || s.Katas[len(s.Katas)-1].Kata != "game-day" {
		t.Errorf("due katas come first, the furthest due last: %v first, %v last", s.Katas[0].Kata, s.Katas[len(s.Katas)-1].Kata)
	}
	table, _, _ := runCLI(t, nil, "stats", "--dir", dir)
	for _, want := range []string{fmt.Sprintf("Katas: 5 attempts, 3 of %d katas practised, %d due today, streak 5 days", n+1, n-1), "game-day", "■■□□□", "box 2", "next 2026-11-25", "due now"} {
		if !strings.Contains(table, want) {
			t.Errorf("table lacks %q:\n%s", want, table)
		}
	}
}

func TestDarkBackgroundFromCOLORFGBG(t *testing.T) {
	for v, dark := range map[string]bool{"15;0": true, "0;15": false, "7;default;0": true, "0;7": false, "15;8": true, "0;11": false} {
		e := &env{getenv: func(k string) string {
			if k == "COLORFGBG" {
				return v
			}
			return ""
		}}
		if got := e.darkBackground(); got != dark {
			t.Errorf("COLORFGBG=%s: dark %v, want %v", v, got, dark)
		}
	}
}

func TestListJSONROTI(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "2026-11-20-with-roti.md"), []byte("---\ntype: retro\ntitle: With roti\ndate: 2026-11-20T10:00:00+01:00\nteam: pay\nroti: 4.2\n---\n# With roti\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "2026-11-21-bad-roti.md"), []byte("---\ntype: retro\ntitle: Bad\ndate: 2026-11-21\nroti: 9\n---\n"), 0o644)
	out, _, code := runCLI(t, nil, "list", "--dir", dir, "--json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 0 || len(got) != 2 {
		t.Fatalf("exit %d, %v: %s", code, err, out)
	}
	// a broken note has no date: it comes last
	if got[1]["roti"] != nil || !strings.Contains(fmt.Sprint(got[1]["error"]), "2026-11-21-bad-roti.md:5: roti 9 is outside 1..5") {
		t.Errorf("bad roti: %v", got[1])
	}
	if got[0]["roti"] != 4.2 {
		t.Errorf("roti = %v, want 4.2", got[0]["roti"])
	}
}

// init keeps the temp files of a save cut short out of commits, with a
// .gitignore in the notes dir, and leaves a .gitignore already there alone.
func TestInitIgnoresTempFilesInTheNotesDir(t *testing.T) {
	wd := t.TempDir()
	if _, errOut, code := runCLIWith(t, func(e *env) { e.wd = wd }, "init"); code != 0 {
		t.Fatalf("init: exit %d %s", code, errOut)
	}
	data, err := os.ReadFile(filepath.Join(wd, "docs", "retros", ".gitignore"))
	if err != nil || !strings.Contains(string(data), "\n.retrokata-*.tmp\n") {
		t.Errorf(".gitignore = %q, %v", data, err)
	}
	mine := t.TempDir()
	os.MkdirAll(filepath.Join(mine, "docs", "retros"), 0o755)
	os.WriteFile(filepath.Join(mine, "docs", "retros", ".gitignore"), []byte("mine\n"), 0o644)
	if _, _, code := runCLIWith(t, func(e *env) { e.wd = mine }, "init"); code != 0 {
		t.Fatal("init with a .gitignore")
	}
	if data, _ := os.ReadFile(filepath.Join(mine, "docs", "retros", ".gitignore")); string(data) != "mine\n" {
		t.Errorf("init changed an existing .gitignore: %q", data)
	}
}
