package tui

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
)

// newTestBrowser opens the browser on the full notes dir of the home
// tests, with its list, note texts and first preview loaded.
func newTestBrowser(t testing.TB, w, h int) *browserModel {
	dir := filepath.Join(t.TempDir(), "notes")
	fullNotesDir(t, dir)
	m := newBrowserModel(notesCommon(dir, true))
	bdeliver(m, tea.WindowSizeMsg{Width: w, Height: h})
	bdeliver(m, m.Init()())
	return m
}

// bdeliver sends a message and runs what it returns, feeding it back.
func bdeliver(m *browserModel, msg tea.Msg) {
	if msg == nil {
		return
	}
	for _, out := range runNoTick(m.update(msg)) {
		bdeliver(m, out)
	}
}

func bpress(m *browserModel, keys ...string) {
	for _, k := range keys {
		if text, ok := strings.CutPrefix(k, "type:"); ok {
			for _, r := range text {
				bdeliver(m, tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			continue
		}
		bdeliver(m, keyMsg(k))
	}
}

// stable replaces the temp notes dir in a screen for goldens.
func stable(m *browserModel, v string) string {
	return strings.ReplaceAll(plain(v), m.c.notesDir, "$NOTES")
}

func TestBrowserGolden(t *testing.T) {
	steps := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"filter", []string{"/", "type:chk"}},
		{"filter-body", []string{"/", "type:page the owner", "enter"}},
		{"preview", []string{"enter"}},
		{"actions", []string{"a"}},
		{"actions-by-owner", []string{"a", "o"}},
	}
	for _, sz := range [][2]int{{80, 24}, {40, 12}, {120, 30}} {
		for _, s := range steps {
			t.Run(fmt.Sprintf("%dx%d/%s", sz[0], sz[1], s.name), func(t *testing.T) {
				m := newTestBrowser(t, sz[0], sz[1])
				bpress(m, s.keys...)
				v := m.view()
				checkFits(t, v, sz[0], sz[1])
				golden.RequireEqual(t, []byte(stable(m, v)))
			})
		}
	}
}

func TestBrowserListAndFilter(t *testing.T) {
	m := newTestBrowser(t, 80, 24)
	v := plain(m.view())
	for _, want := range []string{"2026-11-22 kata  Kata: Your first game day", "4/5", "Sprint 42", "checkout", "2 open", "broken: ", "2026-11-21-broken.md"} {
		if !strings.Contains(v, want) {
			t.Errorf("list lacks %q:\n%s", want, v)
		}
	}
	if strings.Index(v, "Sprint 42") > strings.Index(v, "Sprint 41") {
		t.Error("newest first")
	}
	bpress(m, "/", "type:chk")
	if len(m.shown) != 1 || m.entries[m.shown[0]].Meta.Team != "checkout" {
		t.Errorf("fuzzy 'chk' matches the checkout team only: %v", m.shown)
	}
	bpress(m, "esc")
	if len(m.shown) != len(m.entries) || m.filter.Focused() {
		t.Error("esc clears the filter")
	}
	bpress(m, "/", "type:runbook")
	if len(m.shown) != 1 || m.entries[m.shown[0]].Meta.Title != "Sprint 42" {
		t.Errorf("a word of the text finds its note: %v", m.shown)
	}
}

func TestBrowserPreviewIsCachedAndSafe(t *testing.T) {
	m := newTestBrowser(t, 120, 30)
	e, _ := m.current()
	if _, ok := m.cache[e.Path]; !ok {
		t.Fatal("the preview beside the list is rendered at once")
	}
	v := m.view()
	if !strings.Contains(plain(v), "│") {
		t.Error("at 120 columns the preview is beside the list")
	}
	// a note with control sequences: none reaches the screen
	evil := filepath.Join(m.c.notesDir, "2026-11-23-evil.md")
	os.WriteFile(evil, []byte("---\ntype: retro\ntitle: \"Evil \\e]0;pwned\\a\"\ndate: 2026-11-23T15:00:00Z\n---\n# Hi \x1b[2J there\n\n\x1b]8;;http://x\x07link\x1b]8;;\x07\n"), 0o644)
	bdeliver(m, m.reload()())
	m.sel = 0
	bdeliver(m, nil)
	for _, out := range runNoTick(m.wantPreview()) {
		bdeliver(m, out)
	}
	v = m.view()
	for _, bad := range []string{"\x1b]0;", "\x1b[2J", "\x1b]8;", "\x07"} {
		if strings.Contains(v, bad) {
			t.Errorf("screen holds %q", bad)
		}
	}
	if !strings.Contains(plain(v), "Hi") {
		t.Errorf("the evil note is still shown:\n%s", plain(v))
	}
}

// Ticking in the actions view changes exactly one line of the note.
func TestBrowserActionToggleWritesOneLine(t *testing.T) {
	m := newTestBrowser(t, 80, 24)
	path := filepath.Join(m.c.notesDir, "2026-11-20-sprint-42.md")
	before, _ := os.ReadFile(path)
	bpress(m, "a")
	if r := m.rows[m.actSel]; r.header != "" {
		t.Fatal("the cursor starts on an action")
	}
	bpress(m, "down") // Write the runbook
	bpress(m, "space")
	after, _ := os.ReadFile(path)
	bl, al := bytes.Split(before, []byte("\n")), bytes.Split(after, []byte("\n"))
	if len(bl) != len(al) {
		t.Fatalf("line count changed")
	}
	var changed []string
	for i := range bl {
		if !bytes.Equal(bl[i], al[i]) {
			changed = append(changed, string(al[i]))
		}
	}
	if len(changed) != 1 || changed[0] != "- [x] Write the runbook (@chen)" {
		t.Fatalf("changed lines: %q", changed)
	}
	if v := plain(m.view()); !strings.Contains(v, "[x] Write the runbook") || !strings.Contains(v, "Ticked in") {
		t.Errorf("the ticked action stays, ticked, for an undo:\n%s", v)
	}
	for _, e := range m.entries {
		if e.Path == path && (e.Open != 1 || e.Done != 2) {
			t.Errorf("the note's counts after the tick: %d open, %d done, want 1 and 2", e.Open, e.Done)
		}
	}
	bpress(m, "space")
	if again, _ := os.ReadFile(path); !bytes.Equal(again, before) {
		t.Errorf("space again unticks: the file is back as it was")
	}
	// an edit made meanwhile is not overwritten
	os.WriteFile(path, bytes.Replace(before, []byte("Write the runbook"), []byte("Write the new runbook"), 1), 0o644)
	bpress(m, "space")
	if !m.isErr || !strings.Contains(m.status, "2026-11-20-sprint-42.md changed since it was read; reloaded") {
		t.Errorf("a note changed meanwhile is refused: %q", m.status)
	}
}

func TestBrowserEditReloads(t *testing.T) {
	m := newTestBrowser(t, 80, 24)
	script := filepath.Join(t.TempDir(), "ed.sh")
	os.WriteFile(script, []byte("#!/bin/sh\nsed -i 's/Sprint 42/Sprint 42 edited/' \"$1\"\n"), 0o755)
	m.c.editor = []string{script}
	for m.entries[m.shown[m.sel]].Meta.Title != "Sprint 42" {
		bpress(m, "down")
	}
	cmd := m.edit()
	if cmd == nil {
		t.Fatal("e runs the editor")
	}
	// tea.ExecProcess needs a program; run the editor as it would
	e, _ := m.current()
	if out, err := execEditor(m.c.editor, e.Path); err != nil {
		t.Fatalf("%v %s", err, out)
	}
	bdeliver(m, editedMsg{path: e.Path})
	found := false
	for _, en := range m.entries {
		found = found || en.Meta.Title == "Sprint 42 edited"
	}
	if !found {
		t.Error("the list is reloaded after editing")
	}
}

func TestBrowserEmptyAndTiny(t *testing.T) {
	m := newBrowserModel(notesCommon(filepath.Join(t.TempDir(), "none"), false))
	bdeliver(m, tea.WindowSizeMsg{Width: 40, Height: 12})
	bdeliver(m, m.Init()())
	if v := plain(m.view()); !strings.Contains(v, "No notes yet") {
		t.Errorf("empty dir:\n%s", v)
	}
	for _, sz := range [][2]int{{20, 8}, {1, 1}} {
		m := newTestBrowser(t, sz[0], sz[1])
		bpress(m, "a", "a", "enter")
		checkFits(t, m.view(), sz[0], sz[1])
	}
}

func execEditor(editor []string, path string) ([]byte, error) {
	return exec.Command(editor[0], append(editor[1:], path)...).CombinedOutput()
}

// The notes dir deleted while the app runs: the browser says so on reload,
// and a retro still saves (the dir is created again).
func TestFaultNotesDirDeletedWhileRunning(t *testing.T) {
	m := newTestBrowser(t, 80, 24)
	if err := os.RemoveAll(m.c.notesDir); err != nil {
		t.Fatal(err)
	}
	bpress(m, "a", "space") // ticks an action of a file now gone
	if !m.isErr || !strings.Contains(m.status, "Not changed") {
		t.Errorf("tick in a deleted dir: %q", m.status)
	}
	bdeliver(m, m.reload()())
	checkFits(t, m.view(), 80, 24)

	r := newTestRetro(t, 80, 24, nil)
	if err := os.RemoveAll(filepath.Dir(r.c.notesDir)); err != nil {
		t.Fatal(err)
	}
	r, _ = press(r, "esc")
	r.gotoPhase(6)
	r, cmd := press(r, "s")
	msgs := runCmd(cmd)
	r.update(msgs[0])
	if r.result.Saved == "" {
		t.Fatalf("the retro is saved in the recreated dir: %s", r.status)
	}
}

// Typing on narrows the previous matches; the result must be what a fresh
// filter on the whole query gives, for every prefix and after a backspace.
func TestBrowserNarrowingMatchesAFreshFilter(t *testing.T) {
	m := newTestBrowser(t, 80, 24)
	fresh := func(q string) []int {
		f := newBrowserModel(m.c)
		f.entries, f.bodies = m.entries, m.bodies
		f.indexText()
		f.filter.SetValue(q)
		f.refilter()
		return append([]int(nil), f.shown...)
	}
	bpress(m, "/")
	for _, k := range []string{"type:s", "type:p", "type:r", "type:i", "type:n", "type:t", "type: ", "type:4", "type:2", "backspace", "type:1", "type:x"} {
		bpress(m, k)
		if got, want := fmt.Sprint(m.shown), fmt.Sprint(fresh(m.filter.Value())); got != want {
			t.Fatalf("after %q: shown %s, a fresh filter gives %s", m.filter.Value(), got, want)
		}
	}
}
