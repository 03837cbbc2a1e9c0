package tui

import (
	"charm.land/bubbles/v2/key"

	"github.com/retrokata/retrokata/kata"
)

// kataKeys are the kata player's bindings. The player sets mode, typing,
// saved and step on a copy when it draws its help.
type kataKeys struct {
	Up, Down, Start, Next, Prev, Toggle, Save, Help, Quit key.Binding
	PageUp, PageDown, Clear, Yes, No, Discard, Resume     key.Binding
	QuitTyping, Done, Interrupt, Back, DiscardDraft       key.Binding
	PickUp, PickDown, Finish, ScrollDown                  key.Binding
	Look, OpenLook, Choose                                key.Binding
	choose, typeFilter, doneSaved, nextField              key.Binding
	situation, scroll, finishStep, move                   key.Binding
	confirmDiscard, keepDraft                             key.Binding
	clearFilter, pickHelp, quitPick                       key.Binding
	mode                                                  kataMode
	typing, saved, looking, shown                         bool
	discardAsked                                          bool // the resume prompt asks before discarding
	filtering                                             bool // the picker's filter has text: ? is typed into it
	step                                                  kata.Kind
}

func newKataKeys() kataKeys {
	return kataKeys{
		Up:             bind("↑/k", "up", "up", "k"),
		Down:           bind("↓/j", "down", "down", "j"),
		PickUp:         bind("↑", "up", "up", "ctrl+p"),
		PickDown:       bind("↓", "down", "down", "ctrl+n"),
		Start:          bind("enter", "start", "enter"),
		Next:           bind("tab", "next", "tab"),
		Prev:           bind("shift+tab", "back", "shift+tab"),
		Toggle:         bind("space", "check", "space", "x", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Finish:         bind("enter", "finish", "enter"),
		Save:           bind("s/enter", "save", "s", "enter"),
		Done:           bind("enter", "done", "enter", "q", "esc"),
		PageUp:         bind("pgup", "scroll up", "pgup"),
		PageDown:       bind("pgdn", "scroll down", "pgdown"),
		ScrollDown:     bind("↓/space", "scroll", "down", "j", "space"),
		Clear:          bind("esc", "clear filter", "esc"),
		Help:           bind("?", "more keys", "?"),
		Quit:           bind("q", "quit", "q", "ctrl+c"),
		QuitTyping:     bind("ctrl+c", "quit", "ctrl+c"),
		Interrupt:      bind("ctrl+c", "quit", "ctrl+c"),
		Back:           bind("esc", "back", "esc"),
		Yes:            bind("y", "quit, keep the draft", "y"),
		No:             bind("esc/n", "stay", "esc", "n"),
		Discard:        bind("D", "quit, discard the draft", "D"),
		DiscardDraft:   bind("d", "discard", "d"),
		Resume:         bind("r/enter", "resume", "r", "enter"),
		Look:           bind("ctrl+o", "look at", "ctrl+o"),
		OpenLook:       bind("enter", "open", "enter", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Choose:         bind("enter/1-3", "choose", "enter", "space", "1", "2", "3"),
		choose:         helpOnly("↑/↓", "choose"),
		typeFilter:     helpOnly("type", "filter"),
		clearFilter:    helpOnly("esc", "clear filter, then ? help"),
		pickHelp:       helpOnly("?", "help"),
		quitPick:       helpOnly("esc", "quit"),
		doneSaved:      helpOnly("enter", "done"),
		nextField:      helpOnly("tab", "next"),
		confirmDiscard: helpOnly("y", "discard"),
		keepDraft:      helpOnly("any key", "keep"),
		situation:      helpOnly("pgup/pgdn", "situation"),
		scroll:         helpOnly("↑/↓", "scroll"),
		finishStep:     helpOnly("tab", "finish"),
		move:           helpOnly("↑/↓", "move"),
	}
}

// ShortHelp implements help.KeyMap.
func (k kataKeys) ShortHelp() []key.Binding {
	switch {
	case k.mode == kataAskResume && k.discardAsked:
		return []key.Binding{k.confirmDiscard, k.keepDraft}
	case k.mode == kataAskResume:
		return []key.Binding{k.Resume, k.DiscardDraft, k.Quit}
	case k.mode == kataConfirmQuit:
		return []key.Binding{k.Yes, k.Discard, k.No}
	case k.mode == kataPick:
		if k.filtering {
			return []key.Binding{k.choose, k.Start}
		}
		return []key.Binding{k.choose, k.Start, k.typeFilter}
	case k.saved:
		return []key.Binding{k.doneSaved}
	case k.looking && k.shown:
		return []key.Binding{k.Back, k.scroll, k.Look}
	case k.looking:
		return []key.Binding{k.OpenLook, k.move, k.Back}
	case k.typing:
		return []key.Binding{k.nextField, k.Look, k.Prev, k.situation}
	}
	switch k.step {
	case kata.KindDecide:
		return []key.Binding{k.Choose, k.move, k.Prev, k.Look}
	case kata.KindReveal:
		return []key.Binding{k.Next, k.scroll, k.Prev, k.Look, k.Quit}
	case kata.KindAssess:
		return []key.Binding{k.Toggle, k.finishStep, k.move, k.Prev, k.Quit}
	}
	return []key.Binding{k.Save, k.Prev, k.scroll, k.Look, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k kataKeys) FullHelp() [][]key.Binding {
	if k.mode == kataPick {
		return [][]key.Binding{{k.choose, k.Start}, {k.typeFilter, k.clearFilter}, {k.pickHelp, k.quitPick}}
	}
	pin := k.pinned()
	if len(pin) == 0 {
		return [][]key.Binding{k.ShortHelp()}
	}
	return [][]key.Binding{k.ShortHelp(), {k.PageUp, k.PageDown, pin[0]}}
}

func (k kataKeys) pinned() []key.Binding {
	switch {
	case k.mode == kataPick && k.filtering:
		// ? is typed into the filter: the footer says how to get it back
		return []key.Binding{k.clearFilter}
	case k.mode == kataPick:
		return []key.Binding{k.pickHelp, k.quitPick}
	case k.mode == kataAskResume, k.mode == kataConfirmQuit, k.saved:
		return nil
	case k.typing, k.looking:
		return []key.Binding{k.QuitTyping}
	}
	return []key.Binding{k.Help}
}
