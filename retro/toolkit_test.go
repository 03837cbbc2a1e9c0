package retro

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
)

func toolkitSession(t *testing.T) *Session {
	acts, probs := content.LoadActivities(content.Builtin())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	get := func(id string) content.Activity {
		for _, a := range acts {
			if a.ID == id {
				return a
			}
		}
		t.Fatalf("no activity %s", id)
		return content.Activity{}
	}
	s := New(day, "pay", "Sprint 9", "Alice", 0)
	s.StartCheckIn(get("safety-check"))
	s.Tally(3, 1)
	s.Tally(4, 1)
	s.Tally(4, 1)
	s.Tally(0, -1) // never below zero
	s.Pick(PhaseStage, get("safety-check"))
	s.Pick(PhaseProblems, get("mad-sad-glad"))
	s.Pick(PhaseDiscuss, get("five-whys"))
	s.WentWell = []string{"Pairing on the migration", "# not a heading"}
	i := s.AddProblem()
	s.Problems[i] = Problem{Title: "Checkout broken", What: "Orders failed.", Votes: 2}
	s.SetWhys(i, "The cache expired\n\n1. at once\n- for every key")
	if !s.SetROTI("4 5 3 4") || s.SetROTI("4 6") || s.SetROTI("x") {
		t.Fatal("SetROTI accepts only 1 to 5")
	}
	return s
}

func TestToolkitNoteRoundTrip(t *testing.T) {
	s := toolkitSession(t)
	data := notes.Render(s.ToNote(nil))
	text := string(data)
	for _, want := range []string{
		"\nroti: 4\n",
		"## Check-in\n\n**Safety check.** How freely will you speak today",
		"- 4 Almost anything: 1\n- 5 Anything at all: 2\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("note lacks %q:\n%s", want, text)
		}
	}
	for _, want := range []string{"## What went well\n- Pairing on the migration\n- \\# not a heading\n",
		"**Why.**\n1. The cache expired\n2. 1\\. at once\n3. \\- for every key\n", "## Activities\n"} {
		if !strings.Contains(text, want) {
			t.Errorf("note lacks %q:\n%s", want, text)
		}
	}
	n, err := notes.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	back := FromNote(n)
	if !reflect.DeepEqual(back.WentWell, s.WentWell) {
		t.Errorf("went well %q, want %q", back.WentWell, s.WentWell)
	}
	if !reflect.DeepEqual(back.Problems[0].Whys, s.Problems[0].Whys) {
		t.Errorf("whys %q, want %q", back.Problems[0].Whys, s.Problems[0].Whys)
	}
	c, w := back.CheckIn, s.CheckIn
	if c == nil || c.Title != w.Title || c.Question != w.Question || !reflect.DeepEqual(c.Options, w.Options) || !reflect.DeepEqual(c.Tally, []int{0, 0, 0, 1, 2}) {
		t.Errorf("check-in %+v, want %+v", c, w)
	}
	if r := back.ROTI(); r == nil || *r != 4 {
		t.Errorf("roti %v", r)
	}
}

func TestOneWordCheckInAndTimebox(t *testing.T) {
	s := New(day, "pay", "", "", 0)
	s.StartCheckIn(content.Activity{ID: "one-word", Item: content.Item{Title: "One word"}, Prompt: "How was it?"})
	s.SetCheckInWords("calm, tired,, proud ")
	text := string(notes.Render(s.ToNote(nil)))
	if !strings.Contains(text, "**One word.** How was it?\n\nWords: calm, tired, proud\n") {
		t.Errorf("note:\n%s", text)
	}
	n, _ := notes.Parse([]byte(text))
	if got := FromNote(n).CheckIn.Words; !reflect.DeepEqual(got, []string{"calm", "tired", "proud"}) {
		t.Errorf("words %q", got)
	}
	// the picked activity's timebox, then +2 minutes
	s.Timebox = 10 * time.Minute
	s.Goto(PhaseProblems, 0)
	if left, ok := s.Remaining(time.Minute); !ok || left != 9*time.Minute {
		t.Errorf("left %v", left)
	}
	s.Pick(PhaseProblems, content.Activity{ID: "x", Timebox: 15 * time.Minute})
	s.Extend()
	if left, _ := s.Remaining(time.Minute); left != 16*time.Minute {
		t.Errorf("left with the activity and +2: %v", left)
	}
	if s.PhaseTimebox(PhaseDiscuss) != 10*time.Minute {
		t.Error("the extra minutes leak into another phase")
	}
}

func TestROTIVotesFromAnAverage(t *testing.T) {
	for _, avg := range []float64{4, 4.25, 3.5, 1, 5, 4.33, 2.67} {
		v := rotiVotes(&avg)
		s := &Session{ROTIVotes: v}
		if got := s.ROTI(); got == nil || *got != avg {
			t.Errorf("%v: votes %v give %v", avg, v, got)
		}
	}
}

func FuzzToolkitRoundTrip(f *testing.F) {
	f.Add("went", "why one\nwhy two", "word")
	f.Add("## Actions", "1. x\n- [ ] y", "Words: a")
	f.Add("- [ ] fake action", "**Why.** z", "**x.** y")
	f.Fuzz(func(t *testing.T, went, whys, word string) {
		s := New(day, "t", "Sprint", "", 0)
		s.WentWell = []string{went}
		i := s.AddProblem()
		s.Problems[i].Title = "P"
		s.SetWhys(i, whys)
		s.StartCheckIn(content.Activity{ID: "w", Item: content.Item{Title: "One word"}, Prompt: "Q"})
		s.SetCheckInWords(word)
		n, err := notes.Parse(notes.Render(s.ToNote(nil)))
		if err != nil {
			t.Fatal(err)
		}
		if len(n.Actions) != 0 {
			t.Fatalf("typed text made an action: %+v", n.Actions)
		}
		back := FromNote(n)
		wantWent := []string{}
		if w := oneLine(notes.NormalizeText(went)); w != "" {
			wantWent = []string{w}
		}
		if len(back.WentWell) != len(wantWent) || (len(wantWent) == 1 && back.WentWell[0] != wantWent[0]) {
			t.Fatalf("went well %q, want %q", back.WentWell, wantWent)
		}
		if len(back.Problems) != 1 || len(back.Problems[0].Whys) != len(s.Problems[0].Whys) {
			t.Fatalf("whys %+v, want %q", back.Problems, s.Problems[0].Whys)
		}
	})
}
