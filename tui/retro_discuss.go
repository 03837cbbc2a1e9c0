package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

func (m *retroModel) discussView(w int) string {
	s := m.s
	if len(s.Problems) == 0 {
		return wrap("No problems to discuss. Press shift+tab to go back.", w)
	}
	i := m.problemAt()
	p := s.Problems[i]
	order := m.s.VoteOrder()
	sel := m.sel[retro.PhaseDiscuss]
	// "Problem 2/3" first and bold: tab moves to the next one
	count := fmt.Sprintf("Problem %d/%d", sel+1, len(order))
	if w < 40 {
		count = fmt.Sprintf("%d/%d", sel+1, len(order))
	}
	votes := " · " + plural(p.Votes, "vote")
	head := m.c.styles.Title.Render(count) + " " +
		m.c.styles.Accent.Render(ansi.Truncate(titleOr(p.Title), max(1, w-lipgloss.Width(count)-1-lipgloss.Width(votes)), "…")) +
		m.c.styles.Subtle.Render(votes)
	if m.mode == modeEdit && len(m.areas) == 2 {
		return head + "\n" + m.c.styles.Label.Render("Our immediate reaction") + "\n" + m.areas[0].View() + "\n" +
			m.c.styles.Label.Render("What we learnt (one per line)") + "\n" + m.areas[1].View()
	}
	var b strings.Builder
	b.WriteString(head + "\n")
	if m.leaveWarned {
		n := m.s.Undiscussed()
		b.WriteString(m.c.styles.Warn.Render(wrap(fmt.Sprintf("%s with no reaction and no learning yet. tab again goes to Actions; ↑ goes back.",
			plural(n, "problem")), w)) + "\n")
	}
	if p.What != "" {
		b.WriteString(m.c.styles.Subtle.Render(wrap(notes.Sanitize(strings.TrimSpace(p.What)), w)) + "\n")
	}
	show := func(label, text, empty string) {
		if strings.TrimSpace(text) == "" {
			text = m.c.styles.Subtle.Render(empty)
		} else {
			text = notes.Sanitize(strings.TrimSpace(text))
		}
		b.WriteString(m.c.styles.Label.Render(label) + " " + wrap(text, max(1, w-lipgloss.Width(label)-1)) + "\n")
	}
	show("Reaction:", p.Reaction, "enter to write it")
	show("Learnt:", strings.Join(p.Learnings, "; "), "enter to write it")
	if len(p.Whys) > 0 {
		show("Why:", whyChain(p.Whys), "")
	}
	tips := m.c.lib.Tips
	if m.bodyHeight()-lineCount(b.String()) < len(tips)+1 {
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
				n = m.c.styles.Selected.Render("›" + n)
			}
			nums = append(nums, n)
		}
		b.WriteString(m.c.styles.Label.Render("Tips:") + " " + strings.Join(nums, " ") + "\n")
		if t, ok := m.c.lib.Tip(m.tipCur); ok {
			b.WriteString(m.c.styles.Subtle.Render(wrap(fmt.Sprintf("%d. %s", t.Number, t.Title), w)) + "\n")
		}
		tips = nil
	} else {
		b.WriteString(m.c.styles.Label.Render("Tips:") + "\n")
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
		if t, ok := m.c.lib.Tip(m.tipCur); ok {
			b.WriteString("\n" + wrap(strings.TrimSpace(t.Body), w) + "\n")
		}
	}
	return b.String()
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
	b.WriteString(m.c.styles.Label.Render("What we learnt → turn it into actions") + "\n")
	for _, l := range ls {
		b.WriteString(m.c.styles.Subtle.Render(wrap("• "+notes.Sanitize(l), w)) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

// discussNext is tab in Discuss: the next problem, then Actions. Leaving
// with problems neither reacted to nor learnt from takes a second tab
// (warned: the key before was that tab).
func (m *retroModel) discussNext(warned bool) tea.Cmd {
	if sel := m.sel[retro.PhaseDiscuss]; sel < len(m.s.Problems)-1 {
		m.sel[retro.PhaseDiscuss]++
		m.tipText, m.status = false, ""
		return nil
	}
	if n := m.s.Undiscussed(); n > 0 && !warned {
		m.leaveWarned = true // discussView says so, under the problem
		return nil
	}
	return m.gotoPhase(retro.PhaseActions)
}

// discussKey edits the reaction and learnings of the selected problem and
// links tips to it.
func (m *retroModel) discussKey(msg tea.KeyPressMsg) {
	k, i := m.keys, m.problemAt()
	switch {
	case key.Matches(msg, k.Edit) && i >= 0:
		m.startEdit(0)
	case key.Matches(msg, k.TipPrev):
		m.tipCur = max(1, m.tipCur-1)
	case key.Matches(msg, k.TipNext):
		m.tipCur = min(max(7, len(m.c.lib.Tips)), m.tipCur+1)
	case key.Matches(msg, k.TipText):
		m.tipText = !m.tipText
	case key.Matches(msg, k.TipToggle) && i >= 0:
		n := m.tipCur
		if d, ok := digit(msg); ok {
			n, m.tipCur = d, d
		}
		m.s.ToggleTip(i, n)
		m.dirty = true
	}
}
