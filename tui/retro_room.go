package tui

import (
	"fmt"
	"reflect"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
)

// The facilitator's side of a room (retrokata retro --serve). The session
// stays the facilitator's, changed only here in Update: the room gets the
// board to show after every change, and gives back revealed cards, vote
// totals when the vote closes and the suggestions the facilitator accepts.
// Without a room (a solo retro) none of this runs.

// RoomInfo is a live room and how to join it, for the facilitator's screen.
type RoomInfo struct {
	Room        *room.Room
	Join        string // "ssh -p 23234 host"
	Code        string // the join code
	Fingerprint string // the host key's SHA256 fingerprint
}

// roomChangedMsg says the room changed (a card, a dot, someone joined).
type roomChangedMsg struct{}

type roomKeys struct{ Reveal, Merge, Accept, Ignore, Poll key.Binding }

func newRoomKeys() roomKeys {
	return roomKeys{
		Reveal: key.NewBinding(key.WithKeys("R"), key.WithHelp("R", "reveal cards")),
		Merge:  key.NewBinding(key.WithKeys("M"), key.WithHelp("M", "merge into the one above")),
		Accept: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "accept suggestion")),
		Ignore: key.NewBinding(key.WithKeys("I"), key.WithHelp("I", "ignore suggestion")),
		Poll:   key.NewBinding(key.WithKeys("O"), key.WithHelp("O", "close or reopen answers")),
	}
}

// roomState is what the retro screen keeps about its room.
type roomState struct {
	info    RoomInfo
	keys    roomKeys
	wake    <-chan struct{}
	view    room.Facilitator
	board   room.Board  // last published
	phase   retro.Phase // phase the room was last told about
	started bool
	totals  []int    // the last closed vote's totals, added to the session
	warned  bool     // the facilitator was told cards are still hidden
	poll    roomPoll // the check-in or ROTI asked (retro_room_poll.go)
}

func newRoomState(info *RoomInfo) *roomState {
	if info == nil || info.Room == nil {
		return nil
	}
	rs := &roomState{info: *info, keys: newRoomKeys(), phase: -1}
	rs.wake, _ = info.Room.Subscribe() // for the program's lifetime
	return rs
}

// waitRoom waits for the next change of the room.
func waitRoom(ch <-chan struct{}) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		return roomChangedMsg{}
	}
}

// roomInit starts listening to the room and puts the session's unrevealed
// cards (from a draft) and inbox cards among the hidden ones.
func (m *retroModel) roomInit() tea.Cmd {
	rs := m.room
	if rs == nil {
		return nil
	}
	m.roomStart()
	return waitRoom(rs.wake)
}

// roomStart hands the session's hidden cards to the room, once the session
// is the one the facilitator runs (new or resumed).
func (m *retroModel) roomStart() {
	rs := m.room
	if rs == nil || rs.started || m.mode == modeAskResume {
		return
	}
	rs.started = true
	var cards []room.Card
	for _, p := range m.s.Unrevealed {
		cards = append(cards, room.Card{Title: p.Title, Text: p.What})
	}
	m.s.Unrevealed = nil
	for _, c := range m.s.MarkInbox(m.opt.Inbox) {
		cards = append(cards, room.Card{Title: c.Title, Text: c.Text})
	}
	rs.info.Room.AddHidden(cards)
	m.roomPublish()
}

// roomUpdate handles the room's messages and keys; ok is false for the
// others, which the retro handles as solo.
func (m *retroModel) roomUpdate(msg tea.Msg) (tea.Cmd, bool) {
	rs := m.room
	switch msg := msg.(type) {
	case roomChangedMsg:
		v := rs.info.Room.Facilitator()
		if v.Version != rs.view.Version {
			// a card, a dot, a ready mark: the draft (hidden cards
			// included, see roomDraft) is due at the next autosave
			m.dirty = true
		}
		rs.view = v
		if cards := rs.info.Room.TakeCards(); len(cards) > 0 {
			room.AddCards(m.s, cards)
			m.dirty = true
			m.flash(fmt.Sprintf("%d card(s) revealed, without their authors.", len(cards)), false)
		}
		return tea.Batch(waitRoom(rs.wake), m.roomTakePoll()), true
	case tea.KeyPressMsg:
		if m.mode != modeBrowse {
			return nil, false
		}
		if cmd, ok := m.roomPollKey(msg); ok {
			return cmd, true
		}
		k := rs.keys
		switch p := m.s.Phase; {
		case p == retro.PhaseClose && key.Matches(msg, m.keys.Save, m.keys.Commit) && !rs.warned:
			if n := rs.info.Room.Facilitator().Hidden; n > 0 {
				rs.warned = true
				m.flash(fmt.Sprintf("%d card(s) are still hidden: go back to Problems and press R to reveal them, or save again without them.", n), true)
				return nil, true
			}
		case key.Matches(msg, k.Reveal) && p <= retro.PhaseProblems:
			if rs.view.Hidden == 0 && rs.info.Room.Facilitator().Hidden == 0 {
				m.flash("No hidden cards to reveal.", false)
				return nil, true
			}
			rs.info.Room.Reveal() // the cards arrive with the next change
			return nil, true
		case key.Matches(msg, k.Merge) && p == retro.PhaseProblems:
			i := m.sel[p]
			if i < 1 || !m.s.MergeProblems(i-1, i) {
				m.flash("Select a problem under its duplicate to merge them.", true)
				return nil, true
			}
			m.sel[p] = i - 1
			m.dirty = true
			m.flash("Merged into the problem above.", false)
			return nil, true
		case key.Matches(msg, k.Accept, k.Ignore) && (p == retro.PhaseDiscuss || p == retro.PhaseActions):
			if len(rs.view.Suggestions) == 0 {
				return nil, false
			}
			sg, ok := rs.info.Room.Resolve(rs.view.Suggestions[0].ID)
			rs.view = rs.info.Room.Facilitator()
			if !ok {
				return nil, true
			}
			if key.Matches(msg, k.Accept) {
				if room.Apply(m.s, sg) {
					m.dirty = true
					m.flash("Suggestion accepted.", false)
				} else {
					m.flash("That problem is gone: suggestion dropped.", true)
				}
			} else {
				m.flash("Suggestion ignored.", false)
			}
			return nil, true
		}
	}
	return nil, false
}

// roomPublish tells the room what changed: the board everyone sees, and
// the vote opening or closing with the phase.
func (m *retroModel) roomPublish() {
	rs := m.room
	if rs == nil || !rs.started {
		return
	}
	r := rs.info.Room
	m.roomPollPhase()
	if p := m.s.Phase; p != rs.phase {
		if rs.phase == retro.PhaseVote {
			rs.totals = r.CloseVote()
			room.AddTotals(m.s, rs.totals)
			m.dirty = true
		}
		if p == retro.PhaseVote {
			// voting again replaces the last vote's totals
			for i, n := range rs.totals {
				if i < len(m.s.Problems) {
					m.s.Problems[i].Votes = max(0, m.s.Problems[i].Votes-n)
				}
			}
			rs.totals = nil
			r.OpenVote(len(m.s.Problems))
		}
		rs.phase = p
	}
	focus := -1
	if m.s.Phase == retro.PhaseDiscuss {
		focus = m.problemAt()
	}
	b := room.BoardOf(m.s, focus)
	if !reflect.DeepEqual(b, rs.board) {
		rs.board = b
		r.Publish(b)
	}
}

// roomHolds reports whether the room keeps cards the session does not
// have yet, so a retro that looks blank still has a draft to keep.
func (m *retroModel) roomHolds() bool {
	if m.room == nil || !m.room.started {
		return false
	}
	v := m.room.info.Room.Facilitator()
	return v.Hidden > 0 || v.Incoming > 0
}

// roomDraft keeps the room's unrevealed cards (no authors) in the draft.
func (m *retroModel) roomDraft() {
	if m.room == nil || !m.room.started {
		return
	}
	m.s.Unrevealed = nil
	for _, c := range m.room.info.Room.Unrevealed() {
		m.s.Unrevealed = append(m.s.Unrevealed, retro.Problem{Title: c.Title, What: c.Text})
	}
}

// roomLines is the room's panel under the title: how to join, the code,
// the host key, and the counts. Never a name or a card's author.
func (m *retroModel) roomLines(w int) string {
	rs := m.room
	if rs == nil {
		return ""
	}
	st, v := m.c.styles, rs.view
	line1 := "join: " + rs.info.Join + "  " + st.Subtle.Render("host key "+rs.info.Fingerprint)
	line2 := "join code: " + st.Accent.Render(rs.info.Code) + fmt.Sprintf(" · %d joined · %d of %d ready", v.Joined, v.Ready, v.Joined)
	var extra []string
	switch p := m.s.Phase; {
	case p <= retro.PhaseProblems && v.Hidden > 0:
		extra = append(extra, fmt.Sprintf("%d hidden card(s): R reveals them", v.Hidden))
	case p == retro.PhaseProblems && len(m.s.Problems) > 1:
		extra = append(extra, "M merges a duplicate into the one above")
	case p == retro.PhaseVote && v.VoteOpen:
		who := fmt.Sprintf("%d voted of %d who joined", v.Voters, v.Members)
		if v.Gone > 0 {
			who += fmt.Sprintf(" (%d left)", v.Gone)
		}
		extra = append(extra, who+"; totals show when you leave the vote")
	case (p == retro.PhaseDiscuss || p == retro.PhaseActions) && len(v.Suggestions) > 0:
		sg := v.Suggestions[0]
		about := ""
		if sg.Problem >= 0 && sg.Problem < len(m.s.Problems) {
			about = " for " + titleOr(m.s.Problems[sg.Problem].Title)
		}
		extra = append(extra, fmt.Sprintf("A accept · I ignore %d suggestion(s): %s%s: %q", len(v.Suggestions), sg.Kind, about, firstLine(sg.Text)))
	}
	if l := m.roomPollLine(); l != "" {
		extra = append(extra, l)
	}
	out := fit(line1, w, 1) + "\n" + fit(line2, w, 1)
	for _, e := range extra {
		out += "\n" + fit(st.Warn.Render(e), w, 1)
	}
	return out
}
