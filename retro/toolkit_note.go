package retro

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/retrokata/retrokata/notes"
)

// Sections of a retro note the toolkit writes.
const (
	SectionCheckIn    = "Check-in"
	SectionActivities = "Activities"
	SectionWentWell   = "What went well"
)

// esc is typed or content text made one escaped line.
func esc(s string) string { return notes.EscapeText(oneLine(s)) }

// writeCheckIn writes "## Check-in": the question, then the tally or the
// words.
func (s *Session) writeCheckIn(b *strings.Builder) {
	c := s.CheckIn
	if c == nil {
		return
	}
	fmt.Fprintf(b, "\n## %s\n\n**%s.** %s\n", SectionCheckIn, esc(strings.TrimSuffix(c.Title, ".")), esc(c.Question))
	if len(c.Options) > 0 {
		b.WriteString("\n")
		for i, o := range c.Options {
			n := 0
			if i < len(c.Tally) {
				n = c.Tally[i]
			}
			fmt.Fprintf(b, "- %s: %d\n", esc(o), n)
		}
	}
	if len(c.Words) > 0 {
		var ws []string
		for _, w := range c.Words {
			ws = append(ws, esc(w))
		}
		fmt.Fprintf(b, "\nWords: %s\n", strings.Join(ws, ", "))
	}
}

// writeActivities lists the activity picked for each phase.
func (s *Session) writeActivities(b *strings.Builder) {
	if len(s.Activities) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## %s\n", SectionActivities)
	for _, a := range s.Activities {
		fmt.Fprintf(b, "- %s: %s\n", a.Phase, esc(a.Title))
	}
}

// writeWentWell writes the "What went well" cards.
func (s *Session) writeWentWell(b *strings.Builder) {
	var cards []string
	for _, w := range s.WentWell {
		if w = esc(w); w != "" {
			cards = append(cards, w)
		}
	}
	if len(cards) == 0 {
		return
	}
	fmt.Fprintf(b, "\n## %s\n", SectionWentWell)
	for _, w := range cards {
		b.WriteString("- " + w + "\n")
	}
}

// writeWhys writes a problem's 5-whys chain: "**Why.**" then a numbered list.
func writeWhys(b *strings.Builder, whys []string) {
	var ws []string
	for _, w := range whys {
		if w = esc(w); w != "" {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return
	}
	b.WriteString("\n**Why.**\n")
	for i, w := range ws {
		fmt.Fprintf(b, "%d. %s\n", i+1, w)
	}
}

var (
	checkInHead = regexp.MustCompile(`^\*\*(.*)\.\*\* (.*)$`)
	tallyLine   = regexp.MustCompile(`^- (.*): (\d+)$`)
	whyLine     = regexp.MustCompile(`^\d+\. (.*)$`)
)

// readToolkitLine reads a line of the toolkit's sections back; it reports
// whether the line belonged to one.
func (s *Session) readToolkitLine(section, line string) bool {
	switch section {
	case SectionCheckIn:
		if s.CheckIn == nil {
			s.CheckIn = &CheckIn{}
		}
		c := s.CheckIn
		if m := checkInHead.FindStringSubmatch(line); m != nil && c.Title == "" {
			c.Title, c.Question = notes.UnescapeLine(m[1]), notes.UnescapeLine(m[2])
		} else if m := tallyLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[2])
			c.Options = append(c.Options, notes.UnescapeLine(m[1]))
			c.Tally = append(c.Tally, n)
		} else if w, ok := strings.CutPrefix(line, "Words: "); ok {
			for _, x := range strings.Split(w, ", ") {
				c.Words = append(c.Words, notes.UnescapeLine(x))
			}
		}
		return true
	case SectionWentWell:
		if w, ok := strings.CutPrefix(line, "- "); ok {
			s.WentWell = append(s.WentWell, notes.UnescapeLine(w))
		}
		return true
	case SectionActivities:
		return true
	}
	return false
}

// readWhy reads one line of a "**Why.**" list into the problem.
func readWhy(p *Problem, line string) {
	if m := whyLine.FindStringSubmatch(line); m != nil {
		p.Whys = append(p.Whys, notes.UnescapeLine(m[1]))
	}
}

// rotiVotes stands for a note's ROTI average with votes giving it back
// (the note keeps only the average): two votes when one cannot.
func rotiVotes(avg *float64) []int {
	if avg == nil {
		return nil
	}
	for n := 1; n <= 20; n++ {
		total := *avg * float64(n)
		if r := int(total + 0.5); r >= n && r <= 5*n && abs(total-float64(r)) < 0.005*float64(n) {
			votes := make([]int, n)
			for i := range votes {
				votes[i] = r / n
				if i < r%n {
					votes[i]++
				}
			}
			return votes
		}
	}
	return nil
}

func abs(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}
