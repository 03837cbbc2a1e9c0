package retro

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/notes"
)

// statusesIn lists "<id> <status>" for every action of the notes dir.
func statusesIn(t *testing.T, dir string) string {
	t.Helper()
	l, err := notes.List(dir, notes.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i := len(l) - 1; i >= 0; i-- { // oldest first
		for _, a := range l[i].Actions {
			out = append(out, notes.ID(l[i].Path, a.N)+" "+string(a.Status))
		}
	}
	return strings.Join(out, ", ")
}

// runRetro runs a retro of team pay on dir at day: it loads the open
// actions, decides with decide, adds own actions, saves and writes back.
func runRetro(t *testing.T, dir string, day time.Time, decide func(s *Session), own ...string) (string, WriteBackResult) {
	t.Helper()
	entries, err := notes.List(dir, notes.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	s := New(day, "pay", "Sprint "+day.Format("0102"), "Alice", 0)
	s.LoadPrevious(entries)
	decide(s)
	for _, text := range own {
		s.Actions = append(s.Actions, Action{Text: text, Owner: "bob", Due: day.AddDate(0, 0, 7).Format(time.DateOnly)})
	}
	p, err := notes.Save(dir, s.ToNote(nil))
	if err != nil {
		t.Fatal(err)
	}
	return p, WriteBack(s.Decisions(), p, day)
}

func TestThreeRetrosWriteBack(t *testing.T) {
	dir := t.TempDir()
	d1 := time.Date(2026, 11, 9, 14, 0, 0, 0, time.UTC)
	p1, _ := runRetro(t, dir, d1, func(*Session) {}, "Add a canary stage", "Write the runbook")
	if got := statusesIn(t, dir); got != "2026-11-09-sprint-1109#1 open, 2026-11-09-sprint-1109#2 open" {
		t.Fatalf("after retro 1: %s", got)
	}
	before1, _ := os.ReadFile(p1)

	p2, res := runRetro(t, dir, d1.AddDate(0, 0, 7), func(s *Session) {
		if len(s.Previous) != 2 {
			t.Fatalf("retro 2 sees %+v", s.Previous)
		}
		s.Decide(0, Done)
		s.Decide(1, Carry)
	}, "Alert on orders")
	if len(res.Failed) != 0 || len(res.Updated) != 1 || res.Updated[0] != p1 {
		t.Fatalf("write-back of retro 2: %+v", res)
	}
	if got := statusesIn(t, dir); got != "2026-11-09-sprint-1109#1 done, 2026-11-09-sprint-1109#2 carried, 2026-11-16-sprint-1116#1 open, 2026-11-16-sprint-1116#2 open" {
		t.Fatalf("after retro 2: %s", got)
	}
	after1, _ := os.ReadFile(p1)
	if d := diffLines(string(before1), string(after1)); d != "- [ ] Add a canary stage (@bob, due 2026-11-16) => - [x] Add a canary stage (@bob, due 2026-11-16)\n"+
		"- [ ] Write the runbook (@bob, due 2026-11-16) => - [x] ~~Write the runbook~~ (@bob, due 2026-11-16) — carried over to [2026-11-16-sprint-1116](2026-11-16-sprint-1116.md)\n" {
		t.Errorf("retro 1's note changed:\n%s", d)
	}
	note2, _ := os.ReadFile(p2)
	for _, want := range []string{
		"## Previous actions\n- Done: Add a canary stage (@bob) — [2026-11-09-sprint-1109](2026-11-09-sprint-1109.md)\n- Carried over: Write the runbook (@bob) — [2026-11-09-sprint-1109](2026-11-09-sprint-1109.md)\n",
		"## Actions\n- [ ] Write the runbook (@bob, due 2026-11-16) — carried over from [2026-11-09-sprint-1109](2026-11-09-sprint-1109.md)\n- [ ] Alert on orders (@bob, due 2026-11-23)\n",
	} {
		if !strings.Contains(string(note2), want) {
			t.Errorf("retro 2's note lacks %q:\n%s", want, note2)
		}
	}

	// retro 3 drops the carried action; someone deleted retro 2's other
	// action meanwhile: that decision stays in the new note only
	p3, res := runRetro(t, dir, d1.AddDate(0, 0, 14), func(s *Session) {
		var ids []string
		for _, p := range s.Previous {
			ids = append(ids, p.ID)
		}
		if strings.Join(ids, " ") != "2026-11-16-sprint-1116#1 2026-11-16-sprint-1116#2" {
			t.Fatalf("retro 3 sees %v", ids)
		}
		data, _ := os.ReadFile(p2)
		os.WriteFile(p2, []byte(strings.Replace(string(data), "- [ ] Alert on orders (@bob, due 2026-11-23)\n", "", 1)), 0o644)
		s.Decide(0, Drop)
		s.Decide(1, Done)
	})
	if len(res.Updated) != 1 || len(res.Failed) != 1 || !strings.Contains(res.Failed[0].Error(), "2026-11-16-sprint-1116.md:") {
		t.Fatalf("write-back of retro 3: %+v", res)
	}
	if got := statusesIn(t, dir); got != "2026-11-09-sprint-1109#1 done, 2026-11-09-sprint-1109#2 carried, 2026-11-16-sprint-1116#1 dropped" {
		t.Errorf("after retro 3: %s", got)
	}
	note3, _ := os.ReadFile(p3)
	if !strings.Contains(string(note3), "- Done: Alert on orders (@bob) — [2026-11-16-sprint-1116]") {
		t.Errorf("the refused decision is not recorded in the new note:\n%s", note3)
	}
}

// diffLines lists "old => new" for the lines that differ (same count).
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(al) != len(bl) {
		return "line count changed"
	}
	var out strings.Builder
	for i := range al {
		if al[i] != bl[i] {
			out.WriteString(al[i] + " => " + bl[i] + "\n")
		}
	}
	return out.String()
}

// FuzzRetroActionsRoundTrip: whatever the team types as an action or an
// owner, and whatever the earlier actions say, the saved note reads back
// with the same actions and decisions, each action counted once.
func FuzzRetroActionsRoundTrip(f *testing.F) {
	f.Add("Ping Bob (@bob, due 2026-01-01)", "bob, carol", "Old — dropped", "chen (ops)", 2)
	f.Add("~~x~~", "", "x (dropped)", "", 1)
	f.Add("a <!-- b", "@alice", "- [ ] nested", "&amp;", 3)
	f.Fuzz(func(t *testing.T, text, owner, prevText, prevOwner string, d int) {
		norm := func(s string) string { return strings.Join(strings.Fields(s), " ") }
		if norm(text) == "" || norm(prevText) == "" || strings.ContainsAny(text+owner+prevText+prevOwner, "\x00\r") {
			return
		}
		decision := []Decision{Undecided, Done, Carry, Drop}[(d%4+4)%4]
		s := New(day, "t", "Sprint", "", 0)
		s.Previous = []Previous{{ID: "2026-11-16-old#1", Note: "/n/2026-11-16-old.md", Text: prevText, Owner: prevOwner, Decision: decision}}
		s.SyncCarried()
		i := s.AddAction()
		s.Actions[i] = Action{Text: text, Owner: owner, Due: "2026-12-01"}
		n, err := notes.Parse(notes.Render(s.ToNote(nil)))
		if err != nil {
			t.Fatal(err)
		}
		wantActs := 1
		if decision == Carry {
			wantActs = 2
		}
		if c := notes.CountActions(n.Actions); len(n.Actions) != wantActs || c.Open != wantActs {
			t.Fatalf("actions %+v", n.Actions)
		}
		own := n.Actions[len(n.Actions)-1]
		if own.Text != norm(text) || own.Owner != strings.TrimPrefix(norm(owner), "@") || own.Due != "2026-12-01" {
			t.Fatalf("own action read back as %+v", own)
		}
		back := FromNote(n)
		if len(back.Previous) != 1 || back.Previous[0].Text != norm(prevText) || back.Previous[0].Owner != strings.TrimPrefix(norm(prevOwner), "@") ||
			back.Previous[0].Decision != decision || back.Previous[0].Note != "2026-11-16-old.md" {
			t.Fatalf("previous read back as %+v", back.Previous)
		}
		if decision == Carry && (n.Actions[0].Text != norm(prevText) || n.Actions[0].From != "2026-11-16-old.md") {
			t.Fatalf("carried action read back as %+v", n.Actions[0])
		}
	})
}
