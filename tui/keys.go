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
