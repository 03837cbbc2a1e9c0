package tui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// loadBoard reads every kata's progress from the kata notes.
func loadBoard(x notes.Lister, dir string, lib *content.Library, today time.Time) tea.Cmd {
	ids := make([]string, len(lib.Katas))
	for i, k := range lib.Katas {
		ids[i] = k.ID
	}
	return func() tea.Msg {
		list, err := x.List(dir, notes.Filter{Type: notes.TypeKata})
		all, _ := kata.Attempts(list)
		seen := map[string][]int{}
		for id, a := range all {
			seen[id] = kata.VariantsSeen(a)
		}
		return boardMsg{kata.Board(ids, all, today), seen, err}
	}
}

func (m *kataModel) pickKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	rows := m.rows()
	switch {
	case key.Matches(msg, k.Interrupt):
		return done("")
	case key.Matches(msg, k.Clear):
		if m.filter.Value() != "" {
			m.filter.SetValue("")
			m.pickSel = 0
			return nil
		}
		return done("")
	case key.Matches(msg, k.Start):
		if m.pickSel < len(rows) {
			m.start(rows[m.pickSel].k)
		}
		return nil
	case key.Matches(msg, k.PickUp):
		m.pickSel = max(0, m.pickSel-1)
		return nil
	case key.Matches(msg, k.PickDown):
		m.pickSel = min(len(rows)-1, m.pickSel+1)
		return nil
	}
	// glow's rule: while a filter is being typed every key goes to it, ? too;
	// with the filter empty nothing is being typed, so ? is the help
	if key.Matches(msg, k.Help) && m.filter.Value() == "" {
		m.help.ShowAll = !m.help.ShowAll
		return nil
	}
	before := m.filter.Value()
	var cmd tea.Cmd
	m.filter, cmd = m.filter.Update(msg)
	if m.filter.Value() != before {
		m.pickSel = 0
	}
	return cmd
}

// pickRow is one kata in the picker with its progress.
type pickRow struct {
	k     content.Kata
	p     kata.Progress
	known bool // progress read from the notes
}

// rows are the katas shown by the picker: due first once the notes are
// read, narrowed by every word of the filter.
func (m *kataModel) rows() []pickRow {
	lib := m.c.lib
	var all []pickRow
	if m.board != nil {
		for _, p := range m.board {
			if k, ok := lib.Kata(p.Kata); ok {
				all = append(all, pickRow{k, p, true})
			}
		}
	} else {
		for _, k := range lib.Katas {
			all = append(all, pickRow{k: k})
		}
	}
	words := strings.Fields(strings.ToLower(m.filter.Value()))
	if len(words) == 0 {
		return all
	}
	var out []pickRow
	for _, r := range all {
		hay := strings.ToLower(strings.Join(append([]string{r.k.ID, r.k.Title, string(r.k.Difficulty), r.k.Summary}, r.k.Tags...), " "))
		ok := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, r)
		}
	}
	return out
}

// pickView lists the katas: title, difficulty, tags, scores and due state.
func (m *kataModel) pickView(w int) string {
	st := m.c.styles
	rows := m.rows()
	top := m.filter.View() + "\n"
	h := m.bodyHeight() - 2
	if len(rows) == 0 {
		return top + "\n" + st.Subtle.Render(wrap("No kata matches. esc clears the filter.", w))
	}
	sel := min(m.pickSel, len(rows)-1)
	if l := content.BriefLabel(rows[sel].k.Item); l != "" {
		// What the selected kata is built on, at the top (sources: in the player).
		top += st.Subtle.Render(ansi.Truncate(l, w, "…")) + "\n"
		h--
	}
	detail := ""
	if h >= 8 {
		detail = st.Subtle.Render(wrap(notes.Sanitize(rows[sel].k.Summary), w))
		h -= lineCount(detail) + 1
	}
	h = max(1, h)
	start := firstShown(sel, len(rows), h)
	var b strings.Builder
	for i := start; i < min(len(rows), start+h); i++ {
		b.WriteString(m.pickLine(w, rows[i], i == sel) + "\n")
	}
	list := strings.TrimRight(b.String(), "\n")
	out := top + "\n" + fit(list, w, h)
	if detail != "" {
		out += "\n\n" + detail
	}
	return out
}

func (m *kataModel) pickLine(w int, r pickRow, selected bool) string {
	st := m.c.styles
	mark := "  "
	title := st.Title
	if selected {
		mark = st.Selected.Render("› ")
		title = st.Selected
	}
	due := st.Subtle.Render("…")
	score := ""
	if r.known {
		switch {
		case r.p.Attempts == 0:
			due = st.Warn.Render("new")
		case r.p.Due(m.now):
			due = st.Warn.Render("due")
		default:
			days := int(r.p.NextDue.Sub(m.now).Hours()/24) + 1
			due = st.Subtle.Render(fmt.Sprintf("in %dd", days))
		}
		if r.p.Attempts > 0 {
			score = fmt.Sprintf("%d/%d best %d", r.p.LastScore, r.p.MaxScore, r.p.BestScore)
		}
	}
	// columns, dropped from the right as the terminal narrows
	right := fmt.Sprintf("%-6s", r.k.Difficulty)
	if w >= 70 {
		right = fmt.Sprintf("%-6s  %-16s  %-11s", r.k.Difficulty, ansi.Truncate(strings.Join(r.k.Tags, ","), 16, "…"), score)
	} else if w < 50 {
		right = ""
	}
	dueW := 5
	tw := max(4, w-2-lipgloss.Width(right)-dueW-3)
	t := ansi.Truncate(notes.Sanitize(r.k.Title), tw, "…")
	line := mark + title.Render(t) + strings.Repeat(" ", max(1, tw-lipgloss.Width(t)+1))
	if right != "" {
		line += st.Subtle.Render(right) + " "
	}
	return line + due
}
