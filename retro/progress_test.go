package retro

import (
	"strings"
	"testing"

	"github.com/retrokata/retrokata/notes"
)

func TestDiscussed(t *testing.T) {
	s := New(day, "pay", "", "", 0)
	s.Problems = []Problem{
		{Title: "a"},
		{Title: "b", Reaction: "rolled back"},
		{Title: "c", Learnings: []string{" ", "small PRs"}},
		{Title: "d", Learnings: []string{"  "}, Tips: []int{2}},
	}
	for i, want := range []bool{false, true, true, false} {
		if got := s.Discussed(i); got != want {
			t.Errorf("Discussed(%d) = %v, want %v", i, got, want)
		}
	}
	if got := s.Undiscussed(); got != 2 {
		t.Errorf("Undiscussed() = %d, want 2", got)
	}
	if s.Discussed(-1) || s.Discussed(4) {
		t.Error("an index out of range is discussed")
	}
}

func TestPhaseDone(t *testing.T) {
	s := New(day, "pay", "", "", 0)
	for p := Phase(0); int(p) < NumPhases; p++ {
		if s.PhaseDone(p) {
			t.Errorf("a new session has %s done", p)
		}
	}
	s.Participants = []string{"ann"}
	s.Previous = []Previous{{Text: "x"}, {Text: "y", Decision: Carry}}
	s.Problems = []Problem{{Title: "a", Votes: 1}, {Title: "b", Tips: []int{3}}}
	s.Actions = []Action{{Text: "  "}}
	for p, want := range map[Phase]bool{PhaseStage: true, PhasePrevious: true, PhaseProblems: true,
		PhaseVote: true, PhaseDiscuss: true, PhaseActions: false, PhaseClose: false} {
		if got := s.PhaseDone(p); got != want {
			t.Errorf("PhaseDone(%s) = %v, want %v", p, got, want)
		}
	}
}

func TestBlank(t *testing.T) {
	start := []string{"ann", "bob"}
	for _, tc := range []struct {
		name  string
		edit  func(*Session)
		blank bool
	}{
		{"as started", func(*Session) {}, true},
		{"moved to another phase", func(s *Session) { s.Phase = PhaseActions }, true},
		{"a title", func(s *Session) { s.Title = "Sprint 43" }, false},
		{"another team", func(s *Session) { s.Team = "ops" }, false},
		{"one participant less", func(s *Session) { s.Participants = start[:1] }, false},
		{"an empty problem", func(s *Session) { s.AddProblem() }, false},
		{"a decision", func(s *Session) { s.Previous = []Previous{{Text: "x", Decision: Done}} }, false},
		{"an undecided previous action", func(s *Session) { s.Previous = []Previous{{Text: "x"}} }, true},
		{"a ROTI vote", func(s *Session) { s.ROTIVotes = []int{4} }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := New(day, "pay", "", "", 0)
			s.Participants = append([]string(nil), start...)
			tc.edit(s)
			if got := s.Blank("pay", start); got != tc.blank {
				t.Errorf("Blank = %v, want %v", got, tc.blank)
			}
		})
	}
}

func TestLastParticipants(t *testing.T) {
	e := func(path, team string, daysAgo int, who ...string) notes.Entry {
		return notes.Entry{Path: path, Meta: notes.Meta{Type: notes.TypeRetro, Team: team, Date: day.AddDate(0, 0, -daysAgo), Participants: who}}
	}
	entries := []notes.Entry{
		e("a.md", "pay", 14, "ann", "bob"),
		e("b.md", "Pay ", 7, "ann", "chen\x1b[31m"),
		e("c.md", "ops", 1, "dana"),
		e("d.md", "pay", 3), // no participants: skipped
		{Path: "e.md", Meta: notes.Meta{Type: notes.TypeKata, Date: day, Participants: []string{"eve"}}},
	}
	got := LastParticipants(entries, "pay")
	if len(got) != 2 || got[0] != "ann" || !strings.HasPrefix(got[1], "chen") || strings.ContainsRune(got[1], '\x1b') {
		t.Errorf("LastParticipants = %q", got)
	}
	if got := LastParticipants(entries, "nobody"); got != nil {
		t.Errorf("no retro of the team: %q", got)
	}
}
