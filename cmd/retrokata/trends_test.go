package main

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// trendSpec describes one generated retro; the expected trends are
// computed from the specs, never read from the program's output.
type trendSpec struct {
	name                         string
	team                         string
	date                         time.Time
	open, done, dropped, carried int
	roti                         *float64
	problems                     []string
	tags                         []string
}

func genTrendSpecs() []trendSpec {
	teams := []string{"pay", "ops", "web"}
	var specs []trendSpec
	for i := 0; i < 30; i++ {
		s := trendSpec{
			name: fmt.Sprintf("2026-%02d-%02d-retro-%d", 1+i/28, 1+i%28, i),
			team: teams[i%3], date: time.Date(2026, time.Month(1+i/28), 1+i%28, 14, 0, 0, 0, time.UTC),
			open: i % 3, done: i % 4, dropped: i % 2,
		}
		if i%5 == 0 {
			s.carried = 1
		}
		if i%4 != 0 {
			v := 1 + float64(i%9)*0.5
			s.roti = &v
		}
		for p := 0; p < i%4; p++ {
			s.problems = append(s.problems, fmt.Sprintf("Unique problem %d %d", i, p))
		}
		if i%7 == 0 {
			s.problems = append(s.problems, "Flaky CI pipeline again")
		}
		s.tags = []string{"deploy"}
		if i%2 == 1 {
			s.tags = append(s.tags, "config")
		}
		if i%3 == 2 && i > 20 {
			s.tags = append(s.tags, "Alerts")
		}
		specs = append(specs, s)
	}
	return specs
}

func (s trendSpec) note() string {
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntype: retro\ntitle: Retro %s\ndate: %s\nteam: %s\n", s.name, s.date.Format(time.RFC3339), s.team)
	if len(s.tags) > 0 {
		fmt.Fprintf(&b, "tags: [%s]\n", strings.Join(s.tags, ", "))
	}
	if s.roti != nil {
		fmt.Fprintf(&b, "roti: %g\n", *s.roti)
	}
	fmt.Fprintf(&b, "---\n# Retro %s\n\n## Previous actions\n- Done: Something older (@x) — [old](old.md)\n\n## Problems\n", s.name)
	for i, p := range s.problems {
		fmt.Fprintf(&b, "\n### %d. %s — %d votes\n**What happened.** Text.\n", i+1, p, i)
	}
	b.WriteString("\n## Actions\n")
	n := 0
	item := func(format string) {
		n++
		fmt.Fprintf(&b, format+"\n", fmt.Sprintf("Action %d of %s", n, s.name))
	}
	for k := 0; k < s.done; k++ {
		item("- [x] %s (@bob, due 2026-12-01)")
	}
	for k := 0; k < s.open; k++ {
		item("- [ ] %s (@alice, due 2026-12-01)")
	}
	for k := 0; k < s.dropped; k++ {
		item("- [x] ~~%s~~ (@chen, due 2026-12-01) — dropped 2026-11-30")
	}
	for k := 0; k < s.carried; k++ {
		item("- [x] ~~%s~~ (@dana) — carried over to [next](next.md)")
	}
	return b.String()
}

func writeTrendCorpus(t *testing.T) (string, []trendSpec) {
	dir := t.TempDir()
	specs := genTrendSpecs()
	for _, s := range specs {
		if err := os.WriteFile(filepath.Join(dir, s.name+".md"), []byte(s.note()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// ignored: a kata, a broken note
	os.WriteFile(filepath.Join(dir, "2026-01-05-kata.md"), []byte("---\ntype: kata\ntitle: K\ndate: 2026-01-05\nkata: game-day\nscore: 1\nmax_score: 4\n---\n## Self-assessment\n- [ ] a\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "2026-01-06-broken.md"), []byte("---\ntype: retro\ndate: nope\n---\n"), 0o644)
	return dir, specs
}

func approx(t *testing.T, what string, got *float64, want *float64) {
	t.Helper()
	if (got == nil) != (want == nil) || (got != nil && math.Abs(*got-*want) > 1e-9) {
		t.Errorf("%s = %s, want %s", what, fptr(got), fptr(want))
	}
}

func fptr(v *float64) string {
	if v == nil {
		return "null"
	}
	return fmt.Sprint(*v)
}

func ratio(done, agreed int) *float64 {
	if agreed == 0 {
		return nil
	}
	v := float64(done) / float64(agreed)
	return &v
}

func TestTrendsJSONOnGeneratedCorpus(t *testing.T) {
	dir, specs := writeTrendCorpus(t)
	for _, tc := range []struct {
		name  string
		args  []string
		keep  func(trendSpec) bool
		since time.Time
	}{
		{"all", nil, func(trendSpec) bool { return true }, time.Time{}},
		{"team", []string{"--team", "PAY"}, func(s trendSpec) bool { return s.team == "pay" }, time.Time{}},
		{"since", []string{"--since", "2026-01-15"}, func(s trendSpec) bool { return !s.date.Before(time.Date(2026, 1, 15, 0, 0, 0, 0, time.Local)) }, time.Time{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, stderr, code := runCLI(t, nil, append([]string{"trends", "--json", "--dir", dir}, tc.args...)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			var got trendsJSON
			if err := json.Unmarshal([]byte(out), &got); err != nil {
				t.Fatalf("%v:\n%s", err, out)
			}
			var want []trendSpec
			for _, s := range specs {
				if tc.keep(s) {
					want = append(want, s)
				}
			}
			sort.SliceStable(want, func(i, j int) bool { return want[i].date.Before(want[j].date) })
			if len(got.Retros) != len(want) {
				t.Fatalf("%d retros, want %d", len(got.Retros), len(want))
			}
			var tot totalsJSON
			var rotiSum float64
			var rotiN int
			for i, s := range want {
				r := got.Retros[i]
				agreedN := s.open + s.done + s.dropped // a carried line is not one more action
				if filepath.Base(r.Path) != s.name+".md" || r.Team != s.team || r.Agreed != agreedN || r.Open != s.open ||
					r.Done != s.done || r.Dropped != s.dropped || r.Carried != s.carried || r.Problems != len(s.problems) ||
					strings.Join(r.Tags, ",") != strings.Join(s.tags, ",") {
					t.Errorf("retro %d = %+v, want %+v", i, r, s)
				}
				approx(t, s.name+" completion_rate", r.CompletionRate, ratio(s.done, agreedN))
				approx(t, s.name+" roti", r.ROTI, s.roti)
				tot.Retros++
				tot.Agreed += agreedN
				tot.Open += s.open
				tot.Done += s.done
				tot.Dropped += s.dropped
				tot.Carried += s.carried
				if s.roti != nil {
					rotiSum += *s.roti
					rotiN++
				}
			}
			if got.Totals.Retros != tot.Retros || got.Totals.Agreed != tot.Agreed || got.Totals.Open != tot.Open ||
				got.Totals.Done != tot.Done || got.Totals.Dropped != tot.Dropped || got.Totals.Carried != tot.Carried {
				t.Errorf("totals %+v, want %+v", got.Totals, tot)
			}
			approx(t, "total completion_rate", got.Totals.CompletionRate, ratio(tot.Done, tot.Agreed))
			avg := rotiSum / float64(rotiN)
			approx(t, "total roti", got.Totals.ROTI, &avg)

			// problems per tag
			perTag := map[string][2]int{}
			for _, s := range want {
				for _, tag := range s.tags {
					c := perTag[strings.ToLower(tag)]
					perTag[strings.ToLower(tag)] = [2]int{c[0] + len(s.problems), c[1] + 1}
				}
			}
			if len(got.ProblemsPerTag) != len(perTag) {
				t.Errorf("problems_per_tag %+v, want %v", got.ProblemsPerTag, perTag)
			}
			for i, c := range got.ProblemsPerTag {
				if w := perTag[c.Tag]; c.Problems != w[0] || c.Retros != w[1] {
					t.Errorf("tag %s: %+v, want problems %d in %d retros", c.Tag, c, w[0], w[1])
				}
				if i > 0 && c.Problems > got.ProblemsPerTag[i-1].Problems {
					t.Errorf("problems_per_tag not sorted: %+v", got.ProblemsPerTag)
				}
			}

			// recurring: per team, its last 6 retros
			wantRec := map[string]int{}
			byTeam := map[string][]trendSpec{}
			for i := len(want) - 1; i >= 0; i-- {
				if s := want[i]; len(byTeam[s.team]) < 6 {
					byTeam[s.team] = append(byTeam[s.team], s)
				}
			}
			for team, recent := range byTeam {
				tagN, flaky := map[string]int{}, 0
				for _, s := range recent {
					for _, tag := range s.tags {
						tagN[strings.ToLower(tag)]++
					}
					for _, p := range s.problems {
						if p == "Flaky CI pipeline again" {
							flaky++
						}
					}
				}
				for tag, n := range tagN {
					if n >= 3 {
						wantRec["tag/"+team+"/"+tag] = n
					}
				}
				if flaky >= 2 {
					wantRec["title/"+team+"/Flaky CI pipeline again"] = flaky
				}
			}
			gotRec := map[string]int{}
			for _, r := range got.Recurring {
				gotRec[r.Kind+"/"+r.Team+"/"+r.Label] = len(r.Retros)
			}
			if fmt.Sprint(gotRec) != fmt.Sprint(wantRec) {
				t.Errorf("recurring %v, want %v", gotRec, wantRec)
			}

			// the oldest open actions, oldest first, at most 10
			var wantOpen []string
			for _, s := range want {
				for k := 0; k < s.open; k++ {
					wantOpen = append(wantOpen, fmt.Sprintf("%s#%d", s.name, s.done+k+1))
				}
			}
			wantOpen = wantOpen[:min(10, len(wantOpen))]
			var gotOpen []string
			for _, a := range got.OldestOpenActions {
				gotOpen = append(gotOpen, a.ID)
				if !strings.HasPrefix(a.Text, "Action ") || a.Owner != "alice" || a.Due != "2026-12-01" {
					t.Errorf("open action %+v", a)
				}
			}
			if strings.Join(gotOpen, " ") != strings.Join(wantOpen, " ") {
				t.Errorf("oldest open %v, want %v", gotOpen, wantOpen)
			}
		})
	}
}

// Every key is in every object, and the table prints the same corpus.
func TestTrendsKeysAndText(t *testing.T) {
	dir, _ := writeTrendCorpus(t)
	out, _, _ := runCLI(t, nil, "trends", "--json", "--dir", dir)
	var raw map[string]any
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatal(err)
	}
	need := map[string][]string{
		"":                    {"team", "since", "retros", "totals", "problems_per_tag", "recurring", "oldest_open_actions"},
		"retros":              {"path", "date", "team", "title", "agreed", "open", "done", "dropped", "carried", "completion_rate", "roti", "problems", "tags"},
		"totals":              {"retros", "agreed", "open", "done", "dropped", "carried", "completion_rate", "roti"},
		"problems_per_tag":    {"tag", "problems", "retros"},
		"recurring":           {"kind", "team", "label", "retros"},
		"oldest_open_actions": {"id", "text", "owner", "due", "note", "team", "date", "age_days"},
	}
	for key, fields := range need {
		var objs []any
		switch v := raw[key].(type) {
		case []any:
			objs = v
		case map[string]any:
			objs = []any{v}
		default:
			if key == "" {
				objs = []any{raw}
			}
		}
		if len(objs) == 0 {
			t.Errorf("%s: empty", key)
		}
		for _, o := range objs {
			for _, f := range fields {
				if _, ok := o.(map[string]any)[f]; !ok {
					t.Errorf("%s lacks %q: %v", key, f, o)
				}
			}
		}
	}
	text, _, code := runCLI(t, nil, "trends", "--dir", dir, "--team", "ops")
	for _, want := range []string{"10 retros", "Recurring problems", "ops: tag deploy in 6 of the last 6 retros", "Oldest open actions", "Problems per tag: deploy"} {
		if code != 0 || !strings.Contains(text, want) {
			t.Errorf("text lacks %q:\n%s", want, text)
		}
	}
	empty, _, code := runCLI(t, nil, "trends", "--dir", t.TempDir())
	if code != 0 || !strings.Contains(empty, "No retros yet") {
		t.Errorf("empty dir: exit %d %s", code, empty)
	}
	_, _, code = runCLI(t, nil, "trends", "--dir", dir, "--since", "last week")
	if code != 2 {
		t.Errorf("bad --since: exit %d", code)
	}
}
