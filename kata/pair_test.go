package kata

import (
	"strings"
	"testing"
)

// TestPairPlayerSeesOnlyWhatIsHandedOut plays a pair kata: the player's
// view never holds a reference or an item not handed out, and the note
// keeps the answers, what was handed out and the events.
func TestPairPlayerSeesOnlyWhatIsHandedOut(t *testing.T) {
	p := NewPair(branchKata(), day(3))
	hidden := func(v PlayerView) string {
		var b strings.Builder
		b.WriteString(v.Situation + v.Prompt + v.Text + strings.Join(v.Options, "|"))
		for _, h := range v.Handed {
			b.WriteString(h.Label + h.Text)
		}
		return b.String()
	}
	v := p.Player()
	if v.Situation != "checkout is slow." || len(v.Handed) != 0 {
		t.Fatalf("first stage: %+v", v)
	}
	if s := hidden(v); strings.Contains(s, "Roll back first") || strings.Contains(s, "log of") || strings.Contains(s, "graph") {
		t.Fatalf("player sees hidden info before it is handed out: %q", s)
	}
	if m := p.Master(); m.Reference != "Roll back first." || len(m.Look) != 2 || m.HandedOut[1] {
		t.Fatalf("master view: %+v", m)
	}
	p.SetText("check the graph")
	if !p.Hand(1) || p.Hand(1) {
		t.Error("handing out twice counts once")
	}
	v = p.Player()
	if len(v.Handed) != 1 || v.Handed[0].Text != "graph" || strings.Contains(hidden(v), "log of") {
		t.Fatalf("handed out: %+v", v.Handed)
	}
	if !p.Inject("  pager   goes off\n") || p.Inject("   ") {
		t.Error("inject")
	}
	if v = p.Player(); len(v.Events) != 1 || v.Events[0].Text != "pager goes off" {
		t.Fatalf("events: %+v", v.Events)
	}
	if !p.Next() || p.Player().Kind != KindDecide || p.Player().Text != "check the graph" {
		t.Fatalf("decide step: %+v", p.Player())
	}
	if p.Next() {
		t.Error("moved on without a decision")
	}
	if p.Choose(5) || !p.Choose(0) || !p.Next() {
		t.Fatal("choose")
	}
	if v = p.Player(); v.Kind != KindPredict || v.Prompt != "What happens?" {
		t.Fatalf("predict: %+v", v)
	}
	p.SetText("it recovers")
	for i := 0; i < 5 && !p.Ended(); i++ {
		if v := p.Player(); v.Kind == KindStage && strings.Contains(hidden(v), "Tell customers") {
			t.Fatalf("reference leaked at stage %d", v.Stage)
		}
		p.Next()
	}
	if !p.Ended() || p.Next() || p.Hand(0) {
		t.Fatal("the pair does not end after the last stage")
	}
	p.SetText("roll back sooner")
	d := p.Debrief()
	for _, want := range []string{"check the graph", "Roll back first.", "Decision: Roll back", "pager goes off"} {
		if !strings.Contains(d, want) {
			t.Errorf("debrief misses %q:\n%s", want, d)
		}
	}
	n := p.Note(func(int) string { return "" })
	for _, want := range []string{"check the graph", "it recovers", "a graph", "pager goes off", "roll back sooner"} {
		if !strings.Contains(n.Body, want) {
			t.Errorf("note misses %q:\n%s", want, n.Body)
		}
	}
	if strings.Contains(n.Body, "the log") {
		t.Errorf("note says an item not handed out was looked at:\n%s", n.Body)
	}
}
