package kata

import (
	"fmt"
	"strings"
	"time"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
)

// Kind is what a step of a practice session asks for.
type Kind int

// The kinds of step, in the order a session goes through them: one
// KindStage per stage of the kata, then the others once each.
const (
	KindStage   Kind = iota // answer "what do you do right now?"
	KindReflect             // "what would you learn from this?"
	KindReveal              // the reference beside your answers
	KindAssess              // one checkbox per key point
	KindEnd                 // the linked tips, then save
)

// Session is one practice of a kata: the step reached, the answers typed,
// the self-assessment and the time spent answering.
type Session struct {
	Kata       string        `json:"kata"`
	Variant    int           `json:"variant,omitempty"` // 0-based index into the kata's variants
	Date       time.Time     `json:"date"`
	Step       int           `json:"step"`
	Answers    []string      `json:"answers"`
	Reflection string        `json:"reflection"`
	Checked    []bool        `json:"checked"`
	Timed      time.Duration `json:"timed,omitempty"` // 0: not timed
	Spent      time.Duration `json:"spent"`           // answering time, up to the reveal
}

// NewSession starts a practice of k at now; timed is the time allowed to
// answer (0 for none).
func NewSession(k content.Kata, now time.Time, timed time.Duration) *Session {
	return &Session{
		Kata:    k.ID,
		Date:    now.Truncate(time.Second),
		Answers: make([]string, len(k.Stages)),
		Checked: make([]bool, len(k.KeyPoints)),
		Timed:   max(0, timed),
	}
}

// Fit makes the session's slices match k, for a draft written before the
// kata file changed: extra answers are joined into the last stage so no
// text is lost.
func (s *Session) Fit(k content.Kata) {
	n := len(k.Stages)
	if len(s.Answers) > n && n > 0 {
		extra := strings.TrimSpace(strings.Join(s.Answers[n-1:], "\n\n"))
		s.Answers = append(s.Answers[:n-1], extra)
	}
	for len(s.Answers) < n {
		s.Answers = append(s.Answers, "")
	}
	c := make([]bool, len(k.KeyPoints))
	copy(c, s.Checked)
	s.Checked = c
	s.Step = max(0, min(s.Step, s.Steps()-1))
}

// Steps is how many steps the session has.
func (s *Session) Steps() int { return len(s.Answers) + 4 }

// Kind says what step i asks for.
func (s *Session) Kind(i int) Kind {
	if i < len(s.Answers) {
		return KindStage
	}
	return Kind(i - len(s.Answers) + 1)
}

// Current is the kind of the current step.
func (s *Session) Current() Kind { return s.Kind(s.Step) }

// Goto moves to step i (clamped); the clock stops at the reveal.
func (s *Session) Goto(i int) { s.Step = max(0, min(i, s.Steps()-1)) }

// Answering reports whether the clock runs: before the reveal.
func (s *Session) Answering() bool { return s.Current() < KindReveal }

// AddTime counts d as spent answering; after the reveal it is ignored.
func (s *Session) AddTime(d time.Duration) {
	if s.Answering() && d > 0 {
		s.Spent += d
	}
}

// Remaining is the time left on a timed session (negative when over).
func (s *Session) Remaining() time.Duration { return s.Timed - s.Spent }

// InTime says whether a timed session was answered in time; nil when the
// session is not timed.
func (s *Session) InTime() *bool {
	if s.Timed <= 0 {
		return nil
	}
	ok := s.Spent <= s.Timed
	return &ok
}

// Toggle flips key point i of the self-assessment.
func (s *Session) Toggle(i int) {
	if i >= 0 && i < len(s.Checked) {
		s.Checked[i] = !s.Checked[i]
	}
}

// Score is the number of key points checked.
func (s *Session) Score() int {
	n := 0
	for _, c := range s.Checked {
		if c {
			n++
		}
	}
	return n
}

// MaxScore is the number of key points.
func (s *Session) MaxScore() int { return len(s.Checked) }

// Sections of a kata note.
const (
	SectionSituation  = "Situation"
	SectionReflection = "What I would learn"
	SectionReference  = "Reference"
	SectionAssessment = "Self-assessment"
	SectionTips       = "Tips"
)

// ToNote renders the session as a kata note: the situation stage by stage
// with the answer given at each, the reflection, the reference, and the
// self-assessment as a task list. tip names a tip number; it may be nil.
func (s *Session) ToNote(k content.Kata, tip func(int) string) notes.Note {
	var b strings.Builder
	fmt.Fprintf(&b, "# Kata: %s\n", oneLine(k.Title))
	if k.Summary != "" {
		fmt.Fprintf(&b, "\n%s\n", oneLine(k.Summary))
	}
	b.WriteString("\n## " + SectionSituation + "\n")
	for i, st := range k.Stages {
		head := fmt.Sprintf("Stage %d", i+1)
		if t := oneLine(st.Title); t != "" {
			head += ": " + t
		}
		fmt.Fprintf(&b, "\n### %s\n\n%s\n", head, strings.TrimSpace(st.Situation))
		prompt := st.Prompt
		if prompt == "" {
			prompt = content.DefaultPrompt
		}
		fmt.Fprintf(&b, "\n> %s\n", oneLine(prompt))
		answer := ""
		if i < len(s.Answers) {
			answer = notes.EscapeText(s.Answers[i])
		}
		if answer == "" {
			answer = "_(no answer)_"
		}
		fmt.Fprintf(&b, "\n**My answer.** %s\n", answer)
	}
	b.WriteString("\n## " + SectionReflection + "\n\n")
	if l := learningLines(notes.NormalizeText(s.Reflection)); len(l) > 0 {
		// one learning a line, written as a list: bare lines would be
		// joined into one paragraph by any markdown renderer
		for _, line := range l {
			b.WriteString("- " + notes.EscapeText(line) + "\n")
		}
	} else {
		b.WriteString("_(nothing written)_\n")
	}
	b.WriteString("\n## " + SectionReference + "\n")
	if r := strings.TrimSpace(k.Reaction); r != "" {
		fmt.Fprintf(&b, "\n**Reaction.** %s\n", r)
	}
	if len(k.Learnings) > 0 {
		b.WriteString("\n**Learnings.**\n")
		for _, l := range k.Learnings {
			b.WriteString("- " + oneLine(l) + "\n")
		}
	}
	fmt.Fprintf(&b, "\n## %s\n\n", SectionAssessment)
	for i, kp := range k.KeyPoints {
		mark := " "
		if i < len(s.Checked) && s.Checked[i] {
			mark = "x"
		}
		fmt.Fprintf(&b, "- [%s] %s\n", mark, oneLine(kp))
	}
	fmt.Fprintf(&b, "\nScore: %d/%d", s.Score(), s.MaxScore())
	if s.Timed > 0 {
		if *s.InTime() {
			fmt.Fprintf(&b, ", answered in %s of %s", Duration(s.Spent), Duration(s.Timed))
		} else {
			fmt.Fprintf(&b, ", answered in %s: over the %s allowed", Duration(s.Spent), Duration(s.Timed))
		}
	}
	b.WriteString(".\n")
	if len(k.Tips) > 0 {
		b.WriteString("\n## " + SectionTips + "\n\n")
		for _, n := range k.Tips {
			t := fmt.Sprintf("Tip %d", n)
			if tip != nil && tip(n) != "" {
				t += ": " + tip(n)
			}
			b.WriteString("- " + t + "\n")
		}
	}
	score, maxScore := s.Score(), s.MaxScore()
	return notes.Note{
		Meta: notes.Meta{
			Type:     notes.TypeKata,
			Title:    "Kata: " + oneLine(k.Title),
			Date:     s.Date,
			Tags:     k.Tags,
			Kata:     k.ID,
			Score:    &score,
			MaxScore: &maxScore,
			Duration: Duration(s.Spent),
			InTime:   s.InTime(),
		},
		Body: b.String(),
	}
}

// Duration writes d to the second, as in "8m12s".
func Duration(d time.Duration) string { return d.Round(time.Second).String() }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// learningLines splits a reflection into one learning a line, without the
// blank lines and without a list marker the player typed themselves.
func learningLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		for _, m := range []string{"- ", "* ", "+ "} {
			line = strings.TrimSpace(strings.TrimPrefix(line, m))
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}
