package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
)

// The facilitator's side of the room's polls: the check-in picked in Set
// the stage is asked in the room at once; at Close, the ROTI key asks the
// room instead of opening the solo editor. The room gives back only
// counts (and one-word answers shuffled), which fill the session's
// check-in tally and ROTI votes exactly as the solo entry does. While the
// answers are open the facilitator sees only how many answered: a tally
// moving as each person presses enter would tell who answered what.

const rotiQuestion = "Return on time invested: was this retro worth your time?"

// roomPoll is what the retro screen knows of the poll it asked.
type roomPoll struct {
	activity string      // the check-in's activity id, "roti" for the ROTI
	phase    retro.Phase // the phase that asked it
	asked    bool
	last     room.PollResult // last result taken into the session
}

// askROTI asks the room for the ROTI, or opens the solo editor without a
// room.
func (m *retroModel) askROTI() {
	rs := m.room
	if rs == nil || !rs.started {
		m.editToolkit(editROTI)
		return
	}
	rs.poll = roomPoll{activity: "roti", phase: retro.PhaseClose, asked: true}
	rs.info.Room.OpenPoll(room.PollROTI, "ROTI", rotiQuestion, room.ROTIOptions())
	m.flash("ROTI asked in the room: each person gives 1 to 5. O closes the answers.", false)
}

// roomPollKey handles the poll keys; ok is false for the others.
func (m *retroModel) roomPollKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	rs, p := m.room, m.s.Phase
	switch {
	case p == retro.PhaseClose && key.Matches(msg, m.keys.ROTI):
		m.askROTI()
		return nil, true
	case key.Matches(msg, rs.keys.Poll) && rs.poll.asked && p == rs.poll.phase:
		r := rs.info.Room
		res, ok := r.PollResult()
		if !ok {
			return nil, false
		}
		if res.Open {
			r.ClosePoll()
			m.flash(fmt.Sprintf("Answers closed: %d answered. O opens them again.", res.Answered), false)
		} else {
			r.OpenPoll(res.Kind, res.Title, res.Question, res.Options)
			m.flash("Answers open again.", false)
		}
		return m.roomTakePoll(), true
	}
	return nil, false
}

// roomPollPhase asks the check-in once it is picked, and closes the
// answers when the facilitator leaves the phase that asked them.
func (m *retroModel) roomPollPhase() {
	rs := m.room
	r := rs.info.Room
	if rs.poll.asked && m.s.Phase != rs.poll.phase {
		if res, ok := r.PollResult(); ok && res.Open {
			r.ClosePoll()
		}
	}
	c := m.s.CheckIn
	if m.s.Phase == retro.PhaseStage && c != nil && rs.poll.activity != c.Activity {
		rs.poll = roomPoll{activity: c.Activity, phase: retro.PhaseStage, asked: true}
		r.OpenPoll(room.PollCheckIn, c.Title, c.Question, c.Options)
	}
}

// roomTakePoll puts the poll's counts into the session once the answers
// are closed and someone answered: the check-in's tally or words, or the
// ROTI votes.
func (m *retroModel) roomTakePoll() tea.Cmd {
	rs := m.room
	res, ok := rs.info.Room.PollResult()
	if !ok || !rs.poll.asked || res.Open || res.Answered == 0 || (slices.Equal(res.Tally, rs.poll.last.Tally) && slices.Equal(res.Words, rs.poll.last.Words) && res.ID == rs.poll.last.ID) {
		return nil
	}
	rs.poll.last = res
	switch c := m.s.CheckIn; {
	case res.Kind == room.PollROTI:
		_, m.s.ROTIVotes, _ = room.ROTIAverage(res.Tally)
	case c != nil && c.Activity == rs.poll.activity && len(c.Tally) == len(res.Tally):
		copy(c.Tally, res.Tally)
		c.Words = slices.Clone(res.Words)
	default:
		return nil
	}
	m.dirty = true
	if m.s.Phase == retro.PhaseClose {
		return m.renderPreview()
	}
	return nil
}

// roomPollLine is the poll's line in the room panel: how many answered
// (never who) and, for the ROTI, its histogram and average.
func (m *retroModel) roomPollLine() string {
	rs := m.room
	res, ok := rs.info.Room.PollResult()
	if !ok || !rs.poll.asked || m.s.Phase != rs.poll.phase {
		return ""
	}
	what := "check-in"
	if res.Kind == room.PollROTI && !res.Open {
		var hist []string
		for i, n := range res.Tally {
			hist = append(hist, fmt.Sprintf("%d:%d", i+1, n))
		}
		what = "ROTI " + strings.Join(hist, " ")
		if avg, _, ok := room.ROTIAverage(res.Tally); ok {
			what += " avg " + room.FormatROTI(avg)
		}
	}
	state := "O closes them and shows the answers"
	if !res.Open {
		state = "closed, O reopens"
	}
	return fmt.Sprintf("%s · %d of %d answered · %s", what, res.Answered, rs.view.Joined, state)
}
