package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
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
