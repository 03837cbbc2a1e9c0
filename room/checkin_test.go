package room

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"testing"
)

func joinN(t *testing.T, r *Room, names ...string) []*Guest {
	t.Helper()
	var gs []*Guest
	for _, n := range names {
		g := r.NewGuest()
		if err := g.Join(n); err != nil {
			t.Fatal(err)
		}
		gs = append(gs, g)
	}
	return gs
}

func TestPollTallyChangeAndClose(t *testing.T) {
	r := New(Config{})
	gs := joinN(t, r, "ana", "ben", "cho")
	if err := gs[0].Answer(0, ""); err != ErrPollClosed {
		t.Fatalf("answer without a poll: %v", err)
	}
	r.OpenPoll(PollCheckIn, "Safety check", "How safe?", []string{"1", "2", "3", "4", "5"})
	for i, g := range gs {
		if err := g.Answer(2+i, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := gs[0].Answer(9, ""); err != ErrBadAnswer {
		t.Fatalf("out of range: %v", err)
	}
	if err := gs[0].Answer(4, ""); err != nil { // ana changes her mind: 3 -> 5
		t.Fatal(err)
	}
	res, _ := r.PollResult()
	if fmt.Sprint(res.Tally) != "[0 0 0 1 2]" || res.Answered != 3 {
		t.Fatalf("tally %v answered %d", res.Tally, res.Answered)
	}
	if v := gs[1].Snapshot(); v.Poll == nil || v.Poll.Answered != 3 || !v.Poll.Open {
		t.Fatalf("ben's poll: %+v", v.Poll)
	}
	if got := gs[0].MyAnswer(gs[0].Snapshot()); got != "5" {
		t.Fatalf("ana's own answer %q", got)
	}
	r.ClosePoll()
	if err := gs[1].Answer(0, ""); err != ErrPollClosed {
		t.Fatalf("answer after close: %v", err)
	}
	// someone who drops cannot count twice
	r.OpenPoll(PollCheckIn, "Safety check", "How safe?", nil) // same question: reopened, tally kept
	keyed := r.NewKeyedGuest("SHA256:dee")
	if err := keyed.Join("dee"); err != nil {
		t.Fatal(err)
	}
	if err := keyed.Answer(1, ""); err != nil {
		t.Fatal(err)
	}
	keyed.Leave()
	back := r.NewKeyedGuest("SHA256:dee")
	if err := back.Join("dee"); err != nil {
		t.Fatal(err)
	}
	if err := back.Answer(0, ""); err != ErrAnswered {
		t.Fatalf("a rejoin answered twice: %v", err)
	}
	if res, _ := r.PollResult(); fmt.Sprint(res.Tally) != "[0 1 0 1 2]" || res.Answered != 4 {
		t.Fatalf("after a rejoin: %v", res.Tally)
	}
	r.OpenPoll(PollROTI, "ROTI", "Worth it?", ROTIOptions())
	for i, g := range gs[:2] {
		if err := g.Answer(3+i, ""); err != nil {
			t.Fatal(err)
		}
	}
	res, _ = r.PollResult()
	avg, votes, ok := ROTIAverage(res.Tally)
	if !ok || avg != 4.5 || fmt.Sprint(votes) != "[4 5]" || res.Answered != 2 {
		t.Fatalf("roti %v %v %v from %v", avg, votes, ok, res.Tally)
	}
	if gs[0].MyOption(gs[0].Snapshot()) != 3 {
		t.Fatal("ana's ROTI answer not hers")
	}
}

func TestOneWordShuffledAndAnonymous(t *testing.T) {
	r := New(Config{})
	gs := joinN(t, r, "ana", "ben", "cho")
	r.OpenPoll(PollCheckIn, "One word", "One word?", nil)
	for i, w := range []string{"calm\x1b[31m", "tired", "proud"} {
		if err := gs[i].Answer(-1, w); err != nil {
			t.Fatal(err)
		}
	}
	if err := gs[1].Answer(-1, "  "); err != ErrBadAnswer {
		t.Fatalf("empty word: %v", err)
	}
	if err := gs[1].Answer(-1, "rested"); err != nil {
		t.Fatal(err)
	}
	res, _ := r.PollResult()
	got := strings.Join(res.Words, ",")
	if len(res.Words) != 3 || strings.Contains(got, "tired") || strings.Contains(got, "\x1b") || !strings.Contains(got, "rested") {
		t.Fatalf("words %q", res.Words)
	}
	// nobody's snapshot, nor the facilitator's view, says who answered what
	for _, g := range gs {
		b, _ := json.Marshal(g.Snapshot())
		for _, x := range []string{"calm", "rested", "proud", "ana", "cho"} {
			if strings.Contains(string(b), x) && !(x == g.Name()) {
				t.Fatalf("%s's snapshot shows %q: %s", g.Name(), x, b)
			}
		}
	}
	b, _ := json.Marshal(r.Facilitator())
	rb, _ := json.Marshal(res)
	for _, n := range []string{"ana", "ben", "cho"} {
		if strings.Contains(string(b), n) || strings.Contains(string(rb), n) {
			t.Fatalf("the facilitator sees %s: %s %s", n, b, rb)
		}
	}
}

func TestPollConcurrentAnswers(t *testing.T) {
	r := New(Config{})
	var names []string
	for i := range 30 {
		names = append(names, fmt.Sprintf("p%02d", i))
	}
	gs := joinN(t, r, names...)
	r.OpenPoll(PollROTI, "ROTI", "Worth it?", ROTIOptions())
	var wg sync.WaitGroup
	for i, g := range gs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 5 {
				_ = g.Answer((i+k)%5, "")
				_ = g.Snapshot()
				_, _ = r.PollResult()
			}
		}()
	}
	wg.Wait()
	res, _ := r.PollResult()
	want := make([]int, 5)
	for i := range gs {
		want[(i+4)%5]++
	}
	if fmt.Sprint(res.Tally) != fmt.Sprint(want) || res.Answered != 30 {
		t.Fatalf("tally %v want %v, answered %d", res.Tally, want, res.Answered)
	}
}
