package sshroom

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
	"github.com/retrokata/retrokata/tui"
)

// startWithScreens serves the real participant screen.
func startWithScreens(t testing.TB, dots int) *fixture {
	t.Helper()
	return start(t, func(c *Config) {
		c.Room = room.New(room.Config{Dots: dots})
		c.NewScreen = func(g *room.Guest, user string) tea.Model { return tui.NewParticipant(g, user, true) }
	})
}

// facilitator plays the facilitator's process: it owns the session and
// moves the room along, as the retro screen does with --serve.
type facilitator struct {
	r     *room.Room
	s     *retro.Session
	focus int
}

func (fa *facilitator) publish() { fa.r.Publish(room.BoardOf(fa.s, fa.focus)) }

func (fa *facilitator) goTo(p retro.Phase) {
	fa.s.Goto(p, 0)
	fa.publish()
}

func waitUntil(t testing.TB, what string, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// Eight people in their own terminals write cards at once, the
// facilitator reveals them, everyone votes blind, they discuss and the
// facilitator saves: exactly one note, the votes summed, no author.
func TestEightParticipantsRunARetro(t *testing.T) {
	f := startWithScreens(t, 3)
	fa := &facilitator{r: f.room, s: retro.New(time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC), "pay", "Sprint 42", "Alice", 3), focus: -1}
	fa.goTo(retro.PhaseProblems)
	names := []string{"ana", "ben", "cho", "dev", "eli", "fay", "gus", "hal"}
	sizes := [][2]int{{80, 24}, {40, 12}, {100, 30}, {60, 16}, {80, 24}, {50, 14}, {120, 40}, {44, 12}}
	cs := make([]*client, len(names))
	for i, n := range names {
		cs[i] = f.join(t, n, sizes[i][0], sizes[i][1])
		cs[i].waitFor("name")
		cs[i].send("\r") // keep the SSH user name
	}
	for _, c := range cs {
		c.waitFor("8 joined")
	}
	// everyone writes a card at the same moment
	var wg sync.WaitGroup
	for i, c := range cs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.send("a")
			c.send(fmt.Sprintf("Secret %d\r", i))
			c.send(fmt.Sprintf("text %d\r", i))
		}()
	}
	wg.Wait()
	waitUntil(t, "8 hidden cards", func() bool {
		if f.room.Facilitator().Hidden == 8 {
			return true
		}
		if testing.Verbose() {
			t.Log(cs[0].scr.String())
		}
		return false
	})
	for i, c := range cs {
		scr := c.waitFor("8 card(s) in the room, 1 of them yours")
		for j, n := range names {
			if j != i && strings.Contains(scr, fmt.Sprintf("Secret %d", j)) {
				t.Fatalf("%s sees %s's unrevealed card:\n%s", names[i], n, scr)
			}
		}
	}
	// reveal: every screen shows the cards, nobody's name with them
	f.room.Reveal()
	room.AddCards(fa.s, f.room.TakeCards())
	fa.publish()
	cs[0].waitFor("Cards revealed")
	// vote blind: everyone puts their three dots on the first problems
	fa.goTo(retro.PhaseVote)
	f.room.OpenVote(len(fa.s.Problems))
	for i, c := range cs {
		c.waitFor("Your dots: 3 left of 3")
		keys := "+" + strings.Repeat("j", i%3) + "++"
		wg.Add(1)
		go func() { defer wg.Done(); c.send(keys) }()
	}
	wg.Wait()
	for _, c := range cs {
		c.waitFor("Your dots: 0 left of 3")
	}
	waitUntil(t, "8 voters", func() bool { return f.room.Facilitator().Voters == 8 })
	if scr := cs[3].scr.String(); strings.Contains(scr, " — ") {
		t.Fatalf("a total shows while the vote is open:\n%s", scr)
	}
	room.AddTotals(fa.s, f.room.CloseVote())
	fa.publish()
	cs[1].waitFor("The vote is closed")
	// discuss the top problem; ben suggests a learning, it is accepted
	fa.focus = fa.s.VoteOrder()[0]
	fa.goTo(retro.PhaseDiscuss)
	top := fa.s.Problems[fa.focus].Title
	for _, c := range cs {
		// the title alone may still be the vote's list: wait for the phase
		c.waitFor("Discuss ·", top)
	}
	cs[1].send("l")
	cs[1].waitFor("Suggest a learning") // typed before the field opens, keys would be moves
	cs[1].send("Small deploys\r")
	waitUntil(t, "a suggestion", func() bool { return len(f.room.Facilitator().Suggestions) == 1 })
	sg, _ := f.room.Resolve(f.room.Facilitator().Suggestions[0].ID)
	room.Apply(fa.s, sg)
	fa.publish()
	cs[5].waitFor("Learnt: Small deploys")
	fa.goTo(retro.PhaseClose)
	dir := t.TempDir()
	if _, err := notes.Save(dir, fa.s.ToNote(nil)); err != nil {
		t.Fatal(err)
	}
	files, _ := os.ReadDir(dir)
	if len(files) != 1 {
		t.Fatalf("%d files written", len(files))
	}
	data, _ := os.ReadFile(filepath.Join(dir, files[0].Name()))
	note := string(data)
	total := 0
	for _, p := range fa.s.Problems {
		total += p.Votes
	}
	if total != 8*3 || strings.Count(note, "### ") != 8 || !strings.Contains(note, "Small deploys") {
		t.Fatalf("votes %d (want 24), note:\n%s", total, note)
	}
	for _, n := range names {
		if strings.Contains(note, n) {
			t.Fatalf("the note names %s:\n%s", n, note)
		}
	}
	t.Logf("ana's screen at the end:\n%s", cs[0].scr.String())
}

// Someone whose connection drops comes back under the same name and finds
// their unrevealed cards and their dots.
func TestReconnectGetsCardsAndDotsBack(t *testing.T) {
	f := startWithScreens(t, 3)
	s := retro.New(time.Now(), "pay", "Sprint 42", "", 3)
	s.Goto(retro.PhaseProblems, 0)
	f.room.Publish(room.BoardOf(s, -1))
	c := f.join(t, "ana", 60, 16)
	c.waitFor("name")
	c.send("\r")
	scr := c.waitFor("1 joined", "type ana#")
	code := regexp.MustCompile(`ana#([A-Z2-7]{8})`).FindStringSubmatch(scr)
	if code == nil {
		t.Fatalf("no reconnect code on the screen:\n%s", scr)
	}
	c.send("a")
	c.send("Mine only\r\r")
	c.waitFor("> Mine only")
	c.sess.Close()
	c.c.Close()
	waitUntil(t, "ana to leave", func() bool { return f.room.Facilitator().Joined == 0 })
	// the name alone (prefilled from the SSH user) does not bring ana's cards
	mallory := f.join(t, "ana", 60, 16)
	mallory.waitFor("name")
	mallory.send("\r")
	if scr := mallory.waitFor("kept for someone who left"); strings.Contains(scr, "Mine only") {
		t.Fatalf("the name alone showed ana's card:\n%s", scr)
	}
	mallory.send("\x1b")
	back := f.join(t, "ana", 60, 16)
	back.waitFor("name")
	back.send("#" + code[1] + "\r")
	back.waitFor("> Mine only", "1 of them yours")
	// someone else cannot take the name while ana is here
	other := f.join(t, "ana", 60, 16)
	other.waitFor("name")
	other.send("\r")
	other.waitFor("already in the room")
}
