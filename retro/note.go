package retro

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/retrokata/retrokata/notes"
)

// Label is how a decision is recorded under "## Previous actions".
func (d Decision) Label() string {
	switch d {
	case Done:
		return "Done"
	case Carry:
		return "Carried over"
	case Drop:
		return "Dropped"
	}
	return "Still open"
}

// decisionOf reads a label back.
func decisionOf(label string) (Decision, bool) {
	for _, d := range []Decision{Done, Carry, Drop, Undecided} {
		if strings.EqualFold(label, d.Label()) {
			return d, true
		}
	}
	return Undecided, false
}

// TipTitle names tip n ("Deploy small and often"); it may return "".
type TipTitle func(n int) string

// ToNote renders the session as a retro note in the format of DESIGN.md.
// Text typed by the team goes through notes.EscapeText: it is kept as
// written and cannot break the note's structure; FromNote reads it back.
func (s *Session) ToNote(tip TipTitle) notes.Note {
	title := s.DisplayTitle()
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n", notes.EscapeText(oneLine(title)))
	s.writeCheckIn(&b)
	s.writeActivities(&b)
	if len(s.Previous) > 0 {
		b.WriteString("\n## " + notes.SectionPrevious + "\n")
		for _, p := range s.Previous {
			src := ""
			if p.Note != "" {
				src = notes.LinkTarget(p.Note)
			}
			b.WriteString(notes.PreviousLine(p.Decision.Label(), notes.Action{Text: p.Text, Owner: p.Owner}, src) + "\n")
		}
	}
	s.writeWentWell(&b)
	if len(s.Problems) > 0 {
		b.WriteString("\n## Problems\n")
		for k, i := range s.VoteOrder() {
			p := s.Problems[i]
			ptitle := notes.EscapeText(oneLine(p.Title))
			if ptitle == "" {
				ptitle = untitled // typed "_Untitled problem_" is escaped: "\_Untitled…"
			}
			fmt.Fprintf(&b, "\n### %d. %s — %s\n", k+1, ptitle, plural(p.Votes, "vote"))
			para(&b, "What happened.", p.What)
			para(&b, "Our reaction.", p.Reaction)
			var ls []string
			for _, l := range p.Learnings {
				if l = notes.NormalizeText(l); l != "" {
					ls = append(ls, l)
				}
			}
			switch len(ls) {
			case 0:
			case 1:
				para(&b, "What we learnt.", ls[0])
			default:
				b.WriteString("\n**What we learnt.**\n")
				for _, l := range ls {
					// one list item each, its later lines indented
					b.WriteString("- " + strings.ReplaceAll(notes.EscapeText(l), "\n", "\n  ") + "\n")
				}
			}
			if len(p.Tips) > 0 {
				var ts []string
				for _, n := range p.Tips {
					t := strconv.Itoa(n) + "."
					if tip != nil && tip(n) != "" {
						t += " " + tip(n)
					}
					ts = append(ts, t)
				}
				b.WriteString("\n**Tips.** " + strings.Join(ts, "; ") + "\n")
			}
			writeWhys(&b, p.Whys)
		}
	}
	b.WriteString("\n## " + notes.SectionActions + "\n")
	n := 0
	for _, a := range s.Actions {
		if strings.TrimSpace(a.Text) == "" {
			continue
		}
		b.WriteString(notes.ActionLine(notes.Action{Text: a.Text, Owner: a.Owner, Due: a.Due, Status: notes.StatusOpen, From: a.From}) + "\n")
		n++
	}
	if n == 0 {
		b.WriteString("\nNo actions this time.\n")
	}
	return notes.Note{
		Meta: notes.Meta{Type: notes.TypeRetro, Title: title, Date: s.Date, Team: strings.TrimSpace(s.Team),
			Facilitator: strings.TrimSpace(s.Facilitator), Participants: s.Participants, ROTI: s.ROTI()},
		Body: b.String(),
	}
}

// para writes "**Label** text" as a paragraph of escaped text.
func para(b *strings.Builder, label, text string) {
	if text = notes.EscapeText(text); text != "" {
		fmt.Fprintf(b, "\n**%s** %s\n", label, text)
	}
}

// untitled stands for a problem without a title.
const untitled = "_Untitled problem_"

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

var (
	problemHead = regexp.MustCompile(`^### \d+\. (.*?)(?: — (\d+) votes?)?$`)
	labelLine   = regexp.MustCompile(`^\*\*(What happened|Our reaction|What we learnt|Tips|Why)\.\*\*\s?(.*)$`)
	tipNumber   = regexp.MustCompile(`(?:^|;\s*)(\d+)\.`)
)

// FromNote reads a retro note written by ToNote back into a session (for
// a note edited by hand, what it cannot read stays in the file). Problems
// come back in vote order.
func FromNote(n notes.Note) *Session {
	s := New(n.Date, n.Team, n.Title, n.Facilitator, 0)
	s.Participants = n.Participants
	s.ROTIVotes = rotiVotes(n.ROTI)
	for _, a := range n.Actions {
		s.Actions = append(s.Actions, Action{Text: a.Text, Owner: a.Owner, Due: a.Due, CarriedOver: a.From != "", From: a.From})
	}
	section := ""
	var cur *Problem
	field := ""
	listed := false // the learnings are a list: later lines are indented by 2
	add := func(line string) {
		if cur == nil {
			return
		}
		switch field {
		case "What happened":
			cur.What = joinLine(cur.What, notes.UnescapeLine(line))
		case "Our reaction":
			cur.Reaction = joinLine(cur.Reaction, notes.UnescapeLine(line))
		case "Why":
			readWhy(cur, line)
		case "What we learnt":
			if l, ok := strings.CutPrefix(line, "- "); ok {
				cur.Learnings = append(cur.Learnings, notes.UnescapeLine(l))
				listed = true
			} else if line != "" && len(cur.Learnings) == 0 {
				cur.Learnings = []string{notes.UnescapeLine(line)}
			} else if line != "" {
				if listed {
					line = strings.TrimPrefix(line, "  ")
				}
				last := &cur.Learnings[len(cur.Learnings)-1]
				*last = *last + "\n" + notes.UnescapeLine(line)
			}
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(n.Body, "\r\n", "\n"), "\n") {
		if h, ok := strings.CutPrefix(line, "## "); ok {
			section, cur, field = strings.TrimSpace(h), nil, ""
			continue
		}
		if section == notes.SectionPrevious {
			if label, a, src, ok := notes.ParsePreviousLine(line); ok {
				d, _ := decisionOf(label)
				s.Previous = append(s.Previous, Previous{Text: a.Text, Owner: a.Owner, Note: src, Decision: d})
			}
			continue
		}
		if s.readToolkitLine(section, line) {
			continue
		}
		if section != "Problems" {
			continue
		}
		if m := problemHead.FindStringSubmatch(line); m != nil {
			s.Problems = append(s.Problems, Problem{Title: notes.UnescapeLine(m[1])})
			cur, field, listed = &s.Problems[len(s.Problems)-1], "", false
			if m[2] != "" {
				cur.Votes, _ = strconv.Atoi(m[2])
			}
			if m[1] == untitled {
				cur.Title = ""
			}
			continue
		}
		if m := labelLine.FindStringSubmatch(line); m != nil && cur != nil {
			field = m[1]
			if field == "Tips" {
				for _, t := range tipNumber.FindAllStringSubmatch(m[2], -1) {
					if v, err := strconv.Atoi(t[1]); err == nil {
						cur.Tips = append(cur.Tips, v)
					}
				}
				field = ""
				continue
			}
			add(m[2])
			continue
		}
		if line == "" && field != "What we learnt" {
			if field != "" {
				field = field + "\x00" // a blank line ends the paragraph
			}
			continue
		}
		if strings.HasSuffix(field, "\x00") {
			continue
		}
		add(line)
	}
	for i := range s.Problems {
		p := &s.Problems[i]
		p.What, p.Reaction = strings.TrimSpace(p.What), strings.TrimSpace(p.Reaction)
	}
	// link carried-over actions back to their previous item
	for i := range s.Actions {
		a := &s.Actions[i]
		if !a.CarriedOver {
			continue
		}
		for _, p := range s.Previous {
			if p.Decision == Carry && p.Text == a.Text && notes.LinkTarget(p.Note) == a.From {
				a.FromID = prevKey(p)
				break
			}
		}
	}
	s.Phase = PhaseClose
	return s
}

func joinLine(a, b string) string {
	if a == "" {
		return b
	}
	return a + "\n" + b
}
