package sshroom

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
)

// Three people answer a safety check and the ROTI from their own
// terminals; the saved note holds the check-in's histogram and the ROTI
// average, and nobody's name.
func TestThreeParticipantsCheckInAndROTI(t *testing.T) {
	f := startWithScreens(t, 3)
	fa := &facilitator{r: f.room, s: retro.New(time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC), "pay", "Sprint 42", "Alice", 3), focus: -1}
	fa.publish()
	names := []string{"ana", "ben", "cho"}
	cs := make([]*client, len(names))
	for i, n := range names {
		cs[i] = f.join(t, n, []int{80, 40, 60}[i], []int{24, 12, 16}[i])
		cs[i].waitFor("name")
		cs[i].send("\r")
	}
	for _, c := range cs {
		c.waitFor("3 joined")
	}
	options := []string{"1 I'll stay quiet", "2 I'll say little", "3 Some things", "4 Almost anything", "5 Anything at all"}
	fa.s.CheckIn = &retro.CheckIn{Activity: "safety-check", Title: "Safety check", Question: "How freely will you speak today?", Options: options, Tally: make([]int, 5)}
	f.room.OpenPoll(room.PollCheckIn, "Safety check", "How freely will you speak today?", options)
	// ana says 4, ben 5 then changes to 3, cho 4
	downs := []string{"jjj", "jjjj", "jjj"}
	for _, c := range cs {
		c.waitFor("How freely", "0 of 3 answered")
	}
	for i, c := range cs {
		c.send(downs[i] + "\r")
	}
	cs[1].waitFor("✓ yours")
	cs[1].send("kk\r")
	waitUntil(t, "3 answers", func() bool { res, _ := f.room.PollResult(); return res.Answered == 3 && res.Tally[2] == 1 })
	for _, c := range cs {
		scr := c.waitFor("3 of 3 answered")
		for _, n := range names {
			if strings.Contains(scr, n+" ") && !strings.Contains(scr, "Welcome, "+n) {
				t.Fatalf("a screen names %s:\n%s", n, scr)
			}
		}
	}
	f.room.ClosePoll()
	res, _ := f.room.PollResult()
	copy(fa.s.CheckIn.Tally, res.Tally)
	cs[0].waitFor("Set the stage")
	// at Close, the ROTI: 5, 4, 3
	fa.goTo(retro.PhaseClose)
	f.room.OpenPoll(room.PollROTI, "ROTI", "Worth your time?", room.ROTIOptions())
	for i, c := range cs {
		c.waitFor("Worth your time?")
		c.send(strings.Repeat("j", 4-i) + "\r")
	}
	waitUntil(t, "3 ROTI answers", func() bool { res, _ := f.room.PollResult(); return res.Answered == 3 })
	res, _ = f.room.PollResult()
	_, fa.s.ROTIVotes, _ = room.ROTIAverage(res.Tally)
	dir := t.TempDir()
	if _, err := notes.Save(dir, fa.s.ToNote(nil)); err != nil {
		t.Fatal(err)
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		t.Fatalf("%d files", len(files))
	}
	data, _ := os.ReadFile(filepath.Join(dir, files[0].Name()))
	note := string(data)
	for _, want := range []string{"roti: 4\n", "## Check-in", "3 Some things: 1", "4 Almost anything: 2"} {
		if !strings.Contains(note, want) {
			t.Fatalf("the note lacks %q:\n%s", want, note)
		}
	}
	for _, n := range names {
		if strings.Contains(note, n) {
			t.Fatalf("the note names %s:\n%s", n, note)
		}
	}
}
