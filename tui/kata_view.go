package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// bodyHeight is what the title bar, progress line, status and help leave.
func (m *kataModel) bodyHeight() int {
	return max(1, m.c.height-3-helpHeight(m.help, m.keyMap(), m.c.width))
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
		if m.roText != "" {
			body = wrap(m.roText, w)
		}
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
		line := plural(n, "kata")
		if m.board != nil {
			line += fmt.Sprintf(" · %d due today", due)
		}
		return st.Subtle.Render(ansi.Truncate(line, w, "…"))
	}
	s := m.s
	var parts []string
	for i := 0; i < s.Steps(); i++ {
		label := stepLabel(s.At(i))
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
	clock := st.Subtle.Render(fmtDur(s.Clock()))
	if s.Timed > 0 {
		if left := s.Remaining(); left >= 0 {
			clock = st.Subtle.Render(fmtDur(left) + " left")
		} else {
			clock = st.Error.Render("+" + fmtDur(-left) + " over")
		}
	}
	if !s.Answering() {
		clock = st.Subtle.Render("answered in " + fmtDur(s.Clock()))
	}
	if lipgloss.Width(bar)+lipgloss.Width(clock)+1 > w {
		bar = st.Accent.Render(fmt.Sprintf("%d/%d %s", s.Step+1, s.Steps(), stepLabel(s.CurrentStep())))
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
	ask := "r resume it · d discard it · q quit and keep it"
	if m.discardAsked {
		answered := 0
		for _, a := range d.Session.Answers {
			if strings.TrimSpace(a) != "" {
				answered++
			}
		}
		ask = fmt.Sprintf("Discard the draft of %s with %s? y/N", notes.Sanitize(title), plural(answered, "answer"))
	}
	return dialog(m.c.styles, w, "A kata in progress was found.", info+"\n\n"+ask)
}

func (m *kataModel) stepView(w int) string {
	if m.result.Saved != "" {
		return m.savedView(w)
	}
	if m.looking {
		return m.page.View() // the "look at" list, or the item opened
	}
	switch m.s.Current() {
	case kata.KindStage, kata.KindPredict, kata.KindReflect, kata.KindDebrief:
		_, prompt := m.situation(w)
		return m.withBox(w, prompt)
	case kata.KindAssess:
		return m.assessView(w)
	}
	return m.page.View() // a decision, the reference, or the score
}

// situation is the text above the answer box of a step that has one, and
// the question asked.
func (m *kataModel) situation(w int) (text, prompt string) {
	st := m.c.styles
	s := m.s
	cur := s.CurrentStep()
	switch cur.Kind {
	case kata.KindStage:
		i := cur.Stage
		stage := m.k.Stages[i]
		prompt := stage.Prompt
		if prompt == "" {
			prompt = content.DefaultPrompt
		}
		var b strings.Builder
		if l := content.BriefLabel(m.k.Item); l != "" {
			b.WriteString(st.Subtle.Render(ansi.Truncate(l+" Sources: ctrl+o.", w, "…")) + "\n")
		}
		for _, j := range s.Path() {
			if j == i || m.bodyHeight() < 14 {
				break
			}
			ans := firstLine(s.Answers[j])
			if ans == "" {
				ans = "(no answer)"
			}
			if c := s.Choice(j); c >= 0 {
				ans = m.k.Stages[j].Decide[c].Text + " · " + ans
			}
			b.WriteString(st.Subtle.Render(ansi.Truncate(fmt.Sprintf("✓ %s — you: %s", m.stageName(j), notes.Sanitize(ans)), w, "…")) + "\n")
		}
		// counted along the path played; its length is known once no
		// decision is left to take
		n, total, known := m.stageNo(i)
		head := fmt.Sprintf("Stage %d", n)
		if known {
			head = fmt.Sprintf("Stage %d of %d", n, total)
		}
		if t := strings.TrimSpace(stage.Title); t != "" {
			head += " · " + notes.Sanitize(t)
		}
		b.WriteString(st.Label.Render(wrap(head, w)) + "\n")
		b.WriteString(wrap(reflow(notes.Sanitize(stage.Situation)), w))
		if len(stage.Look) > 0 {
			var names []string
			for j, l := range stage.Look {
				mark := ""
				if s.IsOpen(i, j) {
					mark = "✓ "
				}
				names = append(names, fmt.Sprintf("%s%s (%d min)", mark, notes.Sanitize(l.Label), l.Minutes))
			}
			b.WriteString("\n\n" + st.Accent.Render(wrap("ctrl+o look at: "+strings.Join(names, " · "), w)))
		}
		return b.String(), prompt
	case kata.KindPredict:
		text := st.Label.Render(wrap("Predict, then see", w)) + "\n" +
			st.Subtle.Render(wrap("Before the next stage: your prediction is kept beside what happens.", w))
		return text, reflow(notes.Sanitize(m.k.Stages[cur.Stage].Predict))
	case kata.KindReflect:
		text := st.Label.Render("The situation is over. Step back.") + "\n" +
			st.Subtle.Render(wrap("Your answers are saved as you type. Next comes the reference, then you score yourself, then a blameless debrief.", w))
		return text, "What would you learn from this?"
	case kata.KindDebrief:
		field := kata.DebriefFields()[cur.Field]
		text := st.Label.Render(wrap(fmt.Sprintf("Blameless debrief · %s (%d of %d)", field.Title, cur.Field+1, len(kata.DebriefFields())), w)) + "\n" +
			st.Subtle.Render(wrap("Like a postmortem of what you just handled: systems and conditions, not culprits. tab skips.", w))
		if r := strings.TrimSpace(m.k.Debrief); r != "" && m.bodyHeight() >= 14 {
			text += "\n" + st.Subtle.Render(wrap("Reference notes: "+reflow(notes.Sanitize(r)), w))
		}
		return text, field.Ask
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
	switch cur := m.s.CurrentStep(); {
	case m.looking:
		text = m.lookText(w)
	case cur.Kind == kata.KindDecide:
		text = m.decideText(w, cur.Stage)
	case cur.Kind == kata.KindStage, cur.Kind == kata.KindPredict, cur.Kind == kata.KindReflect, cur.Kind == kata.KindDebrief:
		var prompt string
		text, prompt = m.situation(w)
		_, _, room, _ := m.boxLayout(w, prompt)
		h = room - 1
	case cur.Kind == kata.KindReveal:
		text = m.revealText(w)
	case cur.Kind == kata.KindAssess:
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

// keyMap is the player's key map for its mode and step, for its help.
func (m *kataModel) keyMap() kataKeys {
	k := m.keys
	k.mode, k.saved, k.typing = m.mode, m.result.Saved != "", m.typing()
	k.discardAsked = m.discardAsked
	k.filtering = m.mode == kataPick && m.filter.Value() != ""
	k.looking, k.shown = m.looking, m.lookShown >= 0
	if m.s != nil {
		k.step = m.s.Current()
		if st := m.s.CurrentStep(); st.Kind == kata.KindDecide && st.Stage < len(m.k.Stages) {
			// the help names the options there are: "enter/1-2"
			if n := len(m.k.Stages[st.Stage].Decide); n > 0 {
				k.Choose.SetHelp(strings.TrimSuffix(fmt.Sprintf("enter/1-%d", min(n, 3)), "-1"), "choose")
			}
		}
	}
	return k
}

func (m *kataModel) helpView() string { return helpView(m.help, m.keyMap(), m.c.width) }

// stageNo is stage i's number on the path played (1-based) and how many
// stages that path has; known is false while a decision ahead is still to
// take. A stage off the path keeps its number in the kata.
func (m *kataModel) stageNo(i int) (n, total int, known bool) {
	path := m.s.Path()
	n = i + 1
	for j, x := range path {
		if x == i {
			n = j + 1
		}
	}
	last := path[len(path)-1]
	return n, len(path), !m.k.Branches(last) || m.s.Choice(last) >= 0
}

// stageName is "2. Tuesday, 11:30", or "Stage 2" for a stage without
// title, numbered along the path played: a decision that skips a stage
// skips no number.
func (m *kataModel) stageName(i int) string {
	n, _, _ := m.stageNo(i)
	if t := strings.TrimSpace(m.k.Stages[i].Title); t != "" {
		return fmt.Sprintf("%d. %s", n, notes.Sanitize(t))
	}
	return fmt.Sprintf("Stage %d", n)
}

// stepLabel names a step in the progress bar.
func stepLabel(st kata.Step) string {
	switch st.Kind {
	case kata.KindStage:
		return fmt.Sprintf("Stage %d", st.Stage+1)
	case kata.KindDecide:
		return "Decide"
	case kata.KindPredict:
		return "Predict"
	case kata.KindReflect:
		return "Reflect"
	case kata.KindReveal:
		return "Reveal"
	case kata.KindAssess:
		return "Assess"
	case kata.KindDebrief:
		return fmt.Sprintf("Debrief %d/%d", st.Field+1, len(kata.DebriefFields()))
	}
	return "Tips"
}

// decideText lists a decision's options.
func (m *kataModel) decideText(w, i int) string {
	st := m.c.styles
	stage := m.k.Stages[i]
	var b strings.Builder
	b.WriteString(st.Label.Render(wrap(fmt.Sprintf("Decide · %s", m.stageName(i)), w)) + "\n")
	b.WriteString(st.Subtle.Render(wrap("What happens next depends on it. Your choice is recorded in the note.", w)) + "\n\n")
	chosen := m.s.Choice(i)
	for j, o := range stage.Decide {
		mark := "  "
		text := hangIndent(fmt.Sprintf("%d. %s", j+1, notes.Sanitize(o.Text)), 3, max(1, w-2))
		if j == m.sel {
			mark = st.Selected.Render("› ")
			text = st.Selected.Render(text)
		}
		if j == chosen {
			text += st.OK.Render(" ✓")
		}
		b.WriteString(mark + text + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
