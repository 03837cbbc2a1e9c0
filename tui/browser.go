package tui

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/notes"
)

type browserMode int

const (
	browseNotes browserMode = iota
	browseActions
)

// Messages of the browser.
type (
	notesListMsg struct {
		list []notes.Entry
		err  error
	}
	// bodiesMsg brings every note's text, lower-cased, for the filter.
	bodiesMsg map[string]string
	// renderedMsg is a note's preview, rendered for a width.
	renderedMsg struct {
		path  string
		mtime time.Time
		width int
		text  string
	}
	editedMsg struct {
		path string
		err  error
	}
	toggledMsg struct {
		path string
		line int
		done bool
		hash notes.Hash // the note's hash after the tick
		err  error
	}
)

type browserModel struct {
	c       *common
	keys    browserKeys
	help    help.Model
	mode    browserMode
	entries []notes.Entry
	loaded  bool
	loadErr error
	bodies  map[string]string
	heads   []string // per entry: lower-cased title, team, tags, type
	texts   []string // per entry: lower-cased text, once read
	// lastQuery matched the entries in matched (in entry order)
	lastQuery string
	matched   []int
	filter    textinput.Model
	shown     []int // entries matching the filter, best first
	sel       int
	// preview
	cache       map[string]preview
	showPreview bool // below 100 columns the preview replaces the list
	// pv scrolls the preview of pvPath, the note it shows.
	pv viewport.Model
	// display is each entry's text as drawn, sanitised once per list.
	display []entryText
	// now is when the list was read: what is overdue is told from it.
	now    time.Time
	pvPath string
	pvText string
	// actions view
	byOwner bool
	rows    []actionRow
	actSel  int
	status  string
	isErr   bool
}

func newBrowserModel(c *common) *browserModel {
	m := &browserModel{c: c, keys: newBrowserKeys(), help: help.New(), pv: viewport.New()}
	m.restyle()
	m.filter = c.newTextInput()
	m.filter.Prompt = "/ "
	m.filter.Placeholder = "filter: title, team, tag or text"
	m.filter.CharLimit = 200
	return m
}

func (m *browserModel) Init() tea.Cmd { return m.reload() }

// restyle follows the styles in common, after the terminal said its
// background: previews are rendered for one background.
func (m *browserModel) restyle() {
	m.help.Styles = m.c.styles.Help
	m.cache = map[string]preview{}
	m.pvPath, m.pvText = "", ""
}

func (m *browserModel) flash(s string, isErr bool) { m.status, m.isErr = s, isErr }

// reload lists the notes through the index, then reads their text for
// the filter in a second Cmd so the first screen does not wait for it.
func (m *browserModel) reload() tea.Cmd {
	st := m.c.notes()
	return func() tea.Msg {
		list, err := st.List(notes.Filter{})
		return notesListMsg{list, err}
	}
}

// previewLimit is how much of a note the preview renders and the full-text
// filter searches.
const previewLimit = 1 << 20

func (m *browserModel) update(msg tea.Msg) tea.Cmd {
	defer m.syncPreview() // the size, the selection or a render may have changed
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.filter.SetWidth(max(4, m.listWidth()-3))
		return m.wantPreview()
	case notesListMsg:
		m.entries, m.loadErr, m.loaded = msg.list, msg.err, true
		m.now = m.c.now()
		m.display = displayTexts(msg.list)
		if msg.err != nil {
			m.flash("Cannot read the notes: "+msg.err.Error(), true)
		}
		m.indexText()
		m.refilter()
		m.buildRows()
		return tea.Batch(m.wantPreview(), readBodies(m.c.notes(), msg.list))
	case bodiesMsg:
		m.bodies = msg
		m.indexText()
		if m.filter.Value() != "" {
			m.refilter()
			return m.wantPreview()
		}
		return nil
	case renderedMsg:
		m.cache[msg.path] = preview{msg.mtime, msg.width, msg.text}
		return nil
	case editedMsg:
		delete(m.cache, msg.path)
		if msg.err != nil {
			m.flash("Editor: "+msg.err.Error(), true)
		} else {
			m.flash("Reloaded after editing.", false)
		}
		return m.reload()
	case toggledMsg:
		if errors.Is(msg.err, notes.ErrChanged) {
			m.flash("Not changed: "+notes.Sanitize(filepath.Base(msg.path))+" changed since it was read; reloaded.", true)
			return m.reload()
		}
		if msg.err != nil {
			m.flash("Not changed: "+notes.Sanitize(msg.err.Error()), true)
			return m.reload()
		}
		delete(m.cache, msg.path)
		for i := range m.entries {
			if m.entries[i].Path != msg.path {
				continue
			}
			m.entries[i].Hash = msg.hash
			for j := range m.entries[i].Actions {
				if a := &m.entries[i].Actions[j]; a.Line == msg.line {
					a.Status = notes.StatusOpen
					if msg.done {
						a.Status = notes.StatusDone
					}
				}
			}
			// the list's counts follow the tick, each action once
			c := notes.CountActions(m.entries[i].Actions)
			m.entries[i].Open, m.entries[i].Done, m.entries[i].Dropped, m.entries[i].Carried = c.Open, c.Done, c.Dropped, c.Carried
		}
		if msg.done {
			m.flash("Ticked in "+msg.path+". space again to undo.", false)
		} else {
			m.flash("Unticked in "+msg.path+".", false)
		}
		return nil
	case tea.PasteMsg:
		if m.filter.Focused() {
			var cmd tea.Cmd
			m.filter, cmd = m.filter.Update(msg)
			m.refilter()
			return tea.Batch(cmd, m.wantPreview())
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return nil
}

func (m *browserModel) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.filter.Focused() {
		switch {
		case key.Matches(msg, k.Clear):
			m.filter.SetValue("")
			m.filter.Blur()
			m.refilter()
			return m.wantPreview()
		case key.Matches(msg, k.Keep):
			m.filter.Blur()
			return nil
		case key.Matches(msg, k.LeaveFilter):
			m.filter.Blur() // and the key moves in the list
		case key.Matches(msg, k.Interrupt):
			return done("")
		default:
			var cmd tea.Cmd
			m.filter, cmd = m.filter.Update(msg)
			m.refilter()
			return tea.Batch(cmd, m.wantPreview())
		}
	}
	switch {
	case key.Matches(msg, k.Quit):
		return done("")
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return nil
	}
	if m.mode == browseActions {
		return m.actionsKey(msg)
	}
	switch {
	case key.Matches(msg, k.Back):
		if m.showPreview {
			m.showPreview = false
			return nil
		}
		if m.filter.Value() != "" {
			m.filter.SetValue("")
			m.refilter()
			return m.wantPreview()
		}
		return done("")
	case key.Matches(msg, k.Filter):
		m.filter.Focus()
		m.showPreview = false
		return textinput.Blink
	case key.Matches(msg, k.Up):
		if m.showPreview {
			m.pv.ScrollUp(1)
			return nil
		}
		m.move(-1)
	case key.Matches(msg, k.Down):
		if m.showPreview {
			m.pv.ScrollDown(1)
			return nil
		}
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.pv.ScrollUp(max(1, m.bodyHeight()/2))
	case key.Matches(msg, k.PageDown):
		m.pv.ScrollDown(max(1, m.bodyHeight()/2))
	case key.Matches(msg, k.Top):
		m.sel = 0
		m.pv.GotoTop()
	case key.Matches(msg, k.Bottom):
		m.sel = max(0, len(m.shown)-1)
		m.pv.GotoTop()
	case key.Matches(msg, k.Preview):
		if !m.side() {
			m.showPreview = !m.showPreview
			m.pv.GotoTop()
		}
	case key.Matches(msg, k.Edit):
		return m.edit()
	case key.Matches(msg, k.Actions):
		m.mode = browseActions
		m.buildRows()
		return nil
	}
	return m.wantPreview()
}

func (m *browserModel) move(d int) {
	m.sel = max(0, min(len(m.shown)-1, m.sel+d))
	m.pv.GotoTop()
}

// side reports whether the preview sits beside the list.
func (m *browserModel) side() bool { return m.c.width >= 100 }

func (m *browserModel) current() (notes.Entry, bool) {
	if m.sel < 0 || m.sel >= len(m.shown) {
		return notes.Entry{}, false
	}
	return m.entries[m.shown[m.sel]], true
}

func (m *browserModel) listWidth() int {
	if m.side() {
		return min(60, m.c.width*2/5)
	}
	return m.c.width
}

// edit opens the note in the editor and reloads it afterwards.
func (m *browserModel) edit() tea.Cmd {
	e, ok := m.current()
	if !ok {
		return nil
	}
	args := append(append([]string{}, m.c.editor[1:]...), e.Path)
	c := exec.Command(m.c.editor[0], args...)
	path := e.Path
	return tea.ExecProcess(c, func(err error) tea.Msg { return editedMsg{path, err} })
}

// Editor is the command `e` runs: $VISUAL, then $EDITOR (which may hold
// arguments, as in "code --wait"), then vi.
func Editor(getenv func(string) string) []string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if f := strings.Fields(getenv(v)); len(f) > 0 {
			return f
		}
	}
	return []string{"vi"}
}

// entryText is what the browser draws of a note, sanitised once when the
// list arrives rather than on every frame. The entries themselves keep
// their text as read: a tick finds its action by it.
type entryText struct {
	title, team, dateTitle string
	actions                []actionText
}

// actionText is what the actions view draws of an action.
type actionText struct{ text, owner string }

func displayTexts(list []notes.Entry) []entryText {
	out := make([]entryText, len(list))
	for i, e := range list {
		d := entryText{title: notes.Sanitize(e.Meta.Title), team: notes.Sanitize(e.Meta.Team)}
		d.dateTitle = e.Meta.Date.Format("2006-01-02") + " " + d.title
		d.actions = make([]actionText, len(e.Actions))
		for j, a := range e.Actions {
			d.actions[j] = actionText{notes.Sanitize(a.Text), notes.Sanitize(a.Owner)}
		}
		out[i] = d
	}
	return out
}
