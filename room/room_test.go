package room

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// noShuffle keeps cards in the order written, for repeatable tests.
func noShuffle(int, func(i, j int)) {}

func join(t *testing.T, r *Room, names ...string) {
	t.Helper()
	for _, n := range names {
		if got, err := r.Join(n); err != nil || got != n {
			t.Fatalf("join %q: %q %v", n, got, err)
		}
	}
}

// leaks fails when v, as JSON, holds any of the secrets.
func leaks(t *testing.T, who string, v any, secrets ...string) {
	t.Helper()
	data, _ := json.Marshal(v)
	for _, s := range secrets {
		if strings.Contains(string(data), s) {
			t.Errorf("%s sees %q: %s", who, s, data)
		}
	}
}

func TestCardsStayHiddenUntilRevealedWithoutAuthors(t *testing.T) {
	r := New(Config{Shuffle: noShuffle})
	join(t, r, "alice", "bob")
	if _, err := r.AddCard("alice", "First secret card", "only its author knows"); err != nil {
		t.Fatal(err)
	}
	if _, err := r.AddCard("bob", "Second card", "second text"); err != nil {
		t.Fatal(err)
	}
	a, b := r.Snapshot("alice"), r.Snapshot("bob")
	if a.Hidden != 2 || b.Hidden != 2 || len(a.Mine) != 1 || a.Mine[0].Title != "First secret card" {
		t.Fatalf("alice's view: %+v", a)
	}
	leaks(t, "bob", b, "First secret", "only its author", "alice")
	leaks(t, "alice", a, "Second card", "second text", "bob")
	f := r.Facilitator()
	if f.Hidden != 2 {
		t.Fatalf("facilitator: %+v", f)
	}
	leaks(t, "the facilitator", f, "secret", "Second", "alice", "bob")
	leaks(t, "the draft", r.Unrevealed(), "alice", "bob")
	if u := r.Unrevealed(); len(u) != 2 {
		t.Fatalf("the draft keeps %d unrevealed cards", len(u))
	}

	// only the author can change or delete a card
	id := a.Mine[0].ID
	if err := r.EditCard("bob", id, "hijacked", ""); !errors.Is(err, ErrNoCard) {
		t.Fatalf("bob edited alice's card: %v", err)
	}
	if err := r.DeleteCard("bob", id); !errors.Is(err, ErrNoCard) {
		t.Fatalf("bob deleted alice's card: %v", err)
	}
	if err := r.EditCard("alice", id, "First card", "edited"); err != nil {
		t.Fatal(err)
	}

	r.Reveal()
	cards := r.TakeCards()
	if len(cards) != 2 || r.TakeCards() != nil {
		t.Fatalf("revealed cards taken: %+v", cards)
	}
	leaks(t, "the facilitator", cards, "alice", "bob")
	if v := r.Snapshot("alice"); v.Hidden != 0 || len(v.Mine) != 0 || !v.Revealed {
		t.Fatalf("after the reveal: %+v", v)
	}
	// late cards go to the facilitator without their author
	if _, err := r.AddCard("bob", "Late card", ""); err != nil {
		t.Fatal(err)
	}
	if f := r.Facilitator(); f.Incoming != 1 || f.Hidden != 0 {
		t.Fatalf("late card: %+v", f)
	}
	if late := r.TakeCards(); len(late) != 1 || late[0].Title != "Late card" {
		t.Fatalf("late: %+v", late)
	}
}

func TestRevealShuffles(t *testing.T) {
	seen := map[string]bool{}
	for range 30 {
		r := New(Config{})
		join(t, r, "a")
		for i := range 6 {
			r.AddCard("a", fmt.Sprint("card ", i), "")
		}
		r.Reveal()
		var order []string
		for _, c := range r.TakeCards() {
			order = append(order, c.Title)
		}
		seen[strings.Join(order, ",")] = true
	}
	if len(seen) < 2 {
		t.Fatal("30 reveals of 6 cards gave one order: not shuffled")
	}
}

func TestDotBudgetsAndHiddenTotals(t *testing.T) {
	r := New(Config{Dots: 2, Shuffle: noShuffle})
	join(t, r, "alice", "bob")
	if err := r.Vote("alice", 0, 1); !errors.Is(err, ErrVoteClosed) {
		t.Fatalf("vote before it opens: %v", err)
	}
	r.Publish(Board{Phase: retro.PhaseVote, Problems: []Problem{{Title: "A"}, {Title: "B"}}})
	r.OpenVote(2)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(r.Vote("alice", 0, 1))
	must(r.Vote("alice", 0, 1))
	if err := r.Vote("alice", 1, 1); !errors.Is(err, ErrNoDots) {
		t.Fatalf("third dot of two: %v", err)
	}
	must(r.Vote("alice", 0, -1)) // take a dot back
	must(r.Vote("alice", 1, 1))
	if err := r.Vote("bob", 1, -1); !errors.Is(err, ErrNoneToTake) {
		t.Fatalf("taking back a dot never given: %v", err)
	}
	if err := r.Vote("bob", 5, 1); !errors.Is(err, ErrBadProblem) {
		t.Fatalf("vote on no problem: %v", err)
	}
	must(r.Vote("bob", 1, 1))
	a := r.Snapshot("alice")
	if a.DotsLeft != 0 || a.Dots != 2 || fmt.Sprint(a.MyVotes) != "[1 1]" {
		t.Fatalf("alice's dots: %+v", a)
	}
	if b := r.Snapshot("bob"); b.DotsLeft != 1 || fmt.Sprint(b.MyVotes) != "[0 1]" {
		t.Fatalf("bob's dots: %+v", b)
	}
	// the facilitator publishes the session's votes; participants never
	// see totals while the vote is open
	r.Publish(Board{Phase: retro.PhaseVote, Problems: []Problem{{Title: "A", Votes: 1}, {Title: "B", Votes: 2}}})
	for _, p := range r.Snapshot("bob").Board.Problems {
		if p.Votes != 0 {
			t.Fatalf("a total shows while the vote is open: %+v", p)
		}
	}
	if f := r.Facilitator(); f.Voters != 2 {
		t.Fatalf("voters: %+v", f)
	}
	totals := r.CloseVote()
	if fmt.Sprint(totals) != "[1 2]" {
		t.Fatalf("totals %v", totals)
	}
	if err := r.Vote("alice", 0, -1); !errors.Is(err, ErrVoteClosed) {
		t.Fatalf("vote after close: %v", err)
	}
	s := retro.New(time.Now(), "", "", "", 3)
	s.Problems = []retro.Problem{{Title: "A"}, {Title: "B"}}
	AddTotals(s, totals)
	r.Publish(BoardOf(s, -1))
	if b := r.Snapshot("bob"); !b.Closed || b.Board.Problems[1].Votes != 2 || b.Board.Problems[0].Votes != 1 {
		t.Fatalf("totals after close: %+v", b)
	}
}

func TestReconnectKeepsCardsAndDots(t *testing.T) {
	r := New(Config{Shuffle: noShuffle})
	rejoin := func() {
		t.Helper()
		if _, err := r.JoinAs("alice", "key:SHA256:alice"); err != nil {
			t.Fatal(err)
		}
	}
	rejoin()
	if _, err := r.JoinAs("alice", "key:SHA256:alice"); !errors.Is(err, ErrNameTaken) {
		t.Fatalf("a second alice: %v", err)
	}
	r.AddCard("alice", "mine", "")
	r.Leave("alice")
	if v := r.Snapshot("bob"); v.Joined != 0 || v.Hidden != 1 {
		t.Fatalf("after leaving: %+v", v)
	}
	if _, err := r.AddCard("alice", "gone", ""); !errors.Is(err, ErrUnknown) {
		t.Fatalf("card from a participant who left: %v", err)
	}
	rejoin()
	if v := r.Snapshot("alice"); len(v.Mine) != 1 || v.Mine[0].Title != "mine" {
		t.Fatalf("cards after reconnecting: %+v", v)
	}
	r.Publish(Board{Phase: retro.PhaseVote, Problems: []Problem{{Title: "x"}}})
	r.OpenVote(1)
	r.Vote("alice", 0, 1)
	r.Leave("alice")
	rejoin()
	if v := r.Snapshot("alice"); v.DotsLeft != DefaultDots-1 {
		t.Fatalf("dots after reconnecting: %+v", v)
	}
}

// Knowing a name (prefilled from the SSH user, so guessable) is not
// enough to take over someone who left: their hidden cards stay theirs.
func TestNameAloneDoesNotReconnect(t *testing.T) {
	r := New(Config{Shuffle: noShuffle})
	alice := r.NewGuest()
	if err := alice.Join("alice"); err != nil {
		t.Fatal(err)
	}
	code := alice.Code()
	if len(code) != 8 {
		t.Fatalf("reconnect code %q", code)
	}
	alice.AddCard("secret plan", "")
	alice.Leave()
	for _, try := range []string{"alice", "alice#WRONGCOD"} {
		m := r.NewGuest()
		if err := m.Join(try); !errors.Is(err, ErrReserved) {
			t.Fatalf("%q: %v (name %q)", try, err, m.Name())
		}
		leaks(t, try, m.Snapshot(), "secret plan")
		m.Leave()
	}
	if _, err := r.Join("alice"); !errors.Is(err, ErrReserved) {
		t.Fatalf("no secret: %v", err)
	}
	if _, err := r.JoinAs("alice", "key:SHA256:mallory"); !errors.Is(err, ErrReserved) {
		t.Fatalf("someone else's key: %v", err)
	}
	back := r.NewGuest()
	if err := back.Join("alice#" + strings.ToLower(code)); err != nil {
		t.Fatal(err)
	}
	if v := back.Snapshot(); back.Name() != "alice" || len(v.Mine) != 1 || back.Code() != code {
		t.Fatalf("alice with her code: %q %+v %q", back.Name(), v, back.Code())
	}
	// a keyed participant comes back by name, only with the same key
	k := r.NewKeyedGuest("SHA256:bob")
	if err := k.Join("bob"); err != nil || k.Code() != "" {
		t.Fatal(err, k.Code())
	}
	k.AddCard("bob's", "")
	k.Leave()
	if err := r.NewKeyedGuest("SHA256:eve").Join("bob"); !errors.Is(err, ErrReserved) {
		t.Fatalf("another key: %v", err)
	}
	kb := r.NewKeyedGuest("SHA256:bob")
	if err := kb.Join("bob"); err != nil || len(kb.Snapshot().Mine) != 1 {
		t.Fatalf("bob with his key: %v %+v", err, kb.Snapshot())
	}
}

func TestNamesAndTextAreCleanedAndCapped(t *testing.T) {
	r := New(Config{})
	name, err := r.Join("\x1b]0;pwned\x07ev\x1b[31mil\r\nname" + strings.Repeat("x", 100))
	if err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(name, "\x1b\x07\r\n") || len([]rune(name)) > MaxName || !strings.HasPrefix(name, "evil namexx") {
		t.Fatalf("name %q", name)
	}
	if _, err := r.Join("\x1b[2J"); !errors.Is(err, ErrNoName) {
		t.Fatalf("an empty name after cleaning: %v", err)
	}
	if _, err := r.AddCard(name, "\x1b[2J", "x"); !errors.Is(err, ErrEmpty) {
		t.Fatalf("empty title: %v", err)
	}
	r.AddCard(name, strings.Repeat("t", 500), strings.Repeat("w\x1b[1m", 5000))
	v := r.Snapshot(name)
	if c := v.Mine[0]; len([]rune(c.Title)) > MaxTitle || len([]rune(c.Text)) > MaxText || strings.ContainsRune(c.Text, 0x1b) {
		t.Fatalf("card not capped: %d %d", len(c.Title), len(c.Text))
	}
	for i := 1; i < MaxCards; i++ {
		if _, err := r.AddCard(name, "c", ""); err != nil {
			t.Fatalf("card %d: %v", i, err)
		}
	}
	if _, err := r.AddCard(name, "one too many", ""); !errors.Is(err, ErrTooMany) {
		t.Fatalf("card over the cap: %v", err)
	}
}

func TestSuggestionsAcceptedOrIgnored(t *testing.T) {
	r := New(Config{})
	join(t, r, "bob")
	s := retro.New(time.Now(), "pay", "", "", 3)
	s.Problems = []retro.Problem{{Title: "Deploy froze"}}
	if err := r.Suggest("bob", Reaction, 0, "roll back"); !errors.Is(err, ErrWrongPhase) {
		t.Fatalf("suggestion in the problems phase: %v", err)
	}
	s.Phase = retro.PhaseDiscuss
	r.Publish(BoardOf(s, 0))
	for _, sg := range []struct {
		k    Kind
		text string
	}{{Reaction, "Rolled back"}, {Learning, "Small deploys"}, {Action, "Add a canary"}, {Learning, "ignore me"}} {
		if err := r.Suggest("bob", sg.k, 0, sg.text); err != nil {
			t.Fatal(err)
		}
	}
	if v := r.Snapshot("bob"); v.Waiting != 4 {
		t.Fatalf("waiting: %d", v.Waiting)
	}
	f := r.Facilitator()
	leaks(t, "the facilitator", f, "bob")
	for _, sg := range f.Suggestions {
		got, ok := r.Resolve(sg.ID)
		if !ok {
			t.Fatal("resolve failed")
		}
		if got.Text != "ignore me" {
			Apply(s, got)
		}
	}
	if _, ok := r.Resolve(f.Suggestions[0].ID); ok {
		t.Fatal("a suggestion resolved twice")
	}
	p := s.Problems[0]
	if p.Reaction != "Rolled back" || strings.Join(p.Learnings, "|") != "Small deploys" || len(s.Actions) != 1 || s.Actions[0].Text != "Add a canary" {
		t.Fatalf("session after the suggestions: %+v %+v", p, s.Actions)
	}
	if v := r.Snapshot("bob"); v.Waiting != 0 || len(r.Facilitator().Suggestions) != 0 {
		t.Fatalf("after resolving: %+v", v)
	}
}

func TestReadyCountResetsOnPhaseChange(t *testing.T) {
	r := New(Config{})
	join(t, r, "a", "b", "c")
	r.SetReady("a", true)
	r.SetReady("b", true)
	if v := r.Snapshot("c"); v.Ready != 2 || v.Joined != 3 || v.IAmReady {
		t.Fatalf("ready: %+v", v)
	}
	leaks(t, "c", r.Snapshot("c"), `"a"`, `"b"`)
	r.Leave("b")
	if v := r.Snapshot("c"); v.Ready != 1 || v.Joined != 2 {
		t.Fatalf("after b left: %+v", v)
	}
	r.Publish(Board{Phase: retro.PhaseProblems})
	if v := r.Snapshot("a"); v.Ready != 0 || v.IAmReady {
		t.Fatalf("after a phase change: %+v", v)
	}
}

func TestSubscribersAreWokenWithoutBlocking(t *testing.T) {
	r := New(Config{})
	ch, unsub := r.Subscribe()
	<-ch // the first snapshot
	join(t, r, "a")
	for range 100 { // nobody reads: the room must not block
		r.SetReady("a", true)
		r.SetReady("a", false)
	}
	select {
	case <-ch:
	default:
		t.Fatal("no wake-up after changes")
	}
	unsub()
	unsub() // twice is fine
	if _, ok := <-ch; ok {
		t.Fatal("channel not closed on unsubscribe")
	}
	r.SetReady("a", true) // no panic on a closed channel
}

// Eight participants and the facilitator at once, under -race.
func TestConcurrentUse(t *testing.T) {
	r := New(Config{})
	var wg sync.WaitGroup
	stop := make(chan struct{})
	for i := range 8 {
		name := fmt.Sprint("p", i)
		join(t, r, name)
		wg.Add(1)
		go func() {
			defer wg.Done()
			ch, unsub := r.Subscribe()
			defer unsub()
			for k := range 15 {
				r.AddCard(name, fmt.Sprint("card ", k), "text")
				r.SetReady(name, k%2 == 0)
				select {
				case <-ch:
					_ = r.Snapshot(name)
				default:
				}
			}
			for k := range 10 {
				r.Vote(name, k%3, 1-2*(k%2))
			}
		}()
	}
	wg.Add(1)
	go func() { // the facilitator
		defer wg.Done()
		for {
			select {
			case <-stop:
				return
			default:
			}
			_ = r.Facilitator()
			_ = r.Unrevealed()
			r.Publish(Board{Phase: retro.PhaseProblems})
		}
	}()
	time.Sleep(20 * time.Millisecond)
	r.Reveal()
	r.OpenVote(3)
	close(stop)
	wg.Wait()
	n := len(r.TakeCards())
	if n != 8*15 {
		t.Fatalf("%d cards taken, want %d", n, 8*15)
	}
	total := 0
	for _, v := range r.CloseVote() {
		total += v
	}
	if total > 8*DefaultDots {
		t.Fatalf("%d dots used, more than the budget", total)
	}
}

// A retro run in a room gives the very note a solo retro gives for the
// same content: the room only feeds the facilitator's session.
func TestRoomNoteEqualsSoloNote(t *testing.T) {
	date := time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)
	newSession := func() *retro.Session {
		s := retro.New(date, "checkout", "Sprint 42", "Alice", 3)
		s.Participants = []string{"Alice", "Bob", "Chen"}
		return s
	}
	// solo: the facilitator types everything
	solo := newSession()
	solo.Problems = []retro.Problem{
		{Title: "Checkout broken after deploy", What: "Orders failed for an hour.", Votes: 3},
		{Title: "Slow reviews", What: "PRs wait two days.", Votes: 2},
		{Title: "Flaky tests", Votes: 1},
	}
	solo.Problems[0].Reaction = "Rolled back by hand"
	solo.Problems[0].Learnings = []string{"Deploy small and often"}
	solo.Actions = []retro.Action{{Text: "Add a canary stage"}}

	// room: the same content, written by three people
	r := New(Config{Shuffle: noShuffle})
	join(t, r, "bob", "chen", "dana")
	s := newSession()
	s.Phase = retro.PhaseProblems
	r.Publish(BoardOf(s, -1))
	r.AddCard("bob", "Checkout broken after deploy", "Orders failed for an hour.")
	r.AddCard("chen", "Slow reviews", "PRs wait two days.")
	r.AddCard("dana", "Flaky tests", "")
	r.AddCard("dana", "Slow reviews", "") // a duplicate, merged below
	r.Reveal()
	AddCards(s, r.TakeCards())
	s.MergeProblems(1, 3)
	s.Goto(retro.PhaseVote, 0)
	r.Publish(BoardOf(s, -1))
	r.OpenVote(len(s.Problems))
	for _, v := range []struct {
		who string
		i   int
	}{{"bob", 0}, {"bob", 0}, {"chen", 0}, {"chen", 1}, {"dana", 1}, {"dana", 2}} {
		if err := r.Vote(v.who, v.i, 1); err != nil {
			t.Fatal(err)
		}
	}
	AddTotals(s, r.CloseVote())
	s.Goto(retro.PhaseDiscuss, 0)
	r.Publish(BoardOf(s, 0))
	r.Suggest("bob", Reaction, 0, "Rolled back by hand")
	r.Suggest("chen", Learning, 0, "Deploy small and often")
	r.Suggest("dana", Action, 0, "Add a canary stage")
	for _, sg := range r.Facilitator().Suggestions {
		got, _ := r.Resolve(sg.ID)
		Apply(s, got)
	}
	s.Goto(retro.PhaseClose, 0)

	want := notes.Render(solo.ToNote(nil))
	got := notes.Render(s.ToNote(nil))
	if string(got) != string(want) {
		t.Fatalf("room note:\n%s\nsolo note:\n%s", got, want)
	}
	for _, name := range []string{"bob", "chen", "dana"} {
		if strings.Contains(string(got), name) {
			t.Fatalf("the note names %s:\n%s", name, got)
		}
	}
	golden.RequireEqual(t, got)
}

func TestGuestsCountAsJoinedBeforeTheirName(t *testing.T) {
	r := New(Config{})
	g := r.NewGuest()
	if v := r.Facilitator(); v.Joined != 1 {
		t.Fatalf("a connected guest without a name: %+v", v)
	}
	if err := g.Join("ana"); err != nil {
		t.Fatal(err)
	}
	h := r.NewGuest()
	if v := r.Facilitator(); v.Joined != 2 {
		t.Fatalf("after naming: %+v", v)
	}
	h.Leave()
	h.Leave()
	g.Leave()
	if v := r.Facilitator(); v.Joined != 0 {
		t.Fatalf("after leaving: %+v", v)
	}
	if err := g.Join("ana"); err != nil || g.Name() != "" {
		t.Fatalf("a guest that left joined again: %v %q", err, g.Name())
	}
}

// Late cards stopped counting once the facilitator took them: the cap of
// cards per person was bypassed after the reveal.
func TestCardCapCountsEveryCardSubmitted(t *testing.T) {
	r := New(Config{Shuffle: noShuffle})
	join(t, r, "ana")
	id, _ := r.AddCard("ana", "taken back", "")
	if err := r.DeleteCard("ana", id); err != nil {
		t.Fatal(err)
	}
	for range 5 {
		if _, err := r.AddCard("ana", "before", ""); err != nil {
			t.Fatal(err)
		}
	}
	r.Reveal()
	r.TakeCards()
	for i := range MaxCards - 5 {
		if _, err := r.AddCard("ana", "late", ""); err != nil {
			t.Fatalf("late card %d: %v", i, err)
		}
		r.TakeCards() // the facilitator takes each one at once
	}
	if _, err := r.AddCard("ana", "one too many", ""); !errors.Is(err, ErrTooMany) {
		t.Fatalf("card %d: %v", MaxCards+1, err)
	}
}

// Names that left held their slot forever and kept counting, and someone
// with the code could join, vote and leave under name after name: "8
// voted" next to "1 joined".
func TestDepartedNamesAreReleasedAndStuffingIsCapped(t *testing.T) {
	r := New(Config{MaxAdmitted: 4})
	join(t, r, "ana")
	r.Leave("ana") // nothing left behind: the name is free again
	if f := r.Facilitator(); f.Members != 0 || f.Gone != 0 {
		t.Fatalf("after ana left with nothing: %+v", f)
	}
	if _, err := r.JoinAs("ana", "someone else"); err != nil {
		t.Fatalf("a released name: %v", err)
	}
	r.Publish(Board{Phase: retro.PhaseVote, Problems: []Problem{{Title: "x"}}})
	r.OpenVote(1)
	r.Vote("ana", 0, 1)
	stuffed := 0
	for i := range 10 {
		n := fmt.Sprintf("sock%d", i)
		if _, err := r.Join(n); err != nil {
			if !errors.Is(err, ErrFull) {
				t.Fatal(err)
			}
			continue
		}
		r.Vote(n, 0, 3)
		r.Leave(n)
		stuffed++
	}
	if stuffed != 2 { // 4 admitted: the first ana, the second, two socks
		t.Fatalf("%d names voted and left with a cap of 4 admitted", stuffed)
	}
	f := r.Facilitator()
	if f.Voters != 3 || f.Members != 3 || f.Gone != 2 || f.Joined != 1 {
		t.Fatalf("the facilitator does not see who counts: %+v", f)
	}
	r.Leave("ana")
	if _, err := r.JoinAs("ana", "someone else"); err != nil {
		t.Fatalf("ana with her secret comes back despite the cap: %v", err)
	}
}

// Invisible characters made two names look the same ("ana" and
// "a\u200bna") and bidi overrides showed a card in another order.
func TestInvisibleCharactersAreStripped(t *testing.T) {
	r := New(Config{Shuffle: noShuffle})
	join(t, r, "ana")
	for _, spoof := range []string{"a\u200bna", "\ufeffana", "an\u200ea", "\u202eana\u202c", "a\u2066na\u2069", "a\u200dna"} {
		if _, err := r.Join(spoof); !errors.Is(err, ErrNameTaken) {
			t.Errorf("%q: %v", spoof, err)
		}
	}
	if _, err := r.AddCard("ana", "\u202eexe.gnp\u200b", "pay\u200bment \u2066x\u2069 👩\u200d💻"); err != nil {
		t.Fatal(err)
	}
	c := r.Snapshot("ana").Mine[0]
	if c.Title != "exe.gnp" || c.Text != "payment x 👩\u200d💻" {
		t.Fatalf("card %q %q", c.Title, c.Text)
	}
}
