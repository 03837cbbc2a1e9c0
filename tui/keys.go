package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/retro"
)

// Every screen has one key map here: its bindings, matched with
// key.Matches, and the help it shows (help.KeyMap). Which bindings apply
// depends on the screen's state, so a screen hands its help a copy of its
// key map with that state filled in (retroKeys.phase, …); the copy is
// made in view, which changes nothing.

// bind is a binding shown in help as keys and desc, matched by keys.
func bind(help, desc string, keys ...string) key.Binding {
	return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
}

// helpOnly is a binding only shown in help ("type filter", "↑/↓ move"),
// never matched. help skips a binding with no keys, so it has one that no
// key press is: "".
func helpOnly(help, desc string) key.Binding {
	return key.NewBinding(key.WithKeys(""), key.WithHelp(help, desc))
}

// digit is the number typed, 1 to 9, for the bindings that take one
// (tips to link, key points to tick).
func digit(msg tea.KeyPressMsg) (int, bool) {
	if msg.Mod == 0 && msg.Code >= '1' && msg.Code <= '9' {
		return int(msg.Code - '0'), true
	}
	return 0, false
}

// retroKeys are the retro wizard's bindings. phase and mode say which
// are shown; the wizard sets them on a copy when it draws its help.
type retroKeys struct {
	Next, Prev, Up, Down, Edit, Add, Delete, Done       key.Binding
	Example, DoneAction, Carry, Drop, Reset             key.Binding
	VoteUp, VoteDown, TipToggle, TipPrev, TipNext       key.Binding
	TipText, Save, Commit, Help, Quit, NextField        key.Binding
	PrevField, EnterNext, Yes, No, Discard, Resume      key.Binding
	ScrollUp, ScrollDown, Interrupt, Back, DiscardDraft key.Binding
	ConfirmDelete, KeepItem                             key.Binding
	Timeline, ToCard                                    key.Binding
	Activity, Extend, CheckIn, Whys, ROTI, WentWell     key.Binding
	Pick, Tally, Untally                                key.Binding
	phase                                               retro.Phase
	mode                                                retroMode
	timeline                                            bool // the git timeline is shown
	picking, checkIn                                    bool // the activity picker, the check-in is shown
}

func newRetroKeys() retroKeys {
	return retroKeys{
		Next:          bind("tab", "next phase", "tab"),
		Prev:          bind("shift+tab", "back", "shift+tab"),
		Up:            bind("↑/k", "up", "up", "k"),
		Down:          bind("↓/j", "down", "down", "j"),
		Edit:          bind("enter", "edit", "enter"),
		Add:           bind("a", "add", "a"),
		Delete:        bind("d", "delete", "d"),
		Done:          bind("esc", "done editing", "esc"),
		NextField:     bind("tab", "next field", "tab"),
		PrevField:     bind("shift+tab", "previous field", "shift+tab"),
		EnterNext:     bind("enter", "next", "enter"),
		Example:       bind("w", "worked example", "w"),
		DoneAction:    bind("x", "done", "x"),
		Carry:         bind("c", "carry over", "c"),
		Drop:          bind("d", "drop", "d"),
		Reset:         bind("u", "undecided", "u"),
		VoteUp:        bind("+/→", "add a dot", "+", "=", "right", "l"),
		VoteDown:      bind("-/←", "remove a dot", "-", "left", "h"),
		TipToggle:     bind("1-7/space", "link tip", "1", "2", "3", "4", "5", "6", "7", "space"),
		TipPrev:       bind("[", "previous tip", "["),
		TipNext:       bind("]", "next tip", "]"),
		TipText:       bind("i", "tip text", "i"),
		Save:          bind("s", "save", "s", "enter"),
		Commit:        bind("g", "save + git commit", "g"),
		ScrollUp:      bind("↑/pgup", "scroll", "up", "k", "pgup"),
		ScrollDown:    bind("↓/pgdn", "scroll", "down", "j", "pgdown", "space"),
		Help:          bind("?", "more keys", "?"),
		Quit:          bind("q", "quit", "q", "ctrl+c"),
		Interrupt:     bind("ctrl+c", "quit", "ctrl+c"),
		Back:          bind("esc", "back", "esc"),
		Yes:           bind("y", "quit, keep the draft", "y"),
		No:            bind("esc/n", "stay", "esc", "n"),
		Discard:       bind("D", "quit, discard the draft", "D"),
		DiscardDraft:  bind("d", "discard the draft", "d"),
		Resume:        bind("r/enter", "resume", "r", "enter"),
		ConfirmDelete: bind("y", "delete", "y"),
		KeepItem:      helpOnly("any key", "keep"),
		Timeline:      bind("t", "git timeline", "t"),
		ToCard:        bind("enter", "make it a problem", "enter"),
		Activity:      bind("A", "pick an activity", "A"),
		Extend:        bind("T", "+2 min", "T"),
		CheckIn:       bind("c", "check-in", "c"),
		Whys:          bind("w", "5 whys", "w"),
		ROTI:          bind("r", "ROTI", "r"),
		WentWell:      bind("v", "went well", "v"),
		Pick:          bind("enter", "pick", "enter"),
		Tally:         bind("+/→", "one more", "+", "=", "right", "l"),
		Untally:       bind("-/←", "one less", "-", "left", "h"),
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
		return append([]key.Binding{k.Add, k.Edit, k.Delete, k.Timeline, k.Example, k.Up, k.Down, k.WentWell}, extra...)
	case retro.PhaseVote:
		return []key.Binding{k.VoteUp, k.VoteDown, k.Up, k.Down, k.Extend}
	case retro.PhaseDiscuss:
		return append([]key.Binding{k.Edit, k.TipToggle, k.TipPrev, k.TipNext, k.TipText, k.Up, k.Down, k.Whys}, extra...)
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
	phase := k.phaseKeys()
	short := append(append([]key.Binding{}, phase[:min(1, len(phase))]...), k.Next)
	return append(append(short, phase[min(1, len(phase)):min(2, len(phase))]...), k.Prev, k.Quit)
}

// FullHelp implements help.KeyMap; nil where the short help says it all.
func (k retroKeys) FullHelp() [][]key.Binding {
	if k.mode != modeBrowse {
		return nil
	}
	return [][]key.Binding{k.phaseKeys(), {k.Next, k.Prev}, {k.Help, k.Quit}}
}

func (k retroKeys) pinned() []key.Binding {
	if k.mode != modeBrowse {
		return nil
	}
	return []key.Binding{k.Help}
}

// kataKeys are the kata player's bindings. The player sets mode, typing,
// saved and step on a copy when it draws its help.
type kataKeys struct {
	Up, Down, Start, Next, Prev, Toggle, Save, Help, Quit key.Binding
	PageUp, PageDown, Clear, Yes, No, Discard, Resume     key.Binding
	QuitTyping, Done, Interrupt, Back, DiscardDraft       key.Binding
	PickUp, PickDown, Finish, ScrollDown                  key.Binding
	choose, typeFilter, clearQuit, doneSaved, nextField   key.Binding
	situation, scroll, finishStep, move                   key.Binding
	mode                                                  kataMode
	typing, saved                                         bool
	step                                                  kata.Kind
}

func newKataKeys() kataKeys {
	return kataKeys{
		Up:           bind("↑/k", "up", "up", "k"),
		Down:         bind("↓/j", "down", "down", "j"),
		PickUp:       bind("↑", "up", "up", "ctrl+p"),
		PickDown:     bind("↓", "down", "down", "ctrl+n"),
		Start:        bind("enter", "start", "enter"),
		Next:         bind("tab", "next", "tab"),
		Prev:         bind("shift+tab", "back", "shift+tab"),
		Toggle:       bind("space", "check", "space", "x", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Finish:       bind("enter", "finish", "enter"),
		Save:         bind("s/enter", "save", "s", "enter"),
		Done:         bind("enter", "done", "enter", "q", "esc"),
		PageUp:       bind("pgup", "scroll up", "pgup"),
		PageDown:     bind("pgdn", "scroll down", "pgdown"),
		ScrollDown:   bind("↓/space", "scroll", "down", "j", "space"),
		Clear:        bind("esc", "clear filter", "esc"),
		Help:         bind("?", "more keys", "?"),
		Quit:         bind("q", "quit", "q", "ctrl+c"),
		QuitTyping:   bind("ctrl+c", "quit", "ctrl+c"),
		Interrupt:    bind("ctrl+c", "quit", "ctrl+c"),
		Back:         bind("esc", "back", "esc"),
		Yes:          bind("y", "quit, keep the draft", "y"),
		No:           bind("esc/n", "stay", "esc", "n"),
		Discard:      bind("D", "quit, discard the draft", "D"),
		DiscardDraft: bind("d", "discard", "d"),
		Resume:       bind("r/enter", "resume", "r", "enter"),
		choose:       helpOnly("↑/↓", "choose"),
		typeFilter:   helpOnly("type", "filter"),
		clearQuit:    helpOnly("esc", "clear/quit"),
		doneSaved:    helpOnly("enter", "done"),
		nextField:    helpOnly("tab", "next"),
		situation:    helpOnly("pgup/pgdn", "situation"),
		scroll:       helpOnly("↑/↓", "scroll"),
		finishStep:   helpOnly("tab", "finish"),
		move:         helpOnly("↑/↓", "move"),
	}
}

// ShortHelp implements help.KeyMap.
func (k kataKeys) ShortHelp() []key.Binding {
	switch {
	case k.mode == kataAskResume:
		return []key.Binding{k.Resume, k.DiscardDraft, k.Quit}
	case k.mode == kataConfirmQuit:
		return []key.Binding{k.Yes, k.Discard, k.No}
	case k.mode == kataPick:
		return []key.Binding{k.choose, k.Start, k.typeFilter, k.clearQuit}
	case k.saved:
		return []key.Binding{k.doneSaved}
	case k.typing:
		return []key.Binding{k.nextField, k.Prev, k.situation}
	}
	switch k.step {
	case kata.KindReveal:
		return []key.Binding{k.Next, k.scroll, k.Prev, k.Quit}
	case kata.KindAssess:
		return []key.Binding{k.Toggle, k.finishStep, k.move, k.Prev, k.Quit}
	}
	return []key.Binding{k.Save, k.Prev, k.scroll, k.Quit}
}

// FullHelp implements help.KeyMap.
func (k kataKeys) FullHelp() [][]key.Binding {
	pin := k.pinned()
	if len(pin) == 0 {
		return [][]key.Binding{k.ShortHelp()}
	}
	return [][]key.Binding{k.ShortHelp(), {k.PageUp, k.PageDown, pin[0]}}
}

func (k kataKeys) pinned() []key.Binding {
	switch {
	case k.mode == kataAskResume, k.mode == kataConfirmQuit, k.mode == kataPick, k.saved:
		return nil
	case k.typing:
		return []key.Binding{k.QuitTyping}
	}
	return []key.Binding{k.Help}
}

// homeKeys are the home screen's bindings; each entry also opens with
// its letter, shown beside it.
type homeKeys struct {
	Open, Up, Down, Help, Quit key.Binding
	choose, letter             key.Binding
}

func newHomeKeys() homeKeys {
	return homeKeys{
		Open:   bind("enter", "open", "enter", "space"),
		Up:     bind("↑/k", "up", "up", "k"),
		Down:   bind("↓/j", "down", "down", "j"),
		Help:   bind("?", "more keys", "?"),
		Quit:   bind("q", "quit", "q", "ctrl+c", "esc"),
		choose: helpOnly("↑/↓", "choose"),
		letter: helpOnly("letter", "open it"),
	}
}

// ShortHelp implements help.KeyMap.
func (k homeKeys) ShortHelp() []key.Binding { return []key.Binding{k.Open, k.choose, k.letter} }

// FullHelp implements help.KeyMap.
func (k homeKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Open, k.letter}, {k.Up, k.Down}, {k.Help, k.Quit}}
}

func (k homeKeys) pinned() []key.Binding { return []key.Binding{k.Quit, k.Help} }

// browserKeys are the notes browser's bindings. mode, filtering, preview
// and side say which are shown; the browser sets them on a copy.
type browserKeys struct {
	Filter, Actions, Edit, Up, Down, Preview, PageUp, PageDown, Top, Bottom key.Binding
	Back, Quit, Tick, Group, OpenNote, Keep, Clear, Help, Interrupt         key.Binding
	LeaveFilter                                                             key.Binding
	move, typing, notesBack, scroll, scrollPreview                          key.Binding
	mode                                                                    browserMode
	filtering, preview, side                                                bool
}

func newBrowserKeys() browserKeys {
	return browserKeys{
		Filter:        bind("/", "filter", "/"),
		Actions:       bind("a", "actions", "a"),
		Edit:          bind("e", "edit", "e"),
		Up:            bind("↑/k", "up", "up", "k"),
		Down:          bind("↓/j", "down", "down", "j"),
		Preview:       bind("enter", "preview", "enter", "p"),
		PageUp:        bind("pgup", "scroll up", "pgup"),
		PageDown:      bind("pgdn", "scroll down", "pgdown", "space"),
		Top:           bind("g", "first", "home", "g"),
		Bottom:        bind("G", "last", "end", "G"),
		Back:          bind("esc", "back", "esc"),
		Quit:          bind("q", "quit", "q", "ctrl+c"),
		Tick:          bind("space", "tick/untick", "space", "x"),
		Group:         bind("o", "by owner/note", "o"),
		OpenNote:      bind("enter", "open note", "enter"),
		Keep:          bind("enter", "keep", "enter", "tab"),
		Clear:         bind("esc", "clear", "esc"),
		Help:          bind("?", "more keys", "?"),
		Interrupt:     bind("ctrl+c", "quit", "ctrl+c"),
		LeaveFilter:   bind("↑/↓", "to the list", "up", "down"),
		move:          helpOnly("↑/↓", "move"),
		typing:        helpOnly("type", "filter"),
		notesBack:     helpOnly("a/esc", "notes"),
		scroll:        helpOnly("↑/↓", "scroll"),
		scrollPreview: helpOnly("pgup/pgdn", "scroll preview"),
	}
}

// ShortHelp implements help.KeyMap.
func (k browserKeys) ShortHelp() []key.Binding {
	switch {
	case k.filtering:
		return []key.Binding{k.typing, k.Keep, k.Clear}
	case k.mode == browseActions:
		return []key.Binding{k.Tick, k.Group, k.move, k.OpenNote, k.notesBack}
	case k.preview:
		return []key.Binding{k.scroll, k.Back, k.Edit}
	case k.side:
		return []key.Binding{k.Filter, k.Actions, k.Edit, k.move, k.scrollPreview}
	}
	return []key.Binding{k.Filter, k.Actions, k.Edit, k.move, k.Preview}
}

// FullHelp implements help.KeyMap.
func (k browserKeys) FullHelp() [][]key.Binding {
	switch {
	case k.filtering:
		return [][]key.Binding{{k.typing, k.Keep, k.Clear, k.LeaveFilter, k.Interrupt}}
	case k.mode == browseActions:
		return [][]key.Binding{{k.Tick, k.Group, k.OpenNote}, {k.Up, k.Down}, {k.notesBack, k.Help, k.Quit}}
	case k.preview:
		return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, {k.Back, k.Edit}, {k.Help, k.Quit}}
	}
	open := []key.Binding{k.Filter, k.Actions, k.Edit}
	if !k.side {
		open = append(open, k.Preview)
	}
	return [][]key.Binding{open, {k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown}, {k.Back, k.Help, k.Quit}}
}

func (k browserKeys) pinned() []key.Binding {
	if k.filtering {
		return nil // q and ? are typed; ctrl+c still quits
	}
	return []key.Binding{k.Quit, k.Help}
}

// readerKeys are the cases & tips reader's bindings; reading says which
// are shown.
type readerKeys struct {
	Up, Down, Read, Link, PrevLink, Back, PageUp, PageDown, List, Sources, Quit, Help key.Binding
	Close                                                                             key.Binding
	choose, read, links, nextLink, follow, back, scroll                               key.Binding
	hasSources, showingSources                                                        bool
	reading                                                                           bool
}

func newReaderKeys() readerKeys {
	return readerKeys{
		Up:       bind("↑/k", "up", "up", "k"),
		Down:     bind("↓/j", "down", "down", "j"),
		Read:     bind("enter", "read/follow", "enter", "right", "l"),
		Link:     bind("tab", "next link", "tab"),
		PrevLink: bind("shift+tab", "previous link", "shift+tab"),
		Back:     bind("esc", "back", "esc", "backspace"),
		PageUp:   bind("pgup", "scroll up", "pgup"),
		PageDown: bind("pgdn", "scroll down", "pgdown", "space"),
		List:     bind("←/h", "list", "left", "h"),
		Sources:  bind("s", "sources", "s"),
		Quit:     bind("q", "quit", "q", "ctrl+c"),
		Help:     bind("?", "more keys", "?"),
		Close:    bind("esc", "close", "esc"),
		choose:   helpOnly("↑/↓", "choose"),
		read:     helpOnly("enter", "read"),
		links:    helpOnly("tab", "links"),
		nextLink: helpOnly("tab", "next link"),
		follow:   helpOnly("enter", "follow"),
		back:     helpOnly("esc", "back"),
		scroll:   helpOnly("↑/↓", "scroll"),
	}
}

// ShortHelp implements help.KeyMap.
func (k readerKeys) ShortHelp() []key.Binding {
	if k.reading {
		if k.hasSources {
			return []key.Binding{k.sources(), k.nextLink, k.follow, k.back, k.scroll}
		}
		return []key.Binding{k.nextLink, k.follow, k.back, k.scroll}
	}
	return []key.Binding{k.choose, k.read, k.links}
}

// FullHelp implements help.KeyMap.
func (k readerKeys) FullHelp() [][]key.Binding {
	if k.reading {
		first := []key.Binding{k.Link, k.PrevLink, k.Read, k.Back}
		if k.hasSources {
			first = append([]key.Binding{k.sources()}, first...)
		}
		return [][]key.Binding{first, {k.Up, k.Down, k.PageUp, k.PageDown, k.List}, {k.Help, k.Quit}}
	}
	return [][]key.Binding{{k.Up, k.Down, k.Read, k.Link}, {k.Help, k.Quit}}
}

// sources is the Sources binding, its help saying what it shows next.
func (k readerKeys) sources() key.Binding {
	b := k.Sources
	if k.showingSources {
		b.SetHelp("s", "text")
	}
	return b
}

func (k readerKeys) pinned() []key.Binding { return []key.Binding{k.Quit, k.Help} }
