package kata

import (
	"fmt"
	"strings"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
)

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
