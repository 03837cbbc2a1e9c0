package tui

import (
	"strings"
	"testing"

	"github.com/retrokata/retrokata/notes"
)

// The previous actions phase lists every open action of the team, from all
// its notes, oldest first, overdue ones marked; other teams' actions and
// actions no longer open are not listed.
func TestPreviousActionsOfTheWholeTeam(t *testing.T) {
	m := newTestRetro(t, 80, 24, nil)
	open := func(text, due string, n int) notes.Action {
		return notes.Action{Text: text, Due: due, Status: notes.StatusOpen, N: n, Line: 10 + n}
	}
	m.update(entriesMsg{entries: []notes.Entry{ // newest first, as listed
		{Path: "/n/2026-11-16-sprint-44.md", Meta: notes.Meta{Type: notes.TypeRetro, Team: "checkout", Date: testNow.AddDate(0, 0, -7)},
			Actions: []notes.Action{open("Newest, not due yet", "2026-12-01", 1), {Text: "Done already", Status: notes.StatusDone, N: 2}}},
		{Path: "/n/2026-11-12-search.md", Meta: notes.Meta{Type: notes.TypeRetro, Team: "search", Date: testNow.AddDate(0, 0, -11)},
			Actions: []notes.Action{open("Another team's", "", 1)}},
		{Path: "/n/2026-11-02-sprint-42.md", Meta: notes.Meta{Type: notes.TypeRetro, Team: "Checkout", Date: testNow.AddDate(0, 0, -21)},
			Actions: []notes.Action{open("Oldest, overdue", "2026-11-20", 1), {Text: "Dropped", Status: notes.StatusDropped, N: 2}}},
	}})
	press(m, "esc", "tab")
	v := plain(m.view())
	for _, want := range []string{
		"2 open actions for checkout, oldest first (1 overdue)",
		"Oldest, overdue · 2026-11-02-sprint-42", "due 2026-11-20 overdue",
		"Newest, not due yet · 2026-11-16-sprint-44", "due 2026-12-01 undecided",
	} {
		if !strings.Contains(v, want) {
			t.Errorf("screen lacks %q:\n%s", want, v)
		}
	}
	if strings.Index(v, "Oldest, overdue") > strings.Index(v, "Newest, not due") ||
		strings.Contains(v, "Another team") || strings.Contains(v, "Done already") || strings.Contains(v, "Dropped") {
		t.Errorf("order or filtering:\n%s", v)
	}
	for _, line := range strings.Split(v, "\n") {
		tag := strings.TrimSpace(line[strings.LastIndex(line, " ")+1:])
		if (strings.Contains(line, "Oldest, overdue") && tag != "overdue") || (strings.Contains(line, "Newest, not due") && tag != "undecided") {
			t.Errorf("tag %q on %q", tag, line)
		}
	}
}
