package retro

import (
	"strings"
	"testing"
	"time"
)

func TestMergeProblems(t *testing.T) {
	s := New(time.Now(), "", "", "", 3)
	s.Problems = []Problem{
		{Title: "Slow reviews", What: "PRs wait.", Votes: 2, Tips: []int{4}},
		{Title: "Flaky tests"},
		{Title: "Reviews take days", What: "Two days.", Votes: 1, Learnings: []string{"Pair"}, Tips: []int{2, 4}},
	}
	if s.MergeProblems(0, 0) || s.MergeProblems(0, 9) || s.MergeProblems(-1, 1) {
		t.Fatal("a bad merge was accepted")
	}
	if !s.MergeProblems(0, 2) {
		t.Fatal("merge refused")
	}
	p := s.Problems[0]
	if len(s.Problems) != 2 || p.Title != "Slow reviews" || p.What != "PRs wait.\n\nReviews take days: Two days." ||
		p.Votes != 3 || strings.Join(p.Learnings, ",") != "Pair" || len(p.Tips) != 2 || p.Tips[0] != 2 || p.Tips[1] != 4 {
		t.Fatalf("merged: %+v", s.Problems)
	}
}
