package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// revealText puts the answers beside the reference, or above it when the
// terminal is narrow.
func (m *kataModel) revealText(w int) string {
	st := m.c.styles
	side := w >= 100
	cw := w
	if side {
		cw = (w - 3) / 2
	}
	pair := func(a, b string) string {
		if !side {
			return a + "\n" + b
		}
		hgt := max(lineCount(a), lineCount(b))
		bar := strings.TrimSuffix(strings.Repeat(" │ \n", hgt), "\n")
		return lipgloss.JoinHorizontal(lipgloss.Top, fit(a, cw, hgt), st.Subtle.Render(bar), fit(b, cw, hgt))
	}
	var blocks []string
	if l := content.BriefLabel(m.k.Item); l != "" {
		blocks = append(blocks, st.Subtle.Render(wrap(l+" Sources: ctrl+o.", w)))
	}
	path := m.s.Path()
	for n, i := range path {
		stage := m.k.Stages[i]
		var mine, ref strings.Builder
		mine.WriteString(st.Label.Render(wrap(m.stageName(i)+" · you", cw)) + "\n")
		if looked := m.looked(i); looked != "" {
			mine.WriteString(st.Subtle.Render(wrap("looked at: "+looked, cw)) + "\n")
		}
		if a := strings.TrimSpace(m.s.Answers[i]); a == "" {
			mine.WriteString(st.Subtle.Render("(no answer)"))
		} else {
			mine.WriteString(wrap(notes.Sanitize(a), cw))
		}
		if c := m.s.Choice(i); c >= 0 {
			mine.WriteString("\n" + wrap("chose: "+notes.Sanitize(stage.Decide[c].Text), cw))
		}
		if stage.Predict != "" {
			p := strings.TrimSpace(m.s.Predictions[i])
			if p == "" {
				p = "(no prediction)"
			}
			what := "the kata ended"
			if n+1 < len(path) {
				// the whole next situation: a first line and "…" left the rest unread
				what = m.stageName(path[n+1]) + ": " + reflow(m.k.Stages[path[n+1]].Situation)
			}
			mine.WriteString("\n" + wrap("expected: "+notes.Sanitize(p), cw) + "\n" + st.Subtle.Render(wrap("happened: "+notes.Sanitize(what), cw)))
		}
		ref.WriteString(st.Accent.Render(wrap("reference", cw)))
		if stage.LookFirst != "" {
			ref.WriteString("\n" + st.Subtle.Render(wrap("look first: "+notes.Sanitize(stage.LookFirst), cw)))
		}
		if stage.Reference != "" {
			ref.WriteString("\n" + wrap(reflow(notes.Sanitize(stage.Reference)), cw))
		} else if stage.LookFirst == "" {
			ref.WriteString("\n" + st.Subtle.Render(wrap("(see the overall reference)", cw)))
		}
		blocks = append(blocks, pair(mine.String(), ref.String()))
	}
	var mine strings.Builder
	mine.WriteString(st.Label.Render("What you would learn") + "\n")
	if r := strings.TrimSpace(m.s.Reflection); r != "" {
		mine.WriteString(wrap(notes.Sanitize(r), cw))
	} else {
		mine.WriteString(st.Subtle.Render("(nothing written)"))
	}
	var ref strings.Builder
	ref.WriteString(st.Accent.Render("Reference") + "\n")
	ref.WriteString(st.Label.Render("Reaction") + "\n" + wrap(reflow(notes.Sanitize(m.k.Reaction)), cw) + "\n")
	ref.WriteString(st.Label.Render("Learnings"))
	for _, l := range m.k.Learnings {
		ref.WriteString("\n" + hangIndent("• "+reflow(notes.Sanitize(l)), 2, cw))
	}
	blocks = append(blocks, pair(mine.String(), ref.String()))
	return strings.Join(blocks, "\n\n")
}

func (m *kataModel) assessView(w int) string {
	st := m.c.styles
	var b strings.Builder
	b.WriteString(st.Label.Render(wrap("Did your answers cover these? Check a key point only if they meet its anchor.", w)) + "\n")
	h := m.bodyHeight() - lineCount(b.String()) - 2
	points := m.k.KeyPoints
	var lines []string
	starts := make([]int, len(points)+1) // first line of each point
	for i, kp := range points {
		starts[i] = len(lines)
		box := "[ ]"
		if m.s.Checked[i] {
			box = st.OK.Render("[x]")
		}
		mark := "  "
		text := wrap(reflow(notes.Sanitize(kp)), max(1, w-6))
		if i == m.sel {
			mark = st.Selected.Render("› ")
			text = st.Selected.Render(text)
		}
		if i < len(m.k.Anchors) && m.k.Anchors[i] != "" {
			text += "\n" + st.Subtle.Render(wrap("to count: "+reflow(notes.Sanitize(m.k.Anchors[i])), max(1, w-6)))
		}
		for j, l := range strings.Split(text, "\n") {
			if j == 0 {
				lines = append(lines, mark+box+" "+l)
			} else {
				lines = append(lines, "      "+l)
			}
		}
	}
	starts[len(points)] = len(lines)
	// show whole points from the first one that keeps the selected in view
	h = max(1, h)
	top := 0
	sel := max(0, min(m.sel, len(points)-1))
	for top < sel && starts[sel+1]-starts[top] > h {
		top++
	}
	from := starts[min(top, len(points))]
	b.WriteString(strings.Join(lines[from:min(len(lines), from+h)], "\n"))
	score := fmt.Sprintf("Score %d/%d", m.s.Score(), m.s.MaxScore())
	b.WriteString("\n\n" + st.Accent.Render(score) + st.Subtle.Render(" · 80% moves the kata up a box"))
	return b.String()
}

// endText is the score, the time, the box it leads to and the tips.
func (m *kataModel) endText(w int) string {
	st := m.c.styles
	s := m.s
	var b strings.Builder
	score, maxScore := s.Score(), s.MaxScore()
	b.WriteString(st.Accent.Render(fmt.Sprintf("Score %d/%d", score, maxScore)))
	if kata.Passed(score, maxScore) {
		b.WriteString(st.OK.Render(" · passed: the kata moves up a box"))
	} else {
		b.WriteString(st.Warn.Render(" · under 80%: the kata comes back tomorrow"))
	}
	b.WriteString("\n")
	if s.Timed > 0 {
		if *s.InTime() {
			b.WriteString(st.OK.Render(wrap(fmt.Sprintf("Answered in %s, within the %s allowed.", kata.Duration(s.Clock()), kata.Duration(s.Timed)), w)))
		} else {
			b.WriteString(st.Warn.Render(wrap(fmt.Sprintf("Answered in %s: over the %s allowed.", kata.Duration(s.Clock()), kata.Duration(s.Timed)), w)))
		}
	} else {
		b.WriteString(st.Subtle.Render("Answered in " + kata.Duration(s.Clock()) + " on the kata clock."))
	}
	b.WriteString("\n")
	if len(m.k.Tips) > 0 {
		b.WriteString("\n" + st.Label.Render("Tips this kata practises") + "\n")
		for _, n := range m.k.Tips {
			t, ok := m.c.lib.Tip(n)
			if !ok {
				continue
			}
			b.WriteString(hangIndent(fmt.Sprintf("%d. %s", n, notes.Sanitize(t.Title)), 3, w) + "\n")
			if t.Try != "" {
				b.WriteString(st.Subtle.Render(hangIndent("   Try: "+reflow(notes.Sanitize(t.Try)), 8, w)) + "\n")
			}
		}
	}
	b.WriteString("\n" + st.Title.Render(wrap("Press s to save the note.", w)))
	return b.String()
}
