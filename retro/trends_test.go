package retro

import (
	"fmt"
	"testing"
	"time"

	"github.com/retrokata/retrokata/notes"
)

func trendEntry(i int, team string, tags []string, problems ...string) notes.Entry {
	return notes.Entry{
		Path: fmt.Sprintf("/n/2026-01-%02d-r.md", i+1),
		Meta: notes.Meta{Type: notes.TypeRetro, Title: fmt.Sprint("R", i), Team: team, Tags: tags,
			Date: time.Date(2026, 1, 1+i, 14, 0, 0, 0, time.UTC)},
		Problems: problems,
	}
}

// Recurrence looks at each team's last 6 retros only: a tag or a title that
// came back long ago is not recurring now.
func TestRecurringWindow(t *testing.T) {
	var es []notes.Entry
	// retros 0-2: tag "old" three times, then six retros without it
	for i := 0; i < 3; i++ {
		es = append(es, trendEntry(i, "pay", []string{"old"}, "Database full"))
	}
	for i := 3; i < 9; i++ {
		tags := []string{"new"}
		if i%2 == 0 {
			tags = []string{"rare"}
		}
		var ps []string
		switch i {
		case 4:
			ps = []string{"Flaky CI pipeline"}
		case 7:
			ps = []string{"flaky ci pipeline, again!", "Something else entirely"}
		}
		es = append(es, trendEntry(i, "pay", tags, ps...))
	}
	es = append(es, trendEntry(9, "ops", []string{"rare"}, "Flaky CI pipeline"))
	tr := ComputeTrends(es, TrendOptions{})
	got := map[string]int{}
	for _, r := range tr.Recurring {
		got[r.Kind+"/"+r.Team+"/"+r.Label] = len(r.Retros)
	}
	want := map[string]int{"tag/pay/new": 3, "tag/pay/rare": 3, "title/pay/flaky ci pipeline, again!": 2}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("recurring %v, want %v", got, want)
	}
	for _, r := range tr.Recurring {
		if r.Kind == RecurringTitle && (r.Retros[0] != es[7].Path || r.Retros[1] != es[4].Path) {
			t.Errorf("retros of %q: %v, want newest first", r.Label, r.Retros)
		}
	}
}

func TestTrendsStatusesAndAges(t *testing.T) {
	e := trendEntry(0, "pay", nil)
	e.Actions = []notes.Action{
		{Text: "A", Status: notes.StatusDone, N: 1},
		{Text: "B", Owner: "c", Status: notes.StatusDropped, On: "2026-01-05", N: 2},
		{Text: "C", Status: notes.StatusCarried, To: "n.md", N: 3},
		{Text: "D", Owner: "dana", Status: notes.StatusOpen, N: 4},
	}
	broken := notes.Entry{Path: "/n/x.md", Err: fmt.Errorf("bad")}
	tr := ComputeTrends([]notes.Entry{e, broken}, TrendOptions{Now: time.Date(2026, 1, 11, 15, 0, 0, 0, time.UTC)})
	r := tr.Retros[0]
	if len(tr.Retros) != 1 || r.Agreed != 3 || r.Done != 1 || r.Dropped != 1 || r.Carried != 1 || r.Open != 1 || *r.CompletionRate() != 1.0/3 {
		t.Fatalf("retro %+v", r)
	}
	if len(tr.OldestOpen) != 1 || tr.OldestOpen[0].ID != "2026-01-01-r#4" || tr.OldestOpen[0].AgeDays != 10 || tr.OldestOpen[0].Owner != "dana" {
		t.Errorf("open %+v", tr.OldestOpen)
	}
	if tr.Totals.ROTI != nil || ComputeTrends(nil, TrendOptions{}).Totals.CompletionRate() != nil {
		t.Errorf("nothing to average must give nil")
	}
}

func BenchmarkComputeTrends(b *testing.B) {
	var es []notes.Entry
	for i := 0; i < 7000; i++ {
		e := trendEntry(i%28, []string{"a", "b", "c"}[i%3], []string{"deploy", "config"}, "One problem", "Another one", "A third")
		e.Actions = []notes.Action{{Text: "x", Status: notes.StatusOpen, N: 1}, {Text: "y", Status: notes.StatusDone, N: 2}}
		es = append(es, e)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ComputeTrends(es, TrendOptions{})
	}
}
