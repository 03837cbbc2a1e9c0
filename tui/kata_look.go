package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/charmbracelet/x/ansi"
	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// lookItems is what the "look at" panel lists: the current stage's items
// on request (on a stage step), then the kata's sources.
func (m *kataModel) lookItems() []content.Look {
	var out []content.Look
	if st := m.s.CurrentStep(); st.Kind == kata.KindStage {
		out = append(out, m.k.Stages[st.Stage].Look...)
	}
	if len(m.k.Sources) > 0 || content.Label(m.k.Item) != "" {
		text := content.Label(m.k.Item)
		for _, src := range m.k.Sources {
			text += "\n\n• " + src
		}
		out = append(out, content.Look{Label: "Sources of this kata", Minutes: -1, Text: strings.TrimSpace(text)})
	}
	return out
}

func (m *kataModel) toggleLook() {
	if m.looking {
		m.looking = false
		if m.typing() {
			m.area.Focus()
		}
		return
	}
	if len(m.lookItems()) == 0 {
		m.flash("Nothing to look at here.", false)
		return
	}
	m.readClock()
	m.looking, m.lookSel, m.lookShown = true, 0, -1
	m.area.Blur()
}

// lookKey moves in the "look at" panel and opens an item: the first time,
// its minutes go on the kata clock.
func (m *kataModel) lookKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	items := m.lookItems()
	switch {
	case key.Matches(msg, k.Back):
		if m.lookShown >= 0 {
			m.lookShown = -1
			m.page.GotoTop()
			return nil
		}
		m.toggleLook()
	case m.lookShown >= 0 && key.Matches(msg, k.Up):
		m.page.ScrollUp(1)
	case m.lookShown >= 0 && key.Matches(msg, k.ScrollDown):
		m.page.ScrollDown(1)
	case key.Matches(msg, k.Up):
		m.lookSel = max(0, m.lookSel-1)
	case key.Matches(msg, k.Down):
		m.lookSel = min(len(items)-1, m.lookSel+1)
	case key.Matches(msg, k.OpenLook):
		i := m.lookSel
		if n, ok := digit(msg); ok {
			i = n - 1
		}
		if i < 0 || i >= len(items) {
			return nil
		}
		m.lookSel, m.lookShown = i, i
		m.page.GotoTop()
		if st := m.s.CurrentStep(); st.Kind == kata.KindStage && items[i].Minutes >= 0 {
			m.readClock()
			if m.s.Open(st.Stage, i) {
				m.dirty = true
				m.flash(fmt.Sprintf("+%d min on the kata clock.", items[i].Minutes), false)
			}
		}
	}
	return nil
}

// lookText is the "look at" panel: the list, or the item opened.
func (m *kataModel) lookText(w int) string {
	st := m.c.styles
	items := m.lookItems()
	if m.lookShown >= 0 && m.lookShown < len(items) {
		it := items[m.lookShown]
		head := notes.Sanitize(it.Label)
		if it.Minutes >= 0 {
			head += fmt.Sprintf(" · cost %d min", it.Minutes)
		}
		return st.Label.Render(wrap(head, w)) + "\n" + wrap(notes.Sanitize(unfence(it.Text)), w)
	}
	var b strings.Builder
	b.WriteString(st.Label.Render(wrap("Look at · each costs time on the kata clock, once", w)) + "\n")
	cur := m.s.CurrentStep()
	for j, it := range items {
		cost := ""
		if it.Minutes >= 0 {
			cost = fmt.Sprintf(" (%d min)", it.Minutes)
			if cur.Kind == kata.KindStage && m.s.IsOpen(cur.Stage, j) {
				cost = " ✓ opened"
			}
		}
		line := fmt.Sprintf("%d. %s%s", j+1, notes.Sanitize(it.Label), cost)
		mark := "  "
		if j == m.lookSel {
			mark, line = st.Selected.Render("› "), st.Selected.Render(line)
		}
		b.WriteString(mark + ansi.Truncate(line, max(1, w-2), "…") + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// looked lists what was opened at stage i.
func (m *kataModel) looked(i int) string {
	var out []string
	for _, o := range m.s.Opened {
		if o.Stage == i {
			out = append(out, notes.Sanitize(o.Label))
		}
	}
	return strings.Join(out, ", ")
}

// unfence drops the lines that open and close code blocks: the terminal
// shows the block's text as it is.
func unfence(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
