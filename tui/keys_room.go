package tui

import (
	"charm.land/bubbles/v2/key"
	"github.com/retrokata/retrokata/retro"
)

// participantKeys are the bindings of a room's guest. mode, phase and
// ownCard say which are shown; the screen sets them on a copy.
type participantKeys struct {
	Up, Down, Add, Edit, Delete, VoteUp, VoteDown key.Binding
	Reaction, Learning, Ready, Help, Quit         key.Binding
	Submit, Field, Cancel, Interrupt              key.Binding
	Answer                                        key.Binding // a check-in or ROTI
	mode                                          partMode
	phase                                         retro.Phase
	ownCard                                       bool
	poll, pollWord                                bool // a poll is open; it takes one word
}

func newParticipantKeys() participantKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return participantKeys{
		Up:        b("↑/k", "up", "up", "k"),
		Down:      b("↓/j", "down", "down", "j"),
		Add:       b("a", "add card", "a"),
		Edit:      b("e", "edit", "e"),
		Delete:    b("d", "delete", "d"),
		VoteUp:    b("+", "dot", "+", "="),
		VoteDown:  b("-", "take back", "-"),
		Reaction:  b("r", "suggest reaction", "r"),
		Learning:  b("l", "suggest learning", "l"),
		Ready:     b("space", "ready", "space"),
		Help:      b("?", "more keys", "?"),
		Quit:      b("q", "leave", "q", "ctrl+c"),
		Submit:    b("enter", "send", "enter"),
		Field:     b("tab", "next field", "tab"),
		Cancel:    b("esc", "cancel", "esc"),
		Interrupt: b("ctrl+c", "leave", "ctrl+c"),
		Answer:    b("enter", "answer", "enter"),
	}
}

func addAction(b key.Binding) key.Binding {
	b.SetHelp("a", "suggest action")
	return b
}

// phaseKeys are the bindings of the room's phase, while browsing.
func (k participantKeys) phaseKeys() []key.Binding {
	switch p := k.phase; {
	case k.poll && k.pollWord:
		return []key.Binding{k.Answer}
	case k.poll:
		return []key.Binding{k.Answer, k.Up, k.Down}
	case p <= retro.PhaseProblems:
		if k.ownCard {
			return []key.Binding{k.Add, k.Edit, k.Delete}
		}
		return []key.Binding{k.Add}
	case p == retro.PhaseVote:
		return []key.Binding{k.Up, k.Down, k.VoteUp, k.VoteDown}
	case p == retro.PhaseDiscuss:
		return []key.Binding{k.Reaction, k.Learning, addAction(k.Add)}
	case p == retro.PhaseActions:
		return []key.Binding{addAction(k.Add)}
	}
	return nil
}

// ShortHelp implements help.KeyMap.
func (k participantKeys) ShortHelp() []key.Binding {
	switch k.mode {
	case partName, partSuggest, partWord:
		return []key.Binding{k.Submit, k.Cancel}
	case partCard:
		return []key.Binding{k.Field, k.Submit, k.Cancel}
	}
	return append(k.phaseKeys(), k.Ready)
}

// FullHelp implements help.KeyMap; nil while typing.
func (k participantKeys) FullHelp() [][]key.Binding {
	if k.mode != partBrowse {
		return nil
	}
	return [][]key.Binding{k.phaseKeys(), {k.Ready, k.Up, k.Down}, {k.Help, k.Quit}}
}

func (k participantKeys) pinned() []key.Binding {
	if k.mode != partBrowse {
		return nil
	}
	return []key.Binding{k.Quit, k.Help}
}

// keyMap is the guest's key map for the mode and phase, for its help.
func (m *participantModel) keyMap() participantKeys {
	k := m.keys
	k.mode, k.phase, k.ownCard = m.mode, m.v.Board.Phase, m.ownCard() != nil
	if p := m.pollOpen(); p != nil {
		k.poll, k.pollWord = true, len(p.Options) == 0
	}
	return k
}

func (m *participantModel) helpView(w int) string { return helpView(m.help, m.keyMap(), w) }
