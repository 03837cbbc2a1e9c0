package retro

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/notes"
)

var day = time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)

func TestDefaultTitle(t *testing.T) {
	if got := New(day, "checkout", "", "", 0).DisplayTitle(); got != "checkout retrospective" { // the date is in the file name
		t.Errorf("got %q", got)
	}
	if got := New(day, "", "  ", "", 0).DisplayTitle(); got != "Retrospective" {
		t.Errorf("got %q", got)
	}
	if got := New(day, "x", " Sprint 42 ", "", 0).DisplayTitle(); got != "Sprint 42" {
		t.Errorf("got %q", got)
	}
}

func TestVoting(t *testing.T) {
	s := New(day, "t", "", "", 2)
	s.SetParticipants("Alice, Bob,, ")
	for range 3 {
		s.AddProblem()
	}
	tests := []struct {
		name    string
		i, d    int
		changed bool
		votes   []int
	}{
		{"add", 1, 1, true, []int{0, 1, 0}},
		{"add more than left is capped", 2, 10, true, []int{0, 1, 3}},
		{"budget spent", 0, 1, false, []int{0, 1, 3}},
		{"remove", 2, -1, true, []int{0, 1, 2}},
		{"never below zero", 0, -1, false, []int{0, 1, 2}},
		{"bad index", 7, 1, false, []int{0, 1, 2}},
	}
	for _, tt := range tests {
		if got := s.Vote(tt.i, tt.d); got != tt.changed {
			t.Errorf("%s: changed = %v", tt.name, got)
		}
		var votes []int
		for _, p := range s.Problems {
			votes = append(votes, p.Votes)
		}
		if !reflect.DeepEqual(votes, tt.votes) {
			t.Errorf("%s: votes %v, want %v", tt.name, votes, tt.votes)
		}
	}
	s.SetParticipants("Alice") // someone leaves after voting: 3 dots placed, 2 allowed
	if s.Vote(0, 1) || s.Problems[0].Votes != 0 {
		t.Errorf("over budget, a dot must not be added: %+v", s.Problems)
	}
	if !s.Vote(2, -1) || s.Problems[2].Votes != 1 {
		t.Errorf("over budget, dots can still be taken back: %+v", s.Problems)
	}
	s.SetParticipants("Alice, Bob")
	s.Problems[2].Votes = 2
	if s.Budget() != 4 {
		t.Errorf("budget %d, want 2 participants x 2 dots", s.Budget())
	}
	if got := s.VoteOrder(); !reflect.DeepEqual(got, []int{2, 1, 0}) {
		t.Errorf("order %v", got)
	}
	s.Problems[0].Votes, s.Problems[1].Votes, s.Problems[2].Votes = 1, 1, 0
	if got := s.VoteOrder(); !reflect.DeepEqual(got, []int{0, 1, 2}) {
		t.Errorf("ties must keep the written order: %v", got)
	}
}

func entries() []notes.Entry {
	mk := func(path, team string, d time.Time, typ notes.Type, acts ...notes.Action) notes.Entry {
		for i := range acts {
			acts[i].N, acts[i].Line = i+1, 10+i
			if acts[i].Status == "" {
				acts[i].Status = notes.StatusOpen
			}
		}
		return notes.Entry{Path: path, Meta: notes.Meta{Type: typ, Team: team, Date: d}, Actions: acts}
	}
	return []notes.Entry{ // newest first, as notes.List gives them
		mk("new-kata.md", "", day, notes.TypeKata, notes.Action{Text: "kata item"}),
		mk("other.md", "search", day.AddDate(0, 0, -1), notes.TypeRetro, notes.Action{Text: "search item"}),
		{Path: "broken.md", Err: &notes.Error{Msg: "bad"}},
		mk("last.md", "Checkout", day.AddDate(0, 0, -7), notes.TypeRetro,
			notes.Action{Text: "Write the runbook", Owner: "chen", From: "older.md"},
			notes.Action{Text: "Already done", Status: notes.StatusDone},
			notes.Action{Text: "Add a canary", Owner: "alice", Due: "2026-12-01"}),
		mk("older.md", " checkout ", day.AddDate(0, 0, -14), notes.TypeRetro,
			notes.Action{Text: "Write the runbook", Owner: "chen", Status: notes.StatusCarried, To: "last.md"},
			notes.Action{Text: "Old item", Due: "2026-11-01"},
			notes.Action{Text: "Dropped item", Status: notes.StatusDropped}),
	}
}

func TestPreviousActionsAndCarryOver(t *testing.T) {
	s := New(day, "checkout", "", "", 0)
	s.LoadPrevious(entries())
	var got []string
	for _, p := range s.Previous {
		got = append(got, p.ID+" "+p.Text)
	}
	// every open action of the team, oldest note first, each once
	want := []string{"older#2 Old item", "last#1 Write the runbook", "last#3 Add a canary"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("previous:\n got %q\nwant %q", got, want)
	}
	if !s.Previous[0].Overdue(day) || s.Previous[2].Overdue(day) || s.Previous[1].Note != "last.md" || s.Previous[1].Line != 10 {
		t.Errorf("overdue/source: %+v", s.Previous)
	}
	s.AddAction()
	s.Actions[0].Text = "Own action"
	s.Decide(1, Carry)
	s.Decide(2, Done)
	if len(s.Actions) != 2 || !s.Actions[0].CarriedOver || s.Actions[0].Text != "Write the runbook" || s.Actions[0].Owner != "chen" ||
		s.Actions[0].From != "last.md" || s.Actions[0].FromID != "last#1" {
		t.Fatalf("carried over first, own action kept: %+v", s.Actions)
	}
	s.Actions[0].Due = "2026-12-24" // an edit to a carried action survives re-syncs
	s.Decide(2, Carry)
	if len(s.Actions) != 3 || s.Actions[0].Due != "2026-12-24" || s.Actions[1].Text != "Add a canary" {
		t.Fatalf("after second carry: %+v", s.Actions)
	}
	s.Decide(2, Drop)
	if len(s.Actions) != 2 {
		t.Fatalf("dropping removes its action: %+v", s.Actions)
	}
	s.DeleteAction(0)
	if s.Previous[1].Decision != Drop || len(s.Actions) != 1 || s.Actions[0].Text != "Own action" {
		t.Fatalf("deleting a carried action drops it: %+v %+v", s.Previous, s.Actions)
	}
	// reloading (a resumed draft, a note added meanwhile) keeps decisions
	s.Decide(0, Done)
	s.LoadPrevious(entries())
	if s.Previous[0].Decision != Done || s.Previous[1].Decision != Drop {
		t.Errorf("decisions lost on reload: %+v", s.Previous)
	}
	s.Team = "nobody"
	s.LoadPrevious(entries())
	if len(s.Previous) != 0 {
		t.Fatalf("no retro for this team: %+v", s.Previous)
	}
}

func TestOldDraftCarriedByIndex(t *testing.T) {
	s := New(day, "checkout", "", "", 0)
	s.Previous = []Previous{{Text: "Old item", Decision: Done}, {Text: "Add a canary", Owner: "alice", Decision: Carry}}
	s.Actions = []Action{{Text: "Add a canary", Owner: "alice", Due: "2027-01-01", CarriedOver: true, FromPrev: 2}, {Text: "Own"}}
	s.LoadPrevious(entries())
	if s.Previous[0].Decision != Done || s.Previous[2].Decision != Carry {
		t.Fatalf("decisions of an old draft: %+v", s.Previous)
	}
	if len(s.Actions) != 2 || s.Actions[0].FromID != "last#3" || s.Actions[0].Due != "2027-01-01" || s.Actions[0].From != "last.md" {
		t.Fatalf("carried action of an old draft: %+v", s.Actions)
	}
}

func sample() *Session {
	s := New(day, "checkout", "Sprint 42 retrospective", "Alice", 3)
	s.SetParticipants("Alice, Bob, Chen")
	s.Previous = []Previous{
		{ID: "2026-11-16-sprint-41#1", Note: "notes/2026-11-16-sprint-41.md", Text: "Add a smoke test after each deploy", Owner: "bob", Decision: Done},
		{ID: "2026-11-16-sprint-41#2", Note: "notes/2026-11-16-sprint-41.md", Text: "Write the rollback runbook", Owner: "chen", Due: "2026-11-20", Decision: Carry},
		{ID: "2026-11-09-sprint-40#3", Note: "notes/2026-11-09-sprint-40.md", Text: "Buy a bigger server", Decision: Drop},
		{ID: "2026-11-16-sprint-41#3", Note: "notes/2026-11-16-sprint-41.md", Text: "Undecided thing"},
	}
	s.SyncCarried()
	s.AddProblem()
	s.Problems[0] = Problem{Title: "Slow reviews", What: "PRs wait two days.", Votes: 1}
	s.AddProblem()
	s.Problems[1] = Problem{Title: "Checkout broken after Friday deploy", What: "Orders failed for an hour.\n## Actions\n- [ ] not an action",
		Reaction: "Rolled back by hand.", Learnings: []string{"Deploy small", "Practise rollbacks"}, Votes: 4, Tips: []int{2, 5}}
	s.AddProblem()
	s.Problems[2] = Problem{Title: "日本語 and 🚀 titles", Reaction: "One learning only.", Learnings: []string{"Wide text is fine"}}
	i := s.AddAction()
	s.Actions[i] = Action{Text: "Add a canary stage to the pipeline", Owner: "alice", Due: "2026-12-01"}
	return s
}

func tipTitle(n int) string {
	return map[int]string{2: "Deploy small and often", 5: "Practise"}[n]
}

func TestToNoteFormat(t *testing.T) {
	n := sample().ToNote(tipTitle)
	want := `# Sprint 42 retrospective

## Previous actions
- Done: Add a smoke test after each deploy (@bob) — [2026-11-16-sprint-41](2026-11-16-sprint-41.md)
- Carried over: Write the rollback runbook (@chen) — [2026-11-16-sprint-41](2026-11-16-sprint-41.md)
- Dropped: Buy a bigger server — [2026-11-09-sprint-40](2026-11-09-sprint-40.md)
- Still open: Undecided thing — [2026-11-16-sprint-41](2026-11-16-sprint-41.md)

## Problems

### 1. Checkout broken after Friday deploy — 4 votes

**What happened.** Orders failed for an hour.
\## Actions
\- [ ] not an action

**Our reaction.** Rolled back by hand.

**What we learnt.**
- Deploy small
- Practise rollbacks

**Tips.** 2. Deploy small and often; 5. Practise

### 2. Slow reviews — 1 vote

**What happened.** PRs wait two days.

### 3. 日本語 and 🚀 titles — 0 votes

**Our reaction.** One learning only.

**What we learnt.** Wide text is fine

## Actions
- [ ] Write the rollback runbook (@chen, due 2026-11-20) — carried over from [2026-11-16-sprint-41](2026-11-16-sprint-41.md)
- [ ] Add a canary stage to the pipeline (@alice, due 2026-12-01)
`
	if n.Body != want {
		t.Errorf("body:\n%s\nwant:\n%s", n.Body, want)
	}
	if n.Title != "Sprint 42 retrospective" || n.Team != "checkout" || n.Facilitator != "Alice" || len(n.Participants) != 3 {
		t.Errorf("meta %+v", n.Meta)
	}
	// the saved file parses, and only the real actions are action items
	parsed, err := notes.Parse(notes.Render(n))
	if err != nil {
		t.Fatal(err)
	}
	var acts []string
	for _, a := range parsed.Actions {
		acts = append(acts, a.Text)
	}
	if !reflect.DeepEqual(acts, []string{"Write the rollback runbook", "Add a canary stage to the pipeline"}) {
		t.Errorf("actions %q", acts)
	}
}

func TestNoteRoundTrip(t *testing.T) {
	s := sample()
	first := notes.Render(s.ToNote(tipTitle))
	n, err := notes.Parse(first)
	if err != nil {
		t.Fatal(err)
	}
	back := FromNote(n)
	if second := notes.Render(back.ToNote(tipTitle)); string(second) != string(first) {
		t.Errorf("round trip changed the note:\n%s\n---\n%s", first, second)
	}
	if back.Problems[0].Title != "Checkout broken after Friday deploy" || back.Problems[0].Votes != 4 ||
		!reflect.DeepEqual(back.Problems[0].Tips, []int{2, 5}) || len(back.Problems[0].Learnings) != 2 {
		t.Errorf("problem: %+v", back.Problems[0])
	}
	if back.Actions[0].From != "2026-11-16-sprint-41.md" || back.Actions[0].FromID == "" || back.Previous[2].Decision != Drop ||
		back.Previous[2].Text != "Buy a bigger server" || back.Previous[3].Decision != Undecided {
		t.Errorf("previous/actions: %+v %+v", back.Previous, back.Actions)
	}
}

func TestTimebox(t *testing.T) {
	s := New(day, "", "", "", 0)
	if _, ok := s.Remaining(time.Minute); ok {
		t.Error("no timebox set")
	}
	s.Timebox = 5 * time.Minute
	if left, _ := s.Remaining(2 * time.Minute); left != 3*time.Minute {
		t.Errorf("left %v", left)
	}
	s.Goto(PhaseProblems, 2*time.Minute) // two minutes in Stage
	s.Goto(PhaseStage, 0)
	if left, _ := s.Remaining(4 * time.Minute); left != -time.Minute {
		t.Errorf("coming back keeps the time spent: %v", left)
	}
	s.Goto(Phase(99), 0)
	if s.Phase != PhaseClose {
		t.Errorf("clamped to %v", s.Phase)
	}
}

func TestDraftRoundTripAndDamage(t *testing.T) {
	p := DraftPath(filepath.Join(t.TempDir(), "drafts"))
	if _, ok, err := LoadDraft(p); ok || err != nil {
		t.Fatalf("no draft: %v %v", ok, err)
	}
	s := sample()
	s.Problems[0].What = strings.Repeat("界", 10000) // a huge paste of wide text
	data, err := EncodeDraft(s, day)
	if err != nil {
		t.Fatal(err)
	}
	if err := notes.SaveDraft(p, data); err != nil {
		t.Fatal(err)
	}
	d, ok, err := LoadDraft(p)
	if !ok || err != nil {
		t.Fatal(ok, err)
	}
	if !reflect.DeepEqual(d.Session.ToNote(nil), s.ToNote(nil)) {
		t.Error("draft does not give back the same retro")
	}
	os.WriteFile(p, []byte(`{"version":1,"session":`), 0o600)
	if _, _, err := LoadDraft(p); err == nil || !strings.Contains(err.Error(), p) {
		t.Errorf("damaged draft: %v", err)
	}
	if err := notes.RemoveDraft(p); err != nil {
		t.Fatal(err)
	}
	if err := notes.RemoveDraft(p); err != nil {
		t.Fatal("removing twice is fine:", err)
	}
}
