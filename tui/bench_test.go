package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/internal/testutil/corpus"
	"github.com/retrokata/retrokata/notes"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/retro"
)

// bigRetro is a retro with 50 problems and 100 actions.
func bigRetro(b *testing.B) *retroModel {
	m := newTestRetro(b, 80, 24, nil)
	m, _ = press(m, "esc")
	for i := range 50 {
		m.s.AddProblem()
		m.s.Problems[i] = retro.Problem{Title: fmt.Sprintf("Problem %d with a longish title", i), What: "What happened, in a few words.",
			Reaction: "We did this", Learnings: []string{"One", "Two"}, Votes: i % 4, Tips: []int{1, 4}}
	}
	for i := range 100 {
		m.s.AddAction()
		m.s.Actions[i] = retro.Action{Text: fmt.Sprintf("Action %d", i), Owner: "alice", Due: "2026-12-01"}
	}
	return m
}

// BenchmarkRetroKeystroke is the cost of one key press (Update then View),
// the budget being well under a millisecond.
func BenchmarkRetroKeystroke(b *testing.B) {
	cases := []struct {
		name  string
		phase retro.Phase
		setup []string
		keys  []tea.KeyPressMsg
	}{
		{"actions-move", retro.PhaseActions, nil, []tea.KeyPressMsg{keyMsg("down"), keyMsg("up")}},
		{"vote", retro.PhaseVote, []string{"down"}, []tea.KeyPressMsg{keyMsg("+"), keyMsg("-")}},
		{"discuss-move", retro.PhaseDiscuss, nil, []tea.KeyPressMsg{keyMsg("down"), keyMsg("up")}},
		{"problem-typing", retro.PhaseProblems, []string{"enter", "tab"}, []tea.KeyPressMsg{keyMsg("x"), keyMsg("backspace")}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			m := bigRetro(b)
			m.gotoPhase(c.phase)
			m, _ = press(m, c.setup...)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m.update(c.keys[i%len(c.keys)])
				_ = m.view()
				i++
			}
		})
	}
}

// BenchmarkKataKeystroke is one key press in the kata player: typing an
// answer (with 2,000 characters already typed), moving in the picker,
// scrolling the reveal and ticking key points.
func BenchmarkKataKeystroke(b *testing.B) {
	long := strings.Repeat("A long answer with 漢字 and more words. ", 50)
	cases := []struct {
		name  string
		setup func(m *kataModel)
		keys  []tea.KeyPressMsg
	}{
		{"picker-move", func(m *kataModel) {}, []tea.KeyPressMsg{keyMsg("down"), keyMsg("up")}},
		{"picker-filter", func(m *kataModel) {}, []tea.KeyPressMsg{keyMsg("e"), keyMsg("backspace")}},
		{"answer-typing", func(m *kataModel) { kpress(m, "enter"); m.update(tea.PasteMsg{Content: long}) },
			[]tea.KeyPressMsg{keyMsg("x"), keyMsg("backspace")}},
		{"reveal-scroll", func(m *kataModel) { kpress(m, "enter", "tab", "tab", "tab", "tab") },
			[]tea.KeyPressMsg{keyMsg("down"), keyMsg("up")}},
		{"assess-tick", func(m *kataModel) { kpress(m, "enter", "tab", "tab", "tab", "tab", "tab") },
			[]tea.KeyPressMsg{keyMsg("space"), keyMsg("down")}},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			m := newTestKata(b, 80, 24, nil)
			c.setup(m)
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				m.update(c.keys[i%len(c.keys)])
				_ = m.view()
				i++
			}
		})
	}
}

// BenchmarkBrowserFirstScreen is opening the notes browser on 10,000
// notes with the index warm: list, first view and first preview.
func BenchmarkBrowserFirstScreen(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "notes")
	if err := corpus.Write(dir, 10000, 42); err != nil {
		b.Fatal(err)
	}
	cache := b.TempDir()
	// notes whose ctime is under 2 s old are indexed as racy and checked by
	// content hash at each listing; a real repository's notes are older
	time.Sleep(2 * time.Second)
	if _, err := (notes.Lister{CacheDir: cache}).List(dir, notes.Filter{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		c := notesCommon(dir, true)
		c.index = notes.Lister{CacheDir: cache}
		m := newBrowserModel(c)
		m.update(tea.WindowSizeMsg{Width: 120, Height: 40})
		msg := m.Init()()
		cmd := m.update(msg)
		_ = m.view()
		_ = cmd // the note texts are read after the first screen
	}
}

// BenchmarkBrowserFilterKeystroke is one key typed into the filter on
// 10,000 notes, their text loaded: a word that matches no title makes
// every note's text be searched.
func BenchmarkBrowserFilterKeystroke(b *testing.B) {
	dir := filepath.Join(b.TempDir(), "notes")
	if err := corpus.Write(dir, 10000, 42); err != nil {
		b.Fatal(err)
	}
	m := newBrowserModel(notesCommon(dir, true))
	m.update(tea.WindowSizeMsg{Width: 80, Height: 24}) // no preview pane: the filter alone
	list := m.Init()().(notesListMsg)
	m.update(list)
	m.update(readBodies(m.c.notes(), list.list)())
	m.update(keyMsg("/"))
	for _, r := range "runbook" {
		m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	b.ReportAllocs()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if i%2 == 0 {
			m.update(tea.KeyPressMsg{Code: 'x', Text: "x"})
		} else {
			m.update(keyMsg("backspace"))
		}
		_ = m.view()
		i++
	}
}
