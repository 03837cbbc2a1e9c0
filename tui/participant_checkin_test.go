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

// A participant answers a safety check, changes their mind, gives one
// word, and answers the ROTI, at 80x24 and 40x12.
func TestParticipantPollGolden(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			r := room.New(room.Config{Shuffle: func(int, func(i, j int)) {}})
			other := r.NewGuest()
			other.Join("bob")
			s := retro.New(time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC), "pay", "Sprint 42", "Alice", 3)
			r.Publish(room.BoardOf(s, -1))
			m := newParticipant(testCommon(true), r.NewGuest(), "ana")
			m.update(tea.WindowSizeMsg{Width: w, Height: h})
			shot := func(name string) {
				t.Run(name, func(t *testing.T) {
					v := m.render()
					checkFits(t, v, w, h)
					golden.RequireEqual(t, []byte(plain(v)))
				})
			}
			partPress(m, "enter")
			r.OpenPoll(room.PollCheckIn, "Safety check", "How safe do you feel to speak openly here?",
				[]string{"5 I'll talk about anything", "4 I'll talk about almost anything", "3 I'll talk about some things", "2 I'll hold back", "1 I'll keep quiet"})
			partPress(m, "down", "enter")
			if err := other.Answer(0, ""); err != nil {
				t.Fatal(err)
			}
			partPress(m, "down", "enter") // changed my mind
			shot("1-safety")
			if res, _ := r.PollResult(); fmt.Sprint(res.Tally) != "[1 0 1 0 0]" || res.Answered != 2 {
				t.Fatalf("tally %v", res.Tally)
			}
			if strings.Contains(m.render(), "bob") {
				t.Fatal("the screen names who answered")
			}
			r.OpenPoll(room.PollCheckIn, "One word", "One word for how you arrive?", nil)
			partPress(m, "enter", "type:curious", "enter")
			shot("2-one-word")
			if res, _ := r.PollResult(); fmt.Sprint(res.Words) != "[curious]" {
				t.Fatalf("words %v", res.Words)
			}
			r.ClosePoll()
			partPress(m)
			if strings.Contains(m.render(), "One word for") {
				t.Fatal("a closed poll is still asked")
			}
			s.Goto(retro.PhaseClose, 0)
			r.Publish(room.BoardOf(s, -1))
			r.OpenPoll(room.PollROTI, "ROTI", "Was this retro worth your time?", room.ROTIOptions())
			partPress(m, "down", "down", "down", "enter")
			shot("3-roti")
			if res, _ := r.PollResult(); fmt.Sprint(res.Tally) != "[0 0 0 1 0]" {
				t.Fatalf("roti tally %v", res.Tally)
			}
		})
	}
}
