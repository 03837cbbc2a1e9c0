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

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

var testNow = time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)

// testLibrary is the built-in library with the two katas the player tests
// drive (parameter-change, orphan-alert) frozen in testdata/library, so
// rewriting the shipped katas' text does not change these tests.
func testLibrary(t testing.TB) *content.Library {
	lib, probs := content.Load(content.Builtin(), content.DirSource(content.OriginBuiltin, filepath.Join("testdata", "library")))
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	return lib
}

func newTestRetro(t testing.TB, w, h int, adjust func(*common, *RetroOptions)) *retroModel {
	dir := t.TempDir()
	c := testCommon(true)
	c.notesDir, c.draftsDir, c.lib = filepath.Join(dir, "notes"), filepath.Join(dir, "drafts"), testLibrary(t)
	opt := RetroOptions{Team: "checkout", Dots: 3}
	if adjust != nil {
		adjust(c, &opt)
	}
	m := newRetroModel(c, opt)
	m.update(tea.WindowSizeMsg{Width: w, Height: h})
	return m
}

// press sends keys; a name longer than one rune that is not a key name is
// typed rune by rune.
func press(m *retroModel, keys ...string) (*retroModel, tea.Cmd) {
	var cmd tea.Cmd
	for _, k := range keys {
		if strings.HasPrefix(k, "type:") {
			for _, r := range strings.TrimPrefix(k, "type:") {
				cmd = m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			continue
		}
		cmd = m.update(keyMsg(k))
	}
	return m, cmd
}

// script runs a whole retro and calls at on each phase's screen.
func script(t *testing.T, w, h int, at func(name string, m *retroModel)) *retroModel {
	m := newTestRetro(t, w, h, nil)
	m.update(entriesMsg{entries: []notes.Entry{{Path: "/n/2026-11-16-checkout.md",
		Meta: notes.Meta{Type: notes.TypeRetro, Team: "checkout", Date: testNow.AddDate(0, 0, -7)},
		Actions: []notes.Action{{Text: "Write the rollback runbook", Owner: "chen", Status: notes.StatusOpen, N: 1, Line: 8},
			{Text: "Add a smoke test", Owner: "bob", Status: notes.StatusOpen, N: 2, Line: 9}}}}})
	m, _ = press(m, "type:Sprint 42", "tab", "tab", "type:Alice", "tab", "type:Alice, Bob, 陳", "tab", "type:5")
	at("1-stage-editing", m)
	m, _ = press(m, "esc", "tab")
	m, _ = press(m, "c", "down", "x")
	at("2-previous", m)
	m, _ = press(m, "tab", "a", "type:Checkout broken after the Friday deploy 🚀", "tab",
		"type:Orders failed for an hour.", "enter", "type:We rolled back by hand.", "esc",
		"a", "type:Slow reviews", "tab", "type:PRs wait two days.", "esc")
	at("3-problems", m)
	m, _ = press(m, "w")
	at("3-problems-example", m)
	m, _ = press(m, "w", "tab", "down", "+", "+", "+", "up", "+")
	at("4-vote", m)
	m, _ = press(m, "tab", "enter", "type:Paired on the review queue", "tab", "type:Small PRs", "enter", "type:Review first, code second", "esc", "2", "4")
	at("5-discuss", m)
	m, _ = press(m, "tab") // tab goes to the next problem, not to Actions
	at("5-discuss-second", m)
	m, _ = press(m, "tab") // the second problem is not discussed: a warning
	at("5-discuss-warn", m)
	m, _ = press(m, "tab", "a", "type:Add a canary stage", "tab", "type:@alice", "tab", "type:2026-12-01", "esc")
	at("6-actions", m)
	m, cmd := press(m, "tab")
	m.update(cmd()) // the preview is rendered in a Cmd
	at("7-close", m)
	return m
}

func TestRetroPhasesGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			script(t, w, h, func(name string, m *retroModel) {
				t.Run(name, func(t *testing.T) {
					v := m.view()
					checkFits(t, v, w, h)
					golden.RequireEqual(t, []byte(plain(v)))
				})
			})
		})
	}
}

// The whole wizard, through its keys, gives the note the team meant.
func TestRetroSavesTheNote(t *testing.T) {
	m := script(t, 80, 24, func(string, *retroModel) {})
	m, cmd := press(m, "s")
	if cmd == nil {
		t.Fatal("s does not save")
	}
	cmd = m.update(cmd())
	if m.result.Saved == "" {
		t.Fatalf("not saved: %s", m.status)
	}
	msgs := runCmd(cmd)
	if !quits(msgs) {
		t.Errorf("saving should quit, got %#v", msgs)
	}
	// the earlier note is not on disk here: both decisions stay recorded in
	// the new note only, and the end message says which lines
	for _, msg := range msgs {
		if d, ok := msg.(doneMsg); ok && (!strings.Contains(d.status, "not updated: /n/2026-11-16-checkout.md:8: ") ||
			!strings.Contains(d.status, "not updated: /n/2026-11-16-checkout.md:9: ")) {
			t.Errorf("end message: %s", d.status)
		}
	}
	if len(m.result.NotUpdated) != 2 || len(m.result.Updated) != 0 {
		t.Errorf("write-back: updated %v, not %v", m.result.Updated, m.result.NotUpdated)
	}
	data, err := os.ReadFile(m.result.Saved)
	if err != nil {
		t.Fatal(err)
	}
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if n.Title != "Sprint 42" || n.Team != "checkout" || n.Facilitator != "Alice" || strings.Join(n.Participants, ",") != "Alice,Bob,陳" {
		t.Errorf("meta %+v", n.Meta)
	}
	for _, want := range []string{
		"### 1. Slow reviews — 3 votes",
		"**What happened.** PRs wait two days.",
		"**Our reaction.** Paired on the review queue",
		"- Small PRs\n- Review first, code second",
		"**Tips.** 2. Share one goal, change and stability; 4. Blame the system, not the person",
		"### 2. Checkout broken after the Friday deploy 🚀 — 1 vote",
		"**What happened.** Orders failed for an hour.\nWe rolled back by hand.",
		"- Carried over: Write the rollback runbook (@chen) — [2026-11-16-checkout](2026-11-16-checkout.md)",
		"- Done: Add a smoke test (@bob) — [2026-11-16-checkout](2026-11-16-checkout.md)",
		"## Actions\n- [ ] Write the rollback runbook (@chen) — carried over from [2026-11-16-checkout](2026-11-16-checkout.md)\n- [ ] Add a canary stage (@alice, due 2026-12-01)",
	} {
		if !strings.Contains(n.Body, want) {
			t.Errorf("note lacks %q:\n%s", want, n.Body)
		}
	}
	if _, err := os.Stat(m.draftPath); !os.IsNotExist(err) {
		t.Error("the draft of a saved retro must be removed")
	}
}

func TestRetroKeepsTypingInTheDraft(t *testing.T) {
	m := newTestRetro(t, 80, 24, nil)
	m, _ = press(m, "esc", "tab", "tab", "a", "type:half-typed title")
	if !m.dirty {
		t.Fatal("typing must mark the retro for autosave")
	}
	cmd := m.update(tickMsg(testNow))
	if cmd == nil || m.dirty {
		t.Fatal("the tick must start an autosave")
	}
	// the draft encoded at the tick holds the text still being typed
	d, err := retro.EncodeDraft(m.s, testNow)
	if err != nil || !strings.Contains(string(d), "half-typed title") {
		t.Fatalf("draft %s %v", d, err)
	}
	if err := notes.SaveDraft(m.draftPath, m.draftData()); err != nil {
		t.Fatal(err)
	}
	got, ok, err := retro.LoadDraft(m.draftPath)
	if !ok || err != nil || got.Session.Problems[0].Title != "half-typed title" || got.Session.Phase != retro.PhaseProblems {
		t.Fatalf("draft %+v %v %v", got.Session, ok, err)
	}
	// the next start asks, then resumes where the facilitator was
	r := newTestRetro(t, 80, 24, func(_ *common, o *RetroOptions) { o.Draft = &got })
	if r.mode != modeAskResume || !strings.Contains(plain(r.view()), "A retro in progress was found") {
		t.Fatalf("no resume prompt:\n%s", plain(r.view()))
	}
	r, _ = press(r, "r")
	if r.s.Phase != retro.PhaseProblems || !strings.Contains(plain(r.view()), "half-typed title") {
		t.Fatalf("not resumed:\n%s", plain(r.view()))
	}
}

func TestRetroQuitAsksAndKeepsTheDraft(t *testing.T) {
	m := newTestRetro(t, 80, 24, nil)
	m, _ = press(m, "type:Sprint 43", "ctrl+c")
	if m.mode != modeConfirmQuit || !strings.Contains(plain(m.view()), "Quit now?") {
		t.Fatalf("ctrl+c must ask:\n%s", plain(m.view()))
	}
	m, _ = press(m, "esc")
	if m.mode != modeEdit {
		t.Fatal("esc goes back to typing")
	}
	m, cmd := press(m, "ctrl+c", "y")
	if _, err := os.Stat(m.draftPath); err == nil {
		t.Fatal("draft written before the Cmd ran")
	}
	if !quits(runCmd(cmd)) || m.result.DraftKept == "" || m.discard {
		t.Fatalf("y quits keeping the draft: %+v", m.result)
	}
	if _, err := os.Stat(m.draftPath); err != nil {
		t.Fatalf("y must write the draft before leaving: %v", err)
	}
}

func TestRetroCtrlCAsksEverywhereAndDiscardRemovesTheDraft(t *testing.T) {
	m := newTestRetro(t, 40, 12, nil)
	m, _ = press(m, "esc", "tab", "tab", "a", "type:x", "esc", "d")
	if m.mode != modeConfirmDelete {
		t.Fatal("d asks before deleting")
	}
	m, _ = press(m, "ctrl+c")
	if m.mode != modeConfirmQuit {
		t.Fatalf("ctrl+c in the delete prompt must ask to quit, mode %v", m.mode)
	}
	checkFits(t, m.view(), 40, 12)
	if err := notes.SaveDraft(m.draftPath, m.draftData()); err != nil {
		t.Fatal(err)
	}
	m, cmd := press(m, "D")
	if !quits(runCmd(cmd)) || !m.discard {
		t.Fatal("D quits and discards")
	}
	if _, err := os.Stat(m.draftPath); !os.IsNotExist(err) {
		t.Errorf("D must remove the draft: %v", err)
	}
}

func TestRetroSurvivesTinyTerminalsAndHugePastes(t *testing.T) {
	m := newTestRetro(t, 80, 24, nil)
	m, _ = press(m, "esc", "tab", "tab", "a", "tab")
	huge := strings.Repeat("界🚀 pasted text ", 700) // ~10,000 characters
	m.update(tea.PasteMsg{Content: huge})
	if got := m.s.Problems[0].What; got != huge {
		t.Fatalf("paste lost: %d of %d bytes", len(got), len(huge))
	}
	for _, size := range [][2]int{{20, 8}, {40, 12}, {1, 1}, {200, 60}} {
		m.update(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		for _, k := range []string{"esc", "tab", "tab", "tab", "tab", "shift+tab"} {
			m, _ = press(m, k)
			if size[0] >= 20 {
				checkFits(t, m.view(), size[0], size[1])
			} else {
				_ = m.view()
			}
		}
	}
}

// A preview rendered for an older size arrives after the newer one: it is
// dropped, not shown.
func TestRetroStalePreviewDropped(t *testing.T) {
	m := newTestRetro(t, 80, 24, nil)
	press(m, "esc")
	m.gotoPhase(retro.PhaseClose)
	old := m.renderPreview()
	m.update(tea.WindowSizeMsg{Width: 60, Height: 20})
	cmd := m.renderPreview()
	m.update(cmd())
	fresh := m.preview.GetContent()
	m.update(old())
	if m.preview.GetContent() != fresh {
		t.Error("a stale render replaced the current preview")
	}
}
