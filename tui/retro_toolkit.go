package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// What a toolkit editor is editing.
const (
	editNone     = ""
	editWhys     = "whys"
	editROTI     = "roti"
	editWords    = "words"
	editWentWell = "went-well"
)

// toolkitState is the retro screen's state for the check-in, the activity
// picker, the toolkit's editors and the timer.
type toolkitState struct {
	acts    []content.Activity // the catalogue, loaded once
	loaded  bool
	picking bool // the activity picker is shown
	pickSel int
	checkIn bool // the check-in is shown in Set the stage
	ciSel   int
	editing string       // editWhys, editROTI...: the editor is the toolkit's
	rung    map[int]bool // phases whose timebox end was rung
}

// activities is the catalogue for the picker: the one the program was
// given, else the built-in one.
func (m *retroModel) activities() []content.Activity {
	t := &m.tk.state
	if !t.loaded {
		t.loaded = true
		t.acts = m.c.acts
		if len(t.acts) == 0 {
			t.acts, _ = content.LoadActivities(content.Builtin())
		}
	}
	return t.acts
}

// phaseActivities are the activities the current phase can pick from.
func (m *retroModel) phaseActivities() []content.Activity {
	ap, ok := retro.ActivityPhase(m.s.Phase)
	if !ok {
		return nil
	}
	return content.ActivitiesFor(m.activities(), ap)
}

// toolkitKey handles the toolkit's keys before the phase's own; ok is
// false for keys it leaves to the phase.
func (m *retroModel) toolkitKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k, t, p := m.keys, &m.tk.state, m.s.Phase
	if t.picking {
		acts := m.phaseActivities()
		switch {
		case key.Matches(msg, k.Back, k.Activity):
			t.picking = false
		case key.Matches(msg, k.Up):
			t.pickSel = max(0, t.pickSel-1)
		case key.Matches(msg, k.Down):
			t.pickSel = min(len(acts)-1, t.pickSel+1)
		case key.Matches(msg, k.Edit) && t.pickSel >= 0 && t.pickSel < len(acts):
			a := acts[t.pickSel]
			m.s.Pick(p, a)
			t.picking = false
			m.dirty = true
			if p == retro.PhaseStage && a.CheckIn {
				m.s.StartCheckIn(a)
				t.checkIn, t.ciSel = true, 0
			}
			if p == retro.PhaseClose && a.ID == "roti" {
				m.askROTI() // the room's, or the solo editor
			}
			// the banner above shows the prompt in full; a one-line status would cut it
			m.flash(notes.Sanitize(a.Title)+" picked.", false)
		}
		return nil, true
	}
	if p == retro.PhaseStage && t.checkIn && m.s.CheckIn != nil {
		c := m.s.CheckIn
		switch {
		case key.Matches(msg, k.Back, k.CheckIn):
			t.checkIn = false
		case key.Matches(msg, k.Up):
			t.ciSel = max(0, t.ciSel-1)
		case key.Matches(msg, k.Down):
			t.ciSel = min(max(0, len(c.Options)-1), t.ciSel+1)
		case key.Matches(msg, k.VoteUp) && len(c.Options) > 0:
			m.s.Tally(t.ciSel, 1)
			m.dirty = true
		case key.Matches(msg, k.VoteDown) && len(c.Options) > 0:
			m.s.Tally(t.ciSel, -1)
			m.dirty = true
		case key.Matches(msg, k.Edit) && len(c.Options) == 0:
			m.editToolkit(editWords)
		case key.Matches(msg, k.Activity):
			return m.openPicker(), true
		default:
			return nil, false
		}
		return nil, true
	}
	if a, ok := m.s.PickedFor(p); ok && p == retro.PhaseProblems && !m.tk.tl.shown && key.Matches(msg, k.FieldCard) {
		if n, ok := digit(msg); ok && n <= len(a.Fields) {
			i := m.s.AddProblem()
			m.s.Problems[i].Title = a.Fields[n-1] + ": "
			m.sel[p] = i
			m.dirty = true
			m.startEdit(0)
			return nil, true
		}
	}
	switch {
	case key.Matches(msg, k.Activity) && len(m.phaseActivities()) > 0:
		return m.openPicker(), true
	case key.Matches(msg, k.Extend) && m.s.PhaseTimebox(p) > 0:
		m.s.Extend()
		delete(t.rung, int(p))
		m.dirty = true
		m.flash(fmt.Sprintf("Two more minutes for %s.", p), false)
	case key.Matches(msg, k.CheckIn) && p == retro.PhaseStage:
		if m.s.CheckIn == nil {
			return m.openPicker(), true
		}
		t.checkIn = true
	case key.Matches(msg, k.Whys) && p == retro.PhaseDiscuss && m.problemAt() >= 0:
		m.editToolkit(editWhys)
	case key.Matches(msg, k.ROTI) && p == retro.PhaseClose:
		m.editToolkit(editROTI)
	case key.Matches(msg, k.WentWell) && p == retro.PhaseProblems && !m.tk.tl.shown:
		m.s.AddWentWell()
		m.editToolkit(editWentWell)
	default:
		return nil, false
	}
	return nil, true
}

func (m *retroModel) openPicker() tea.Cmd {
	t := &m.tk.state
	t.picking, t.pickSel = true, 0
	if a, ok := m.s.PickedFor(m.s.Phase); ok {
		for i, x := range m.phaseActivities() {
			if x.ID == a.ID {
				t.pickSel = i
			}
		}
	}
	return nil
}

// editToolkit opens one of the toolkit's editors.
func (m *retroModel) editToolkit(what string) {
	s := m.s
	m.inputs, m.areas = nil, nil
	switch what {
	case editWhys:
		i := m.problemAt()
		m.areas = []textarea.Model{newArea(m.c, "Why did it happen? One answer per line, each the cause of the line above.", strings.Join(s.Problems[i].Whys, "\n"))}
	case editROTI:
		v := make([]string, len(s.ROTIVotes))
		for i, x := range s.ROTIVotes {
			v[i] = fmt.Sprint(x)
		}
		m.inputs = []textinput.Model{newInput(m.c, "each person's 1-5, e.g. 4 5 3 4", strings.Join(v, " "))}
	case editWords:
		m.inputs = []textinput.Model{newInput(m.c, "calm, tired, proud", strings.Join(s.CheckIn.Words, ", "))}
	case editWentWell:
		m.inputs = []textinput.Model{newInput(m.c, "what went well, to keep doing", s.WentWell[len(s.WentWell)-1])}
	}
	m.tk.state.editing = what
	m.mode = modeEdit
	m.layoutInputs()
	m.focus(0)
}

// syncToolkit writes a toolkit editor into the session; ok is false when
// the editor is not the toolkit's.
func (m *retroModel) syncToolkit() bool {
	s := m.s
	switch m.tk.state.editing {
	case editNone:
		return false
	case editWhys:
		if i := m.problemAt(); i >= 0 && len(m.areas) == 1 {
			s.SetWhys(i, m.areas[0].Value())
		}
	case editWords:
		if len(m.inputs) == 1 {
			s.SetCheckInWords(m.inputs[0].Value())
		}
	case editWentWell:
		if len(m.inputs) == 1 && len(s.WentWell) > 0 {
			s.WentWell[len(s.WentWell)-1] = m.inputs[0].Value()
		}
	}
	return true
}

// stopToolkitEdit closes a toolkit editor; ok is false when the editor is
// not the toolkit's.
func (m *retroModel) stopToolkitEdit() (tea.Cmd, bool) {
	s := m.s
	switch m.tk.state.editing {
	case editNone:
		return nil, false
	case editROTI:
		if !s.SetROTI(m.inputs[0].Value()) {
			m.flash("ROTI: one number from 1 to 5 per person, e.g. 4 5 3.", true)
			return nil, true
		}
	case editWentWell:
		if n := len(s.WentWell); n > 0 && strings.TrimSpace(s.WentWell[n-1]) == "" {
			s.WentWell = s.WentWell[:n-1]
		}
	}
	m.syncToolkit()
	m.tk.state.editing = editNone
	m.status = ""
	m.mode = modeBrowse
	m.inputs, m.areas = nil, nil
	m.dirty = true
	if s.Phase == retro.PhaseClose {
		return m.renderPreview(), true
	}
	return nil, true
}

// toolkitTick rings the bell once when the phase's timebox ends.
func (m *retroModel) toolkitTick() tea.Cmd {
	left, ok := m.s.Remaining(m.now.Sub(m.entered))
	t := &m.tk.state
	if !ok || left > 0 || t.rung[int(m.s.Phase)] {
		return nil
	}
	if t.rung == nil {
		t.rung = map[int]bool{}
	}
	t.rung[int(m.s.Phase)] = true
	m.flash(fmt.Sprintf("Time is up for %s. T adds two minutes; tab moves on.", m.s.Phase), true)
	return tea.Raw("\a")
}

// toolkitView replaces the phase's view while the picker, the check-in or
// a toolkit editor is shown; ok is false otherwise.
func (m *retroModel) toolkitView(w int) (string, bool) {
	st, t := m.c.styles, m.tk.state
	switch {
	case t.picking:
		acts := m.phaseActivities()
		var b strings.Builder
		b.WriteString(st.Accent.Render(wrap("Pick an activity for "+m.s.Phase.String(), w)) + "\n")
		h := max(1, m.bodyHeight()-3)
		start := firstShown(t.pickSel, len(acts), h)
		for i := start; i < len(acts) && i < start+h; i++ {
			a := acts[i]
			b.WriteString(m.item(w, i == t.pickSel, notes.Sanitize(a.Title)+st.Subtle.Render(" — "+notes.Sanitize(a.Goal)),
				st.Subtle.Render(fmt.Sprintf("%d min", int(a.Timebox.Minutes())))) + "\n")
		}
		if t.pickSel >= 0 && t.pickSel < len(acts) {
			b.WriteString("\n" + st.Label.Render(ansi.Truncate("Prompt: "+notes.Sanitize(acts[t.pickSel].Prompt), w, "…")))
		}
		return b.String(), true
	case m.mode == modeEdit && t.editing != editNone:
		label := map[string]string{editWhys: "5 whys (one per line)", editROTI: "ROTI votes", editWords: "Check-in words", editWentWell: "What went well"}[t.editing]
		var v string
		if len(m.inputs) > 0 {
			v = m.labelled(w, label, m.inputs[0].View(), true)
		} else {
			v = st.Label.Render(label) + "\n" + m.areas[0].View()
		}
		if t.editing == editWhys {
			if i := m.problemAt(); i >= 0 {
				v = st.Accent.Render(ansi.Truncate(titleOr(m.s.Problems[i].Title), w, "…")) + "\n" + v
			}
		}
		return v, true
	case m.s.Phase == retro.PhaseStage && t.checkIn && m.s.CheckIn != nil:
		return m.checkInView(w), true
	}
	return "", false
}

// checkInView shows the check-in's question and its tally as a histogram,
// or its words.
func (m *retroModel) checkInView(w int) string {
	st, c := m.c.styles, m.s.CheckIn
	var b strings.Builder
	b.WriteString(st.Accent.Render(wrap("Check-in: "+notes.Sanitize(c.Title), w)) + "\n")
	b.WriteString(wrap(notes.Sanitize(c.Question), w) + "\n\n")
	if len(c.Options) == 0 {
		words := strings.Join(c.Words, ", ")
		if words == "" {
			words = st.Subtle.Render("enter to write the words given")
		}
		b.WriteString(m.labelled(w, "Words", notes.Sanitize(words), true) + "\n")
		return b.String()
	}
	total := 0
	for _, n := range c.Tally {
		total += n
	}
	lw := 0
	for _, o := range c.Options {
		lw = max(lw, ansi.StringWidth(notes.Sanitize(o)))
	}
	lw = min(lw, max(4, w/2))
	for i, o := range c.Options {
		n := 0
		if i < len(c.Tally) {
			n = c.Tally[i]
		}
		label := ansi.Truncate(notes.Sanitize(o), lw, "…")
		label += strings.Repeat(" ", max(0, lw-ansi.StringWidth(label)))
		bar := st.Accent.Render(strings.Repeat("█", min(n, max(0, w-lw-10))))
		b.WriteString(m.item(w, i == m.tk.state.ciSel, fmt.Sprintf("%s %2d %s", label, n, bar), "") + "\n")
	}
	b.WriteString(st.Subtle.Render(wrap(plural(total, "answer")+". Solo, enter the room's tally: + adds one, - takes one back.", w)))
	return b.String()
}

// activityBanner is the prompt of the activity picked for the phase, shown
// above it; "" without one.
func (m *retroModel) activityBanner(w int) string {
	if m.s.Phase == retro.PhaseClose {
		roti := "ROTI: r enters the room's votes (1-5 each)"
		if r := m.s.ROTI(); r != nil {
			roti = fmt.Sprintf("ROTI %s from %s (r to change)", strconv.FormatFloat(*r, 'f', -1, 64), plural(len(m.s.ROTIVotes), "vote"))
		}
		if a, ok := m.s.PickedFor(retro.PhaseClose); ok && a.ID != "roti" {
			roti = notes.Sanitize(a.Title) + ": " + notes.Sanitize(a.Prompt) + " · " + roti
		}
		return m.c.styles.Label.Render(wrap(roti, w))
	}
	a, ok := m.s.PickedFor(m.s.Phase)
	if !ok || m.tk.state.picking {
		return ""
	}
	line := notes.Sanitize(a.Title) + ": " + notes.Sanitize(a.Prompt)
	cols := ""
	if len(a.Fields) > 0 && m.s.Phase == retro.PhaseProblems {
		var cs []string
		for i, f := range a.Fields {
			cs = append(cs, fmt.Sprintf("%d %s", i+1, f))
		}
		cols = "Columns: " + notes.Sanitize(strings.Join(cs, " · ")) + " (the number adds a card)"
	} else if len(a.Fields) > 0 && m.s.Phase != retro.PhaseStage {
		cols = notes.Sanitize(strings.Join(a.Fields, " · "))
	}
	// the prompt is the activity's instruction: wrapped, never cut
	if cols != "" {
		return m.c.styles.Label.Render(wrap(line, w)) + "\n" + m.c.styles.Subtle.Render(wrap(cols, w))
	}
	return m.c.styles.Label.Render(wrap(line, w))
}

// checkInSummary is the one line the stage shows of its check-in.
func (m *retroModel) checkInSummary(w int) string {
	c := m.s.CheckIn
	if c == nil {
		return m.c.styles.Subtle.Render(ansi.Truncate("Check-in: none yet. c picks one (safety check, ESVP, one word, weather).", w, "…"))
	}
	var parts []string
	for i, o := range c.Options {
		n := 0
		if i < len(c.Tally) {
			n = c.Tally[i]
		}
		f := strings.Fields(o)
		short := o
		if len(f) > 0 {
			short = f[0]
		}
		parts = append(parts, fmt.Sprintf("%s:%d", short, n))
	}
	if len(c.Options) == 0 {
		parts = append(parts, strings.Join(c.Words, ", "))
	}
	return m.c.styles.Subtle.Render(ansi.Truncate(notes.Sanitize("Check-in: "+c.Title+" · "+strings.Join(parts, " ")+" (c to change)"), w, "…"))
}

// whyChain is a 5-whys chain on one line: "1. … 2. …".
func whyChain(whys []string) string {
	parts := make([]string, len(whys))
	for i, w := range whys {
		parts[i] = fmt.Sprintf("%d. %s", i+1, w)
	}
	return strings.Join(parts, " ")
}

// wentWellView lists the "What went well" cards under the problems.
func (m *retroModel) wentWellView(w int) string {
	if m.s.Phase != retro.PhaseProblems || len(m.s.WentWell) == 0 || m.example || m.tk.tl.shown || m.mode == modeEdit {
		return ""
	}
	var b strings.Builder
	b.WriteString(m.c.styles.OK.Render(fmt.Sprintf("What went well (%d)", len(m.s.WentWell))) + "\n")
	for _, x := range m.s.WentWell {
		b.WriteString(ansi.Truncate("  + "+notes.Sanitize(oneLine(x)), w, "…") + "\n")
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
