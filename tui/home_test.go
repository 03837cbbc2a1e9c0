package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// fullNotesDir writes two retros (one overdue action) and a kata note.
func fullNotesDir(t testing.TB, dir string) {
	t.Helper()
	files := map[string]string{
		"2026-11-20-sprint-42.md": "---\ntype: retro\ntitle: Sprint 42\ndate: 2026-11-20T14:00:00Z\nteam: checkout\ntags: [deploy]\n---\n# Sprint 42\n\n" +
			"## Problems\n\n### 1. Slow reviews\n\nPRs wait two days.\n\n## Actions\n- [ ] Add a canary stage (@alice, due 2026-11-01)\n- [ ] Write the runbook (@chen)\n- [x] Smoke test (@bob)\n",
		"2026-11-06-sprint-41.md":     "---\ntype: retro\ntitle: Sprint 41\ndate: 2026-11-06T14:00:00Z\nteam: search\n---\n# Sprint 41\n\n## Actions\n- [ ] Page the owner (@dana)\n",
		"2026-11-22-kata-game-day.md": "---\ntype: kata\ntitle: 'Kata: Your first game day'\ndate: 2026-11-22T10:00:00Z\nkata: game-day\nscore: 4\nmax_score: 5\n---\n# Kata\n",
		"2026-11-21-broken.md":        "---\ntype: retro\ntitle: [\n---\n",
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func newTestHome(t testing.TB, w, h int, full, draft bool) *app {
	root := t.TempDir()
	c := testCommon(true)
	c.location = notes.Location{Dir: filepath.Join(root, "notes"), Reason: notes.ReasonRepo, Config: "/repo/.retrokata.yaml"}
	c.notesDir, c.draftsDir, c.lib, c.homeDir = c.location.Dir, filepath.Join(root, "drafts"), testLibrary(t), root
	if full {
		fullNotesDir(t, c.notesDir)
	}
	if draft {
		s := retro.New(testNow, "checkout", "Sprint 43", "Alice", 3)
		data, _ := retro.EncodeDraft(s, testNow.Add(-time.Hour))
		if err := notes.SaveDraft(retro.DraftPath(c.draftsDir), data); err != nil {
			t.Fatal(err)
		}
	}
	a := newApp(c)
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	a.Update(a.home.loadFacts()())
	return a
}

// send delivers keys to the root and runs what they return (not ticks),
// feeding messages back, so screens open and close as in the program.
func send(a *app, keys ...string) {
	for _, k := range keys {
		var msgs []tea.Msg
		if text, ok := strings.CutPrefix(k, "type:"); ok {
			for _, r := range text {
				msgs = append(msgs, tea.KeyPressMsg{Code: r, Text: string(r)})
			}
		} else {
			msgs = []tea.Msg{keyMsg(k)}
		}
		for _, msg := range msgs {
			deliver(a, msg, 0)
		}
	}
}

func deliver(a *app, msg tea.Msg, depth int) {
	if depth > 8 || msg == nil {
		return
	}
	_, cmd := a.Update(msg)
	for _, m := range runNoTick(cmd) {
		deliver(a, m, depth+1)
	}
}

func (a *app) screen() string {
	v := a.View()
	return v.Content
}

func TestHomeGolden(t *testing.T) {
	cases := []struct {
		name        string
		full, draft bool
	}{
		{"empty", false, false},
		{"full", true, false},
		{"full-with-draft", true, true},
	}
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		for _, c := range cases {
			t.Run(fmt.Sprintf("%dx%d/%s", sz[0], sz[1], c.name), func(t *testing.T) {
				a := newTestHome(t, sz[0], sz[1], c.full, c.draft)
				v := a.screen()
				checkFits(t, v, sz[0], sz[1])
				golden.RequireEqual(t, []byte(plain(v)))
			})
		}
	}
}

func TestHomeFactsAndEntries(t *testing.T) {
	a := newTestHome(t, 80, 24, true, true)
	v := plain(a.screen())
	for _, want := range []string{"[R] Resume the retro", "Sprint 43", "[r] Run a retro", "[p] Practise a kata", "[b] Browse notes",
		"[c] Read the cases & tips", "3 open · 1 overdue", fmt.Sprintf("%d due today", len(testLibrary(t).Katas)), "Fri 20 Nov 2026 · checkout",
		"1 note cannot be read", "/repo/.retrokata.yaml"} {
		if !strings.Contains(v, want) {
			t.Errorf("home lacks %q:\n%s", want, v)
		}
	}
	if !strings.Contains(v, "› [R] Resume the retro") {
		t.Errorf("the draft comes first, selected:\n%s", v)
	}
	// every entry opens its screen and comes back home when it ends
	for _, c := range []struct{ key, title, leave string }{
		{"c", "cases & tips", "q"},
		{"b", "notes", "q"},
		{"p", "Pick a kata", "esc"},
	} {
		send(a, c.key)
		if a.active == screenHome || !strings.Contains(plain(a.screen()), c.title) {
			t.Fatalf("%s should open %q:\n%s", c.key, c.title, plain(a.screen()))
		}
		send(a, c.leave)
		if a.active != screenHome {
			t.Fatalf("%s should come back home:\n%s", c.leave, plain(a.screen()))
		}
	}
	// R resumes the retro, ctrl+c y keeps the draft and returns home
	send(a, "R")
	if a.active != screenRetro || !strings.Contains(plain(a.screen()), "Sprint 43") {
		t.Fatalf("R resumes:\n%s", plain(a.screen()))
	}
	send(a, "ctrl+c", "y")
	if a.active != screenHome || !strings.Contains(plain(a.screen()), "kept as a draft") {
		t.Fatalf("back home with the draft kept:\n%s", plain(a.screen()))
	}
	// q quits with no screen open
	_, cmd := a.Update(keyMsg("q"))
	if cmd == nil || cmd() != (tea.QuitMsg{}) {
		t.Error("q quits")
	}
}

func TestHomeKataFromHomeSavesAndReturns(t *testing.T) {
	a := newTestHome(t, 80, 24, false, false)
	send(a, "p", "type:nobody", "enter", "type:Find the owner.", "tab", "type:Fix it.", "tab", "type:Owners.", "tab", "tab", "1", "2", "3", "4", "tab",
		"tab", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "s", "enter") // 8 debrief fields skipped
	if a.active != screenHome {
		t.Fatalf("saving and enter come back home:\n%s", plain(a.screen()))
	}
	v := plain(a.screen())
	if !strings.Contains(v, "Saved ") || !strings.Contains(v, "Box 1 of 5") {
		t.Errorf("home says where the note went:\n%s", v)
	}
	files, _ := filepath.Glob(filepath.Join(a.c.notesDir, "*-kata-the-alert-nobody-owns.md"))
	if len(files) != 1 {
		t.Fatalf("kata note: %v", files)
	}
	if _, err := os.Stat(kata.DraftPath(a.c.draftsDir)); !os.IsNotExist(err) {
		t.Error("no draft left after saving")
	}
}
