package kata

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
)

// branchKata: stage 1 looks at two things, decides (→ 2 or → 3) and asks
// for a prediction; stage 2 goes to 4; stage 3 falls through to 4.
func branchKata() content.Kata {
	return content.Kata{
		Item: content.Item{Title: "Branches", Reconstruction: true, Sources: []string{"Ours"}},
		ID:   "branches",
		Stages: []content.Stage{
			{Title: "start", Situation: "{{svc}} is slow.", Prompt: "What now?",
				Look:    []content.Look{{Label: "the log", Minutes: 3, Text: "log of {{svc}}"}, {Label: "a graph", Minutes: 2, Text: "graph"}},
				Decide:  []content.Option{{Text: "Roll back", Next: 2}, {Text: "Wait", Next: 3}},
				Predict: "What happens?", Reference: "Roll back first.", LookFirst: "a graph"},
			{Title: "rolled back", Situation: "It recovers.", Next: 4, Reference: "Tell customers."},
			{Title: "waited", Situation: "It gets worse."},
			{Title: "retro", Situation: "Talk."},
		},
		Reaction:  "Roll back.",
		Learnings: []string{"one", "two"},
		KeyPoints: []string{"rollback", "tell", "measure", "blameless"},
		Anchors:   []string{"names the rollback", "", "", ""},
		Variants:  []content.Variant{{"svc": "checkout"}, {"svc": "search"}},
		Debrief:   "Impact: slow pages.",
	}
}

func kinds(s *Session) string {
	names := map[Kind]string{KindStage: "S", KindDecide: "D", KindPredict: "P", KindReflect: "R", KindReveal: "V", KindAssess: "A", KindDebrief: "d", KindEnd: "E"}
	var b strings.Builder
	for i := 0; i < s.Steps(); i++ {
		st := s.At(i)
		b.WriteString(names[st.Kind])
		if st.Kind == KindStage {
			b.WriteString(string(rune('1' + st.Stage)))
		}
	}
	return b.String()
}

func TestBranchingSession(t *testing.T) {
	k := branchKata()
	s := NewSession(k, day(3), 20*time.Minute)
	if got := kinds(s); got != "S1DP" {
		t.Fatalf("before deciding the steps stop at the decision: %s", got)
	}
	if s.Decided() {
		t.Error("undecided session says decided")
	}
	if !s.Open(0, 1) || s.Open(0, 1) || !s.IsOpen(0, 1) || s.IsOpen(0, 0) {
		t.Error("opening twice costs once")
	}
	s.AddTime(time.Minute)
	if !s.Open(0, 0) || s.Clock() != 6*time.Minute || s.Opened[1].At != 3*time.Minute {
		t.Errorf("clock %v, opened %+v", s.Clock(), s.Opened)
	}
	s.Choose(0, 5) // out of range: ignored
	s.Choose(0, 0)
	if got := kinds(s); got != "S1DPS2S4RVAddddddddE" {
		t.Errorf("roll back path: %s", got)
	}
	s.Choose(0, 1)
	if got := kinds(s); got != "S1DPS3S4RVAddddddddE" {
		t.Errorf("wait path: %s", got)
	}
	if p := s.Path(); len(p) != 3 || p[1] != 2 {
		t.Errorf("path %v", p)
	}
	s.Goto(s.Steps() - 1)
	if s.Open(1, 0) {
		t.Error("opened after the reveal")
	}
	if *s.InTime() != true || s.Remaining() != 14*time.Minute {
		t.Errorf("remaining %v", s.Remaining())
	}
}

// A draft from before a kata grew decisions still fits: choices reset.
func TestFitChoices(t *testing.T) {
	k := branchKata()
	s := &Session{Kata: k.ID, Answers: []string{"a"}, Choices: []int{7}, Variant: 9, Step: 3}
	s.Fit(k)
	if s.Choice(0) != -1 || s.Variant != 0 || len(s.Debrief) != len(DebriefFields()) || len(s.Predictions) != 4 || s.Step != 2 { // clamped to the decision
		t.Errorf("after Fit: %+v", s)
	}
}

func TestPickVariant(t *testing.T) {
	tests := []struct {
		n    int
		seen []int
		want int
	}{
		{1, nil, 0},
		{2, nil, 0},
		{2, []int{1}, 1},
		{2, []int{1, 2}, 0},
		{3, []int{2, 1}, 2},
		{3, []int{3, 1, 2, 1}, 2},
		{2, []int{0, 0, 9}, 0}, // unknown variants count as never seen
	}
	for _, tt := range tests {
		if got := PickVariant(tt.n, tt.seen); got != tt.want {
			t.Errorf("PickVariant(%d, %v) = %d, want %d", tt.n, tt.seen, got, tt.want)
		}
	}
	all, _ := Attempts([]notes.Entry{
		{Path: "b.md", Meta: notes.Meta{Type: notes.TypeKata, Kata: "k", Date: day(5), Score: ptr(1), MaxScore: ptr(4), Variant: 1}},
		{Path: "a.md", Meta: notes.Meta{Type: notes.TypeKata, Kata: "k", Date: day(4), Score: ptr(1), MaxScore: ptr(4), Variant: 2}},
	})
	if v := VariantsSeen(all["k"]); len(v) != 2 || v[0] != 2 || v[1] != 1 {
		t.Errorf("seen %v, want [2 1] (date order)", v)
	}
}

func ptr(i int) *int { return &i }

func TestBranchNote(t *testing.T) {
	k := branchKata()
	s := NewSession(k, day(3), 0)
	s.Variant = 1
	s.Open(0, 1)
	s.Answers[0] = "Roll back now."
	s.Choose(0, 0)
	s.Predictions[0] = "Errors drop."
	s.Answers[1] = "Tell them."
	s.Answers[2] = "off the path"
	s.Toggle(0)
	s.Debrief[0] = "Search slow for 20 min."
	s.Debrief[7] = "Alert on latency @priya\nWrite the runbook"
	s.AddTime(4 * time.Minute)
	data := notes.Render(s.ToNote(k, nil))
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	if n.Variant != 2 || n.Duration != "6m0s" || *n.Score != 1 || len(n.Actions) != 0 {
		t.Errorf("meta %+v actions %+v", n.Meta, n.Actions)
	}
	body := n.Body
	for _, want := range []string{
		"_Made up for practice", "Variant 2 of 2 · path: stages 1 → 2 → 4 · kata clock 6m0s (4m0s answering, 2m0s looking at things).",
		"search is slow.", "**I looked at.** a graph (2 min, at 0s)", "**My decision.** Roll back",
		"**Asked.** What happens?\n\n**I expected.** Errors drop. (what happened is the next stage)", "### Stage 2: rolled back",
		"**Stage 1: start.** Look first: a graph. Roll back first.", "**Stage 2: rolled back.** Tell customers.",
		"- [x] rollback (to count: names the rollback)\n- [ ] tell\n",
		"## Debrief", "**Impact.** Search slow for 20 min.", "**Trigger.** _(nothing written)_",
		"- Alert on latency (owner: @priya)\n- Write the runbook (no owner yet)", "**Reference notes.** Impact: slow pages.",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("note lacks %q:\n%s", want, body)
		}
	}
	for _, not := range []string{"off the path", "Stage 3", "{{svc}}"} {
		if strings.Contains(body, not) {
			t.Errorf("note holds %q:\n%s", not, body)
		}
	}
}

// A draft written by the player before format v2 (no choices, predictions,
// opened items or debrief) resumes on a kata that now branches: every
// answer is kept and the step lands on the first decision to make.
func TestOldDraftResumesOnABranchingKata(t *testing.T) {
	p := filepath.Join(t.TempDir(), DraftName)
	old := `{"version":1,"saved":"2026-11-20T10:00:00Z","session":{"kata":"branches","date":"2026-11-20T09:50:00Z","step":3,` +
		`"answers":["one","two","three"],"reflection":"","checked":[true,false,false,false],"spent":120000000000}}`
	if err := notes.SaveDraft(p, []byte(old)); err != nil {
		t.Fatal(err)
	}
	d, ok, err := LoadDraft(p)
	if !ok || err != nil {
		t.Fatalf("LoadDraft: %v %v", ok, err)
	}
	s := d.Session
	s.Fit(branchKata())
	if s.Answers[0] != "one" || s.Answers[2] != "three" || len(s.Answers) != 4 || !s.Checked[0] || s.Spent != 2*time.Minute {
		t.Errorf("answers %q checked %v spent %v", s.Answers, s.Checked, s.Spent)
	}
	if s.Current() != KindPredict || s.Choice(0) != -1 {
		t.Errorf("step %d (%v), choice %d", s.Step, s.CurrentStep(), s.Choice(0))
	}
	s.Choose(0, 1)
	if got := kinds(s); got != "S1DPS3S4RVAddddddddE" {
		t.Errorf("after choosing: %s", got)
	}
}
