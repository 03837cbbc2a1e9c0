package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// newTestKata builds a player on a temp notes dir that already holds one
// attempt at parameter-change (2 days ago, 4/5) so the picker shows scores.
func newTestKata(t testing.TB, w, h int, adjust func(*common, *KataOptions)) *kataModel {
	dir := t.TempDir()
	c := testCommon(true)
	c.notesDir, c.draftsDir, c.lib = filepath.Join(dir, "notes"), filepath.Join(dir, "drafts"), testLibrary(t)
	c.kataDir = c.notesDir
	var opt KataOptions
	lib := c.lib
	k, _ := lib.Kata("parameter-change")
	s := kata.NewSession(k, testNow.AddDate(0, 0, -2), 0)
	for i := 0; i < 4; i++ {
		s.Toggle(i)
	}
	if _, err := notes.Save(c.notesDir, s.ToNote(k, nil)); err != nil {
		t.Fatal(err)
	}
	if adjust != nil {
		adjust(c, &opt)
	}
	m := newKataModel(c, opt)
	m.update(tea.WindowSizeMsg{Width: w, Height: h})
	m.update(loadBoard(notes.Lister{}, c.notesDir, lib, testNow)())
	return m
}

// kpress sends keys to the player; "type:text" types text rune by rune.
func kpress(m *kataModel, keys ...string) tea.Cmd {
	var cmd tea.Cmd
	for _, k := range keys {
		if text, ok := strings.CutPrefix(k, "type:"); ok {
			for _, r := range text {
				cmd = m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			continue
		}
		cmd = m.update(keyMsg(k))
	}
	return cmd
}

// playTo starts the duplicate-import kata (the frozen copy in
// testdata/library) from the picker and plays it, looking at one item,
// choosing option 1 (pause the import) and predicting, up to the step
// named.
func playTo(t *testing.T, m *kataModel, step string) {
	t.Helper()
	kpress(m, "type:duplicate", "enter", "type:Pause the import, tell Spain 漢字 and Italy.")
	if step == "look" {
		kpress(m, "ctrl+o")
		return
	}
	if step == "look-item" {
		kpress(m, "ctrl+o", "down", "enter")
		return
	}
	kpress(m, "ctrl+o", "1", "esc", "esc", "tab")
	if step == "decide" {
		return
	}
	kpress(m, "1")
	if step == "predict" {
		kpress(m, "type:No new duplicates tonight.")
		return
	}
	kpress(m, "type:No new duplicates tonight.", "tab", "type:Upsert on the ERP key and a run lock.", "tab", "type:Ask how we would have seen it.")
	if step == "stage" {
		kpress(m, "shift+tab")
		return
	}
	kpress(m, "tab", "type:Every job must be safe to run twice.")
	if step == "reflect" {
		return
	}
	kpress(m, "tab")
	if step == "reveal" {
		return
	}
	kpress(m, "tab", "space", "down", "down", "x", "4")
	if step == "assess" {
		return
	}
	kpress(m, "tab", "type:Duplicates on the site for days, in two countries.")
	if step == "debrief" {
		return
	}
	for range kata.DebriefFields() {
		kpress(m, "tab")
	}
}

func TestKataScreensGolden(t *testing.T) {
	sizes := [][2]int{{80, 24}, {40, 12}}
	steps := []string{"picker", "stage", "look", "look-item", "decide", "predict", "reflect", "reveal", "assess", "debrief", "end"}
	for _, sz := range sizes {
		w, h := sz[0], sz[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			for _, step := range steps {
				t.Run(step, func(t *testing.T) {
					m := newTestKata(t, w, h, nil)
					if step != "picker" {
						playTo(t, m, step)
					}
					v := m.view()
					checkFits(t, v, w, h)
					golden.RequireEqual(t, []byte(plain(v)))
				})
			}
		})
	}
	t.Run("120x30/reveal-side-by-side", func(t *testing.T) {
		m := newTestKata(t, 120, 30, nil)
		playTo(t, m, "reveal")
		v := m.view()
		checkFits(t, v, 120, 30)
		if !strings.Contains(plain(v), "│") {
			t.Error("at 120 columns the reference is beside the answers")
		}
		golden.RequireEqual(t, []byte(plain(v)))
	})
}

func TestKataPickerOrderAndFilter(t *testing.T) {
	m := newTestKata(t, 80, 24, nil)
	rows := m.rows()
	if last := rows[len(rows)-1]; last.k.ID != "parameter-change" || !last.known || last.p.Box != 1 {
		t.Errorf("the kata practised 2 days ago (box 1, due since yesterday) comes after the never practised ones; last is %+v", last.p)
	}
	// parameter-change passed 4/5 two days ago: box 1, due the next day, so due now
	if p := rows[len(rows)-1].p; !p.Due(testNow) {
		t.Errorf("box 1 attempt from 2 days ago must be due: %+v", p)
	}
	kpress(m, "type:EASY nobody")
	if rows := m.rows(); len(rows) != 1 || rows[0].k.ID != "orphan-alert" {
		t.Fatalf("filter 'EASY nobody' = %v", ids(rows))
	}
	kpress(m, "esc")
	if len(m.rows()) != len(m.c.lib.Katas) {
		t.Fatal("esc clears the filter")
	}
	kpress(m, "type:zzz")
	if !strings.Contains(plain(m.view()), "No kata matches") {
		t.Error("an empty result says so")
	}
	kpress(m, "enter") // nothing to start
	if m.mode != kataPick {
		t.Error("enter on no match starts nothing")
	}
	kpress(m, "esc")
	if cmd := kpress(m, "esc"); !quits(runCmd(cmd)) {
		t.Error("esc on an empty filter leaves the picker")
	}
}

func ids(rows []pickRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, r.k.ID)
	}
	return out
}

func TestKataWholePracticeToNote(t *testing.T) {
	m := newTestKata(t, 80, 24, func(_ *common, o *KataOptions) { o.Timed = 10 * time.Minute })
	playTo(t, m, "end")
	cmd := kpress(m, "s")
	msgs := runCmd(cmd)
	if len(msgs) != 1 {
		t.Fatalf("save returned %v", msgs)
	}
	runCmd(m.update(msgs[0])) // removes the draft
	if m.result.Saved == "" {
		t.Fatalf("not saved: %s", m.status)
	}
	data, err := os.ReadFile(m.result.Saved)
	if err != nil {
		t.Fatal(err)
	}
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if n.Kata != "duplicate-import" || *n.Score != 3 || *n.MaxScore != 6 || n.InTime == nil || !*n.InTime {
		t.Errorf("meta %+v", n.Meta)
	}
	for _, want := range []string{"Pause the import, tell Spain 漢字 and Italy.", "Upsert on the ERP key", "Every job must be safe",
		"- [x] Stop the harm first", "- [ ] Tell the people affected", "- [x] Measure the damage"} {
		if !strings.Contains(n.Body, want) {
			t.Errorf("note lacks %q", want)
		}
	}
	if p := m.result.Progress; p.Box != 1 || p.Attempts != 1 || p.LastScore != 3 {
		t.Errorf("progress %+v", m.result.Progress)
	}
	if !strings.Contains(plain(m.view()), "Box 1 of 5: next practice Tue 24 Nov (tomorrow)") {
		t.Errorf("the saved screen gives the box and next date:\n%s", plain(m.view()))
	}
	if _, err := os.Stat(m.draftPath); !os.IsNotExist(err) {
		t.Error("the draft is removed once the note is saved")
	}
	if p, _ := m.unsaved(); p != "" {
		t.Error("nothing unsaved after saving")
	}
	if !quits(runCmd(kpress(m, "enter"))) {
		t.Error("enter leaves after saving")
	}
}

func TestKataAutosaveQuitAndResume(t *testing.T) {
	m := newTestKata(t, 80, 24, nil)
	kpress(m, "type:duplicate", "enter", "type:half typed")
	if p, _ := m.unsaved(); p == "" {
		t.Fatal("a kata being practised has unsaved work")
	}
	msgs := runCmd(m.update(tickMsg(testNow)))
	for _, msg := range msgs {
		m.update(msg)
	}
	d, ok, err := kata.LoadDraft(m.draftPath)
	if !ok || err != nil || d.Session.Answers[0] != "half typed" {
		t.Fatalf("autosave: %+v %v %v", d.Session, ok, err)
	}
	kpress(m, "ctrl+c")
	if m.mode != kataConfirmQuit || !strings.Contains(plain(m.view()), "Quit now?") {
		t.Fatal("ctrl+c asks")
	}
	kpress(m, "esc")
	if m.mode != kataPlay || !m.typing() {
		t.Fatal("esc goes back to typing")
	}
	kpress(m, "type: more")
	if !quits(runCmd(kpress(m, "ctrl+c", "y"))) {
		t.Fatal("y quits")
	}
	d, _, _ = kata.LoadDraft(m.draftPath)
	if d.Session.Answers[0] != "half typed more" {
		t.Fatalf("y writes the draft with the last keys: %q", d.Session.Answers[0])
	}

	// next start: the resume prompt, then the text is back
	m2 := newTestKata(t, 40, 12, func(c *common, o *KataOptions) { o.Draft, c.draftsDir = &d, m.c.draftsDir })
	if m2.mode != kataAskResume || !strings.Contains(plain(m2.view()), "A kata in progress") {
		t.Fatalf("resume is offered:\n%s", plain(m2.view()))
	}
	checkFits(t, m2.view(), 40, 12)
	kpress(m2, "r")
	if m2.mode != kataPlay || m2.area.Value() != "half typed more" || m2.k.ID != "duplicate-import" {
		t.Fatalf("resumed %q", m2.area.Value())
	}
	// D discards and removes the draft
	if !quits(runCmd(kpress(m2, "ctrl+c", "D"))) {
		t.Fatal("D quits")
	}
	if _, err := os.Stat(m.draftPath); !os.IsNotExist(err) {
		t.Error("D removes the draft")
	}
	if p, _ := m2.unsaved(); p != "" {
		t.Error("a discarded kata is not written again")
	}
}

func TestKataTimedOverAndTinyTerminals(t *testing.T) {
	now := testNow
	m := newTestKata(t, 80, 24, func(c *common, o *KataOptions) {
		o.Timed = time.Minute
		o.ID = "parameter-change"
		c.now = func() time.Time { return now }
	})
	if m.mode != kataPlay {
		t.Fatal("an ID skips the picker")
	}
	now = now.Add(90 * time.Second)
	m.update(tickMsg(now))
	if v := plain(m.view()); !strings.Contains(v, "+00:30 over") {
		t.Errorf("countdown over time:\n%s", v)
	}
	kpress(m, "tab", "tab", "tab", "tab") // reveal: the clock stops
	now = now.Add(time.Hour)
	m.update(tickMsg(now))
	if m.s.Spent != 90*time.Second || *m.s.InTime() {
		t.Errorf("spent %v in time %v", m.s.Spent, *m.s.InTime())
	}
	for _, sz := range [][2]int{{20, 8}, {1, 1}, {200, 60}} {
		m.update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		for i := 0; i < m.s.Steps(); i++ {
			m.s.Goto(i)
			m.enterStep()
			checkFits(t, m.view(), max(sz[0], 1), max(sz[1], 1))
		}
	}
}

func TestKataHugePaste(t *testing.T) {
	m := newTestKata(t, 40, 12, func(_ *common, o *KataOptions) { o.ID = "orphan-alert" })
	big := strings.Repeat("宽字 wide text ", 1000)
	m.update(tea.PasteMsg{Content: big})
	if m.s.Answers[0] != big {
		t.Fatalf("paste kept %d of %d bytes", len(m.s.Answers[0]), len(big))
	}
	checkFits(t, m.view(), 40, 12)
}

// TestKataThroughTheProgram drives the real bubbletea program with teatest:
// Init reads the notes, keys go through the event loop, the save runs as a
// Cmd; the final screen is compared with a golden file.
func TestKataThroughTheProgram(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			m := newTestKata(t, sz[0], sz[1], func(_ *common, o *KataOptions) { o.ID = "orphan-alert" })
			a := aloneApp(m.c)
			a.active, a.kata = screenKata, m
			tm := teatest.NewTestModel(t, a, teatest.WithInitialTermSize(sz[0], sz[1]))
			send := func(keys ...string) {
				for _, k := range keys {
					if text, ok := strings.CutPrefix(k, "type:"); ok {
						tm.Type(text)
						continue
					}
					tm.Send(keyMsg(k))
				}
			}
			send("type:Find who owns the service.", "tab", "type:Mute it for a day, not forever.", "tab",
				"type:Alerts need owners.", "tab", "tab", "space", "tab",
				"type:Nobody knew the alert.", "tab", "tab", "tab", "tab", "tab", "tab", "tab", "type:Name an owner per alert @sam", "tab", "s")
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "Saved") },
				teatest.WithDuration(10*time.Second))
			send("enter")
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(10*time.Second)).(*app).kata
			if fm.result.Saved == "" {
				t.Fatal("not saved")
			}
			if _, err := os.Stat(fm.result.Saved); err != nil {
				t.Fatal(err)
			}
			screen := regexp.MustCompile(`(?m)^in /.*$`).ReplaceAllString(plain(fm.view()), "in $$NOTES")
			golden.RequireEqual(t, []byte(screen))
		})
	}
}

// TestKataBranchingPathsGolden plays the frozen duplicate-import kata down
// each of its paths: it opens an item on request (its minutes go on the
// clock), takes option 1 or 2, predicts, answers every stage of the path,
// reflects, sees the reveal, assesses, writes the debrief and saves. The
// first attempt plays variant 1; the second, with variant 1 already seen,
// plays variant 2. The reveal screen and the saved note are golden files.
func TestKataBranchingPathsGolden(t *testing.T) {
	for _, tt := range []struct {
		name    string
		option  string
		seen    []int
		variant int
		path    string
	}{
		{"pause-variant-1", "1", nil, 1, "path: stages 1 → 2 → 4"},
		{"keep-running-variant-2", "2", []int{1}, 2, "path: stages 1 → 3 → 4"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m := newTestKata(t, 80, 24, func(_ *common, o *KataOptions) {
				o.ID = "duplicate-import"
				o.Seen = map[string][]int{"duplicate-import": tt.seen}
			})
			if m.s.Variant != tt.variant-1 {
				t.Fatalf("variant %d, want %d", m.s.Variant+1, tt.variant)
			}
			kpress(m, "ctrl+o", "2", "esc", "esc", "type:Tell the country managers, then look.", "tab")
			if m.s.Current() != kata.KindDecide {
				t.Fatalf("after stage 1: step %v", m.s.CurrentStep())
			}
			kpress(m, "tab") // no choice yet: stays
			if m.s.Current() != kata.KindDecide {
				t.Fatal("tab passed an undecided decision")
			}
			kpress(m, tt.option, "type:The duplicates stop growing.", "tab")
			for m.s.Current() == kata.KindStage {
				i := m.s.CurrentStep().Stage
				kpress(m, fmt.Sprintf("type:Answer to stage %d.", i+1), "tab")
			}
			kpress(m, "type:Jobs must be safe to run twice.", "tab")
			if m.s.Current() != kata.KindReveal {
				t.Fatalf("not at the reveal: %v", m.s.CurrentStep())
			}
			t.Run("reveal", func(t *testing.T) {
				v := m.view()
				checkFits(t, v, 80, 24)
				golden.RequireEqual(t, []byte(plain(v)))
			})
			kpress(m, "tab", "1", "3", "tab", "type:Duplicates shown for days.", "tab", "type:A pod restart.", "tab",
				"tab", "tab", "tab", "tab", "tab", "type:Alert on products per run @priya\nTest a double run", "tab")
			if m.s.Current() != kata.KindEnd {
				t.Fatalf("not at the end: %v", m.s.CurrentStep())
			}
			msgs := runCmd(kpress(m, "s"))
			if len(msgs) != 1 {
				t.Fatalf("save returned %v", msgs)
			}
			runCmd(m.update(msgs[0]))
			data, err := os.ReadFile(m.result.Saved)
			if err != nil {
				t.Fatal(err)
			}
			n, err := notes.Parse(data)
			if err != nil {
				t.Fatal(err)
			}
			if n.Variant != tt.variant || *n.Score != 2 || !strings.Contains(n.Body, tt.path) || n.Duration != "1m0s" {
				t.Errorf("variant %d score %d duration %s, want %d, 2, 1m0s and %q", n.Variant, *n.Score, n.Duration, tt.variant, tt.path)
			}
			t.Run("note", func(t *testing.T) { golden.RequireEqual(t, data) })
		})
	}
}

// Every step of every built-in kata, down every path, with the "look at"
// panel open on each item, fits 80x24 and 40x12 (every variant at 40x12).
func TestEveryKataPathFits(t *testing.T) {
	lib := testLibrary(t)
	for _, k := range lib.Katas {
		for v := range max(1, len(k.Variants)) {
			for _, path := range k.Paths() {
				for _, sz := range [][2]int{{80, 24}, {40, 12}} {
					if v > 0 && sz[0] == 80 {
						continue // other variants differ in words only: the smallest size is enough
					}
					m := newTestKata(t, sz[0], sz[1], func(_ *common, o *KataOptions) { o.ID = k.ID })
					m.s.Variant = v
					m.k = k.WithVariant(v)
					for st, c := range path.Choices {
						m.s.Choose(st, c)
					}
					for i := 0; i < m.s.Steps(); i++ {
						m.s.Goto(i)
						m.enterStep()
						m.update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
						checkFits(t, m.view(), sz[0], sz[1])
						if m.s.Current() == kata.KindStage {
							for j := range m.lookItems() {
								m.looking, m.lookShown = true, j
								m.update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
								checkFits(t, m.view(), sz[0], sz[1])
							}
							m.looking, m.lookShown = false, -1
						}
					}
				}
			}
		}
	}
}
