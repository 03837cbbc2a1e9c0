package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
)

func partPress(m *participantModel, keys ...string) {
	m.update(room.Changed{}) // what the adapter sends after each change
	for _, k := range keys {
		if t, ok := strings.CutPrefix(k, "type:"); ok {
			for _, r := range t {
				m.update(tea.KeyPressMsg{Code: r, Text: string(r)})
			}
			continue
		}
		m.update(keyMsg(k))
	}
	m.update(room.Changed{})
}

// A participant's screen through a retro, at 80x24 and 40x12.
func TestParticipantScreenGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			r := room.New(room.Config{Dots: 3, Shuffle: func(int, func(i, j int)) {}})
			other := r.NewGuest()
			other.Join("bob")
			s := retro.New(time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC), "pay", "Sprint 42", "Alice", 3)
			publish := func(p retro.Phase, focus int) {
				s.Goto(p, 0)
				r.Publish(room.BoardOf(s, focus))
			}
			publish(retro.PhaseProblems, -1)
			m := newParticipant(testCommon(true), r.NewGuest(), "ana\x1b[31m")
			m.update(tea.WindowSizeMsg{Width: w, Height: h})
			shot := func(name string) {
				t.Run(name, func(t *testing.T) {
					v := m.render()
					checkFits(t, v, w, h)
					golden.RequireEqual(t, []byte(plain(v)))
				})
			}
			shot("1-name")
			partPress(m, "enter")
			other.AddCard("Bob's hidden card", "secret")
			partPress(m, "a", "type:Deploy froze", "enter", "type:20 minutes, no rollback", "enter", "a", "type:Flaky tests", "enter", "enter")
			shot("2-my-cards")
			if strings.Contains(m.render(), "Bob's hidden") {
				t.Fatal("another participant's card shows")
			}
			partPress(m, "space")
			r.Reveal()
			room.AddCards(s, r.TakeCards())
			publish(retro.PhaseVote, -1)
			r.OpenVote(len(s.Problems))
			partPress(m, "+", "down", "+", "+", "+")
			shot("3-vote")
			room.AddTotals(s, r.CloseVote())
			publish(retro.PhaseVote, -1)
			partPress(m)
			shot("4-vote-closed")
			publish(retro.PhaseDiscuss, s.VoteOrder()[0])
			partPress(m, "r", "type:Rolled back by hand", "enter")
			shot("5-discuss")
			publish(retro.PhaseActions, -1)
			partPress(m, "a")
			shot("6-suggest-action")
		})
	}
}
