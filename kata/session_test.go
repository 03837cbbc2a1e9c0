package kata

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
)

func testKata() content.Kata {
	return content.Kata{
		Item: content.Item{Title: "The parameter change", Summary: "A timeout changed.", Tags: []string{"config"}},
		ID:   "parameter-change",
		Stages: []content.Stage{
			{Title: "Monday", Situation: "Ops raise a timeout.", Prompt: "What now?"},
			{Title: "Tuesday", Situation: "Devs are upset."},
		},
		Reaction:  "Talk first.",
		Learnings: []string{"Share the why", "Review config like code"},
		KeyPoints: []string{"talk", "review", "measure", "share"},
		Tips:      []int{1, 3},
	}
}

func TestSessionSteps(t *testing.T) {
	k := testKata()
	s := NewSession(k, day(3), 10*time.Minute)
	want := []Kind{KindStage, KindStage, KindReflect, KindReveal, KindAssess}
	for range DebriefFields() {
		want = append(want, KindDebrief)
	}
	want = append(want, KindEnd)
	if s.Steps() != len(want) {
		t.Fatalf("Steps = %d, want %d", s.Steps(), len(want))
	}
	for i, k := range want {
		if s.Kind(i) != k {
			t.Errorf("Kind(%d) = %d, want %d", i, s.Kind(i), k)
		}
	}
	s.AddTime(4 * time.Minute)
	s.Goto(3) // reveal: the clock stops
	s.AddTime(20 * time.Minute)
	if s.Spent != 4*time.Minute || s.Remaining() != 6*time.Minute || !*s.InTime() {
		t.Errorf("spent %v remaining %v in time %v", s.Spent, s.Remaining(), *s.InTime())
	}
	s.Goto(99)
	if s.Current() != KindEnd {
		t.Errorf("Goto past the end: %d", s.Current())
	}
	s.Goto(0)
	s.AddTime(7 * time.Minute)
	if *s.InTime() {
		t.Error("11 minutes of 10 counted in time")
	}
	if NewSession(k, day(3), 0).InTime() != nil {
		t.Error("untimed session has in_time")
	}
}

func TestToNoteParsesBackAndCounts(t *testing.T) {
	k := testKata()
	s := NewSession(k, day(3), 10*time.Minute)
	s.Answers[0] = "Ask why.\n## Actions\n- [ ] not an action"
	s.Reflection = "Config is code.\n\n- Review parameters like code\nAsk ops first"
	s.Toggle(0)
	s.Toggle(2)
	s.Toggle(3)
	s.Toggle(3)
	s.Toggle(9) // out of range: ignored
	s.AddTime(8*time.Minute + 12*time.Second)
	n := s.ToNote(k, func(n int) string { return map[int]string{1: "Share goals"}[n] })
	data := notes.Render(n)
	got, err := notes.Parse(data)
	if err != nil {
		t.Fatalf("Parse: %v\n%s", err, data)
	}
	if got.Type != notes.TypeKata || got.Kata != "parameter-change" || *got.Score != 2 || *got.MaxScore != 4 ||
		got.Duration != "8m12s" || got.InTime == nil || !*got.InTime || got.Title != "Kata: The parameter change" {
		t.Errorf("meta = %+v", got.Meta)
	}
	if len(got.Actions) != 0 {
		t.Errorf("an answer created actions: %+v", got.Actions)
	}
	body := string(data)
	for _, want := range []string{"## Situation", "### Stage 1: Monday", "> What now?", "> " + content.DefaultPrompt,
		"**My answer.** Ask why.\n\\## Actions", "_(no answer)_", "## What I would learn\n\n- Config is code.\n- Review parameters like code\n- Ask ops first\n",
		"**Reaction.** Talk first.", "- Share the why", "- [x] talk\n- [ ] review\n- [x] measure\n- [ ] share",
		"Score: 2/4, answered in 8m12s of 10m0s.", "- Tip 1: Share goals\n- Tip 3\n"} {
		if !strings.Contains(body, want) {
			t.Errorf("note lacks %q:\n%s", want, body)
		}
	}
	all, probs := Attempts([]notes.Entry{{Path: "k.md", Meta: got.Meta}})
	if len(probs) != 0 || len(all["parameter-change"]) != 1 {
		t.Fatalf("attempts %v problems %v", all, probs)
	}
	if p := Replay("parameter-change", all["parameter-change"]); p.Box != 1 || p.NextDue.Format("2006-01-02") != "2026-11-04" {
		t.Errorf("progress %+v", p)
	}
}

func TestFitKeepsText(t *testing.T) {
	k := testKata()
	s := NewSession(k, day(3), 0)
	s.Answers = []string{"a", "b", "c"}
	s.Checked = []bool{true}
	s.Step = 40
	s.Fit(k)
	if len(s.Answers) != 2 || s.Answers[1] != "b\n\nc" || len(s.Checked) != 4 || !s.Checked[0] || s.Step != s.Steps()-1 {
		t.Errorf("after Fit: %+v", s)
	}
}

func TestDraftRoundTrip(t *testing.T) {
	p := DraftPath(t.TempDir())
	if _, ok, err := LoadDraft(p); ok || err != nil {
		t.Fatalf("no draft: ok %v err %v", ok, err)
	}
	s := NewSession(testKata(), day(3), time.Minute)
	s.Answers[1] = "half typed"
	data, err := EncodeDraft(s, day(3))
	if err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveDraft(p, data); err != nil {
		t.Fatal(err)
	}
	d, ok, err := LoadDraft(p)
	if !ok || err != nil || d.Session.Answers[1] != "half typed" || d.Session.Timed != time.Minute {
		t.Fatalf("LoadDraft = %+v %v %v", d.Session, ok, err)
	}
	bad := filepath.Join(t.TempDir(), "kata.json")
	_ = notes.SaveDraft(bad, []byte("{not json"))
	if _, _, err := LoadDraft(bad); err == nil || !strings.Contains(err.Error(), bad) {
		t.Errorf("damaged draft: %v", err)
	}
}

func TestBoardOrder(t *testing.T) {
	all := map[string][]Attempt{
		"fresh-pass": {{Date: day(20), Score: 5, MaxScore: 5}},                                         // due 21
		"old-pass":   {{Date: day(1), Score: 5, MaxScore: 5}},                                          // due 2: overdue
		"failed":     {{Date: day(19), Score: 1, MaxScore: 5}},                                         // due 20
		"later":      {{Date: day(20), Score: 5, MaxScore: 5}, {Date: day(20), Score: 5, MaxScore: 5}}, // box 2, due 23
	}
	got := Board([]string{"later", "fresh-pass", "never", "old-pass", "failed"}, all, day(20))
	var ids []string
	for _, p := range got {
		ids = append(ids, p.Kata)
	}
	if want := "never old-pass failed fresh-pass later"; strings.Join(ids, " ") != want {
		t.Errorf("order %v, want %s", ids, want)
	}
}
