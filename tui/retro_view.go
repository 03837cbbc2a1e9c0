package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// bodyHeight is what is left for the phase between the title bar and
// progress line above and the status and help lines below. The short help
// is one line; the full help is as tall as its longest column. Counting
// instead of rendering keeps it cheap: views call it on every key press.
func (m *retroModel) bodyHeight() int {
	helpLines := 1
	if _, full, _ := m.helpKeys(); m.help.ShowAll && full != nil {
		for _, col := range full {
			helpLines = max(helpLines, len(col))
		}
	}
	return max(1, m.height-3-helpLines)
}

func (m *retroModel) view() string {
	w := max(1, m.width)
	header := titleBar(m.styles, w, "retro", m.s.DisplayTitle()) + "\n" + m.progress(w)
	var body string
	switch m.mode {
	case modeAskResume:
		body = m.askResumeView(w)
	case modeConfirmQuit:
		body = dialog(m.styles, w, "Quit now?", "Your retro is kept as a draft and offered again next time you run retrokata retro.\n\n"+
			"y quit and keep it · D quit and discard it · esc stay")
	case modeConfirmDelete:
		what := "problem"
		if m.s.Phase == retro.PhaseActions {
			what = "action"
		}
		body = dialog(m.styles, w, "Delete this "+what+"?", "y deletes it, any other key keeps it.")
	default:
		body = m.phaseView(w)
	}
	return header + "\n" + fit(body, w, m.bodyHeight()) + "\n" + statusLine(m.styles, w, m.status, m.isErr) + "\n" + m.helpView()
}

// progress is the bar of phases, always visible, with the countdown.
func (m *retroModel) progress(w int) string {
	cur := m.s.Phase
	clock := ""
	if left, ok := m.s.Remaining(m.opt.Now().Sub(m.entered)); ok {
		if left >= 0 {
			clock = m.styles.Subtle.Render(fmtDur(left) + " left")
		} else {
			clock = m.styles.Error.Render("+" + fmtDur(-left) + " over")
		}
	}
	var parts []string
	for p := retro.Phase(0); int(p) < retro.NumPhases; p++ {
		name := p.String()
		switch {
		case p == cur:
			parts = append(parts, m.styles.Accent.Render(fmt.Sprintf("[%d %s]", p+1, name)))
		case p < cur:
			parts = append(parts, m.styles.OK.Render(fmt.Sprintf("%d ✓", p+1)))
		default:
			parts = append(parts, m.styles.Subtle.Render(fmt.Sprintf("%d", p+1)))
		}
	}
	bar := strings.Join(parts, " ")
	if lipgloss.Width(bar)+lipgloss.Width(clock)+1 > w {
		// narrow: "3/7 Problems"
		bar = m.styles.Accent.Render(fmt.Sprintf("%d/%d %s", cur+1, retro.NumPhases, cur))
	}
	if clock != "" {
		gap := w - lipgloss.Width(bar) - lipgloss.Width(clock)
		if gap >= 1 {
			return bar + strings.Repeat(" ", gap) + clock
		}
		return ansi.Truncate(bar+" "+clock, w, "")
	}
	return ansi.Truncate(bar, w, "")
}

func fmtDur(d time.Duration) string {
	d = d.Round(time.Second)
	return fmt.Sprintf("%02d:%02d", int(d.Minutes()), int(d.Seconds())%60)
}

func (m *retroModel) askResumeView(w int) string {
	d := m.opt.Draft
	s := d.Session
	info := fmt.Sprintf("%s · %d problems · %d actions · phase %s · saved %s",
		notes.Sanitize(s.DisplayTitle()), len(s.Problems), len(s.Actions), s.Phase, d.Saved.Local().Format("Mon 2 Jan 15:04"))
	return "\n" + m.styles.Title.Render(wrap("A retro in progress was found.", w)) + "\n\n" + wrap(info, w) + "\n\n" +
		wrap("r resume it · d discard it and start afresh · q quit and keep it", w)
}

func (m *retroModel) phaseView(w int) string {
	switch m.s.Phase {
	case retro.PhaseStage:
		return m.stageView(w)
	case retro.PhasePrevious:
		return m.previousView(w)
	case retro.PhaseProblems:
		return m.problemsView(w)
	case retro.PhaseVote:
		return m.voteView(w)
	case retro.PhaseDiscuss:
		return m.discussView(w)
	case retro.PhaseActions:
		return m.actionsView(w)
	}
	return m.closeView(w)
}

// field renders a labelled value: label and value side by side when
// there is room, stacked otherwise.
func (m *retroModel) labelled(w int, label, value string, selected bool) string {
	mark := "  "
	if selected {
		mark = m.styles.Selected.Render("› ")
	}
	lab := m.styles.Label.Render(label)
	if w >= 36 {
		return mark + lab + strings.Repeat(" ", max(1, 14-lipgloss.Width(label))) + ansi.Truncate(value, max(1, w-17), "…")
	}
	return mark + lab + "\n  " + ansi.Truncate(value, max(1, w-2), "…")
}

func (m *retroModel) stageView(w int) string {
	s := m.s
	labels := []string{"Title", "Team", "Facilitator", "Participants", "Timebox"}
	values := []string{s.DisplayTitle(), s.Team, s.Facilitator, strings.Join(s.Participants, ", "), ""}
	if s.Timebox > 0 {
		values[4] = fmt.Sprintf("%d min per phase", int(s.Timebox.Minutes()))
	}
	var b strings.Builder
	b.WriteString(m.styles.Subtle.Render(wrap("No blame: "+retro.NoBlame, w)) + "\n")
	if m.bodyHeight() >= 9 {
		b.WriteString("\n")
	}
	for i, l := range labels {
		v := m.styles.Subtle.Render(notes.Sanitize(values[i]))
		if m.mode == modeEdit && i < len(m.inputs) {
			v = m.inputs[i].View()
		}
		b.WriteString(m.labelled(w, l, v, i == m.sel[retro.PhaseStage]) + "\n")
	}
	return b.String()
}

func (m *retroModel) previousView(w int) string {
	s := m.s
	if s.PrevSource == "" {
		team := s.Team
		if team == "" {
			team = "a retro with no team"
		}
		return wrap(fmt.Sprintf("No earlier retro found for %s in the notes dir: nothing to look back on.\nPress tab to list problems.", notes.Sanitize(team)), w)
	}
	if len(s.Previous) == 0 {
		return wrap("Every action of the last retro ("+filepath.Base(s.PrevSource)+") is done. Well done!", w)
	}
	head := m.styles.Subtle.Render(wrap(fmt.Sprintf("Open actions from %s: x done · c carry over · d drop", filepath.Base(s.PrevSource)), w))
	lines := []string{}
	sel := m.sel[retro.PhasePrevious]
	h := m.bodyHeight() - height(head) - 1
	start := window(sel, len(s.Previous), h)
	for i := start; i < len(s.Previous) && i < start+h; i++ {
		p := s.Previous[i]
		box, tag := "[ ]", m.styles.Subtle.Render("undecided")
		switch p.Decision {
		case retro.Done:
			box, tag = "[x]", m.styles.OK.Render("done")
		case retro.Carry:
			box, tag = "[→]", m.styles.Accent.Render("carried over")
		case retro.Drop:
			box, tag = "[-]", m.styles.Subtle.Render("dropped")
		}
		text := notes.Sanitize(notes.ActionLine(notes.Action{Text: p.Text, Owner: p.Owner, Due: p.Due})[6:])
		lines = append(lines, m.item(w, i == sel, box+" "+text, tag))
	}
	return head + "\n\n" + strings.Join(lines, "\n")
}

// item renders one list line: a marker, the text cut to fit, and a tag
// on the right.
func (m *retroModel) item(w int, selected bool, text, tag string) string {
	mark := "  "
	if selected {
		mark = m.styles.Selected.Render("› ")
		text = m.styles.Selected.Render(text)
	}
	tw := lipgloss.Width(tag)
	room := w - 2 - tw - 1
	if room < 10 {
		return mark + ansi.Truncate(text, max(1, w-2), "…")
	}
	text = ansi.Truncate(text, room, "…")
	return mark + text + strings.Repeat(" ", max(1, room-lipgloss.Width(text)+1)) + tag
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

func titleOr(t string) string {
	if strings.TrimSpace(t) == "" {
		return "(untitled)"
	}
	return notes.Sanitize(strings.TrimSpace(t))
}

func (m *retroModel) problemsView(w int) string {
	s := m.s
	if m.example {
		return m.exampleView(w)
	}
	if m.mode == modeEdit && len(m.inputs) == 1 && len(m.areas) == 1 {
		return m.labelled(w, "Title", m.inputs[0].View(), m.field == 0) + "\n\n" +
			m.styles.Label.Render("  What happened") + "\n" + m.areas[0].View()
	}
	if len(s.Problems) == 0 {
		return wrap("No problems yet. Press a to add the first one: a short title, then what happened.\nPress w for a worked example from the talk.", w)
	}
	sel := m.sel[retro.PhaseProblems]
	h := m.bodyHeight()
	start := window(sel, len(s.Problems), h)
	var lines []string
	for i := start; i < len(s.Problems) && i < start+h; i++ {
		p := s.Problems[i]
		text := fmt.Sprintf("%d. %s", i+1, titleOr(p.Title))
		if p.What != "" {
			text += m.styles.Subtle.Render(" — " + notes.Sanitize(firstLine(p.What)))
		}
		lines = append(lines, m.item(w, i == sel, text, ""))
	}
	return strings.Join(lines, "\n")
}

func (m *retroModel) exampleView(w int) string {
	lib := m.opt.Library
	id := m.s.Template
	c, ok := lib.Case(id)
	if !ok && len(lib.Cases) > 0 {
		c, ok = lib.Cases[0], true
	}
	if !ok {
		return wrap("No cases in the library.", w)
	}
	var b strings.Builder
	b.WriteString(m.styles.Accent.Render(wrap("Worked example: "+c.Title, w)) + "\n")
	if c.Reconstruction {
		b.WriteString(m.styles.Subtle.Render(wrap("Reconstructed from the talk's summary.", w)) + "\n")
	}
	sec := func(label, text string) {
		if text != "" {
			b.WriteString("\n" + m.styles.Label.Render(label) + "\n" + wrap(strings.TrimSpace(text), w) + "\n")
		}
	}
	sec("What happened", c.WhatHappened)
	sec("Our reaction", c.Reaction)
	if len(c.Learnings) > 0 {
		sec("What we learnt", "- "+strings.Join(c.Learnings, "\n- "))
	}
	b.WriteString("\n" + m.styles.Subtle.Render("w hides the example"))
	return b.String()
}

func (m *retroModel) voteView(w int) string {
	s := m.s
	if len(s.Problems) == 0 {
		return wrap("No problems to vote on. Press shift+tab to add some.", w)
	}
	left := s.Budget() - s.Used()
	who := fmt.Sprintf("%d participants", len(s.Participants))
	if len(s.Participants) == 0 {
		who = "the room"
	}
	head := m.styles.Subtle.Render(wrap(fmt.Sprintf("%d dots each for %s: %d left of %d. + adds a dot, - takes one back.", s.Dots, who, left, s.Budget()), w))
	sel := m.sel[retro.PhaseVote]
	h := m.bodyHeight() - height(head) - 1
	start := window(sel, len(s.Problems), h)
	var lines []string
	for i := start; i < len(s.Problems) && i < start+h; i++ {
		p := s.Problems[i]
		dots := strings.Repeat("●", max(0, min(p.Votes, 12)))
		if p.Votes > 12 {
			dots += "…"
		}
		lines = append(lines, m.item(w, i == sel, fmt.Sprintf("%2d %s", p.Votes, titleOr(p.Title)), m.styles.Accent.Render(dots)))
	}
	return head + "\n\n" + strings.Join(lines, "\n")
}

func (m *retroModel) discussView(w int) string {
	s := m.s
	if len(s.Problems) == 0 {
		return wrap("No problems to discuss. Press shift+tab to go back.", w)
	}
	i := m.problemAt()
	p := s.Problems[i]
	order := m.s.VoteOrder()
	sel := m.sel[retro.PhaseDiscuss]
	head := m.styles.Accent.Render(ansi.Truncate(fmt.Sprintf("%d/%d %s", sel+1, len(order), titleOr(p.Title)), w, "…")) +
		m.styles.Subtle.Render(fmt.Sprintf(" · %d votes", p.Votes))
	if m.mode == modeEdit && len(m.areas) == 2 {
		return head + "\n" + m.styles.Label.Render("Our immediate reaction") + "\n" + m.areas[0].View() + "\n" +
			m.styles.Label.Render("What we learnt (one per line)") + "\n" + m.areas[1].View()
	}
	var b strings.Builder
	b.WriteString(head + "\n")
	if p.What != "" {
		b.WriteString(m.styles.Subtle.Render(wrap(notes.Sanitize(strings.TrimSpace(p.What)), w)) + "\n")
	}
	show := func(label, text, empty string) {
		if strings.TrimSpace(text) == "" {
			text = m.styles.Subtle.Render(empty)
		} else {
			text = notes.Sanitize(strings.TrimSpace(text))
		}
		b.WriteString(m.styles.Label.Render(label) + " " + wrap(text, max(1, w-lipgloss.Width(label)-1)) + "\n")
	}
	show("Reaction:", p.Reaction, "enter to write it")
	show("Learnt:", strings.Join(p.Learnings, "; "), "enter to write it")
	tips := m.opt.Library.Tips
	if m.bodyHeight()-height(b.String()) < len(tips)+1 {
		// compact: "Tips: 1 [2] 3 ›4‹ …" and the cursor tip's title
		var nums []string
		for _, t := range tips {
			n := fmt.Sprint(t.Number)
			for _, x := range p.Tips {
				if x == t.Number {
					n = "[" + n + "]"
				}
			}
			if t.Number == m.tipCur {
				n = m.styles.Selected.Render("›" + n)
			}
			nums = append(nums, n)
		}
		b.WriteString(m.styles.Label.Render("Tips:") + " " + strings.Join(nums, " ") + "\n")
		if t, ok := m.opt.Library.Tip(m.tipCur); ok {
			b.WriteString(m.styles.Subtle.Render(wrap(fmt.Sprintf("%d. %s", t.Number, t.Title), w)) + "\n")
		}
		tips = nil
	} else {
		b.WriteString(m.styles.Label.Render("Tips:") + "\n")
	}
	for _, t := range tips {
		box := "[ ]"
		for _, n := range p.Tips {
			if n == t.Number {
				box = "[x]"
			}
		}
		line := fmt.Sprintf("%s %d. %s", box, t.Number, t.Title)
		b.WriteString(m.item(w, t.Number == m.tipCur, line, "") + "\n")
	}
	if m.tipText {
		if t, ok := m.opt.Library.Tip(m.tipCur); ok {
			b.WriteString("\n" + wrap(strings.TrimSpace(t.Body), w) + "\n")
		}
	}
	return b.String()
}

func (m *retroModel) actionsView(w int) string {
	s := m.s
	if m.mode == modeEdit && len(m.inputs) == 3 {
		return m.labelled(w, "Action", m.inputs[0].View(), m.field == 0) + "\n" +
			m.labelled(w, "Owner", m.inputs[1].View(), m.field == 1) + "\n" +
			m.labelled(w, "Due", m.inputs[2].View(), m.field == 2) + "\n\n" + m.learningsPanel(w)
	}
	var lines []string
	if len(s.Actions) == 0 {
		lines = append(lines, wrap("No actions yet. Press a to add one: what, who, and when.", w))
	}
	sel := m.sel[retro.PhaseActions]
	learn := m.learningsPanel(w)
	side := w >= 100 && learn != ""
	if side {
		learn = m.learningsPanel(w - w*3/5 - 2)
	}
	lw := w
	if side {
		lw = w * 3 / 5
	}
	h := m.bodyHeight()
	if !side && learn != "" {
		h = max(1, h-height(learn)-1)
	}
	start := window(sel, len(s.Actions), h)
	for i := start; i < len(s.Actions) && i < start+h; i++ {
		a := s.Actions[i]
		tag := ""
		if a.CarriedOver {
			tag = m.styles.Accent.Render("carried over")
		}
		text := notes.Sanitize(notes.ActionLine(notes.Action{Text: titleOr(a.Text), Owner: a.Owner, Due: a.Due})[6:])
		lines = append(lines, m.item(lw, i == sel, "[ ] "+text, tag))
	}
	list := strings.Join(lines, "\n")
	if learn == "" {
		return list
	}
	if side {
		return lipgloss.JoinHorizontal(lipgloss.Top, fit(list, lw, height(list)), "  ", learn)
	}
	return list + "\n\n" + learn
}

func (m *retroModel) learningsPanel(w int) string {
	ls := m.s.Learnings()
	if len(ls) == 0 {
		return ""
	}
	// never more than a third of the screen: the actions come first
	if n := max(1, m.bodyHeight()/3); len(ls) > n {
		ls = append(ls[:n-1:n-1], fmt.Sprintf("… and %d more", len(ls)-n+1))
	}
	var b strings.Builder
	b.WriteString(m.styles.Label.Render("What we learnt → turn it into actions") + "\n")
	for _, l := range ls {
		b.WriteString(m.styles.Subtle.Render(wrap("• "+notes.Sanitize(l), w)) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func (m *retroModel) closeView(w int) string {
	if m.preview == "" {
		return "Rendering the preview…"
	}
	lines := strings.Split(strings.Trim(m.preview, "\n"), "\n")
	h := m.bodyHeight()
	m.scroll = max(0, min(m.scroll, len(lines)-h))
	end := min(len(lines), m.scroll+h)
	return strings.Join(lines[m.scroll:end], "\n")
}

// helpView shows the keys of the current phase and mode.
func (m *retroModel) helpView() string {
	short, full, pin := m.helpKeys()
	if m.help.ShowAll && full != nil {
		return m.help.FullHelpView(full)
	}
	return shortHelp(m.help, short, pin, m.width)
}

// helpKeys are the keys of the current phase and mode: the short list in
// order of importance, the full list, and the key always shown.
func (m *retroModel) helpKeys() (short []key.Binding, full [][]key.Binding, pin *key.Binding) {
	k := m.keys
	switch m.mode {
	case modeAskResume:
		short = []key.Binding{k.Resume, k.Quit}
	case modeConfirmQuit:
		short = []key.Binding{k.Yes, k.Discard, k.No}
	case modeConfirmDelete:
		short = []key.Binding{key.NewBinding(key.WithKeys("y"), key.WithHelp("y", "delete")), key.NewBinding(key.WithKeys("n"), key.WithHelp("any key", "keep"))}
	case modeEdit:
		short = []key.Binding{k.Done, k.Field, k.Field2}
		if m.s.Phase == retro.PhaseStage || m.s.Phase == retro.PhaseActions {
			short = append(short, key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")))
		}
	default:
		var phase []key.Binding
		switch m.s.Phase {
		case retro.PhaseStage:
			phase = []key.Binding{k.Edit, k.Up, k.Down}
		case retro.PhasePrevious:
			phase = []key.Binding{k.DoneAction, k.Carry, k.Drop, k.Reset, k.Up, k.Down}
		case retro.PhaseProblems:
			phase = []key.Binding{k.Add, k.Edit, k.Delete, k.Example, k.Up, k.Down}
		case retro.PhaseVote:
			phase = []key.Binding{k.VoteUp, k.VoteDown, k.Up, k.Down}
		case retro.PhaseDiscuss:
			phase = []key.Binding{k.Edit, k.TipToggle, k.TipPrev, k.TipNext, k.TipText, k.Up, k.Down}
		case retro.PhaseActions:
			phase = []key.Binding{k.Add, k.Edit, k.Delete, k.Up, k.Down}
		case retro.PhaseClose:
			phase = []key.Binding{k.Save, k.Commit, k.ScrollDown, k.ScrollUp}
		}
		short = append(append([]key.Binding{}, phase[:min(1, len(phase))]...), k.Next)
		short = append(append(short, phase[min(1, len(phase)):min(2, len(phase))]...), k.Prev, k.Quit)
		pin = &k.Help
		full = [][]key.Binding{phase, {k.Next, k.Prev}, {k.Help, k.Quit}}
	}
	return short, full, pin
}

// shortHelp renders the one-line help. keys are in order of importance:
// the last ones are dropped until the line fits, but "? more keys" (pin)
// always stays, at the end.
func shortHelp(h help.Model, keys []key.Binding, pin *key.Binding, w int) string {
	for {
		all := keys
		if pin != nil {
			all = append(append([]key.Binding{}, keys...), *pin)
		}
		v := h.ShortHelpView(all)
		if lipgloss.Width(v) <= w || len(keys) <= 1 {
			return ansi.Truncate(v, max(1, w), "…")
		}
		keys = keys[:len(keys)-1]
	}
}
