package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/retrokata/retrokata/retro"
)

// retroKeys are the retro wizard's bindings. phase and mode say which
// are shown; the wizard sets them on a copy when it draws its help.
type retroKeys struct {
	Next, Prev, Up, Down, Edit, Add, Delete, Done       key.Binding
	Example, DoneAction, Carry, Drop, Reset             key.Binding
	VoteUp, VoteDown, TipToggle, TipPrev, TipNext       key.Binding
	TipText, Save, Commit, Help, Quit, NextField        key.Binding
	PrevField, EnterNext, Yes, No, Discard, Resume      key.Binding
	ScrollUp, ScrollDown, Interrupt, Back, DiscardDraft key.Binding
	ConfirmDelete, KeepItem, ConfirmDiscard             key.Binding
	Timeline, ToCard                                    key.Binding
	Activity, Extend, CheckIn, Whys, ROTI, WentWell     key.Binding
	Pick, Tally, Untally, FieldCard                     key.Binding
	NextProblem, ProblemNav                             key.Binding
	phase                                               retro.Phase
	mode                                                retroMode
	timeline                                            bool // the git timeline is shown
	picking, checkIn                                    bool // the activity picker, the check-in is shown
	fields                                              bool // the phase's activity has columns
	lastProblem                                         bool // Discuss shows its last problem: tab leaves
	discardAsked                                        bool // the resume prompt asks before discarding
}

func newRetroKeys() retroKeys {
	return retroKeys{
		Next:           bind("tab", "next phase", "tab"),
		Prev:           bind("shift+tab", "back", "shift+tab"),
		Up:             bind("↑/k", "up", "up", "k"),
		Down:           bind("↓/j", "down", "down", "j"),
		Edit:           bind("enter", "edit", "enter"),
		Add:            bind("a", "add", "a"),
		Delete:         bind("d", "delete", "d"),
		Done:           bind("esc", "done editing", "esc"),
		NextField:      bind("tab", "next field", "tab"),
		PrevField:      bind("shift+tab", "previous field", "shift+tab"),
		EnterNext:      bind("enter", "next", "enter"),
		Example:        bind("w", "worked example", "w"),
		DoneAction:     bind("x", "done", "x"),
		Carry:          bind("c", "carry over", "c"),
		Drop:           bind("d", "drop", "d"),
		Reset:          bind("u", "undecided", "u"),
		VoteUp:         bind("+/→", "add a dot", "+", "=", "right", "l"),
		VoteDown:       bind("-/←", "remove a dot", "-", "left", "h"),
		TipToggle:      bind("1-7/space", "link tip", "1", "2", "3", "4", "5", "6", "7", "space"),
		TipPrev:        bind("[", "previous tip", "["),
		TipNext:        bind("]", "next tip", "]"),
		TipText:        bind("i", "tip text", "i"),
		Save:           bind("s", "save", "s", "enter"),
		Commit:         bind("g", "save + git commit", "g"),
		ScrollUp:       bind("↑/pgup", "scroll", "up", "k", "pgup"),
		ScrollDown:     bind("↓/pgdn", "scroll", "down", "j", "pgdown", "space"),
		Help:           bind("?", "more keys", "?"),
		Quit:           bind("q", "quit", "q", "ctrl+c"),
		Interrupt:      bind("ctrl+c", "quit", "ctrl+c"),
		Back:           bind("esc", "back", "esc"),
		Yes:            bind("y", "quit, keep the draft", "y"),
		No:             bind("esc/n", "stay", "esc", "n"),
		Discard:        bind("D", "quit, discard the draft", "D"),
		DiscardDraft:   bind("d", "discard the draft", "d"),
		Resume:         bind("r/enter", "resume", "r", "enter"),
		ConfirmDelete:  bind("y", "delete", "y"),
		ConfirmDiscard: bind("y", "discard", "y"),
		KeepItem:       helpOnly("any key", "keep"),
		Timeline:       bind("t", "git timeline", "t"),
		ToCard:         bind("enter", "make it a problem", "enter"),
		Activity:       bind("A", "pick an activity", "A"),
		Extend:         bind("T", "+2 min", "T"),
		CheckIn:        bind("c", "check-in", "c"),
		Whys:           bind("w", "5 whys", "w"),
		ROTI:           bind("r", "ROTI", "r"),
		WentWell:       bind("v", "went well", "v"),
		Pick:           bind("enter", "pick", "enter"),
		Tally:          bind("+/→", "one more", "+", "=", "right", "l"),
		Untally:        bind("-/←", "one less", "-", "left", "h"),
		FieldCard:      bind("1-8", "card in a column", "1", "2", "3", "4", "5", "6", "7", "8"),
		NextProblem:    bind("tab", "next problem", "tab"),
		ProblemNav:     helpOnly("↑/↓", "change problem"),
	}
}

// phaseKeys are the bindings of the current phase, most used first.
func (k retroKeys) phaseKeys() []key.Binding {
	switch {
	case k.picking:
		return []key.Binding{k.Pick, k.Back, k.Up, k.Down}
	case k.checkIn && k.phase == retro.PhaseStage:
		return []key.Binding{k.Tally, k.Untally, k.Back, k.Up, k.Down, k.Activity}
	}
	extra := []key.Binding{k.Activity, k.Extend}
	switch k.phase {
	case retro.PhaseStage:
		return append([]key.Binding{k.Edit, k.CheckIn, k.Up, k.Down}, extra...)
	case retro.PhasePrevious:
		return []key.Binding{k.DoneAction, k.Carry, k.Drop, k.Reset, k.Up, k.Down}
	case retro.PhaseProblems:
		if k.timeline {
			return []key.Binding{k.ToCard, k.Timeline, k.Up, k.Down}
		}
		keys := []key.Binding{k.Add, k.Edit, k.Delete, k.Timeline, k.Example, k.Up, k.Down, k.WentWell}
		if k.fields {
			keys = append([]key.Binding{k.FieldCard}, keys...)
		}
		return append(keys, extra...)
	case retro.PhaseVote:
		return []key.Binding{k.VoteUp, k.VoteDown, k.Up, k.Down, k.Extend}
	case retro.PhaseDiscuss:
		return append([]key.Binding{k.Edit, k.ProblemNav, k.TipToggle, k.TipPrev, k.TipNext, k.TipText, k.Whys}, extra...)
	case retro.PhaseActions:
		return append([]key.Binding{k.Add, k.Edit, k.Delete, k.Up, k.Down}, extra...)
	case retro.PhaseClose:
		return append([]key.Binding{k.Save, k.Commit, k.ScrollDown, k.ScrollUp, k.ROTI}, extra...)
	}
	return nil
}

// ShortHelp implements help.KeyMap: the keys of the mode, or of the phase
// in order of importance (the line drops the last ones to fit).
func (k retroKeys) ShortHelp() []key.Binding {
	switch k.mode {
	case modeAskResume:
		if k.discardAsked {
			return []key.Binding{k.ConfirmDiscard, k.KeepItem}
		}
		return []key.Binding{k.Resume, k.Quit}
	case modeConfirmQuit:
		return []key.Binding{k.Yes, k.Discard, k.No}
	case modeConfirmDelete:
		return []key.Binding{k.ConfirmDelete, k.KeepItem}
	case modeEdit:
		short := []key.Binding{k.Done, k.NextField, k.PrevField}
		if k.phase == retro.PhaseStage || k.phase == retro.PhaseActions {
			short = append(short, k.EnterNext)
		}
		return short
	}
	// tab first: on a narrow screen it is the one key that must stay
	phase := k.phaseKeys()
	var short []key.Binding
	if k.phase != retro.PhaseClose { // the last phase: tab goes nowhere
		short = append(short, k.next())
	}
	short = append(short, phase[:min(2, len(phase))]...)
	return append(short, k.Prev, k.Quit)
}

// moves are tab and shift+tab, as far as they go: Close is the last phase.
func (k retroKeys) moves() []key.Binding {
	if k.phase == retro.PhaseClose {
		return []key.Binding{k.Prev}
	}
	return []key.Binding{k.next(), k.Prev}
}

// next is what tab does: the next problem in Discuss until the last one,
// else the next phase.
func (k retroKeys) next() key.Binding {
	if k.phase == retro.PhaseDiscuss && !k.lastProblem {
		return k.NextProblem
	}
	return k.Next
}

// FullHelp implements help.KeyMap; nil where the short help says it all.
func (k retroKeys) FullHelp() [][]key.Binding {
	if k.mode != modeBrowse {
		return nil
	}
	return [][]key.Binding{k.phaseKeys(), k.moves(), {k.Help, k.Quit}}
}

func (k retroKeys) pinned() []key.Binding {
	if k.mode != modeBrowse {
		return nil
	}
	return []key.Binding{k.Help}
}
