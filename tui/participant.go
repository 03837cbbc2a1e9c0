package tui

import (
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
)

// The participant's screen: one per person who joins a room over SSH,
// sized to their own terminal. It shows only the room's redacted snapshot
// for this person and changes the room only through its Guest.

type partMode int

const (
	partName    partMode = iota // asking for a display name
	partBrowse                  // looking at the board
	partCard                    // writing or editing a card (title, text)
	partSuggest                 // writing a suggestion
	partWord                    // giving one word to a check-in (participant_checkin.go)
)

// ParticipantModel is a participant's screen as a bubbletea model.
type participantModel struct {
	c       *common
	g       *room.Guest
	styles  Styles
	keys    participantKeys
	help    help.Model
	v       room.View
	mode    partMode
	kind    room.Kind // of the suggestion being written
	editID  int       // card being edited, 0 for a new one
	field   int
	title   textinput.Model
	text    textinput.Model
	sel     int
	width   int
	height  int
	status  string
	isErr   bool
	quiting bool
	pollID  int // the poll last shown
	pollSel int // the answer selected in it
}

// newParticipant is the screen of one participant joining through g; user
// is the name proposed (their SSH user name).
func newParticipant(c *common, g *room.Guest, user string) *participantModel {
	m := &participantModel{c: c, g: g, styles: c.styles, keys: newParticipantKeys(), help: help.New(), width: 80, height: 24}
	m.help.Styles = m.styles.Help
	m.title, m.text = c.newTextInput(), c.newTextInput()
	m.title.Prompt, m.text.Prompt = "", ""
	m.title.CharLimit, m.text.CharLimit = room.MaxTitle, room.MaxText
	m.title.SetValue(room.CleanName(user))
	m.title.CharLimit = room.MaxName
	m.title.Placeholder = "your name"
	m.title.Focus()
	m.title.CursorEnd()
	return m
}

// restyle follows the styles in common, after the terminal said its background.
func (m *participantModel) restyle() {
	m.styles = m.c.styles
	m.help.Styles = m.styles.Help
}

func (m *participantModel) flash(s string, isErr bool) { m.status, m.isErr = s, isErr }

func (m *participantModel) report(err error, ok string) {
	if err != nil {
		m.flash(capitalise(err.Error())+".", true)
		return
	}
	m.flash(ok, false)
	m.v = m.g.Snapshot()
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func (m *participantModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.title.SetWidth(max(8, m.width-12))
		m.text.SetWidth(max(8, m.width-12))
		return nil
	case room.Changed:
		if m.g.Name() != "" {
			before := m.v.Board.Phase
			m.v = m.g.Snapshot()
			if m.v.Board.Phase != before {
				m.sel = 0
			}
			m.clamp()
			m.syncPoll()
		}
		return nil
	case tea.PasteMsg:
		if m.mode != partBrowse {
			return m.updateInput(msg)
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	if m.mode != partBrowse {
		return m.updateInput(msg)
	}
	return nil
}

func (m *participantModel) updateInput(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	if m.field == 0 {
		m.title, cmd = m.title.Update(msg)
	} else {
		m.text, cmd = m.text.Update(msg)
	}
	return cmd
}

func (m *participantModel) focus(f int) {
	m.field = f
	m.title.Blur()
	m.text.Blur()
	if f == 0 {
		m.title.Focus()
	} else {
		m.text.Focus()
	}
}

// items is how many rows the current phase lists.
func (m *participantModel) items() int {
	switch p := m.v.Board.Phase; {
	case p <= retro.PhaseProblems && !m.v.Revealed:
		return len(m.v.Mine)
	case p <= retro.PhaseVote:
		return len(m.v.Board.Problems)
	}
	return 0
}

func (m *participantModel) clamp() { m.sel = max(0, min(m.sel, m.items()-1)) }

func (m *participantModel) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch m.mode {
	case partName:
		switch {
		case key.Matches(msg, k.Submit):
			err := m.g.Join(m.title.Value())
			if err != nil {
				m.flash(capitalise(err.Error())+".", true)
				return nil
			}
			m.mode = partBrowse
			m.title.Blur()
			m.title.SetValue("")
			m.title.CharLimit = room.MaxTitle
			m.v = m.g.Snapshot()
			if code := m.g.Code(); code != "" {
				m.flash("Welcome. To come back if you drop, type "+m.g.Name()+"#"+code, false)
			} else {
				m.flash("Welcome, "+m.g.Name()+".", false)
			}
			return nil
		case key.Matches(msg, k.Interrupt, k.Cancel):
			return tea.Quit
		}
		return m.updateInput(msg)
	case partCard, partSuggest, partWord:
		switch {
		case key.Matches(msg, k.Cancel):
			m.mode = partBrowse
			m.flash("", false)
			return nil
		case key.Matches(msg, k.Field) && m.mode == partCard:
			m.focus(1 - m.field)
			return nil
		case key.Matches(msg, k.Submit) && m.mode == partCard && m.field == 0:
			m.focus(1)
			return nil
		case key.Matches(msg, k.Submit):
			return m.submit()
		}
		return m.updateInput(msg)
	}
	if cmd, ok := m.pollKey(msg); ok {
		return cmd
	}
	p := m.v.Board.Phase
	switch {
	case key.Matches(msg, k.Quit):
		m.quiting = true
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(msg, k.Up):
		m.sel--
		m.clamp()
	case key.Matches(msg, k.Down):
		m.sel++
		m.clamp()
	case key.Matches(msg, k.Ready):
		m.report(m.g.SetReady(!m.v.IAmReady), "")
	case key.Matches(msg, k.Add) && p <= retro.PhaseProblems:
		m.startCard(0, "", "")
	case key.Matches(msg, k.Add) && (p == retro.PhaseDiscuss || p == retro.PhaseActions):
		m.startSuggest(room.Action)
	case key.Matches(msg, k.Edit) && m.ownCard() != nil:
		c := m.ownCard()
		m.startCard(c.ID, c.Title, c.Text)
	case key.Matches(msg, k.Delete) && m.ownCard() != nil:
		m.report(m.g.DeleteCard(m.ownCard().ID), "Card deleted.")
		m.clamp()
	case key.Matches(msg, k.VoteUp) && p == retro.PhaseVote:
		m.report(m.g.Vote(m.sel, 1), "")
	case key.Matches(msg, k.VoteDown) && p == retro.PhaseVote:
		m.report(m.g.Vote(m.sel, -1), "")
	case key.Matches(msg, k.Reaction) && p == retro.PhaseDiscuss && m.v.Board.Focus >= 0:
		m.startSuggest(room.Reaction)
	case key.Matches(msg, k.Learning) && p == retro.PhaseDiscuss && m.v.Board.Focus >= 0:
		m.startSuggest(room.Learning)
	}
	return nil
}

// ownCard is the selected card when the list shows the person's own
// unrevealed cards.
func (m *participantModel) ownCard() *room.Card {
	if m.v.Board.Phase > retro.PhaseProblems || m.v.Revealed || m.sel < 0 || m.sel >= len(m.v.Mine) {
		return nil
	}
	return &m.v.Mine[m.sel]
}

func (m *participantModel) startCard(id int, title, text string) {
	m.mode, m.editID = partCard, id
	m.title.SetValue(title)
	m.text.SetValue(text)
	m.title.Placeholder, m.text.Placeholder = "a short title", "what happened? facts, not blame"
	m.focus(0)
	m.flash("", false)
}

func (m *participantModel) startSuggest(k room.Kind) {
	m.mode, m.kind = partSuggest, k
	m.title.SetValue("")
	m.title.Placeholder = "your suggested " + k.String()
	m.focus(0)
	m.flash("", false)
}

func (m *participantModel) submit() tea.Cmd {
	var err error
	ok := ""
	switch {
	case m.mode == partWord:
		ok, err = m.answerWord()
	case m.mode == partSuggest:
		err = m.g.Suggest(m.kind, m.v.Board.Focus, m.title.Value())
		ok = "Suggestion sent: the facilitator accepts or leaves it."
	case m.editID != 0:
		err = m.g.EditCard(m.editID, m.title.Value(), m.text.Value())
		ok = "Card changed."
	default:
		err = m.g.AddCard(m.title.Value(), m.text.Value())
		ok = "Card added: only you see it until the reveal."
		if m.v.Revealed {
			ok = "Late card sent to the facilitator, without your name."
		}
	}
	if err != nil {
		if errors.Is(err, room.ErrEmpty) || errors.Is(err, room.ErrEmptySugg) {
			m.focus(0)
		}
		m.flash(capitalise(err.Error())+".", true)
		return nil
	}
	m.mode = partBrowse
	m.report(nil, ok)
	return nil
}

func (m *participantModel) view() string { return m.render() }

func (m *participantModel) render() string {
	w, h := m.width, m.height
	if s, small := tooSmall(w, h); small {
		return s
	}
	st := m.styles
	top := titleBar(st, w, "room", m.v.Board.Title)
	var body string
	if m.mode == partName {
		body = "\n" + wrap("Welcome to the retro. Your cards stay anonymous: nobody, the facilitator included, sees who wrote what.", w) +
			"\n\n" + st.Label.Render("Your name: ") + m.title.View()
	} else {
		body = m.phaseLine() + "\n" + m.body(w)
	}
	keys := m.helpView(w)
	status := statusLine(st, w, m.status, m.isErr)
	bh := h - 1 - lineCount(keys) - 1
	return top + "\n" + fit(body, w, bh) + "\n" + fit(status, w, 1) + "\n" + keys
}

func (m *participantModel) phaseLine() string {
	v := m.v
	s := fmt.Sprintf("%s · %d joined · %d of %d ready", v.Board.Phase, v.Joined, v.Ready, v.Joined)
	if v.IAmReady {
		s += " (you too)"
	}
	return m.styles.Accent.Render(s)
}

func (m *participantModel) list(lines []string, w, h int) string {
	start := firstShown(m.sel, len(lines), h)
	var out []string
	for i := start; i < len(lines) && i < start+h; i++ {
		mark := "  "
		if i == m.sel {
			mark = m.styles.Selected.Render("> ")
		}
		out = append(out, mark+lines[i])
	}
	return strings.Join(out, "\n")
}

func (m *participantModel) body(w int) string {
	if s, ok := m.pollBody(w); ok {
		return s
	}
	st, v := m.styles, m.v
	rows := max(1, m.height-6)
	if m.mode == partCard {
		head := "New card (only you see it until the reveal)"
		if v.Revealed {
			head = "Late card (goes to the facilitator without your name)"
		}
		if m.editID != 0 {
			head = "Edit your card"
		}
		return st.Title.Render(head) + "\n" + st.Label.Render("Title: ") + m.title.View() + "\n" + st.Label.Render("Text:  ") + m.text.View()
	}
	if m.mode == partSuggest {
		about := ""
		if m.kind != room.Action && v.Board.Focus >= 0 && v.Board.Focus < len(v.Board.Problems) {
			about = " for " + v.Board.Problems[v.Board.Focus].Title
		}
		article := "a "
		if m.kind == room.Action {
			article = "an "
		}
		return st.Title.Render("Suggest "+article+m.kind.String()+about) + "\n" + m.title.View()
	}
	var b strings.Builder
	switch p := v.Board.Phase; {
	case p <= retro.PhaseProblems && !v.Revealed:
		b.WriteString(wrap(fmt.Sprintf("%d card(s) in the room, %d of them yours. Cards are revealed all at once, without names.", v.Hidden, len(v.Mine)), w) + "\n")
		if len(v.Mine) == 0 {
			b.WriteString(st.Subtle.Render("No card yet: press a to write one."))
			break
		}
		var lines []string
		for _, c := range v.Mine {
			lines = append(lines, c.Title)
		}
		b.WriteString(st.Label.Render("Your cards (hidden from everyone else):") + "\n" + m.list(lines, w, rows-3))
	case p <= retro.PhaseProblems:
		b.WriteString(wrap("Cards revealed. You can still add a late card (a).", w) + "\n")
		var lines []string
		for _, pr := range v.Board.Problems {
			lines = append(lines, pr.Title)
		}
		b.WriteString(m.list(lines, w, rows-2))
	case p == retro.PhaseVote:
		if v.VoteOpen {
			b.WriteString(wrap(fmt.Sprintf("Your dots: %d left of %d. Totals stay hidden until the vote closes.", v.DotsLeft, v.Dots), w) + "\n")
		} else if v.Closed {
			b.WriteString("The vote is closed: totals are shown.\n")
		} else {
			b.WriteString("The vote has not started yet.\n")
		}
		var lines []string
		for i, pr := range v.Board.Problems {
			mine := 0
			if i < len(v.MyVotes) {
				mine = v.MyVotes[i]
			}
			l := fmt.Sprintf("%-4s %s", strings.Repeat("●", mine), pr.Title)
			if v.Closed {
				l += st.Subtle.Render(fmt.Sprintf(" — %d", pr.Votes))
			}
			lines = append(lines, l)
		}
		b.WriteString(m.list(lines, w, rows-2))
	case p == retro.PhaseDiscuss:
		if v.Board.Focus < 0 || v.Board.Focus >= len(v.Board.Problems) {
			b.WriteString("Waiting for the facilitator to pick a problem.")
			break
		}
		pr := v.Board.Problems[v.Board.Focus]
		b.WriteString(st.Title.Render(pr.Title) + "\n")
		if pr.What != "" {
			b.WriteString(wrap(pr.What, w) + "\n")
		}
		if pr.Reaction != "" {
			b.WriteString(st.Label.Render("Reaction: ") + pr.Reaction + "\n")
		}
		for _, l := range pr.Learnings {
			b.WriteString(st.Label.Render("Learnt: ") + l + "\n")
		}
	case p == retro.PhaseActions:
		if len(v.Board.Actions) == 0 {
			b.WriteString(st.Subtle.Render("No actions yet: suggest one with a.") + "\n")
		}
		for _, a := range v.Board.Actions {
			b.WriteString("- " + a + "\n")
		}
	case p == retro.PhaseClose:
		b.WriteString(wrap("The facilitator is writing the note. Thank you for taking part!", w))
	default:
		b.WriteString(wrap("Waiting for the facilitator. You can already write cards (a).", w))
	}
	if v.Waiting > 0 {
		b.WriteString("\n" + st.Subtle.Render(wrap(fmt.Sprintf("%d suggestion(s) waiting for the facilitator.", v.Waiting), w)))
	}
	return b.String()
}
