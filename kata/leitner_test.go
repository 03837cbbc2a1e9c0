package kata

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/retrokata/retrokata/notes"
)

func day(d int) time.Time { return time.Date(2026, 11, d, 18, 30, 0, 0, time.UTC) }

func TestLeitner(t *testing.T) {
	tests := []struct {
		name     string
		attempts []Attempt
		box      int
		next     string
		best     int
		last     int
	}{
		{"never practised", nil, 0, "", 0, 0},
		{"first pass", []Attempt{{Date: day(1), Score: 4, MaxScore: 5}}, 1, "2026-11-02", 4, 4},
		{"80% exactly passes", []Attempt{{Date: day(1), Score: 8, MaxScore: 10}, {Date: day(2), Score: 8, MaxScore: 10}}, 2, "2026-11-05", 8, 8},
		{"below 80% goes back to box 1", []Attempt{{Date: day(1), Score: 5, MaxScore: 5}, {Date: day(2), Score: 5, MaxScore: 5}, {Date: day(5), Score: 3, MaxScore: 5}}, 1, "2026-11-06", 5, 3},
		{"out of order dates are replayed in order", []Attempt{{Date: day(5), Score: 3, MaxScore: 5}, {Date: day(1), Score: 5, MaxScore: 5}, {Date: day(2), Score: 5, MaxScore: 5}}, 1, "2026-11-06", 5, 3},
		{"box 5 at most, 30 days", []Attempt{
			{Date: day(1), Score: 5, MaxScore: 5}, {Date: day(2), Score: 5, MaxScore: 5}, {Date: day(3), Score: 5, MaxScore: 5},
			{Date: day(4), Score: 5, MaxScore: 5}, {Date: day(5), Score: 5, MaxScore: 5}, {Date: day(6), Score: 5, MaxScore: 5}}, 5, "2026-12-06", 5, 5},
		{"failing first attempt is box 1", []Attempt{{Date: day(1), Score: 0, MaxScore: 5}}, 1, "2026-11-02", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Replay("k", tt.attempts)
			next := ""
			if !p.NextDue.IsZero() {
				next = p.NextDue.Format("2006-01-02")
			}
			if p.Box != tt.box || next != tt.next || p.BestScore != tt.best || p.LastScore != tt.last || p.Attempts != len(tt.attempts) {
				t.Errorf("got box %d next %q best %d last %d attempts %d", p.Box, next, p.BestScore, p.LastScore, p.Attempts)
			}
		})
	}
}

func TestDue(t *testing.T) {
	if !Replay("k", nil).Due(day(1)) {
		t.Error("never practised is due now")
	}
	p := Replay("k", []Attempt{{Date: day(1), Score: 5, MaxScore: 5}}) // due 2026-11-02
	if p.Due(day(1)) || !p.Due(time.Date(2026, 11, 2, 0, 0, 1, 0, time.UTC)) || !p.Due(day(9)) {
		t.Error("due from the next day on")
	}
}

func intp(i int) *int { return &i }

func TestAttemptsFromNotes(t *testing.T) {
	kata := func(path, id string, d time.Time, score, max *int) notes.Entry {
		return notes.Entry{Path: path, Meta: notes.Meta{Type: notes.TypeKata, Kata: id, Date: d, Score: score, MaxScore: max}}
	}
	entries := []notes.Entry{
		kata("a.md", "orphan-alert", day(3), intp(4), intp(5)),
		kata("b.md", "orphan-alert", day(1), intp(2), intp(5)),
		kata("c.md", "deleted-kata", day(2), intp(1), intp(3)), // a kata no longer in the library is still counted
		kata("d.md", "x", day(2), intp(9), intp(5)),            // hand-edited above max
		kata("e.md", "x", day(2), nil, intp(5)),
		kata("f.md", "", day(2), intp(1), intp(5)),
		{Path: "g.md", Err: &notes.Error{Msg: "broken"}},
		{Path: "h.md", Meta: notes.Meta{Type: notes.TypeRetro}},
	}
	all, probs := Attempts(entries)
	if len(all["orphan-alert"]) != 2 || len(all["deleted-kata"]) != 1 || len(all["x"]) != 0 {
		t.Errorf("attempts %+v", all)
	}
	if len(probs) != 3 {
		t.Errorf("problems %v", probs)
	}
	if p := Replay("orphan-alert", all["orphan-alert"]); p.Box != 2 || p.LastScore != 4 || p.NextDue.Format("2006-01-02") != "2026-11-06" {
		t.Errorf("replayed by date: %+v", p)
	}
	if got := Streak(all, day(3)); got != 3 {
		t.Errorf("streak %d, want 3 (Nov 1, 2, 3)", got)
	}
	if got := Streak(all, day(4)); got != 3 {
		t.Errorf("a streak holds until the day ends: %d", got)
	}
	if got := Streak(all, day(6)); got != 0 {
		t.Errorf("streak broken: %d", got)
	}
}

// score: 0 / max_score: 0 (a kata without key points) is an attempt scored
// zero, not a note "without score", through the file and the index.
func TestZeroScoreIsAnAttempt(t *testing.T) {
	dir := t.TempDir()
	data := []byte("---\ntype: kata\ntitle: Kata zero\ndate: 2026-11-02T10:00:00Z\nkata: zero\nscore: 0\nmax_score: 0\n---\n# Kata zero\n")
	p := filepath.Join(dir, "2026-11-02-kata-zero.md")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	os.Chtimes(p, old, old)
	x := notes.Lister{CacheDir: t.TempDir()}
	for _, pass := range []string{"parsed", "from the index"} {
		list, err := x.List(dir, notes.Filter{})
		if err != nil || len(list) != 1 {
			t.Fatalf("%s: %v %v", pass, list, err)
		}
		all, probs := Attempts(list)
		if len(probs) != 0 || len(all["zero"]) != 1 || all["zero"][0].Score != 0 || all["zero"][0].MaxScore != 0 {
			t.Fatalf("%s: attempts %+v, problems %v", pass, all, probs)
		}
	}
	if _, probs := Attempts([]notes.Entry{{Path: "n.md", Meta: notes.Meta{Type: notes.TypeKata, Kata: "k", Score: intp(0), MaxScore: intp(-1)}}}); len(probs) != 1 {
		t.Errorf("a negative max_score is a problem: %v", probs)
	}
}
