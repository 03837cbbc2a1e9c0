package tui

import (
	"fmt"
	"strings"
	"time"

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
	return max(1, m.c.height-3-helpHeight(m.help, m.keyMap(), m.c.width)-lineCount(m.roomLines(m.c.width)))
}

func (m *retroModel) view() string {
	w := max(1, m.c.width)
	header := titleBar(m.c.styles, w, "retro", m.s.DisplayTitle()) + "\n" + m.progress(w)
	if m.room != nil {
		header += "\n" + m.roomLines(w)
	}
	var body string
	switch m.mode {
	case modeAskResume:
		body = m.askResumeView(w)
	case modeBusy:
		body = busyView(m.c.styles, w, "retro", m.opt.Claim)
	case modeConfirmQuit:
		body = dialog(m.c.styles, w, "Quit now?", "Your retro is kept as a draft and offered again next time you run retrokata retro.\n\n"+
			"y quit and keep it · D quit and discard it · esc stay")
	case modeConfirmDelete:
		what := "problem"
		if m.s.Phase == retro.PhaseActions {
			what = "action"
		}
		body = dialog(m.c.styles, w, "Delete this "+what+"?", "y deletes it, any other key keeps it.")
	default:
		body = m.phaseView(w)
	}
	return header + "\n" + fit(body, w, m.bodyHeight()) + "\n" + statusLine(m.c.styles, w, m.status, m.isErr) + "\n" + m.helpView()
}

// progress is the bar of phases, always visible, with the countdown.
func (m *retroModel) progress(w int) string {
	cur := m.s.Phase
	clock := ""
	if left, ok := m.s.Remaining(m.now.Sub(m.entered)); ok {
		if left >= 0 {
			clock = m.c.styles.Subtle.Render(fmtDur(left) + " left")
		} else {
			clock = m.c.styles.Error.Render("+" + fmtDur(-left) + " over")
		}
	}
	room := w
	if clock != "" {
		room -= lipgloss.Width(clock) + 1
	}
	// the widest bar that fits: every name, then shorter ones, then the
	// numbers and the current name, at last "3/7 Problems"
	bar := m.c.styles.Accent.Render(fmt.Sprintf("%d/%d %s", cur+1, retro.NumPhases, cur))
	for _, st := range []barStyle{barFull, barShort, barNoNumbers, barNumbers} {
		if b := m.phaseBar(st); lipgloss.Width(b) <= room {
			bar = b
			break
		}
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

// barStyle is how much of each phase's name the phase bar shows.
type barStyle int

const (
	barFull      barStyle = iota // "1 Stage✓ [2 Previous actions] 3 Problems …"
	barShort                     // "1 Stage✓ [2 Previous] 3 Problems …"
	barNoNumbers                 // "Stage✓ [Previous] Problems …"
	barNumbers                   // "1✓ [2 Previous] 3 4 …"
)

// shortPhase names each phase in a word, for the phase bar.
var shortPhase = [retro.NumPhases]string{"Stage", "Previous", "Problems", "Vote", "Discuss", "Actions", "Close"}

// phaseBar names the phases, the current one in brackets, with ✓ on those
// where something was done (not merely visited).
func (m *retroModel) phaseBar(st barStyle) string {
	cur := m.s.Phase
	parts := make([]string, 0, retro.NumPhases)
	for p := retro.Phase(0); int(p) < retro.NumPhases; p++ {
		name := shortPhase[p]
		if p == cur && st == barFull {
			name = p.String()
		}
		var text string
		switch {
		case st == barNoNumbers:
			text = name
		case st == barNumbers && p != cur:
			text = fmt.Sprint(int(p) + 1)
		default:
			text = fmt.Sprintf("%d %s", int(p)+1, name)
		}
		switch {
		case p == cur:
			parts = append(parts, m.c.styles.Accent.Render("["+text+"]"))
		case m.s.PhaseDone(p):
			parts = append(parts, m.c.styles.OK.Render(text+"✓"))
		default:
			parts = append(parts, m.c.styles.Subtle.Render(text))
		}
	}
	return strings.Join(parts, " ")
}

func fmtDur(d time.Duration) string {
	d = d.Round(time.Second)
	return fmt.Sprintf("%02d:%02d", int(d.Minutes()), int(d.Seconds())%60)
}

func (m *retroModel) askResumeView(w int) string {
	d := m.opt.Draft
	s := d.Session
	info := fmt.Sprintf("%s · %s · %s · phase %s · saved %s",
		notes.Sanitize(s.DisplayTitle()), plural(len(s.Problems), "problem"), plural(len(s.Actions), "action"), s.Phase, d.Saved.Local().Format("Mon 2 Jan 15:04"))
	ask := "r resume it · d discard it and start afresh · q quit and keep it"
	if m.discardAsked {
		// the question comes first: on a small screen it is what must show
		what := plural(len(s.Problems), "problem")
		if len(s.Actions) > 0 {
			what += " and " + plural(len(s.Actions), "action")
		}
		return "\n" + m.c.styles.Warn.Render(wrap("Discard the draft with "+what+"? y/N", w)) + "\n\n" + wrap(info, w)
	}
	return "\n" + m.c.styles.Title.Render(wrap("A retro in progress was found.", w)) + "\n\n" + wrap(info, w) + "\n\n" + wrap(ask, w)
}

func (m *retroModel) phaseView(w int) string {
	if v, ok := m.toolkitView(w); ok {
		return v
	}
	v := m.ownPhaseView(w)
	if ww := m.wentWellView(w); ww != "" {
		v += "\n\n" + ww
	}
	if b := m.activityBanner(w); b != "" {
		return b + "\n" + v
	}
	return v
}

// ownPhaseView is the current phase's own view.
func (m *retroModel) ownPhaseView(w int) string {
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
		mark = m.c.styles.Selected.Render("› ")
	}
	lab := m.c.styles.Label.Render(label)
	if w >= 36 {
		return mark + lab + strings.Repeat(" ", max(1, 14-lipgloss.Width(label))) + ansi.Truncate(value, max(1, w-17), "…")
	}
	return mark + lab + "\n  " + ansi.Truncate(value, max(1, w-2), "…")
}

// item renders one list line: a marker, the text cut to fit, and a tag
// on the right. The tag (an owner, a date) is never cut: when the line
// leaves the text too little room, the tag goes on a line of its own.
func (m *retroModel) item(w int, selected bool, text, tag string) string {
	mark := "  "
	if selected {
		mark = m.c.styles.Selected.Render("› ")
		text = m.c.styles.Selected.Render(text)
	}
	tw := lipgloss.Width(tag)
	room := w - 2 - tw - 1
	if room < 10 {
		line := mark + ansi.Truncate(text, max(1, w-2), "…")
		if tag != "" {
			line += "\n" + strings.Repeat(" ", max(0, w-tw)) + ansi.Truncate(tag, w, "")
		}
		return line
	}
	text = ansi.Truncate(text, room, "…")
	return mark + text + strings.Repeat(" ", max(1, room-lipgloss.Width(text)+1)) + tag
}

// ownerDue is "@alice · due 2026-12-01": what a list of actions must never
// cut (see item).
func ownerDue(owner, due string) string {
	var parts []string
	if o := strings.TrimPrefix(strings.TrimSpace(owner), "@"); o != "" {
		parts = append(parts, "@"+notes.Sanitize(o))
	}
	if d := strings.TrimSpace(due); d != "" {
		parts = append(parts, "due "+notes.Sanitize(d))
	}
	return strings.Join(parts, " · ")
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

// keyMap is the wizard's key map for its phase and mode, for its help.
func (m *retroModel) keyMap() retroKeys {
	k := m.keys
	k.phase, k.mode, k.discardAsked = m.s.Phase, m.mode, m.discardAsked
	k.timeline = m.tk.tl.shown && m.s.Phase == retro.PhaseProblems
	k.picking, k.checkIn = m.tk.state.picking, m.tk.state.checkIn && m.s.CheckIn != nil
	if a, ok := m.s.PickedFor(m.s.Phase); ok {
		k.fields = len(a.Fields) > 0 && m.s.Phase == retro.PhaseProblems
	}
	k.lastProblem = m.sel[retro.PhaseDiscuss] >= len(m.s.Problems)-1
	return k
}

// helpView shows the keys of the current phase and mode.
func (m *retroModel) helpView() string { return helpView(m.help, m.keyMap(), m.c.width) }
