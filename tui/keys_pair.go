package tui

import "charm.land/bubbles/v2/key"

// pairPlayerKeys are the bindings of the player in pair mode: they type
// their answer, so only control keys act.
type pairPlayerKeys struct {
	Quit, typing key.Binding
}

func newPairPlayerKeys() pairPlayerKeys {
	return pairPlayerKeys{
		Quit:   bind("ctrl+c", "leave", "ctrl+c"),
		typing: helpOnly("type", "answer"),
	}
}

func (k pairPlayerKeys) ShortHelp() []key.Binding  { return []key.Binding{k.typing, k.Quit} }
func (k pairPlayerKeys) FullHelp() [][]key.Binding { return [][]key.Binding{k.ShortHelp()} }

// pairMasterKeys are the game master's bindings; typing says an event is
// being written, ended that the debrief is on.
type pairMasterKeys struct {
	Hand, Choose, Event, Next, Save, Help, Quit key.Binding
	Send, Cancel, Interrupt                     key.Binding
	typing, ended                               bool
}

func newPairMasterKeys() pairMasterKeys {
	return pairMasterKeys{
		Hand:      bind("1-9", "hand out", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		Choose:    bind("a/b/c", "pick the decision", "a", "b", "c"),
		Event:     bind("e", "inject an event", "e"),
		Next:      bind("n/tab", "next stage", "n", "tab"),
		Save:      bind("s", "save the note", "s"),
		Help:      bind("?", "more keys", "?"),
		Quit:      bind("q", "quit", "q", "ctrl+c"),
		Send:      bind("enter", "send the event", "enter"),
		Cancel:    bind("esc", "cancel", "esc"),
		Interrupt: bind("ctrl+c", "quit", "ctrl+c"),
	}
}

func (k pairMasterKeys) ShortHelp() []key.Binding {
	switch {
	case k.typing:
		return []key.Binding{k.Send, k.Cancel, k.Interrupt}
	case k.ended:
		return []key.Binding{k.Save, k.Quit}
	}
	return []key.Binding{k.Hand, k.Event, k.Next, k.Help, k.Quit}
}

func (k pairMasterKeys) FullHelp() [][]key.Binding {
	if k.typing || k.ended {
		return [][]key.Binding{k.ShortHelp()}
	}
	return [][]key.Binding{{k.Hand, k.Choose, k.Event, k.Next}, {k.Help, k.Quit}}
}
