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

// Sections of a kata note.
const (
	SectionSituation  = "Situation"
	SectionReflection = "What I would learn"
	SectionReference  = "Reference"
	SectionAssessment = "Self-assessment"
	SectionDebrief    = "Debrief"
	SectionTips       = "Tips"
)

// ToNote renders the session as a kata note: what the kata is built on,
// the variant, path and clock; the situation stage by stage along the
// player's path with what they looked at, their answer, decision and
// prediction; the reflection; the reference, stage by stage and overall;
// the self-assessment as a task list with anchors; the blameless debrief;
// the tips. tip names a tip number; it may be nil.
func (s *Session) ToNote(k content.Kata, tip func(int) string) notes.Note {
	k = k.WithVariant(s.Variant)
	if len(s.k.Stages) != len(k.Stages) {
		s.Fit(k)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# Kata: %s\n", oneLine(k.Title))
	if k.Summary != "" {
		fmt.Fprintf(&b, "\n%s\n", oneLine(k.Summary))
	}
	if l := content.Label(k.Item); l != "" {
		fmt.Fprintf(&b, "\n_%s_\n", l)
	}
	path := s.Path()
	if facts := s.facts(k, path); facts != "" {
		fmt.Fprintf(&b, "\n%s\n", facts)
	}
	b.WriteString("\n## " + SectionSituation + "\n")
	for _, i := range path {
		st := k.Stages[i]
		fmt.Fprintf(&b, "\n### %s\n\n%s\n", stageHead(k, i), strings.TrimSpace(st.Situation))
		prompt := st.Prompt
		if prompt == "" {
			prompt = content.DefaultPrompt
		}
		fmt.Fprintf(&b, "\n> %s\n", oneLine(prompt))
		if looked := s.lookedAt(i); looked != "" {
			fmt.Fprintf(&b, "\n**I looked at.** %s\n", looked)
		}
		answer := ""
		if i < len(s.Answers) {
			answer = notes.EscapeText(s.Answers[i])
		}
		if answer == "" {
			answer = "_(no answer)_"
		}
		fmt.Fprintf(&b, "\n**My answer.** %s\n", answer)
		if c := s.choice(i); c >= 0 && c < len(st.Decide) {
			fmt.Fprintf(&b, "\n**My decision.** %s\n", oneLine(st.Decide[c].Text))
		}
		if st.Predict != "" {
			p := ""
			if i < len(s.Predictions) {
				p = notes.EscapeText(s.Predictions[i])
			}
			if p == "" {
				p = "_(no prediction)_"
			}
			fmt.Fprintf(&b, "\n**Asked.** %s\n\n**I expected.** %s (what happened is the next stage)\n", oneLine(st.Predict), p)
		}
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
	for _, i := range path {
		st := k.Stages[i]
		if st.Reference == "" && st.LookFirst == "" {
			continue
		}
		fmt.Fprintf(&b, "\n**%s.**", stageHead(k, i))
		if st.LookFirst != "" {
			fmt.Fprintf(&b, " Look first: %s.", oneLine(st.LookFirst))
		}
		if st.Reference != "" {
			fmt.Fprintf(&b, " %s", oneLine(st.Reference))
		}
		b.WriteString("\n")
	}
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
		line := oneLine(kp)
		if i < len(k.Anchors) && k.Anchors[i] != "" {
			line += " (to count: " + oneLine(k.Anchors[i]) + ")"
		}
		fmt.Fprintf(&b, "- [%s] %s\n", mark, line)
	}
	fmt.Fprintf(&b, "\nScore: %d/%d", s.Score(), s.MaxScore())
	if s.Timed > 0 {
		if *s.InTime() {
			fmt.Fprintf(&b, ", answered in %s of %s", Duration(s.Clock()), Duration(s.Timed))
		} else {
			fmt.Fprintf(&b, ", answered in %s: over the %s allowed", Duration(s.Clock()), Duration(s.Timed))
		}
	}
	b.WriteString(".\n")
	s.writeDebrief(&b, k)
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
	variant := 0
	if len(k.Variants) > 0 {
		variant = s.Variant + 1
	}
	return notes.Note{
		Meta: notes.Meta{
			Type:     notes.TypeKata,
			Title:    "Kata: " + oneLine(k.Title),
			Date:     s.Date,
			Tags:     k.Tags,
			Kata:     k.ID,
			Score:    &score,
			MaxScore: &maxScore,
			Duration: Duration(s.Clock()),
			InTime:   s.InTime(),
			Variant:  variant,
		},
		Body: b.String(),
	}
}

// facts is the line under a kata note's title: variant, path and clock,
// "" for a kata with none of them (a v1 kata reads as before).
func (s *Session) facts(k content.Kata, path []int) string {
	var parts []string
	if len(k.Variants) > 1 {
		parts = append(parts, fmt.Sprintf("Variant %d of %d", s.Variant+1, len(k.Variants)))
	}
	if k.DecisionPoints() > 0 {
		var p []string
		for _, i := range path {
			p = append(p, fmt.Sprint(i+1))
		}
		parts = append(parts, "path: stages "+strings.Join(p, " → "))
	}
	if lt := s.LookTime(); lt > 0 {
		parts = append(parts, fmt.Sprintf("kata clock %s (%s answering, %s looking at things)", Duration(s.Clock()), Duration(s.Spent), Duration(lt)))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, " · ") + "."
}

// lookedAt lists what was opened at stage i, in order, with its cost and
// when on the kata clock.
func (s *Session) lookedAt(i int) string {
	var out []string
	for _, o := range s.Opened {
		if o.Stage == i {
			out = append(out, fmt.Sprintf("%s (%d min, at %s)", oneLine(o.Label), o.Minutes, Duration(o.At)))
		}
	}
	return strings.Join(out, "; ")
}

func stageHead(k content.Kata, i int) string {
	head := fmt.Sprintf("Stage %d", i+1)
	if t := oneLine(k.Stages[i].Title); t != "" {
		head += ": " + t
	}
	return head
}

// writeDebrief writes the blameless debrief: one paragraph a field, the
// actions as a plain list (practice actions, not the team's: they are not
// task items), then the kata's reference notes.
func (s *Session) writeDebrief(b *strings.Builder, k content.Kata) {
	b.WriteString("\n## " + SectionDebrief + "\n")
	for f, field := range DebriefFields() {
		text := ""
		if f < len(s.Debrief) {
			text = s.Debrief[f]
		}
		if field.Title == "Actions" {
			fmt.Fprintf(b, "\n**%s.**", field.Title)
			acts := DebriefActions(text)
			if len(acts) == 0 {
				b.WriteString(" _(none)_\n")
				continue
			}
			b.WriteString("\n\n")
			for _, a := range acts {
				owner := "no owner yet"
				if a.Owner != "" {
					owner = "owner: " + a.Owner
				}
				fmt.Fprintf(b, "- %s (%s)\n", notes.EscapeText(a.Text), notes.EscapeText(owner))
			}
			continue
		}
		text = notes.EscapeText(text)
		if text == "" {
			text = "_(nothing written)_"
		}
		fmt.Fprintf(b, "\n**%s.** %s\n", field.Title, text)
	}
	if r := strings.TrimSpace(k.Debrief); r != "" {
		fmt.Fprintf(b, "\n**Reference notes.** %s\n", oneLine(r))
	}
}

// DebriefAction is one action of the debrief and its owner.
type DebriefAction struct {
	Text  string
	Owner string // "@priya", "" when none is named
}

// DebriefActions reads the debrief's actions: one a line, the owner the
// last "@name" on it.
func DebriefActions(text string) []DebriefAction {
	var out []DebriefAction
	for _, line := range learningLines(notes.NormalizeText(text)) {
		a := DebriefAction{Text: line}
		f := strings.Fields(line)
		for j := len(f) - 1; j >= 0; j-- {
			w := strings.Trim(f[j], "(),.;")
			if len(w) > 1 && strings.HasPrefix(w, "@") {
				a.Owner = w
				f = append(f[:j], f[j+1:]...)
				a.Text = strings.Join(f, " ")
				break
			}
		}
		out = append(out, a)
	}
	return out
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
