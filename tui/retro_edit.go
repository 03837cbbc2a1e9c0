package tui

import (
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/retro"
)

// Field layout of each phase's editor.
func newInput(c *common, placeholder string, value string) textinput.Model {
	ti := c.newTextInput()
	ti.Placeholder = placeholder
	ti.Prompt = ""
	ti.CharLimit = 0
	ti.SetValue(value)
	return ti
}

func newArea(c *common, placeholder, value string) textarea.Model {
	ta := c.newTextArea()
	ta.Placeholder = placeholder
	ta.ShowLineNumbers = false
	ta.CharLimit = 0
	ta.MaxHeight = 0
	ta.Prompt = "┃ "
	ta.SetValue(value)
	return ta
}

// startEdit opens the editor of the current phase's selected item on
// field f.
func (m *retroModel) startEdit(f int) {
	s := m.s
	m.inputs, m.areas = nil, nil
	m.example = false // never type into a field the example hides
	switch s.Phase {
	case retro.PhaseStage:
		tb := ""
		if s.Timebox > 0 {
			tb = strconv.Itoa(int(s.Timebox.Minutes()))
		}
		// placeholders start with "e.g.": examples, even without colours
		m.inputs = []textinput.Model{
			newInput(m.c, "e.g. Sprint 43 (empty: "+retro.DefaultTitle(s.Team)+")", s.Title),
			newInput(m.c, "e.g. checkout", s.Team),
			newInput(m.c, "e.g. Dana, who runs the retro", s.Facilitator),
			newInput(m.c, "e.g. Alice, Bob, Chen", strings.Join(s.Participants, ", ")),
			newInput(m.c, "e.g. 10 (minutes per phase; empty: none)", tb),
		}
		f = m.sel[s.Phase]
	case retro.PhaseProblems:
		i := m.problemAt()
		if i < 0 {
			return
		}
		pr := s.Problems[i]
		m.inputs = []textinput.Model{newInput(m.c, "e.g. Checkout broken after the deploy", pr.Title)}
		m.areas = []textarea.Model{newArea(m.c, "What happened? Facts, not blame.", pr.What)}
	case retro.PhaseDiscuss:
		i := m.problemAt()
		if i < 0 {
			return
		}
		pr := s.Problems[i]
		m.areas = []textarea.Model{
			newArea(m.c, "What did we do right away?", pr.Reaction),
			newArea(m.c, "What did we learn? One learning per line.", strings.Join(pr.Learnings, "\n")),
		}
	case retro.PhaseActions:
		i := m.sel[s.Phase]
		if i < 0 || i >= len(s.Actions) {
			return
		}
		a := s.Actions[i]
		m.inputs = []textinput.Model{
			newInput(m.c, "e.g. Add a canary stage", a.Text),
			newInput(m.c, "e.g. alice", a.Owner),
			newInput(m.c, "e.g. "+m.c.now().AddDate(0, 0, 14).Format("2006-01-02")+" (optional)", a.Due),
		}
	default:
		return
	}
	m.mode = modeEdit
	m.layoutInputs()
	m.focus(f)
}

func (m *retroModel) nFields() int { return len(m.inputs) + len(m.areas) }

func (m *retroModel) focus(f int) {
	n := m.nFields()
	if n == 0 {
		return
	}
	m.field = (f%n + n) % n
	for i := range m.inputs {
		m.inputs[i].Blur()
	}
	for i := range m.areas {
		m.areas[i].Blur()
	}
	if m.field < len(m.inputs) {
		m.inputs[m.field].Focus()
		m.inputs[m.field].CursorEnd()
	} else {
		m.areas[m.field-len(m.inputs)].Focus()
	}
	if m.s.Phase == retro.PhaseStage {
		m.sel[retro.PhaseStage] = m.field
	}
}

func (m *retroModel) layoutInputs() {
	w := max(10, m.c.width-4)
	for i := range m.inputs {
		m.inputs[i].SetWidth(max(8, w-16))
	}
	h := max(2, (m.bodyHeight()-4)/max(1, len(m.areas)))
	for i := range m.areas {
		m.areas[i].SetWidth(w)
		m.areas[i].SetHeight(min(h, 8))
	}
}

// updateInput sends a message to the focused field and copies its value
// into the session at once, so the autosave holds what is being typed.
func (m *retroModel) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if m.field < len(m.inputs) {
		m.inputs[m.field], cmd = m.inputs[m.field].Update(msg)
	} else if a := m.field - len(m.inputs); a < len(m.areas) {
		m.areas[a], cmd = m.areas[a].Update(msg)
	}
	m.sync()
	m.dirty = true
	return cmd
}

// sync writes the editor's fields into the session.
func (m *retroModel) sync() {
	if m.syncToolkit() {
		return
	}
	s := m.s
	val := func(i int) string { return m.inputs[i].Value() }
	switch s.Phase {
	case retro.PhaseStage:
		if len(m.inputs) < 5 {
			return
		}
		s.Title, s.Team, s.Facilitator = val(0), val(1), val(2)
		s.SetParticipants(val(3))
		if n, err := strconv.Atoi(strings.TrimSpace(val(4))); err == nil && n > 0 {
			s.Timebox = time.Duration(n) * time.Minute
		} else {
			s.Timebox = 0
		}
	case retro.PhaseProblems:
		if i := m.problemAt(); i >= 0 && len(m.inputs) == 1 && len(m.areas) == 1 {
			s.Problems[i].Title, s.Problems[i].What = val(0), m.areas[0].Value()
		}
	case retro.PhaseDiscuss:
		if i := m.problemAt(); i >= 0 && len(m.areas) == 2 {
			s.Problems[i].Reaction = m.areas[0].Value()
			s.Problems[i].Learnings = splitLines(m.areas[1].Value())
		}
	case retro.PhaseActions:
		if i := m.sel[s.Phase]; i >= 0 && i < len(s.Actions) && len(m.inputs) == 3 {
			a := &s.Actions[i]
			a.Text, a.Owner, a.Due = val(0), strings.TrimPrefix(strings.TrimSpace(val(1)), "@"), strings.TrimSpace(val(2))
		}
	}
}

func splitLines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// stopEdit leaves the editor, checking what must be valid.
func (m *retroModel) stopEdit() tea.Cmd {
	if cmd, ok := m.stopToolkitEdit(); ok {
		return cmd
	}
	m.sync()
	s := m.s
	switch s.Phase {
	case retro.PhaseStage:
		if v := strings.TrimSpace(m.inputs[4].Value()); v != "" && s.Timebox == 0 {
			m.flash("Timebox: a number of minutes, or empty for none.", true)
			m.focus(4)
			return nil
		}
	case retro.PhaseActions:
		if i := m.sel[s.Phase]; i >= 0 && i < len(s.Actions) {
			if d := s.Actions[i].Due; d != "" {
				if _, err := time.Parse("2006-01-02", d); err != nil {
					m.flash("Due date: YYYY-MM-DD, e.g. "+m.c.now().AddDate(0, 0, 14).Format("2006-01-02")+", or empty.", true)
					m.focus(2)
					return nil
				}
			}
			if strings.TrimSpace(s.Actions[i].Text) == "" {
				s.DeleteAction(i)
				m.clampSel()
			}
		}
	}
	m.status = ""
	m.mode = modeBrowse
	m.inputs, m.areas = nil, nil
	m.dirty = true
	return nil
}
