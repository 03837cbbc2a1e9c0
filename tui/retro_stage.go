package tui

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

func (m *retroModel) stageView(w int) string {
	s := m.s
	labels := []string{"Title", "Team", "Facilitator", "Participants", "Timebox"}
	values := []string{s.DisplayTitle(), s.Team, s.Facilitator, strings.Join(s.Participants, ", "), ""}
	if s.Timebox > 0 {
		values[4] = fmt.Sprintf("%d min per phase", int(s.Timebox.Minutes()))
	}
	var b strings.Builder
	b.WriteString(m.c.styles.Subtle.Render(wrap("No blame: "+retro.NoBlame, w)) + "\n")
	if m.bodyHeight() >= 9 {
		b.WriteString("\n")
	}
	for i, l := range labels {
		v := m.c.styles.Subtle.Render(notes.Sanitize(values[i]))
		if m.mode == modeEdit && i < len(m.inputs) {
			v = m.inputs[i].View()
		}
		b.WriteString(m.labelled(w, l, v, i == m.sel[retro.PhaseStage]) + "\n")
	}
	if m.bodyHeight() >= 9 {
		b.WriteString("\n" + m.checkInSummary(w) + "\n")
	}
	return b.String()
}

// prefillParticipants starts a new retro with the participants of the
// team's last one, once the notes are listed, unless some were typed.
func (m *retroModel) prefillParticipants() {
	if m.opt.Draft != nil || m.mode == modeAskResume || len(m.s.Participants) > 0 || m.prefill != nil {
		return
	}
	ps := retro.LastParticipants(m.entries, m.s.Team)
	if len(ps) == 0 {
		return
	}
	if m.mode == modeEdit && m.s.Phase == retro.PhaseStage && len(m.inputs) == 5 {
		if m.inputs[3].Value() != "" {
			return
		}
		m.inputs[3].SetValue(strings.Join(ps, ", "))
	}
	m.s.Participants, m.prefill = ps, slices.Clone(ps)
}

// stageKey edits the selected field of the stage.
func (m *retroModel) stageKey(msg tea.KeyPressMsg) {
	if key.Matches(msg, m.keys.Edit) {
		m.startEdit(m.sel[retro.PhaseStage])
	}
}
