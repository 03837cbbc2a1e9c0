package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// bodyHeight is what the title bar, progress line, status and help leave.
func (m *kataModel) bodyHeight() int {
	return max(1, m.c.height-3-helpHeight(m.help, m.keyMap()))
}

func (m *kataModel) view() string {
	if v, small := tooSmall(m.c.width, m.c.height); small {
		return v
	}
	w := max(1, m.c.width)
	title := "Pick a kata"
	if m.s != nil && m.mode != kataPick && m.mode != kataAskResume {
		title = m.k.Title
	}
	header := titleBar(m.c.styles, w, "kata", title) + "\n" + m.progress(w)
	var body string
	switch m.mode {
	case kataBusy:
		body = busyView(m.c.styles, w, "kata", m.opt.Claim)
	case kataAskResume:
		body = m.askResumeView(w)
	case kataConfirmQuit:
		body = dialog(m.c.styles, w, "Quit now?", "Your answers are kept as a draft and offered again next time you run retrokata kata.\n\n"+
			"y quit and keep them · D quit and discard them · esc stay")
	case kataPick:
		body = m.pickView(w)
	default:
		body = m.stepView(w)
	}
	return header + "\n" + fit(body, w, m.bodyHeight()) + "\n" + statusLine(m.c.styles, w, m.status, m.isErr) + "\n" + m.helpView()
}

// progress shows the steps and the clock.
func (m *kataModel) progress(w int) string {
	st := m.c.styles
	if m.s == nil || m.mode == kataPick || m.mode == kataAskResume {
		n := len(m.c.lib.Katas)
		due := 0
		for _, p := range m.board {
			if p.Due(m.now) {
				due++
			}
		}
		line := fmt.Sprintf("%d katas", n)
		if m.board != nil {
			line += fmt.Sprintf(" · %d due today", due)
		}
		return st.Subtle.Render(ansi.Truncate(line, w, "…"))
	}
	s := m.s
	stages := len(s.Answers)
	names := []string{"Reflect", "Reveal", "Assess", "Tips"}
	var parts []string
	for i := 0; i < s.Steps(); i++ {
		label := ""
		if i < stages {
			label = fmt.Sprintf("Stage %d", i+1)
		} else {
			label = names[i-stages]
		}
		switch {
		case i == s.Step:
			parts = append(parts, st.Accent.Render("["+label+"]"))
		case i < s.Step:
			parts = append(parts, st.OK.Render("✓"))
		default:
			parts = append(parts, st.Subtle.Render("·"))
		}
	}
	bar := strings.Join(parts, " ")
	clock := st.Subtle.Render(fmtDur(s.Spent))
	if s.Timed > 0 {
		if left := s.Remaining(); left >= 0 {
			clock = st.Subtle.Render(fmtDur(left) + " left")
		} else {
			clock = st.Error.Render("+" + fmtDur(-left) + " over")
		}
	}
	if !s.Answering() {
		clock = st.Subtle.Render("answered in " + fmtDur(s.Spent))
	}
	if lipgloss.Width(bar)+lipgloss.Width(clock)+1 > w {
		label := names[max(0, s.Step-stages)%len(names)]
		if s.Step < stages {
			label = fmt.Sprintf("Stage %d/%d", s.Step+1, stages)
		}
		bar = st.Accent.Render(fmt.Sprintf("%d/%d %s", s.Step+1, s.Steps(), label))
	}
	if gap := w - lipgloss.Width(bar) - lipgloss.Width(clock); gap >= 1 {
		return bar + strings.Repeat(" ", gap) + clock
	}
	return ansi.Truncate(bar+" "+clock, w, "")
}

func (m *kataModel) askResumeView(w int) string {
	d := m.opt.Draft
	title := d.Session.Kata
	if k, ok := m.c.lib.Kata(d.Session.Kata); ok {
		title = k.Title
	}
	info := fmt.Sprintf("%s · step %d of %d · saved %s", notes.Sanitize(title), d.Session.Step+1, d.Session.Steps(),
		d.Saved.Local().Format("Mon 2 Jan 15:04"))
	return dialog(m.c.styles, w, "A kata in progress was found.", info+"\n\nr resume it · d discard it · q quit and keep it")
}

func (m *kataModel) stepView(w int) string {
	if m.result.Saved != "" {
		return m.savedView(w)
	}
	switch m.s.Current() {
	case kata.KindStage, kata.KindReflect:
		_, prompt := m.situation(w)
		return m.withBox(w, prompt)
	case kata.KindAssess:
		return m.assessView(w)
	}
	return m.page.View() // the reference, or the score
}

// situation is the text above the answer box of a stage or of the
// reflection, and the question asked.
func (m *kataModel) situation(w int) (text, prompt string) {
	st := m.c.styles
	s := m.s
	switch s.Current() {
	case kata.KindStage:
		i := s.Step
		stage := m.k.Stages[i]
		prompt := stage.Prompt
		if prompt == "" {
			prompt = content.DefaultPrompt
		}
		var b strings.Builder
		for j := 0; j < i && m.bodyHeight() >= 14; j++ {
			ans := firstLine(s.Answers[j])
			if ans == "" {
				ans = "(no answer)"
			}
			b.WriteString(st.Subtle.Render(ansi.Truncate(fmt.Sprintf("✓ %s — you: %s", stageName(m.k, j), notes.Sanitize(ans)), w, "…")) + "\n")
		}
		head := fmt.Sprintf("Stage %d of %d", i+1, len(m.k.Stages))
		if t := strings.TrimSpace(stage.Title); t != "" {
			head += " · " + notes.Sanitize(t)
		}
		b.WriteString(st.Label.Render(wrap(head, w)) + "\n")
		b.WriteString(wrap(reflow(notes.Sanitize(stage.Situation)), w))
		return b.String(), prompt
	case kata.KindReflect:
		text := st.Label.Render("The situation is over. Step back.") + "\n" +
			st.Subtle.Render(wrap("Your answers are saved as you type. Next comes the reference, then you score yourself.", w))
		return text, "What would you learn from this?"
	}
	return "", ""
}

// syncPage puts the step's scrolled text in the page viewport, sized for
// the body, in update: the view only draws it.
func (m *kataModel) syncPage() {
	if m.s == nil || m.mode == kataPick || m.mode == kataAskResume || m.result.Saved != "" {
		return
	}
	w := max(1, m.c.width)
	h := m.bodyHeight()
	var text string
	switch m.s.Current() {
	case kata.KindStage, kata.KindReflect:
		var prompt string
		text, prompt = m.situation(w)
		_, _, room, _ := m.boxLayout(w, prompt)
		h = room - 1
	case kata.KindReveal:
		text = m.revealText(w)
	case kata.KindAssess:
		return
	default:
		text = m.endText(w)
	}
	text = cutLines(text, w) // as the screen cuts them, with …
	m.page.SetWidth(w)
	m.page.SetHeight(max(1, h))
	if text != m.pageText {
		m.page.SetContent(text)
		m.pageText = text
	}
}

// boxLayout is how a step with an answer box is laid out: the question,
// the box, the lines left above them for the situation (room) and the gap
// between.
func (m *kataModel) boxLayout(w int, prompt string) (q, box string, room int, gap string) {
	q = m.c.styles.Accent.Render(wrap(prompt, w))
	box = m.area.View()
	room = m.bodyHeight() - lineCount(q) - lineCount(box)
	gap = "\n"
	if room >= 6 {
		gap, room = "\n\n", room-1 // a blank line above the question
	}
	return q, box, room, gap
}

// withBox shows the situation (scrolled with pgup/pgdn), the question and
// the answer box below it.
func (m *kataModel) withBox(w int, prompt string) string {
	q, box, room, gap := m.boxLayout(w, prompt)
	if room < 1 {
		return q + "\n" + box
	}
	situation := m.pageText
	if lineCount(situation) > room {
		situation = m.page.View()
		if room > 1 {
			more := "pgdn: more"
			if m.page.YOffset() > 0 {
				more = "pgup/pgdn: more"
			}
			situation += "\n" + m.c.styles.Subtle.Render(more)
		}
	}
	return situation + gap + q + "\n" + box
}

// revealText puts the answers beside the reference, or above it when the
// terminal is narrow.
func (m *kataModel) revealText(w int) string {
	st := m.c.styles
	side := w >= 100
	cw := w
	if side {
		cw = (w - 3) / 2
	}
	var mine strings.Builder
	mine.WriteString(st.Accent.Render("Your answers") + "\n")
	for i, a := range m.s.Answers {
		mine.WriteString(st.Label.Render(wrap(stageName(m.k, i), cw)) + "\n")
		if strings.TrimSpace(a) == "" {
			mine.WriteString(st.Subtle.Render("(no answer)") + "\n")
		} else {
			mine.WriteString(wrap(notes.Sanitize(strings.TrimSpace(a)), cw) + "\n")
		}
	}
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
	var all string
	if side {
		a, b := mine.String(), ref.String()
		hgt := max(lineCount(a), lineCount(b))
		bar := strings.TrimSuffix(strings.Repeat(" │ \n", hgt), "\n")
		all = lipgloss.JoinHorizontal(lipgloss.Top, fit(a, cw, hgt), st.Subtle.Render(bar), fit(b, cw, hgt))
	} else {
		all = mine.String() + "\n\n" + ref.String()
	}
	return all
}

func (m *kataModel) assessView(w int) string {
	st := m.c.styles
	var b strings.Builder
	b.WriteString(st.Label.Render(wrap("Did your answers cover these? Check each key point they did.", w)) + "\n")
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
			b.WriteString(st.OK.Render(wrap(fmt.Sprintf("Answered in %s, within the %s allowed.", kata.Duration(s.Spent), kata.Duration(s.Timed)), w)))
		} else {
			b.WriteString(st.Warn.Render(wrap(fmt.Sprintf("Answered in %s: over the %s allowed.", kata.Duration(s.Spent), kata.Duration(s.Timed)), w)))
		}
	} else {
		b.WriteString(st.Subtle.Render("Answered in " + kata.Duration(s.Spent) + "."))
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

func (m *kataModel) savedView(w int) string {
	st := m.c.styles
	text := st.OK.Render(wrap("Saved "+filepath.Base(m.result.Saved), w)) + "\n" +
		st.Subtle.Render(ansi.Truncate("in "+filepath.Dir(m.result.Saved), w, "…")) + "\n\n" +
		st.Accent.Render(wrap(m.result.Progress.NextPractice(m.now), w))
	if m.result.ProgressErr != nil {
		text += "\n" + st.Warn.Render(wrap("Some notes could not be read: "+m.result.ProgressErr.Error(), w))
	}
	return "\n" + text + "\n\n" + st.Subtle.Render(wrap("See your progress with retrokata stats.", w))
}

// keyMap is the player's key map for its mode and step, for its help.
func (m *kataModel) keyMap() kataKeys {
	k := m.keys
	k.mode, k.saved, k.typing = m.mode, m.result.Saved != "", m.typing()
	if m.s != nil {
		k.step = m.s.Current()
	}
	return k
}

func (m *kataModel) helpView() string { return helpView(m.help, m.keyMap(), m.c.width) }

// stageName is "2. Tuesday, 11:30", or "Stage 2" for a stage without title.
func stageName(k content.Kata, i int) string {
	if t := strings.TrimSpace(k.Stages[i].Title); t != "" {
		return fmt.Sprintf("%d. %s", i+1, notes.Sanitize(t))
	}
	return fmt.Sprintf("Stage %d", i+1)
}
