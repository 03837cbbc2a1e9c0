package tui

import (
	"os"
	"os/exec"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"

	"github.com/retrokata/retrokata/internal/safefile"
	"github.com/retrokata/retrokata/notes"
)

// BrowserOptions is what `retrokata notes` passes to the browser.
type BrowserOptions struct {
	NotesDir string
	CacheDir string   // $XDG_CACHE_HOME, for the notes index
	Editor   []string // the command `e` runs, the note's path appended
	Now      func() time.Time
}

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
		err  error
	}
)

// preview is a rendered note, valid while the file's mtime and the width
// stay the same.
type preview struct {
	mtime time.Time
	width int
	text  string
}

// actionRow is a line of the actions view: a group header or an action.
type actionRow struct {
	header string
	entry  int // index into entries
	action int // index into the entry's actions
}

type browserModel struct {
	c       *common
	opt     BrowserOptions
	styles  Styles
	keys    browserKeys
	help    help.Model
	width   int
	height  int
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
	scroll      int
	// actions view
	byOwner bool
	rows    []actionRow
	actSel  int
	status  string
	isErr   bool
}

func newBrowserModel(c *common, opt BrowserOptions) *browserModel {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if len(opt.Editor) == 0 {
		opt.Editor = []string{"vi"}
	}
	m := &browserModel{c: c, opt: opt, keys: newBrowserKeys(), help: help.New(), width: 80, height: 24, cache: map[string]preview{}}
	m.setStyles(c.styles)
	m.filter = c.newTextInput()
	m.filter.Prompt = "/ "
	m.filter.Placeholder = "filter: title, team, tag or text"
	m.filter.CharLimit = 200
	return m
}

func (m *browserModel) Init() tea.Cmd { return m.reload() }

func (m *browserModel) setStyles(st Styles) {
	m.styles = st
	m.help.Styles = st.Help
	m.cache = map[string]preview{} // previews are rendered for one background
}

func (m *browserModel) update(msg tea.Msg) tea.Cmd { return m.Update(msg) }

func (m *browserModel) unsaved() (string, []byte) { return "", nil }

func (m *browserModel) flash(s string, isErr bool) { m.status, m.isErr = s, isErr }

// reload lists the notes through the index, then reads their text for
// the filter in a second Cmd so the first screen does not wait for it.
func (m *browserModel) reload() tea.Cmd {
	x, dir := notes.Index{CacheDir: m.opt.CacheDir}, m.opt.NotesDir
	return func() tea.Msg {
		list, err := x.List(dir, notes.Filter{})
		return notesListMsg{list, err}
	}
}

func readBodies(list []notes.Entry) tea.Cmd {
	paths := make([]string, len(list))
	for i, e := range list {
		paths[i] = e.Path
	}
	return func() tea.Msg {
		out := make(map[string]string, len(paths))
		for _, p := range paths {
			data, err := readCapped(p)
			if err == nil {
				out[p] = strings.ToLower(string(data))
			}
		}
		return bodiesMsg(out)
	}
}

// previewLimit is how much of a note the preview renders and the full-text
// filter searches.
const previewLimit = 1 << 20

// readCapped reads a note through the capped reader, which refuses what is
// not a regular file or is over the notes limit: a 50 MB note must not
// stall the browser, and a link to /dev/tty or a FIFO must neither steal
// keystrokes nor hang the background reader. At most previewLimit bytes
// are returned.
func readCapped(path string) ([]byte, error) {
	data, err := safefile.Read(path, safefile.NotesLimit)
	return data[:min(len(data), previewLimit)], err
}

// renderNote renders a note for the preview pane: glamour on the body,
// control sequences removed; a broken note shows its error and its text.
func renderNote(e notes.Entry, width int, isDark bool) tea.Cmd {
	return func() tea.Msg {
		fi, err := os.Stat(e.Path)
		if err != nil {
			return renderedMsg{path: e.Path, width: width, text: "Cannot read " + notes.Sanitize(err.Error())}
		}
		data, err := readCapped(e.Path)
		if err != nil {
			return renderedMsg{path: e.Path, mtime: fi.ModTime(), width: width, text: "Cannot read " + notes.Sanitize(err.Error())}
		}
		text := notes.Sanitize(string(data))
		if e.Broken() {
			return renderedMsg{e.Path, fi.ModTime(), width, "This note cannot be read: " + notes.Sanitize(e.Err.Error()) + "\n\n" + text}
		}
		if _, body, ok := strings.Cut(text, "\n---\n"); ok && strings.HasPrefix(text, "---") {
			text = body
		}
		style := "light"
		if isDark {
			style = "dark"
		}
		r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(max(10, width-2)))
		if err == nil {
			if out, err := r.Render(text); err == nil {
				text = strings.Trim(out, "\n")
			}
		}
		if int64(len(data)) >= 1<<20 {
			text += "\n\n(only the first megabyte is shown)"
		}
		return renderedMsg{e.Path, fi.ModTime(), width, text}
	}
}

func (m *browserModel) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.filter.SetWidth(max(4, m.listWidth()-3))
		return m.wantPreview()
	case notesListMsg:
		m.entries, m.loadErr, m.loaded = msg.list, msg.err, true
		if msg.err != nil {
			m.flash("Cannot read the notes: "+msg.err.Error(), true)
		}
		m.indexText()
		m.refilter()
		m.buildRows()
		return tea.Batch(m.wantPreview(), readBodies(msg.list))
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
		if msg.err != nil {
			m.flash("Not changed: "+msg.err.Error(), true)
			return m.reload()
		}
		delete(m.cache, msg.path)
		for i := range m.entries {
			if m.entries[i].Path != msg.path {
				continue
			}
			for j := range m.entries[i].Actions {
				if a := &m.entries[i].Actions[j]; a.Line == msg.line {
					a.Done = msg.done
				}
			}
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
		case msg.String() == "up" || msg.String() == "down":
			m.filter.Blur() // and the key moves in the list
		case msg.String() == "ctrl+c":
			return done("")
		default:
			var cmd tea.Cmd
			m.filter, cmd = m.filter.Update(msg)
			m.refilter()
			return tea.Batch(cmd, m.wantPreview())
		}
	}
	if key.Matches(msg, k.Quit) {
		return done("")
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
			m.scroll = max(0, m.scroll-1)
			return nil
		}
		m.move(-1)
	case key.Matches(msg, k.Down):
		if m.showPreview {
			m.scroll++
			return nil
		}
		m.move(1)
	case key.Matches(msg, k.PageUp):
		m.scroll = max(0, m.scroll-max(1, m.bodyHeight()/2))
	case key.Matches(msg, k.PageDown):
		m.scroll += max(1, m.bodyHeight()/2)
	case key.Matches(msg, k.Top):
		m.sel, m.scroll = 0, 0
	case key.Matches(msg, k.Bottom):
		m.sel, m.scroll = max(0, len(m.shown)-1), 0
	case key.Matches(msg, k.Preview):
		if !m.side() {
			m.showPreview = !m.showPreview
			m.scroll = 0
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
	m.scroll = 0
}

// side reports whether the preview sits beside the list.
func (m *browserModel) side() bool { return m.width >= 100 }

func (m *browserModel) current() (notes.Entry, bool) {
	if m.sel < 0 || m.sel >= len(m.shown) {
		return notes.Entry{}, false
	}
	return m.entries[m.shown[m.sel]], true
}

// previewWidth is the width the preview is rendered for.
func (m *browserModel) previewWidth() int {
	if m.side() {
		return m.width - m.listWidth() - 3
	}
	return m.width
}

func (m *browserModel) listWidth() int {
	if m.side() {
		return min(60, m.width*2/5)
	}
	return m.width
}

// wantPreview asks for the selected note's preview when it is shown and
// not rendered for this width yet; a cached one shows at once and is
// checked against the file's mtime in the Cmd.
func (m *browserModel) wantPreview() tea.Cmd {
	e, ok := m.current()
	if !ok || !(m.side() || m.showPreview) {
		return nil
	}
	w := m.previewWidth()
	if p, ok := m.cache[e.Path]; ok && p.width == w {
		isDark := m.styles.isDark
		return func() tea.Msg {
			if fi, err := os.Stat(e.Path); err == nil && fi.ModTime().Equal(p.mtime) {
				return nil
			}
			return renderNote(e, w, isDark)()
		}
	}
	return renderNote(e, w, m.styles.isDark)
}

// edit opens the note in the editor and reloads it afterwards.
func (m *browserModel) edit() tea.Cmd {
	e, ok := m.current()
	if !ok {
		return nil
	}
	args := append(append([]string{}, m.opt.Editor[1:]...), e.Path)
	c := exec.Command(m.opt.Editor[0], args...)
	path := e.Path
	return tea.ExecProcess(c, func(err error) tea.Msg { return editedMsg{path, err} })
}

// refilter ranks the notes against the filter: every word must match the
// title, team or tags (fuzzily: its letters in order) or the text.
func (m *browserModel) refilter() {
	query := strings.ToLower(m.filter.Value())
	q := strings.Fields(query)
	// typing on narrows: what matches the longer query matched the shorter
	candidates := m.matched
	if m.lastQuery == "" || !strings.HasPrefix(query, m.lastQuery) {
		candidates = nil
	}
	m.lastQuery, m.matched = query, m.matched[:0:0]
	m.shown = m.shown[:0]
	if len(q) == 0 {
		m.lastQuery = ""
		for i := range m.entries {
			m.shown = append(m.shown, i)
		}
		m.sel = max(0, min(m.sel, len(m.shown)-1))
		m.scroll = 0
		return
	}
	type hit struct{ i, score int }
	var hits []hit
	for k := 0; k < len(m.entries); k++ {
		i := k
		if candidates != nil {
			if k >= len(candidates) {
				break
			}
			i = candidates[k]
		}
		total := 0
		for _, w := range q {
			s := matchScore(m.heads[i], w)
			if s == 0 && strings.Contains(m.texts[i], w) {
				s = 1
			}
			if s == 0 {
				total = 0
				break
			}
			total += s
		}
		if total > 0 {
			hits = append(hits, hit{i, total})
			m.matched = append(m.matched, i)
		}
	}
	sort.SliceStable(hits, func(a, b int) bool { return hits[a].score > hits[b].score })
	for _, h := range hits {
		m.shown = append(m.shown, h.i)
	}
	m.sel, m.scroll = 0, 0
}

// indexText lower-cases what the filter searches, once per list (not
// per key): each note's title, team, tags and type, and its text.
func (m *browserModel) indexText() {
	m.lastQuery, m.matched = "", nil
	m.heads = make([]string, len(m.entries))
	m.texts = make([]string, len(m.entries))
	for i, e := range m.entries {
		head := e.Meta.Title + " " + e.Meta.Team + " " + strings.Join(e.Meta.Tags, " ") + " " + string(e.Meta.Type)
		if e.Broken() {
			head += " " + e.Path
		}
		m.heads[i] = strings.ToLower(head)
		m.texts[i] = m.bodies[e.Path]
	}
}

// matchScore is 4 when w starts a word of s, 3 when w is inside s, 2 when
// w's letters (two or more) come in order in s (fuzzy), and 0 otherwise.
func matchScore(s, w string) int {
	if i := strings.Index(s, w); i >= 0 {
		if i == 0 || s[i-1] == ' ' {
			return 4
		}
		return 3
	}
	if utf8.RuneCountInString(w) < 2 {
		return 0
	}
	rest := w
	for _, r := range s {
		c, size := utf8.DecodeRuneInString(rest)
		if r == c {
			if rest = rest[size:]; rest == "" {
				return 2
			}
		}
	}
	return 0
}

// buildRows lays out the actions view: the open actions of the notes the
// filter shows, grouped by note or by owner; one ticked in this session
// stays, ticked, to allow an undo.
func (m *browserModel) buildRows() {
	var keep map[[2]int]bool
	if m.rows != nil {
		keep = map[[2]int]bool{}
		for _, r := range m.rows {
			if r.header == "" {
				keep[[2]int{r.entry, r.action}] = true
			}
		}
	}
	type item struct{ e, a int }
	groups := map[string][]item{}
	var order []string
	for _, i := range m.shown {
		e := m.entries[i]
		if e.Broken() {
			continue
		}
		for j, a := range e.Actions {
			if a.CarriedCopy() || (a.Done && !keep[[2]int{i, j}]) {
				continue
			}
			g := notes.Sanitize(e.Meta.Date.Format("2006-01-02") + " " + e.Meta.Title)
			if m.byOwner {
				g = "@" + a.Owner
				if a.Owner == "" {
					g = "no owner"
				}
			}
			if _, ok := groups[g]; !ok {
				order = append(order, g)
			}
			groups[g] = append(groups[g], item{i, j})
		}
	}
	if m.byOwner {
		sort.Strings(order)
	}
	m.rows = m.rows[:0]
	for _, g := range order {
		m.rows = append(m.rows, actionRow{header: g})
		for _, it := range groups[g] {
			m.rows = append(m.rows, actionRow{entry: it.e, action: it.a})
		}
	}
	m.actSel = max(0, min(m.actSel, len(m.rows)-1))
	if len(m.rows) > 0 && m.rows[m.actSel].header != "" {
		m.actMove(1)
	}
}

func (m *browserModel) actMove(d int) {
	for i := m.actSel + d; i >= 0 && i < len(m.rows); i += d {
		if m.rows[i].header == "" {
			m.actSel = i
			return
		}
	}
}

func (m *browserModel) actionsKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back, k.Actions):
		m.mode = browseNotes
		return m.wantPreview()
	case key.Matches(msg, k.Up):
		m.actMove(-1)
	case key.Matches(msg, k.Down):
		m.actMove(1)
	case key.Matches(msg, k.Group):
		m.byOwner = !m.byOwner
		m.rows = nil
		m.buildRows()
	case key.Matches(msg, k.Tick):
		if m.actSel >= len(m.rows) || m.rows[m.actSel].header != "" {
			return nil
		}
		r := m.rows[m.actSel]
		e := m.entries[r.entry]
		a := e.Actions[r.action]
		done := !a.Done
		return func() tea.Msg {
			err := notes.SetDone(e.Path, a.Line, a.Text, done)
			return toggledMsg{e.Path, a.Line, done, err}
		}
	case key.Matches(msg, k.OpenNote):
		if m.actSel < len(m.rows) && m.rows[m.actSel].header == "" {
			r := m.rows[m.actSel]
			for i, idx := range m.shown {
				if idx == r.entry {
					m.sel = i
				}
			}
			m.mode = browseNotes
			m.showPreview = !m.side()
			return m.wantPreview()
		}
	}
	return nil
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
