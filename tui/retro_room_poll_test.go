package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
)

// In a room, the check-in picked in Set the stage is asked to everyone and
// its tally fills the session; at Close, r asks the ROTI; the facilitator
// sees counts, never who answered what.
func TestFacilitatorRoomCheckInAndROTI(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		t.Run(fmt.Sprintf("%dx%d", w, h), func(t *testing.T) {
			m, r := newRoomRetro(t, w, h, nil)
			var gs []*room.Guest
			for _, n := range []string{"ana", "ben", "cho"} {
				g := r.NewGuest()
				if err := g.Join(n); err != nil {
					t.Fatal(err)
				}
				gs = append(gs, g)
			}
			press(m, "esc", "c") // no check-in yet: the picker opens
			acts := m.phaseActivities()
			i := -1
			for j, a := range acts {
				if a.ID == "safety-check" {
					i = j
				}
			}
			if i < 0 {
				t.Fatalf("no safety check among %d activities", len(acts))
			}
			m.tk.state.pickSel = i
			press(m, "enter")
			v := gs[0].Snapshot()
			if v.Poll == nil || !v.Poll.Open || len(v.Poll.Options) != 5 {
				t.Fatalf("the room was not asked the check-in: %+v", v.Poll)
			}
			for k, g := range gs {
				if err := g.Answer([]int{0, 0, 2}[k], ""); err != nil {
					t.Fatal(err)
				}
			}
			changed(m)
			if got := fmt.Sprint(m.s.CheckIn.Tally); got != "[0 0 0 0 0]" {
				t.Fatalf("the tally shows while answers are open: %s", got)
			}
			if scr := plain(m.view()); !strings.Contains(scr, "3 of 3 answered") {
				t.Fatalf("no count:\n%s", scr)
			}
			press(m, "O")
			changed(m)
			if got := fmt.Sprint(m.s.CheckIn.Tally); got != "[2 0 1 0 0]" {
				t.Fatalf("session tally %s", got)
			}
			scr := plain(m.view())
			checkFits(t, m.view(), w, h)
			if !strings.Contains(scr, "3 of 3 answered") || (w >= 80 && !strings.Contains(scr, "O reopens")) || strings.Contains(scr, "ana") || strings.Contains(scr, "ben") {
				t.Fatalf("facilitator's screen:\n%s", scr)
			}
			if err := gs[1].Answer(1, ""); err != room.ErrPollClosed {
				t.Fatalf("answer after O: %v", err)
			}
			for m.s.Phase != retro.PhaseClose {
				press(m, "tab")
			}
			press(m, "r")
			for k, g := range gs {
				if err := g.Answer([]int{3, 4, 2}[k], ""); err != nil {
					t.Fatal(err)
				}
			}
			changed(m)
			if m.s.ROTI() != nil || strings.Contains(plain(m.view()), "avg") {
				t.Fatal("the ROTI shows while answers are open")
			}
			press(m, "O")
			changed(m)
			if roti := m.s.ROTI(); roti == nil || *roti != 4 {
				t.Fatalf("ROTI %v from %v", roti, m.s.ROTIVotes)
			}
			scr = plain(m.view())
			checkFits(t, m.view(), w, h)
			if w >= 80 && !strings.Contains(scr, "ROTI 1:0 2:0 3:1 4:1 5:1 avg 4 · 3 of 3 answered · closed") {
				t.Fatalf("no ROTI histogram:\n%s", scr)
			}
			note := string(notes.Render(m.s.ToNote(nil)))
			if !strings.Contains(note, "roti: 4") || !strings.Contains(note, "## Check-in") {
				t.Fatalf("note:\n%s", note)
			}
			for _, n := range []string{"ana", "ben", "cho"} {
				if strings.Contains(note, n) || strings.Contains(string(m.draftData()), n) {
					t.Fatalf("%s named in the note or draft", n)
				}
			}
		})
	}
}
