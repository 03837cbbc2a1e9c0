package tui

import (
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/notes"
)

// actionRow is a line of the actions view: a group header or an action.
type actionRow struct {
	header string
	entry  int // index into entries
	action int // index into the entry's actions
}

// buildRows lays out the actions view: the open actions of the notes the
// filter shows, grouped by note or by owner; one ticked in this session
// stays, ticked, to allow an undo.
func (m *browserModel) buildRows() {
	var keep map[[2]int]bool
	if m.rows != nil {
		keep = map[[2]int]bool{}
		for _, r := range m.rows {
			if r.header == "" {
				keep[[2]int{r.entry, r.action}] = true
			}
		}
	}
	type item struct{ e, a int }
	groups := map[string][]item{}
	var order []string
	for _, i := range m.shown {
		e := m.entries[i]
		if e.Broken() {
			continue
		}
		for j, a := range e.Actions {
			if !a.IsOpen() && !(a.Status == notes.StatusDone && keep[[2]int{i, j}]) {
				continue
			}
			g := m.display[i].dateTitle
			if m.byOwner {
				g = "@" + m.display[i].actions[j].owner
				if a.Owner == "" {
					g = "no owner"
				}
			}
			if _, ok := groups[g]; !ok {
				order = append(order, g)
			}
			groups[g] = append(groups[g], item{i, j})
		}
	}
	if m.byOwner {
		sort.Strings(order)
	}
	m.rows = m.rows[:0]
	for _, g := range order {
		m.rows = append(m.rows, actionRow{header: g})
		for _, it := range groups[g] {
			m.rows = append(m.rows, actionRow{entry: it.e, action: it.a})
		}
	}
	m.actSel = max(0, min(m.actSel, len(m.rows)-1))
	if len(m.rows) > 0 && m.rows[m.actSel].header != "" {
		m.actMove(1)
	}
}

func (m *browserModel) actMove(d int) {
	for i := m.actSel + d; i >= 0 && i < len(m.rows); i += d {
		if m.rows[i].header == "" {
			m.actSel = i
			return
		}
	}
}

func (m *browserModel) actionsKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back, k.Actions):
		m.mode = browseNotes
		return m.wantPreview()
	case key.Matches(msg, k.Up):
		m.actMove(-1)
	case key.Matches(msg, k.Down):
		m.actMove(1)
	case key.Matches(msg, k.Group):
		m.byOwner = !m.byOwner
		m.rows = nil
		m.buildRows()
	case key.Matches(msg, k.Tick):
		if m.actSel >= len(m.rows) || m.rows[m.actSel].header != "" {
			return nil
		}
		r := m.rows[m.actSel]
		e := m.entries[r.entry]
		a := e.Actions[r.action]
		done, st := a.IsOpen(), m.c.notes()
		return func() tea.Msg {
			hash, err := notes.SetDoneIn(st, e.Path, e.Hash, a, done)
			return toggledMsg{e.Path, a.Line, done, hash, err}
		}
	case key.Matches(msg, k.OpenNote):
		if m.actSel < len(m.rows) && m.rows[m.actSel].header == "" {
			r := m.rows[m.actSel]
			for i, idx := range m.shown {
				if idx == r.entry {
					m.sel = i
				}
			}
			m.mode = browseNotes
			m.showPreview = !m.side()
			return m.wantPreview()
		}
	}
	return nil
}

func (m *browserModel) actionsView(w int) string {
	st := m.c.styles
	if len(m.rows) == 0 {
		return st.Subtle.Render(wrap("No open actions. Well done.", w))
	}
	h := m.bodyHeight()
	start := firstShown(m.actSel, len(m.rows), h)
	now := m.now
	var b strings.Builder
	for i := start; i < min(len(m.rows), start+h); i++ {
		r := m.rows[i]
		if r.header != "" {
			b.WriteString(st.Label.Render(ansi.Truncate(r.header, w, "…")) + "\n")
			continue
		}
		e := m.entries[r.entry]
		a := e.Actions[r.action]
		box := "[ ]"
		if a.Status == notes.StatusDone {
			box = st.OK.Render("[x]")
		}
		mark := "  "
		if i == m.actSel {
			mark = st.Selected.Render("› ")
		}
		d := m.display[r.entry]
		text := d.actions[r.action].text
		var extra []string
		if a.Owner != "" && !m.byOwner {
			extra = append(extra, "@"+d.actions[r.action].owner)
		}
		if a.Due != "" {
			d := "due " + a.Due
			if a.Overdue(now) {
				d = st.Error.Render(d + " overdue")
			}
			extra = append(extra, d)
		}
		if m.byOwner {
			extra = append(extra, st.Subtle.Render(d.title))
		}
		line := mark + box + " " + text
		if len(extra) > 0 {
			line += st.Subtle.Render(" · ") + strings.Join(extra, st.Subtle.Render(" · "))
		}
		if i == m.actSel {
			line = mark + st.Selected.Render(box+" "+text) + strings.TrimPrefix(line, mark+box+" "+text)
		}
		b.WriteString(ansi.Truncate(line, w, "…") + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}
