package tui

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
)

// changed delivers the room's change to the facilitator's screen, as the
// subscription does in the program.
func changed(m *retroModel) { m.update(roomChangedMsg{}) }

func newRoomRetro(t *testing.T, w, h int, inbox []notes.InboxCard) (*retroModel, *room.Room) {
	t.Helper()
	r := room.New(room.Config{Dots: 2, Shuffle: func(int, func(i, j int)) {}})
	m := newTestRetro(t, w, h, func(_ *common, o *RetroOptions) {
		o.Room = &RoomInfo{Room: r, Join: "ssh -p 23234 retro.example", Code: "k3fq7-x2mwa", Fingerprint: "SHA256:abcdefghijklmnop"}
		o.Inbox = inbox
	})
	return m, r
}

func TestFacilitatorRunsARoom(t *testing.T) {
	inbox := []notes.InboxCard{{Path: "/n/inbox/20261120T090000Z-pager-aaaaaa.md", Kind: "problem", Title: "Pager storm", Text: "from the inbox"}}
	m, r := newRoomRetro(t, 80, 24, inbox)
	if len(m.s.Problems) != 0 || len(m.s.Inbox) != 1 {
		t.Fatalf("inbox cards must wait hidden in a room: %+v %v", m.s.Problems, m.s.Inbox)
	}
	ana, ben := r.NewGuest(), r.NewGuest()
	ana.Join("ana")
	ben.Join("ben")
	press(m, "esc", "tab", "tab") // to Problems
	if m.s.Phase != retro.PhaseProblems {
		t.Fatalf("phase %v", m.s.Phase)
	}
	if err := ana.AddCard("Deploy froze", "20 minutes"); err != nil {
		t.Fatal(err)
	}
	ben.AddCard("Slow reviews", "")
	ben.AddCard("Reviews are slow", "two days")
	changed(m)
	v := m.view()
	for _, want := range []string{"join: ssh -p 23234 retro.example", "\njoin code: k3fq7-x2mwa · 2 joined", "SHA256:abc", "4 hidden card(s): R reveals them"} {
		if !strings.Contains(plain(v), want) {
			t.Fatalf("facilitator's screen lacks %q:\n%s", want, plain(v))
		}
	}
	if strings.Contains(v, "Deploy froze") || strings.Contains(v, "ana") {
		t.Fatalf("unrevealed text or a name on the facilitator's screen:\n%s", plain(v))
	}
	// the draft keeps the unrevealed cards, without authors
	var d struct{ Session retro.Session }
	json.Unmarshal(m.draftData(), &d)
	if len(d.Session.Unrevealed) != 4 || strings.Contains(string(m.draftData()), "ana") || strings.Contains(string(m.draftData()), "ben") {
		t.Fatalf("draft: %s", m.draftData())
	}
	t.Run("problems", func(t *testing.T) { golden.RequireEqual(t, []byte(plain(m.view()))) })

	press(m, "R")
	changed(m)
	if len(m.s.Problems) != 4 || m.s.Problems[0].Title != "Pager storm" {
		t.Fatalf("revealed: %+v", m.s.Problems)
	}
	// merge the duplicate (the last card into the one above)
	m.sel[retro.PhaseProblems] = 3
	press(m, "M")
	if len(m.s.Problems) != 3 || !strings.Contains(m.s.Problems[2].What, "Reviews are slow: two days") {
		t.Fatalf("merged: %+v", m.s.Problems)
	}
	// vote: totals stay out of the session until the vote is left
	press(m, "tab")
	ana.Vote(1, 1)
	ana.Vote(1, 1)
	ben.Vote(2, 1)
	cho := r.NewGuest() // votes and leaves: the facilitator sees it
	cho.Join("cho")
	cho.Vote(0, 1)
	cho.Leave()
	changed(m)
	if v := plain(m.view()); !strings.Contains(v, "3 voted of 3 who joined (1 left)") {
		t.Fatalf("vote screen:\n%s", v)
	}
	for _, p := range m.s.Problems {
		if p.Votes != 0 {
			t.Fatal("a total reached the session while the vote is open")
		}
	}
	press(m, "tab")
	if m.s.Problems[1].Votes != 2 || m.s.Problems[2].Votes != 1 {
		t.Fatalf("totals after the vote: %+v", m.s.Problems)
	}
	// going back to vote again replaces the totals, never adds them twice
	press(m, "shift+tab")
	if err := ana.Vote(1, -1); err == nil {
		t.Fatal("a ballot survived the vote's re-opening")
	}
	press(m, "tab")
	if m.s.Problems[1].Votes != 0 || m.s.Problems[2].Votes != 0 {
		t.Fatalf("a vote re-opened kept old totals: %+v", m.s.Problems)
	}
	press(m, "shift+tab")
	ana.Vote(1, 1)
	ana.Vote(1, 1)
	ben.Vote(2, 1)
	press(m, "tab")
	// discuss: ben suggests a learning on the top problem, it is accepted
	top := m.problemAt()
	if m.s.Problems[top].Title != "Deploy froze" {
		t.Fatalf("top problem %+v", m.s.Problems[top])
	}
	if v := ana.Snapshot(); v.Board.Focus != top || v.Board.Problems[top].Votes != 2 {
		t.Fatalf("participants see %+v", v.Board)
	}
	ben.Suggest(room.Learning, top, "Small deploys")
	ben.Suggest(room.Action, -1, "ignore me")
	changed(m)
	if v := plain(m.view()); !strings.Contains(v, `A accept · I ignore 2 suggestion(s): learning for Deploy froze: "Small deploys"`) {
		t.Fatalf("discuss screen:\n%s", v)
	}
	press(m, "A")
	changed(m)
	press(m, "I")
	if strings.Join(m.s.Problems[top].Learnings, ",") != "Small deploys" || len(m.s.Actions) != 0 {
		t.Fatalf("after accept and ignore: %+v %+v", m.s.Problems[top], m.s.Actions)
	}
	note := string(notes.Render(m.s.ToNote(nil)))
	for _, n := range []string{"ana", "ben"} {
		if strings.Contains(note, n) {
			t.Fatalf("the note names %s:\n%s", n, note)
		}
	}
	if !strings.Contains(note, "Deploy froze — 2 votes") || !strings.Contains(note, "Pager storm — 0 votes") {
		t.Fatalf("note:\n%s", note)
	}
}

// A room's draft resumed without --serve keeps every card, as problems.
func TestRoomDraftResumedSolo(t *testing.T) {
	s := retro.New(time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC), "pay", "", "", 3)
	s.Unrevealed = []retro.Problem{{Title: "Hidden one"}}
	m := newTestRetro(t, 80, 24, func(_ *common, o *RetroOptions) {
		o.Draft, o.Resume = &retro.Draft{Session: s}, true
	})
	if len(m.s.Problems) != 1 || m.s.Problems[0].Title != "Hidden one" || len(m.s.Unrevealed) != 0 {
		t.Fatalf("%+v", m.s)
	}
}

func TestFacilitatorRoomScreenFits(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", size[0], size[1]), func(t *testing.T) {
			m, _ := newRoomRetro(t, size[0], size[1], nil)
			checkFits(t, m.view(), size[0], size[1])
		})
	}
}

// Saving while cards are still hidden asks first: they would not reach
// the note.
func TestSavingWithHiddenCardsWarnsOnce(t *testing.T) {
	m, r := newRoomRetro(t, 80, 24, nil)
	g := r.NewGuest()
	g.Join("ana")
	press(m, "esc", "tab", "tab")
	g.AddCard("Still hidden", "")
	changed(m)
	m.gotoPhase(retro.PhaseClose)
	if _, cmd := press(m, "s"); cmd != nil || !strings.Contains(m.status, "1 card(s) are still hidden") {
		t.Fatalf("first s: %q", m.status)
	}
	if _, cmd := press(m, "s"); cmd == nil {
		t.Fatal("the second s does not save")
	}
}

// Cards written by participants reach the draft at the next autosave tick,
// without the facilitator pressing a key: a crash (kill -9) right after
// loses none of them.
func TestRoomCardsReachTheDraftWithoutAKey(t *testing.T) {
	m, r := newRoomRetro(t, 80, 24, nil)
	tick := func() {
		for _, msg := range runNoTick(m.update(tickMsg(testNow))) {
			m.update(msg)
		}
	}
	tick()
	g := r.NewGuest()
	g.Join("ana")
	if err := g.AddCard("Written while nobody typed", "on the facilitator side"); err != nil {
		t.Fatal(err)
	}
	changed(m) // the room's change arrives; no key is pressed
	tick()
	// the process dies here: only the draft on disk remains
	d, ok, err := retro.LoadDraft(m.draftPath)
	if err != nil || !ok {
		t.Fatalf("no draft after the autosave tick: %v %v", ok, err)
	}
	if len(d.Session.Unrevealed) != 1 || d.Session.Unrevealed[0].Title != "Written while nobody typed" {
		t.Fatalf("draft lacks the hidden card: %+v", d.Session.Unrevealed)
	}
	back := newTestRetro(t, 80, 24, func(_ *common, o *RetroOptions) { o.Draft, o.Resume = &d, true })
	if len(back.s.Problems) != 1 || back.s.Problems[0].Title != "Written while nobody typed" {
		t.Fatalf("resumed: %+v", back.s.Problems)
	}
	if strings.Contains(string(mustRead(t, m.draftPath)), "ana") {
		t.Fatal("the draft names the author")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
