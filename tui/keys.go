package tui

import "charm.land/bubbles/v2/key"

// retroKeys are the retro wizard's bindings. Which ones are shown depends
// on the phase and on whether a field is being edited.
type retroKeys struct {
	Next, Prev, Up, Down, Edit, Add, Delete, Done    key.Binding
	Example, DoneAction, Carry, Drop, Reset          key.Binding
	VoteUp, VoteDown, TipToggle, TipPrev, TipNext    key.Binding
	TipText, Save, Commit, Help, Quit, Field, Field2 key.Binding
	Yes, No, Discard, Resume, ScrollUp, ScrollDown   key.Binding
}

func newRetroKeys() retroKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return retroKeys{
		Next:       b("tab", "next phase", "tab"),
		Prev:       b("shift+tab", "back", "shift+tab"),
		Up:         b("↑/k", "up", "up", "k"),
		Down:       b("↓/j", "down", "down", "j"),
		Edit:       b("enter", "edit", "enter"),
		Add:        b("a", "add", "a"),
		Delete:     b("d", "delete", "d"),
		Done:       b("esc", "done editing", "esc"),
		Field:      b("tab", "next field", "tab"),
		Field2:     b("shift+tab", "previous field", "shift+tab"),
		Example:    b("w", "worked example", "w"),
		DoneAction: b("x", "done", "x"),
		Carry:      b("c", "carry over", "c"),
		Drop:       b("d", "drop", "d"),
		Reset:      b("u", "undecided", "u"),
		VoteUp:     b("+/→", "add a dot", "+", "=", "right", "l"),
		VoteDown:   b("-/←", "remove a dot", "-", "left", "h"),
		TipToggle:  b("1-7/space", "link tip", "1", "2", "3", "4", "5", "6", "7", "space"),
		TipPrev:    b("[", "previous tip", "["),
		TipNext:    b("]", "next tip", "]"),
		TipText:    b("i", "tip text", "i"),
		Save:       b("s", "save", "s"),
		Commit:     b("g", "save + git commit", "g"),
		ScrollUp:   b("↑/pgup", "scroll", "up", "k", "pgup"),
		ScrollDown: b("↓/pgdn", "scroll", "down", "j", "pgdown", "space"),
		Help:       b("?", "more keys", "?"),
		Quit:       b("q", "quit", "q", "ctrl+c"),
		Yes:        b("y", "quit, keep the draft", "y"),
		No:         b("esc/n", "stay", "esc", "n"),
		Discard:    b("D", "quit, discard the draft", "D"),
		Resume:     b("r/enter", "resume", "r", "enter"),
	}
}

// kataKeys are the kata player's bindings.
type kataKeys struct {
	Up, Down, Start, Next, Prev, Toggle, Save, Help, Quit key.Binding
	PageUp, PageDown, Clear, Yes, No, Discard, Resume     key.Binding
	QuitTyping, Done                                      key.Binding
}

func newKataKeys() kataKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return kataKeys{
		Up:         b("↑/k", "up", "up", "k"),
		Down:       b("↓/j", "down", "down", "j"),
		Start:      b("enter", "start", "enter"),
		Next:       b("tab", "next", "tab"),
		Prev:       b("shift+tab", "back", "shift+tab"),
		Toggle:     b("space", "check", "space", "x", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Save:       b("s/enter", "save", "s", "enter"),
		Done:       b("enter", "done", "enter", "q", "esc"),
		PageUp:     b("pgup", "scroll up", "pgup"),
		PageDown:   b("pgdn", "scroll down", "pgdown"),
		Clear:      b("esc", "clear filter", "esc"),
		Help:       b("?", "more keys", "?"),
		Quit:       b("q", "quit", "q", "ctrl+c"),
		QuitTyping: b("ctrl+c", "quit", "ctrl+c"),
		Yes:        b("y", "quit, keep the draft", "y"),
		No:         b("esc/n", "stay", "esc", "n"),
		Discard:    b("D", "quit, discard the draft", "D"),
		Resume:     b("r/enter", "resume", "r", "enter"),
	}
}

// homeKeys are the home screen's bindings; each entry also opens with
// its letter, shown beside it.
type homeKeys struct{ Open, Up, Down, Letter, Quit key.Binding }

func newHomeKeys() homeKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return homeKeys{
		Open:   b("enter", "open", "enter", "space"),
		Up:     b("↑/k", "up", "up", "k"),
		Down:   b("↓/j", "down", "down", "j"),
		Letter: b("letter", "open it"),
		Quit:   b("q", "quit", "q", "ctrl+c", "esc"),
	}
}

// browserKeys are the notes browser's bindings.
type browserKeys struct {
	Filter, Actions, Edit, Up, Down, Preview, PageUp, PageDown, Top, Bottom key.Binding
	Back, Quit, Tick, Group, OpenNote, Keep, Clear                          key.Binding
}

func newBrowserKeys() browserKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return browserKeys{
		Filter:   b("/", "filter", "/"),
		Actions:  b("a", "actions", "a"),
		Edit:     b("e", "edit", "e"),
		Up:       b("↑/k", "up", "up", "k"),
		Down:     b("↓/j", "down", "down", "j"),
		Preview:  b("enter", "preview", "enter", "p"),
		PageUp:   b("pgup", "scroll up", "pgup"),
		PageDown: b("pgdn", "scroll down", "pgdown", "space"),
		Top:      b("g", "first", "home", "g"),
		Bottom:   b("G", "last", "end", "G"),
		Back:     b("esc", "back", "esc"),
		Quit:     b("q", "quit", "q", "ctrl+c"),
		Tick:     b("space", "tick/untick", "space", "x"),
		Group:    b("o", "by owner/note", "o"),
		OpenNote: b("enter", "open note", "enter"),
		Keep:     b("enter", "keep", "enter", "tab"),
		Clear:    b("esc", "clear", "esc"),
	}
}

// readerKeys are the cases & tips reader's bindings.
type readerKeys struct {
	Up, Down, Read, Link, PrevLink, Back, PageUp, PageDown, List, Quit key.Binding
}

func newReaderKeys() readerKeys {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return readerKeys{
		Up:       b("↑/k", "up", "up", "k"),
		Down:     b("↓/j", "down", "down", "j"),
		Read:     b("enter", "read/follow", "enter", "right", "l"),
		Link:     b("tab", "next link", "tab"),
		PrevLink: b("shift+tab", "previous link", "shift+tab"),
		Back:     b("esc", "back", "esc", "backspace"),
		PageUp:   b("pgup", "scroll up", "pgup"),
		PageDown: b("pgdn", "scroll down", "pgdown", "space"),
		List:     b("←/h", "list", "left", "h"),
		Quit:     b("q", "quit", "q", "ctrl+c"),
	}
}
