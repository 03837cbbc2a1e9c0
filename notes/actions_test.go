package notes

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParseActionLineStatuses(t *testing.T) {
	tests := []struct {
		line string
		want Action
	}{
		// the contract's table
		{"- [ ] Add a canary stage (@alice, due 2026-12-01)",
			Action{Text: "Add a canary stage", Status: StatusOpen, Owner: "alice", Due: "2026-12-01"}},
		{"- [x] Add a canary stage (@alice, due 2026-12-01)",
			Action{Text: "Add a canary stage", Status: StatusDone, Owner: "alice", Due: "2026-12-01"}},
		{"- [x] ~~Add a canary stage~~ (@alice, due 2026-12-01) — dropped 2026-11-30",
			Action{Text: "Add a canary stage", Status: StatusDropped, Owner: "alice", Due: "2026-12-01", On: "2026-11-30"}},
		{"- [x] ~~Add a canary stage~~ (@alice, due 2026-12-01) — carried over to [2026-11-30-sprint-44](2026-11-30-sprint-44.md)",
			Action{Text: "Add a canary stage", Status: StatusCarried, Owner: "alice", Due: "2026-12-01", To: "2026-11-30-sprint-44.md"}},
		{"- [ ] Add a canary stage (@alice, due 2026-12-01) — carried over from [2026-11-23-sprint-43](2026-11-23-sprint-43.md)",
			Action{Text: "Add a canary stage", Status: StatusOpen, Owner: "alice", Due: "2026-12-01", From: "2026-11-23-sprint-43.md"}},
		// hand-written variants
		{"- [x] Write the runbook (@chen, due 2026-11-20) — dropped",
			Action{Text: "Write the runbook", Status: StatusDropped, Owner: "chen", Due: "2026-11-20"}},
		{"- [x] Write the runbook (dropped)",
			Action{Text: "Write the runbook", Status: StatusDropped}},
		{"- [ ] Write the runbook (@chen) (Dropped 2026-11-30)",
			Action{Text: "Write the runbook", Status: StatusDropped, Owner: "chen", On: "2026-11-30"}},
		{"- [ ] ~~Write the runbook~~",
			Action{Text: "Write the runbook", Status: StatusDropped}},
		{"- [x] ~~Write the runbook~~ (@chen)",
			Action{Text: "Write the runbook", Status: StatusDropped, Owner: "chen"}},
		{"- [x] Write the runbook -- dropped 2026-11-30",
			Action{Text: "Write the runbook", Status: StatusDropped, On: "2026-11-30"}},
		{"- [x] Write the runbook – dropped (@chen, due 2026-11-20)",
			Action{Text: "Write the runbook", Status: StatusDropped, Owner: "chen", Due: "2026-11-20"}},
		{"- [X] Upper-case box (@bob)",
			Action{Text: "Upper-case box", Status: StatusDone, Owner: "bob"}},
		{"* [ ] Star bullet (due 2026-12-24)",
			Action{Text: "Star bullet", Status: StatusOpen, Due: "2026-12-24"}},
		{"+ [x] Plus bullet",
			Action{Text: "Plus bullet", Status: StatusDone}},
		{"1. [ ] Numbered (@dana)",
			Action{Text: "Numbered", Status: StatusOpen, Owner: "dana"}},
		{"  - [ ] Indented (due 2026-12-01, @eve)",
			Action{Text: "Indented", Status: StatusOpen, Owner: "eve", Due: "2026-12-01"}},
		{"- [ ] Carried, marked after (@bob) -- carried over to [next](next.md)",
			Action{Text: "Carried, marked after", Status: StatusCarried, Owner: "bob", To: "next.md"}},
		// what today's version wrote
		{"- [ ] Write the rollback runbook (@chen) — carried over",
			Action{Text: "Write the rollback runbook", Status: StatusOpen, Owner: "chen"}},
		{"- [x] Old style dropped one (@dana, due 2026-11-19) — dropped",
			Action{Text: "Old style dropped one", Status: StatusDropped, Owner: "dana", Due: "2026-11-19"}},
		// several owners; a text holding parentheses
		{"- [ ] Pair on the alert (@bob, carol, due 2026-12-01)",
			Action{Text: "Pair on the alert", Status: StatusOpen, Owner: "bob, carol", Due: "2026-12-01"}},
		{"- [ ] Pair on the alert (@bob, @carol)",
			Action{Text: "Pair on the alert", Status: StatusOpen, Owner: "bob, @carol"}},
		{"- [ ] Ask Bob (@bob, due 2026-01-01) about it (@alice)",
			Action{Text: "Ask Bob (@bob, due 2026-01-01) about it", Status: StatusOpen, Owner: "alice"}},
		{"- [ ] Fix (prod) config (@alice)",
			Action{Text: "Fix (prod) config", Status: StatusOpen, Owner: "alice"}},
		{"- [ ] Fix the config (see wiki)",
			Action{Text: "Fix the config (see wiki)", Status: StatusOpen}},
		{`- [ ] Mention \(@bob, due 2026-01-01)`,
			Action{Text: "Mention (@bob, due 2026-01-01)", Status: StatusOpen}},
		{"- [ ] Follow-up dropped-frames alert",
			Action{Text: "Follow-up dropped-frames alert", Status: StatusOpen}},
		{"- [ ] Review what was dropped",
			Action{Text: "Review what was dropped", Status: StatusOpen}},
	}
	for _, tt := range tests {
		got, ok := ParseActionLine(tt.line)
		if !ok || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%q\n got %+v (%v)\nwant %+v", tt.line, got, ok, tt.want)
		}
	}
	for _, line := range []string{"- plain item", "-[ ] no space", "- [ ]", "- [y] other mark", "- [ ]x glued", "> - [ ] quoted", "text"} {
		if a, ok := ParseActionLine(line); ok {
			t.Errorf("%q read as an action: %+v", line, a)
		}
	}
}

func TestActionLineRoundTrip(t *testing.T) {
	for _, a := range []Action{
		{Text: "Write the runbook", Owner: "chen", Due: "2026-12-01"},
		{Text: "Only due", Due: "2027-01-01"},
		{Text: "多言語 🚀 text", Owner: "李"},
		{Text: "Pair on it", Owner: "bob, carol", Due: "2026-12-01"},
		{Text: "Ping Bob (@bob, due 2026-01-01)"},
		{Text: "Ping Bob (@bob, due 2026-01-01)", Owner: "alice"},
		{Text: "Ping Bob (@bob)", Status: StatusDone},
		{Text: "Drop it — dropped"},
		{Text: "Drop it — dropped 2026-01-01", Owner: "x"},
		{Text: "See (dropped)"},
		{Text: "~~not struck~~"},
		{Text: `\~~still not struck~~`},
		{Text: `\(@x)`},
		{Text: "moved — carried over to [a](a.md)"},
		{Text: "Odd owner", Owner: "ops (night), x, due 2026-01-01 &#40; &amp;"},
		{Text: "Owner with a date", Owner: "bob due 2026-01-01"},
		{Text: "Gone", Status: StatusDropped, Owner: "chen", Due: "2026-11-20", On: "2026-11-30"},
		{Text: "Gone too", Status: StatusDropped},
		{Text: "~~tilde~~ text — dropped", Status: StatusDropped},
		{Text: "Moved", Status: StatusCarried, Owner: "alice", To: "2026-11-30-sprint-44.md"},
		{Text: "Moved twice", Status: StatusCarried, From: "a.md", To: "b.md"},
		{Text: "Back again", Status: StatusOpen, Owner: "alice", Due: "2026-12-01", From: "2026-11-23-sprint-43.md"},
		{Text: "Done after a carry", Status: StatusDone, From: "a.md"},
		{Text: "Dropped after a carry", Status: StatusDropped, From: "a.md", On: "2026-12-07"},
	} {
		if a.Status == "" {
			a.Status = StatusOpen
		}
		line := ActionLine(a)
		got, ok := ParseActionLine(line)
		if !ok || !reflect.DeepEqual(got, a) {
			t.Errorf("%q\n got %+v\nwant %+v", line, got, a)
		}
	}
}

func TestActionsInANote(t *testing.T) {
	body := "# T\n\n## Previous actions\n- Done: Old thing (@bob) — [a](a.md)\n- [ ] An old-style record is not an action\n\n" +
		"## Actions\n- [ ] One (@a)\n- plain\n  - [x] Nested two\n\n```\n- [ ] in code\n## Not a heading\n```\n" +
		"<!--\n- [ ] in a comment\n-->\n    - [ ] indented code\n~~~~\n- [ ] in tildes\n~~~\n~~~~\n- [x] ~~Three~~ — dropped\n" +
		"### Sub-heading\n- [ ] Four\n## Problems\n- [ ] not an action\n## actions ##\n- [ ] Five\n"
	n, err := Parse([]byte("---\ntype: retro\n---\n" + body))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range n.Actions {
		got = append(got, fmt.Sprintf("%d:%s:%s:%d", a.N, a.Text, a.Status, a.Line))
	}
	want := []string{"1:One:open:11", "2:Nested two:done:13", "3:Three:dropped:27", "4:Four:open:29", "5:Five:open:33"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("actions:\n got %q\nwant %q", got, want)
	}
	if c := CountActions(n.Actions); c != (Counts{Open: 3, Done: 1, Dropped: 1}) {
		t.Errorf("counts %+v", c)
	}
}

func TestIDs(t *testing.T) {
	if got := ID("/x/docs/retros/2026-11-23-sprint-44.md", 2); got != "2026-11-23-sprint-44#2" {
		t.Errorf("ID = %q", got)
	}
	if f, n, ok := SplitID("2026-11-23-sprint-44#2"); !ok || f != "2026-11-23-sprint-44.md" || n != 2 {
		t.Errorf("SplitID = %q %d %v", f, n, ok)
	}
	for _, bad := range []string{"x", "x#", "x#0", "#2", "../x#1", "a/b#1", "x#-1", "x#y"} {
		if _, _, ok := SplitID(bad); ok {
			t.Errorf("SplitID(%q) accepted", bad)
		}
	}
}

func TestOverdue(t *testing.T) {
	now := time.Date(2026, 11, 23, 23, 30, 0, 0, time.FixedZone("", 3600))
	for _, tt := range []struct {
		a    Action
		want bool
	}{
		{Action{Status: StatusOpen, Due: "2026-11-22"}, true},
		{Action{Status: StatusOpen, Due: "2026-11-23"}, false},
		{Action{Status: StatusOpen}, false},
		{Action{Status: StatusDone, Due: "2020-01-01"}, false},
		{Action{Status: StatusDropped, Due: "2020-01-01"}, false},
		{Action{Status: StatusCarried, Due: "2020-01-01"}, false},
	} {
		if got := tt.a.Overdue(now); got != tt.want {
			t.Errorf("%+v overdue = %v", tt.a, got)
		}
	}
}

func TestRewriteLine(t *testing.T) {
	tests := []struct {
		line   string
		st     Status
		to, on string
		want   string
	}{
		{"- [ ] Add a canary stage (@alice, due 2026-12-01)", StatusDropped, "", "2026-11-30",
			"- [x] ~~Add a canary stage~~ (@alice, due 2026-12-01) — dropped 2026-11-30"},
		{"  * [ ] Add a canary stage (due 2026-12-01, @alice)", StatusCarried, "2026-11-30-sprint-44.md", "",
			"  * [x] ~~Add a canary stage~~ (@alice, due 2026-12-01) — carried over to [2026-11-30-sprint-44](2026-11-30-sprint-44.md)"},
		{"- [ ] Canary (@alice) — carried over from [a](a.md)", StatusDone, "", "",
			"- [x] Canary (@alice) — carried over from [a](a.md)"},
	}
	for _, tt := range tests {
		got, ok := RewriteLine(tt.line, tt.st, tt.to, tt.on)
		if !ok || got != tt.want {
			t.Errorf("RewriteLine(%q)\n got %q\nwant %q", tt.line, got, tt.want)
		}
	}
	if _, ok := RewriteLine("- [ ] x", StatusCarried, "", ""); ok {
		t.Error("carried without a target")
	}
	if _, ok := RewriteLine("plain text", StatusDone, "", ""); ok {
		t.Error("rewrote a line that is no action")
	}
}

// bigNote is a note of n bytes of "- [ ] a" actions: the shape that made
// parsing quadratic.
func bigNote(size int) []byte {
	var b bytes.Buffer
	b.WriteString("---\ntype: retro\ntitle: Big\n---\n## Actions\n")
	for b.Len()+8 <= size {
		b.WriteString("- [ ] a\n")
	}
	return b.Bytes()
}

func TestParseBigNoteCountsEveryLine(t *testing.T) {
	data := bigNote(MaxNoteSize)
	n, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	want := bytes.Count(data, []byte("- [ ] a\n"))
	if len(n.Actions) != want {
		t.Fatalf("%d actions, want %d", len(n.Actions), want)
	}
	last := n.Actions[len(n.Actions)-1]
	if last.N != want || last.Line != bytes.Count(data, []byte("\n")) {
		t.Errorf("last action #%d at line %d", last.N, last.Line)
	}
}

func BenchmarkParse4MiB(b *testing.B) {
	for _, shape := range []struct {
		name string
		data []byte
	}{
		{"tasks", bigNote(MaxNoteSize)},
		{"one-line", []byte("---\ntype: retro\n---\n## Actions\n- [ ] " + strings.Repeat("a (", MaxNoteSize/3-20) + ")\n")},
		{"prose", []byte("---\ntype: retro\n---\n## Actions\n" + strings.Repeat("Some prose about the actions, not a task.\n", MaxNoteSize/42-2))},
	} {
		b.Run(shape.name, func(b *testing.B) {
			b.SetBytes(int64(len(shape.data)))
			for b.Loop() {
				if _, err := Parse(shape.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// normalAction is what an action becomes once written: text and owner on
// one line, the owner without its @, refs and dates only where its status
// keeps them.
func normalAction(a Action) (Action, bool) {
	a.Text = oneLine(a.Text)
	a.Owner = strings.TrimPrefix(oneLine(a.Owner), "@")
	a.N, a.Line = 0, 0
	if a.Text == "" || !utf8.ValidString(a.Text+a.Owner) || strings.ContainsAny(a.Text+a.Owner, "\r\x00") {
		return a, false
	}
	if a.Due != "" && !isDate(a.Due) {
		return a, false
	}
	if !utf8.ValidString(a.From + a.To) {
		return a, false
	}
	if a.Status != StatusCarried {
		a.To = ""
	}
	if a.Status != StatusDropped {
		a.On = ""
	}
	if a.On != "" && !isDate(a.On) {
		return a, false
	}
	if a.Status == StatusCarried && a.To == "" {
		return a, false
	}
	if (a.Status == StatusDropped || a.Status == StatusCarried) && strings.HasPrefix(a.Text, "~") || strings.HasSuffix(a.Text, "~") {
		return a, false // "~~~x~~" would need escaping inside a strike-through
	}
	return a, true
}

// FuzzActionLine checks that an action written by ActionLine reads back
// as itself, whatever its text and owner hold.
func FuzzActionLine(f *testing.F) {
	f.Add("Ping Bob (@bob, due 2026-01-01)", "alice", "2026-12-01", 0, "", "", "")
	f.Add("Drop it — dropped", "bob, carol", "", 2, "", "", "2026-11-30")
	f.Add("~~x~~", "ops (night)", "", 0, "a.md", "", "")
	f.Add(`x \(@y)`, "", "", 3, "a.md", "b.md", "")
	f.Add("0", "0", "", 0, "\f", "", "")
	f.Add("<b>&amp; &lt;x", "a&amp;<b>", "", 1, "", "", "")
	f.Fuzz(func(t *testing.T, text, owner, due string, st int, from, to, on string) {
		a := Action{Text: text, Owner: owner, Due: due, Status: Statuses[(st%4+4)%4], From: from, To: to, On: on}
		want, ok := normalAction(a)
		if !ok {
			return
		}
		line := ActionLine(a)
		if strings.Contains(line, "\n") {
			t.Fatalf("%q spans lines", line)
		}
		got, ok := ParseActionLine(line)
		if !ok || !reflect.DeepEqual(got, want) {
			t.Fatalf("%q\n got %+v\nwant %+v", line, got, want)
		}
	})
}

func TestPreviousLineRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		label string
		a     Action
		src   string
		want  string
	}{
		{"Done", Action{Text: "Add a canary stage", Owner: "alice"}, "2026-11-23-sprint-43.md",
			"- Done: Add a canary stage (@alice) — [2026-11-23-sprint-43](2026-11-23-sprint-43.md)"},
		{"Carried over", Action{Text: "Ping (@bob) — [x](y.md)"}, "a b.md",
			"- Carried over: Ping (@bob) — [x](y.md) — [a b](a%20b.md)"},
		{"Still open", Action{Text: "No source"}, "", "- Still open: No source"},
	} {
		line := PreviousLine(tt.label, tt.a, tt.src)
		if line != tt.want {
			t.Errorf("PreviousLine = %q, want %q", line, tt.want)
		}
		label, a, src, ok := ParsePreviousLine(line)
		tt.a.Status = StatusOpen
		if !ok || label != tt.label || !reflect.DeepEqual(a, tt.a) || src != tt.src {
			t.Errorf("%q read back as %q %+v %q %v", line, label, a, src, ok)
		}
	}
	for _, line := range []string{"- [x] Old style (@bob)", "plain: text", "-no: space"} {
		if _, _, _, ok := ParsePreviousLine(line); ok {
			t.Errorf("%q read as a decision", line)
		}
	}
}

func TestFindAndFollowCarried(t *testing.T) {
	e1 := Entry{Path: "/n/one.md", Actions: []Action{{Text: "A", Status: StatusDone, N: 1}, {Text: "B", Status: StatusCarried, To: "two.md", N: 2}}}
	e2 := Entry{Path: "/n/two.md", Actions: []Action{{Text: "C", N: 1, Status: StatusOpen}, {Text: "B", From: "one.md", Status: StatusCarried, To: "three.md", N: 2}}}
	e3 := Entry{Path: "/n/three.md", Actions: []Action{{Text: "B", From: "two.md", Status: StatusOpen, N: 1}}}
	broken := Entry{Path: "/n/four.md", Err: &Error{Msg: "bad"}}
	x := IndexActions([]Entry{e3, e2, e1, broken})
	e, a, ok := x.Find("one#2")
	if !ok || e.Path != "/n/one.md" || a.Text != "B" {
		t.Fatalf("Find one#2: %v %+v %v", e.Path, a, ok)
	}
	if e, a, ok := x.Current(e, a); !ok || e.Path != "/n/three.md" || a.N != 1 || !a.IsOpen() {
		t.Errorf("Current: %v %+v %v", e.Path, a, ok)
	}
	for _, id := range []string{"one#3", "four#1", "five#1", "one"} {
		if _, _, ok := x.Find(id); ok {
			t.Errorf("Find(%q) found", id)
		}
	}
	lost := Entry{Path: "/n/lost.md", Actions: []Action{{Text: "D", Status: StatusCarried, To: "gone.md", N: 1}}}
	x = IndexActions([]Entry{lost})
	if _, a, ok := x.Current(lost, lost.Actions[0]); ok || a.Text != "D" {
		t.Errorf("broken chain: %+v %v", a, ok)
	}
}

func TestActionSummaryIsNotEscaped(t *testing.T) {
	a := Action{Text: "Ping <b> (@bob)", Owner: "@ops (night)", Due: "2026-12-01"}
	if got := ActionSummary(a); got != "Ping <b> (@bob) (@ops (night), due 2026-12-01)" {
		t.Errorf("ActionSummary = %q", got)
	}
	if got := ActionSummary(Action{Text: "Only due", Due: "2026-12-01"}); got != "Only due (due 2026-12-01)" {
		t.Errorf("ActionSummary = %q", got)
	}
}
