package kata

import (
	"strings"
	"time"

	"github.com/retrokata/retrokata/content"
)

// Kind is what a step of a practice session asks for.
type Kind int

// The kinds of step, in the order a session goes through them: for each
// stage on the player's path, KindStage, then KindDecide when the stage
// branches and KindPredict when it asks for a prediction; then reflect,
// reveal, assess, one KindDebrief per debrief field, and the end.
const (
	KindStage   Kind = iota // answer "what do you do right now?", opening what can be looked at
	KindReflect             // "what would you learn from this?"
	KindReveal              // the reference beside your answers
	KindAssess              // one checkbox per key point, with its anchor
	KindEnd                 // the linked tips, then save
	KindDecide              // pick one of the stage's options
	KindPredict             // "what do you expect to happen?", before the next stage
	KindDebrief             // one field of the blameless debrief
)

// Step is one step of a session: its kind, and the stage (KindStage,
// KindDecide, KindPredict) or debrief field (KindDebrief) it is about.
type Step struct {
	Kind  Kind
	Stage int // index in the kata's stages
	Field int // index in DebriefFields
}

// Opened is something the player looked at: which, when on the kata
// clock, and what it cost.
type Opened struct {
	Stage   int           `json:"stage"`
	Label   string        `json:"label"`
	Minutes int           `json:"minutes"`
	At      time.Duration `json:"at"` // the kata clock when it was opened
}

// Session is one practice of a kata: the variant played, the step reached,
// the answers typed, what was looked at, the decisions and predictions,
// the self-assessment, the debrief and the time spent answering.
type Session struct {
	Kata        string        `json:"kata"`
	Variant     int           `json:"variant,omitempty"` // 0-based index into the kata's variants
	Date        time.Time     `json:"date"`
	Step        int           `json:"step"`
	Answers     []string      `json:"answers"` // per stage; stages off the path stay empty
	Reflection  string        `json:"reflection"`
	Checked     []bool        `json:"checked"`
	Timed       time.Duration `json:"timed,omitempty"`       // 0: not timed
	Spent       time.Duration `json:"spent"`                 // answering time, up to the reveal
	Choices     []int         `json:"choices,omitempty"`     // per stage: the option chosen, -1 for none
	Predictions []string      `json:"predictions,omitempty"` // per stage: what the player expected next
	Opened      []Opened      `json:"opened,omitempty"`
	Debrief     []string      `json:"debrief,omitempty"` // per DebriefFields

	k content.Kata // the kata's shape: set by NewSession and Fit
}

// DebriefField is one part of the blameless debrief that ends a kata.
type DebriefField struct {
	Title string // as in the note: "Impact"
	Ask   string // the question the player answers
}

// DebriefFields is the blameless debrief, shaped like a postmortem.
func DebriefFields() []DebriefField {
	return []DebriefField{
		{"Impact", "Who was affected, how, and for how long?"},
		{"Trigger", "What set it off? (the event, not the cause)"},
		{"Root cause", "What in the system made it possible? Name conditions, not people."},
		{"Detection", "How was it seen, by whom, and how could it be seen sooner?"},
		{"What went well", "What helped?"},
		{"What went badly", "What got in the way?"},
		{"Where we got lucky", "What could have made it worse, and didn't?"},
		{"Actions", "One action a line, each with its owner: 'Alert on products per run @priya'."},
	}
}

// NewSession starts a practice of k at now; timed is the time allowed to
// answer (0 for none). Set Variant before the first step to play another
// variant (PickVariant).
func NewSession(k content.Kata, now time.Time, timed time.Duration) *Session {
	s := &Session{
		Kata:  k.ID,
		Date:  now.Truncate(time.Second),
		Timed: max(0, timed),
	}
	s.Fit(k)
	return s
}

// Fit makes the session match k (a draft written before the kata file
// changed, or one read from disk): extra answers are joined into the last
// stage so no text is lost, choices that no longer exist are forgotten.
func (s *Session) Fit(k content.Kata) {
	s.k = k
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
	ch := make([]int, n)
	for i := range ch {
		ch[i] = -1
		if i < len(s.Choices) && s.Choices[i] >= 0 && s.Choices[i] < len(k.Stages[i].Decide) {
			ch[i] = s.Choices[i]
		}
	}
	s.Choices = ch
	p := make([]string, n)
	copy(p, s.Predictions)
	s.Predictions = p
	d := make([]string, len(DebriefFields()))
	copy(d, s.Debrief)
	s.Debrief = d
	if s.Variant < 0 || s.Variant >= len(k.Variants) {
		s.Variant = 0
	}
	s.Step = max(0, min(s.Step, s.Steps()-1))
}

// Path is the stages visited so far, in order. It stops at a stage whose
// decision is not made yet.
func (s *Session) Path() []int {
	var out []int
	for i := 0; i >= 0 && i < len(s.k.Stages) && len(out) <= len(s.k.Stages); {
		out = append(out, i)
		c := 0
		if s.k.Branches(i) {
			if c = s.choice(i); c < 0 {
				break
			}
		}
		i = s.k.Following(i, c)
	}
	return out
}

func (s *Session) choice(i int) int {
	if i >= 0 && i < len(s.Choices) {
		return s.Choices[i]
	}
	return -1
}

// Choice is the option chosen at stage i, -1 for none.
func (s *Session) Choice(i int) int { return s.choice(i) }

// Decided reports whether the path reaches its end: every decision on it
// is made.
func (s *Session) Decided() bool {
	p := s.Path()
	if len(p) == 0 {
		return true
	}
	last := p[len(p)-1]
	return !s.k.Branches(last) || s.choice(last) >= 0
}

// Choose records option c at stage i; the path after it follows. An
// option out of range is ignored.
func (s *Session) Choose(i, c int) {
	if i >= 0 && i < len(s.Choices) && c >= 0 && c < len(s.k.Stages[i].Decide) {
		s.Choices[i] = c
	}
}

// steps lists the session's steps for the path as it stands.
func (s *Session) steps() []Step {
	var out []Step
	if len(s.k.Stages) == 0 { // not fitted: a plain list of stages
		for i := range s.Answers {
			out = append(out, Step{Kind: KindStage, Stage: i})
		}
	}
	for _, i := range s.Path() {
		out = append(out, Step{Kind: KindStage, Stage: i})
		if s.k.Branches(i) {
			out = append(out, Step{Kind: KindDecide, Stage: i})
		}
		if s.k.Stages[i].Predict != "" {
			out = append(out, Step{Kind: KindPredict, Stage: i})
		}
	}
	if !s.Decided() {
		return out
	}
	out = append(out, Step{Kind: KindReflect}, Step{Kind: KindReveal}, Step{Kind: KindAssess})
	for f := range DebriefFields() {
		out = append(out, Step{Kind: KindDebrief, Field: f})
	}
	return append(out, Step{Kind: KindEnd})
}

// Steps is how many steps the session has, for the path as it stands: a
// decision not made yet is the last step until it is.
func (s *Session) Steps() int { return len(s.steps()) }

// At is step i (clamped).
func (s *Session) At(i int) Step {
	st := s.steps()
	return st[max(0, min(i, len(st)-1))]
}

// Kind says what step i asks for.
func (s *Session) Kind(i int) Kind { return s.At(i).Kind }

// Current is the kind of the current step.
func (s *Session) Current() Kind { return s.Kind(s.Step) }

// CurrentStep is the current step.
func (s *Session) CurrentStep() Step { return s.At(s.Step) }

// Goto moves to step i (clamped); the clock stops at the reveal.
func (s *Session) Goto(i int) { s.Step = max(0, min(i, s.Steps()-1)) }

// Answering reports whether the clock runs: before the reveal.
func (s *Session) Answering() bool {
	switch s.Current() {
	case KindStage, KindDecide, KindPredict, KindReflect:
		return true
	}
	return false
}

// AddTime counts d as spent answering; after the reveal it is ignored.
func (s *Session) AddTime(d time.Duration) {
	if s.Answering() && d > 0 {
		s.Spent += d
	}
}

// Open looks at item j of stage i: the first time, its minutes are added
// to the kata clock and it is recorded. It reports whether it was new.
// Nothing is opened after the reveal, or off the path.
func (s *Session) Open(i, j int) bool {
	if i < 0 || i >= len(s.k.Stages) || j < 0 || j >= len(s.k.Stages[i].Look) || !s.Answering() || s.IsOpen(i, j) {
		return false
	}
	l := s.k.Stages[i].Look[j]
	s.Opened = append(s.Opened, Opened{Stage: i, Label: l.Label, Minutes: l.Minutes, At: s.Clock()})
	return true
}

// IsOpen reports whether item j of stage i was looked at.
func (s *Session) IsOpen(i, j int) bool {
	if i < 0 || i >= len(s.k.Stages) || j < 0 || j >= len(s.k.Stages[i].Look) {
		return false
	}
	label := s.k.Stages[i].Look[j].Label
	for _, o := range s.Opened {
		if o.Stage == i && o.Label == label {
			return true
		}
	}
	return false
}

// LookTime is the time added to the kata clock by what was looked at.
func (s *Session) LookTime() time.Duration {
	var d time.Duration
	for _, o := range s.Opened {
		d += time.Duration(o.Minutes) * time.Minute
	}
	return d
}

// Clock is the kata clock: time spent answering plus what looking at
// things cost.
func (s *Session) Clock() time.Duration { return s.Spent + s.LookTime() }

// Remaining is the time left on a timed session (negative when over).
func (s *Session) Remaining() time.Duration { return s.Timed - s.Clock() }

// InTime says whether a timed session was answered in time; nil when the
// session is not timed.
func (s *Session) InTime() *bool {
	if s.Timed <= 0 {
		return nil
	}
	ok := s.Clock() <= s.Timed
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

// PickVariant chooses the variant (0-based) of a kata with n variants for
// a new attempt, from the variants of past attempts (from 1, as in the
// kata notes; 0 for an attempt that names none): one never played,
// else the one played least recently. seen is in date order.
func PickVariant(n int, seen []int) int {
	if n <= 1 {
		return 0
	}
	last := make([]int, n) // 1 + index in seen of the last time played; 0 never
	for i, v := range seen {
		if v >= 1 && v <= n {
			last[v-1] = i + 1
		}
	}
	best := 0
	for v := 1; v < n; v++ {
		if last[v] < last[best] {
			best = v
		}
	}
	return best
}

// Duration writes d to the second, as in "8m12s".
func Duration(d time.Duration) string { return d.Round(time.Second).String() }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
