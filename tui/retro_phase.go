package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/retro"
)

func (m *retroModel) gotoPhase(p retro.Phase) tea.Cmd {
	if p < 0 || int(p) >= retro.NumPhases || p == m.s.Phase {
		return nil
	}
	now := m.c.now()
	m.now = now
	m.s.Goto(p, now.Sub(m.entered))
	m.entered = now
	m.dirty = true
	m.status = ""
	m.help.ShowAll = false
	switch p {
	case retro.PhasePrevious:
		m.s.LoadPrevious(m.entries)
	case retro.PhaseProblems:
		m.clampSel()
		return m.loadTimeline()
	case retro.PhaseClose:
		m.preview.GotoTop()
		return m.renderPreview()
	}
	m.clampSel()
	return nil
}

func (m *retroModel) count() int {
	switch m.s.Phase {
	case retro.PhaseStage:
		return 5
	case retro.PhasePrevious:
		return len(m.s.Previous)
	case retro.PhaseProblems, retro.PhaseVote, retro.PhaseDiscuss:
		return len(m.s.Problems)
	case retro.PhaseActions:
		return len(m.s.Actions)
	}
	return 0
}

func (m *retroModel) clampSel() {
	p := m.s.Phase
	m.sel[p] = max(0, min(m.sel[p], m.count()-1))
}

// problemAt maps the selection to a problem index: Vote and Discuss show
// problems in vote order.
func (m *retroModel) problemAt() int {
	i := m.sel[m.s.Phase]
	if i < 0 || i >= len(m.s.Problems) {
		return -1
	}
	if m.s.Phase == retro.PhaseDiscuss {
		return m.s.VoteOrder()[i]
	}
	return i
}

// phaseKey sends a key to the current phase; each phase's keys live with
// its view, in retro_<phase>.go.
func (m *retroModel) phaseKey(msg tea.KeyPressMsg) tea.Cmd {
	if cmd, ok := m.toolkitKey(msg); ok {
		return cmd
	}
	k, p := m.keys, m.s.Phase
	if p == retro.PhaseClose {
		return m.closeKey(msg)
	}
	if p == retro.PhaseProblems && m.tk.tl.shown {
		if cmd, ok := m.timelineKey(msg); ok {
			return cmd
		}
	}
	switch {
	case key.Matches(msg, k.Up):
		m.sel[p]--
		m.clampSel()
		return nil
	case key.Matches(msg, k.Down):
		m.sel[p]++
		m.clampSel()
		return nil
	}
	switch p {
	case retro.PhaseStage:
		m.stageKey(msg)
	case retro.PhasePrevious:
		m.previousKey(msg)
	case retro.PhaseProblems, retro.PhaseActions:
		if key.Matches(msg, k.Timeline) && p == retro.PhaseProblems {
			m.tk.tl.shown, m.example = true, false
			return m.loadTimeline()
		}
		m.listKey(msg)
	case retro.PhaseVote:
		m.voteKey(msg)
	case retro.PhaseDiscuss:
		m.discussKey(msg)
	}
	return nil
}
