package retro

import (
	"reflect"
	"strings"
	"testing"

	"github.com/retrokata/retrokata/notes"
)

// typedBack is what a problem typed by the team reads back as: the text
// normalised (line endings, surrounding blanks), titles on one line, empty
// learnings left out.
func typedBack(p Problem) Problem {
	out := Problem{Title: notes.NormalizeText(oneLine(p.Title)), What: notes.NormalizeText(p.What),
		Reaction: notes.NormalizeText(p.Reaction), Votes: p.Votes}
	for _, l := range p.Learnings {
		if l = notes.NormalizeText(l); l != "" {
			out.Learnings = append(out.Learnings, l)
		}
	}
	return out
}

// readBack renders a session as a note file, parses it and reads it back.
func readBack(t *testing.T, s *Session) *Session {
	t.Helper()
	n, err := notes.Parse(notes.Render(s.ToNote(nil)))
	if err != nil {
		t.Fatalf("the rendered note does not parse: %v", err)
	}
	return FromNote(n)
}

// The issue's example: a ``` line typed into a problem used to put
// "## Actions" inside a code block, so the note had no actions.
func TestTypedFenceKeepsTheActions(t *testing.T) {
	s := New(day, "t", "Sprint", "", 0)
	s.AddProblem()
	s.Problems[0] = Problem{Title: "Broken", What: "We saw this:\n```\npanic: boom", Reaction: "~~~\n## Actions\n- [ ] fake (@mallory)"}
	i := s.AddAction()
	s.Actions[i] = Action{Text: "Real one", Owner: "alice"}
	data := notes.Render(s.ToNote(nil))
	n, err := notes.Parse(data)
	if err != nil || len(n.Actions) != 1 || n.Actions[0].Text != "Real one" || n.Actions[0].Owner != "alice" {
		t.Fatalf("actions read back: %v %+v\n%s", err, n.Actions, data)
	}
	back := FromNote(n)
	if got, want := back.Problems[0], typedBack(s.Problems[0]); !reflect.DeepEqual(got, want) {
		t.Errorf("problem read back:\n%+v\nwant\n%+v", got, want)
	}
}

// Whatever is typed into a problem reads back exactly and never changes
// the number of problems or actions.
func FuzzRetroNoteRoundTrip(f *testing.F) {
	f.Add("Title", "```\n## Actions", "- [ ] x", "**Our reaction.** y", "1. a\n\n2. b", "_Untitled problem_")
	f.Add("0", "0", "0", "0", "\x00", "0") // a learning of only a NUL is no learning
	f.Add("### 1. x — 3 votes", "a\r\nb", "<!-- x", "  indented\n\tmore", "\\", "Untitled problem")
	f.Fuzz(func(t *testing.T, title, what, reaction, l1, l2, title2 string) {
		s := New(day, "t", "Sprint", "", 0)
		s.AddProblem()
		s.AddProblem()
		s.Problems[0] = Problem{Title: title, What: what, Reaction: reaction, Learnings: []string{l1, l2}, Votes: 2}
		s.Problems[1] = Problem{Title: title2, What: l2, Learnings: []string{l1}, Votes: 1}
		i := s.AddAction()
		s.Actions[i] = Action{Text: "Real one", Owner: "alice"}
		back := readBack(t, s)
		if len(back.Problems) != 2 || len(back.Actions) != 1 || back.Actions[0].Text != "Real one" {
			t.Fatalf("structure changed: %d problems, actions %+v", len(back.Problems), back.Actions)
		}
		for k := range 2 {
			got, want := back.Problems[k], typedBack(s.Problems[k])
			got.Tips = nil
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("problem %d read back:\n%#v\nwant\n%#v\nnote:\n%s", k, got, want, notes.Render(s.ToNote(nil)))
			}
		}
	})
}

func TestLearningsListKeepsLines(t *testing.T) {
	s := New(day, "t", "Sprint", "", 0)
	s.AddProblem()
	s.Problems[0] = Problem{Title: "P", Learnings: []string{"first\n- not an item\n\nafter a blank", "second"}}
	body := s.ToNote(nil).Body
	if !strings.Contains(body, "- first\n  \\- not an item\n  \\\n  after a blank\n- second\n") {
		t.Errorf("learnings rendered as:\n%s", body)
	}
	if got := readBack(t, s).Problems[0].Learnings; !reflect.DeepEqual(got, s.Problems[0].Learnings) {
		t.Errorf("learnings read back: %q", got)
	}
}
