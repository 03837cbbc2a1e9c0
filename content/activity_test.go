package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const goodActivity = `---
id: %ID%
title: %TITLE%
phase: gather-data
goal: A goal for tests.
timebox: 10m
prompt: What happened?
fields: [Good, Bad]
---
## Steps
1. Write cards.
2. Read them
   out loud.
`

func activityFile(id, title string) string {
	return strings.NewReplacer("%ID%", id, "%TITLE%", title).Replace(goodActivity)
}

func TestBuiltinActivitiesAreValid(t *testing.T) {
	acts, probs := LoadActivities(Builtin())
	for _, p := range probs {
		t.Errorf("%s", p)
	}
	if len(acts) < 20 {
		t.Errorf("%d activities, want at least 20", len(acts))
	}
	perPhase := map[Phase]int{}
	checkIns := 0
	for i, a := range acts {
		perPhase[a.Phase]++
		if a.Goal == "" || a.Prompt == "" || a.Timebox == 0 || len(a.Steps) < 2 {
			t.Errorf("activity %s lacks goal, prompt, timebox or steps", a.ID)
		}
		if i > 0 && a.Phase.order() < acts[i-1].Phase.order() {
			t.Errorf("activity %s (%s) comes after %s (%s): not in phase order", a.ID, a.Phase, acts[i-1].ID, acts[i-1].Phase)
		}
		if a.CheckIn {
			checkIns++
		}
	}
	for _, p := range Phases() {
		if perPhase[p] < 3 {
			t.Errorf("phase %s has %d activities, want at least 3", p, perPhase[p])
		}
	}
	if checkIns < 4 {
		t.Errorf("%d check-ins, want safety, ESVP, one word and weather", checkIns)
	}
	for _, id := range []string{"safety-check", "esvp", "one-word", "weather", "timeline", "what-went-well", "mad-sad-glad",
		"five-whys", "circles-of-influence", "smart-actions", "roti", "appreciations"} {
		found := false
		for _, a := range acts {
			found = found || a.ID == id
		}
		if !found {
			t.Errorf("activity %s missing", id)
		}
	}
}

func TestActivityParse(t *testing.T) {
	src := mapSource(OriginUser, "user", map[string]string{"activities/x.md": activityFile("x", "X")})
	acts, probs := LoadActivities(src)
	if len(probs) > 0 || len(acts) != 1 {
		t.Fatalf("acts %v probs %v", acts, probs)
	}
	a := acts[0]
	if a.Phase != GatherData || a.Timebox != 10*time.Minute || a.Prompt != "What happened?" ||
		strings.Join(a.Fields, "|") != "Good|Bad" || strings.Join(a.Steps, "|") != "Write cards.|Read them out loud." {
		t.Errorf("parsed %+v", a)
	}
	if !strings.Contains(ActivityMarkdown(a), "1. Write cards.") {
		t.Errorf("markdown:\n%s", ActivityMarkdown(a))
	}
}

func TestActivityOverridesAndPhaseFilter(t *testing.T) {
	user := mapSource(OriginUser, "user", map[string]string{
		"activities/mine.md": activityFile("mine", "Mine"),
		"activities/roti.md": strings.Replace(activityFile("roti", "User ROTI"), "gather-data", "close", 1),
	})
	repo := mapSource(OriginRepo, "repo", map[string]string{
		"activities/roti.md": strings.Replace(activityFile("roti", "Repo ROTI"), "gather-data", "close", 1),
	})
	base, _ := LoadActivities(Builtin())
	acts, probs := LoadActivities(Builtin(), user, repo)
	if len(probs) > 0 {
		t.Fatalf("problems: %v", probs)
	}
	if len(acts) != len(base)+1 {
		t.Errorf("%d activities, want built-in + 1", len(acts))
	}
	var roti *Activity
	for i := range acts {
		if acts[i].ID == "roti" {
			roti = &acts[i]
		}
	}
	if roti == nil || roti.Title != "Repo ROTI" || roti.Origin != OriginRepo {
		t.Errorf("roti = %+v, want the repo's override", roti)
	}
	for _, a := range ActivitiesFor(acts, CloseRetro) {
		if a.Phase != CloseRetro {
			t.Errorf("%s in close: %s", a.ID, a.Phase)
		}
	}
}

func TestActivityProblemsNameFileAndLine(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"unknown field", strings.Replace(goodActivity, "fields:", "colour: red\nfields:", 1), "x.md:8: unknown field \"colour\""},
		{"bad phase", strings.Replace(goodActivity, "gather-data", "brainstorm", 1), "x.md:4: phase \"brainstorm\" is not one of"},
		{"bad timebox", strings.Replace(goodActivity, "10m", "ten minutes", 1), "x.md:6: timebox \"ten minutes\" is not a duration"},
		{"long timebox", strings.Replace(goodActivity, "10m", "5h", 1), "x.md:6: timebox 5h0m0s is outside"},
		{"no prompt", strings.Replace(goodActivity, "prompt: What happened?\n", "", 1), "x.md:1: missing required field \"prompt\""},
		{"no steps", strings.Replace(goodActivity, "## Steps", "## Stages", 1), "x.md:10: unknown section \"Stages\""},
		{"one step", strings.Replace(goodActivity, "2. Read them\n   out loud.\n", "", 1), "x.md:10: 1 steps; an activity has 2 to 8"},
		{"check-in elsewhere", strings.Replace(goodActivity, "fields:", "check_in: true\nfields:", 1), "x.md:8: a check-in belongs to phase set-the-stage"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "activities", "x.md")
			os.MkdirAll(filepath.Dir(p), 0o755)
			os.WriteFile(p, []byte(strings.NewReplacer("%ID%", "x", "%TITLE%", "X").Replace(c.text)), 0o644)
			for _, arg := range []string{dir, filepath.Join(dir, "activities"), p} {
				probs := Check(arg)
				var msgs []string
				for _, pr := range probs {
					msgs = append(msgs, pr.String())
				}
				if len(probs) == 0 || !strings.Contains(strings.Join(msgs, "\n"), c.want) {
					t.Errorf("Check(%s) = %q, want %q", arg, msgs, c.want)
				}
			}
			acts, probs := LoadActivities(DirSource(OriginUser, dir))
			if len(acts) != 0 || len(probs) == 0 {
				t.Errorf("a broken activity loads: %v %v", acts, probs)
			}
		})
	}
}

func TestCheckCleanActivityAndDuplicates(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "activities"), 0o755)
	os.WriteFile(filepath.Join(dir, "activities", "a.md"), []byte(activityFile("same", "A")), 0o644)
	if probs := Check(dir); len(probs) != 0 {
		t.Fatalf("clean dir: %v", probs)
	}
	os.WriteFile(filepath.Join(dir, "activities", "b.md"), []byte(activityFile("same", "B")), 0o644)
	probs := Check(dir)
	if len(probs) != 1 || !strings.Contains(probs[0].Msg, `duplicate id "same"`) {
		t.Errorf("duplicates: %v", probs)
	}
}
