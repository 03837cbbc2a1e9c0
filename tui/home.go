package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// HomeOptions is what the home screen needs to open every other screen.
type HomeOptions struct {
	Location  notes.Location
	CacheDir  string // $XDG_CACHE_HOME, for the notes index
	DraftsDir string
	Library   *content.Library
	Editor    []string // the command `e` runs on a note: $VISUAL, $EDITOR or vi
	Retro     RetroOptions
	Now       func() time.Time
	HomeDir   string // shown as ~ in paths; "" to show them whole
}

// homeFacts are the live facts shown under the menu, read in a Cmd.
type homeFacts struct {
	loaded        bool
	notes, broken int
	open, overdue int
	katasDue      int
	lastRetro     *notes.Entry
	retroDraft    *retro.Draft
	kataDraft     *kata.Draft
	err           error
}

type homeFactsMsg homeFacts

// homeEntry is one line of the menu.
type homeEntry struct {
	key, label, desc string
	open             func(h *homeModel) screen
}

type homeModel struct {
	c      *common
	opt    HomeOptions
	styles Styles
	keys   homeKeys
	help   help.Model
	width  int
	height int
	sel    int
	facts  homeFacts
	status string
	isErr  bool
}

func newHomeModel(c *common, opt HomeOptions) *homeModel {
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Library == nil {
		opt.Library = &content.Library{}
	}
	h := &homeModel{c: c, opt: opt, keys: newHomeKeys(), help: help.New(), width: 80, height: 24}
	h.setStyles(c.styles)
	return h
}

func (h *homeModel) setStyles(st Styles) {
	h.styles = st
	h.help.Styles = st.Help
}

func (h *homeModel) Init() tea.Cmd { return h.loadFacts() }

// loadFacts reads the notes (through the index) and the drafts.
func (h *homeModel) loadFacts() tea.Cmd {
	opt := h.opt
	ids := make([]string, len(opt.Library.Katas))
	for i, k := range opt.Library.Katas {
		ids[i] = k.ID
	}
	return func() tea.Msg {
		now := opt.Now()
		f := homeFacts{loaded: true}
		list, err := notes.Index{CacheDir: opt.CacheDir}.List(opt.Location.Dir, notes.Filter{})
		f.err = err
		today := now.Format("2006-01-02")
		for i := range list {
			e := &list[i]
			f.notes++
			if e.Broken() {
				f.broken++
				continue
			}
			if e.Meta.Type == notes.TypeRetro && (f.lastRetro == nil || e.Meta.Date.After(f.lastRetro.Meta.Date)) {
				f.lastRetro = e
			}
			for _, a := range e.Actions {
				if a.Done || a.CarriedCopy() {
					continue
				}
				f.open++
				if a.Due != "" && a.Due < today {
					f.overdue++
				}
			}
		}
		all, _ := kata.Attempts(list)
		for _, p := range kata.Board(ids, all, now) {
			if p.Due(now) {
				f.katasDue++
			}
		}
		if d, ok, err := retro.LoadDraft(retro.DraftPath(opt.DraftsDir)); ok && err == nil {
			f.retroDraft = &d
		}
		if d, ok, err := kata.LoadDraft(kata.DraftPath(opt.DraftsDir)); ok && err == nil {
			f.kataDraft = &d
		}
		return homeFactsMsg(f)
	}
}

// entries is the menu: drafts to resume first, then the four screens.
func (h *homeModel) entries() []homeEntry {
	var out []homeEntry
	if d := h.facts.retroDraft; d != nil {
		out = append(out, homeEntry{"R", "Resume the retro", notes.Sanitize(d.Session.DisplayTitle()) + " · saved " + d.Saved.In(h.opt.Now().Location()).Format("Mon 2 Jan 15:04"),
			func(h *homeModel) screen { return h.newRetro(d, true) }})
	}
	if d := h.facts.kataDraft; d != nil {
		title := d.Session.Kata
		if k, ok := h.opt.Library.Kata(title); ok {
			title = k.Title
		}
		out = append(out, homeEntry{"K", "Resume the kata", notes.Sanitize(title) + " · saved " + d.Saved.In(h.opt.Now().Location()).Format("Mon 2 Jan 15:04"),
			func(h *homeModel) screen { return h.newKata(d, true) }})
	}
	return append(out,
		homeEntry{"r", "Run a retro", "a guided Dev+Ops retrospective, saved as a note", func(h *homeModel) screen { return h.newRetro(h.facts.retroDraft, false) }},
		homeEntry{"p", "Practise a kata", "a real situation, your answers, the reference, your score", func(h *homeModel) screen { return h.newKata(h.facts.kataDraft, false) }},
		homeEntry{"b", "Browse notes", "read notes, search them, tick actions", func(h *homeModel) screen { return h.newBrowser() }},
		homeEntry{"c", "Read the cases & tips", "the talk's four problems, the department case, seven tips", func(h *homeModel) screen { return newReaderModel(h.c, h.opt.Library) }},
	)
}

func (h *homeModel) newRetro(d *retro.Draft, resume bool) screen {
	o := h.opt.Retro
	o.NotesDir, o.CacheDir, o.Library, o.Now = h.opt.Location.Dir, h.opt.CacheDir, h.opt.Library, h.opt.Now
	o.GitDir = h.opt.Location.GitDir()
	o.DraftPath = retro.DraftPath(h.opt.DraftsDir)
	o.Draft, o.Resume = d, resume
	o.Inbox, _ = notes.ReadInbox(o.NotesDir) // a few small files; unreadable ones are flagged on the screen
	if o.Dots < 1 {
		o.Dots = retro.DefaultDots
	}
	return newRetroModel(h.c, o)
}

func (h *homeModel) newKata(d *kata.Draft, resume bool) screen {
	return newKataModel(h.c, KataOptions{NotesDir: h.opt.Location.Dir, CacheDir: h.opt.CacheDir, DraftPath: kata.DraftPath(h.opt.DraftsDir),
		Draft: d, Resume: resume, Library: h.opt.Library, Now: h.opt.Now})
}

func (h *homeModel) newBrowser() screen {
	return newBrowserModel(h.c, BrowserOptions{NotesDir: h.opt.Location.Dir, CacheDir: h.opt.CacheDir, Editor: h.opt.Editor, Now: h.opt.Now})
}

// openMsg asks the root to open a screen.
type openMsg struct{ s screen }

func (h *homeModel) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.width, h.height = msg.Width, msg.Height
	case homeFactsMsg:
		h.facts = homeFacts(msg)
		h.sel = min(h.sel, len(h.entries())-1)
	case tea.KeyPressMsg:
		entries := h.entries()
		k := h.keys
		switch {
		case key.Matches(msg, k.Quit):
			return tea.Quit
		case key.Matches(msg, k.Up):
			h.sel = (h.sel - 1 + len(entries)) % len(entries)
		case key.Matches(msg, k.Down):
			h.sel = (h.sel + 1) % len(entries)
		case key.Matches(msg, k.Open):
			return h.open(entries[h.sel])
		default:
			for i, e := range entries {
				if e.key == msg.String() {
					h.sel = i
					return h.open(e)
				}
			}
		}
	}
	return nil
}

func (h *homeModel) open(e homeEntry) tea.Cmd {
	h.status = ""
	s := e.open(h)
	return func() tea.Msg { return openMsg{s} }
}

func (h *homeModel) view() string {
	if v, small := tooSmall(h.width, h.height); small {
		return v
	}
	st := h.styles
	w := max(1, h.width)
	header := titleBar(st, w, "home", "")
	compact := h.height < 20
	var b strings.Builder
	if !compact {
		b.WriteString("\n")
	}
	tagline := "Dev+Ops retros and DevOps katas, saved as markdown notes."
	if w < lipgloss.Width(tagline) {
		tagline = "Retros and katas, saved as notes."
	}
	b.WriteString(st.Accent.Render(ansi.Truncate(tagline, w, "…")) + "\n")
	if !compact {
		b.WriteString("\n")
	}
	entries := h.entries()
	for i, e := range entries {
		mark, label := "  ", st.Title.Render(e.label)
		if i == h.sel {
			mark, label = st.Selected.Render("› "), st.Selected.Render(e.label)
		}
		line := mark + st.Accent.Render("["+e.key+"]") + " " + label
		if room := w - lipgloss.Width(line) - 3; room > 12 && e.desc != "" && w >= 60 {
			line += st.Subtle.Render(" · " + ansi.Truncate(e.desc, room, "…"))
		}
		b.WriteString(ansi.Truncate(line, w, "…") + "\n")
	}
	if h.height > 12 {
		b.WriteString("\n")
	}
	b.WriteString(h.factsView(w))
	if h.status != "" {
		// what the last screen did, in full: a saved note's path matters
		b.WriteString("\n\n" + st.OK.Render(wrap(notes.Sanitize(h.status), w)))
	}
	help := h.helpView(w)
	bh := max(1, h.height-1-height(help))
	return header + "\n" + fit(b.String(), w, bh) + "\n" + help
}

// factsView is what the notes dir says today.
func (h *homeModel) factsView(w int) string {
	st := h.styles
	f := h.facts
	compact := h.height < 20
	label := func(s string) string {
		if compact {
			return st.Label.Render(strings.TrimSpace(s) + " ")
		}
		return st.Label.Render(s)
	}
	var lines, warnings []string
	if !f.loaded {
		lines = append(lines, st.Subtle.Render("Reading your notes…"))
	} else {
		open := fmt.Sprintf("%d open", f.open)
		if f.overdue > 0 {
			open += " · " + st.Error.Render(fmt.Sprintf("%d overdue", f.overdue))
		}
		lines = append(lines, label("Actions    ")+open)
		last := "none yet"
		if r := f.lastRetro; r != nil {
			last = r.Meta.Date.Format("Mon 2 Jan 2006")
			if compact {
				last = r.Meta.Date.Format("2 Jan")
			}
			if r.Meta.Team != "" {
				last += " · " + notes.Sanitize(r.Meta.Team)
			}
		}
		if compact {
			lines = append(lines, label("Katas")+fmt.Sprintf("%d due", f.katasDue)+st.Subtle.Render(" · ")+label("Retro")+last)
		} else {
			lines = append(lines, label("Katas      ")+fmt.Sprintf("%d due today", f.katasDue), label("Last retro ")+last)
		}
		if f.broken > 0 {
			warnings = append(warnings, st.Warn.Render(fmt.Sprintf("%s cannot be read: see Browse notes", plural(f.broken, "note"))))
		}
		if f.err != nil {
			warnings = append(warnings, st.Error.Render("Cannot read the notes dir: "+f.err.Error()))
		}
	}
	loc := h.opt.Location
	why := string(loc.Reason)
	if loc.Reason == notes.ReasonRepo && loc.Config != "" {
		why = loc.Config
	}
	dir := label("Notes dir  ") + st.Subtle.Render(displayPath(loc.Dir, h.opt.HomeDir))
	why = st.Subtle.Render("(" + displayPath(why, h.opt.HomeDir) + ")")
	if lipgloss.Width(dir)+1+lipgloss.Width(why) <= w || compact {
		lines = append(lines, dir+" "+why)
	} else {
		lines = append(lines, dir, "           "+why)
	}
	lines = append(lines, warnings...)
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, w, "…")
	}
	return strings.Join(lines, "\n")
}

// displayPath shortens a path under the home dir to ~/...
func displayPath(p, home string) string {
	p = notes.Sanitize(p)
	if home != "" && strings.HasPrefix(p, home+string(filepath.Separator)) {
		return "~" + p[len(home):]
	}
	return p
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

func (h *homeModel) helpView(w int) string {
	b := func(keys, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys), key.WithHelp(keys, desc))
	}
	keys := []key.Binding{b("enter", "open"), b("↑/↓", "choose"), b("letter", "open it")}
	q := b("q", "quit")
	return shortHelp(h.help, keys, &q, w)
}

// homeApp is the root model of `retrokata`: the home screen, and the
// screen opened from it until that one is done.
type homeApp struct {
	home   *homeModel
	cur    screen // nil on the home screen
	width  int
	height int
}

func (a *homeApp) Init() tea.Cmd { return tea.Batch(tea.RequestBackgroundColor, a.home.Init()) }

func (a *homeApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		st := newStyles(msg.IsDark())
		a.home.c.styles = st
		a.home.setStyles(st)
		if a.cur != nil {
			a.cur.setStyles(st)
		}
		return a, nil
	case tea.WindowSizeMsg:
		a.width, a.height = msg.Width, msg.Height
		a.home.Update(msg)
		if a.cur != nil {
			return a, a.cur.update(msg)
		}
		return a, nil
	case openMsg:
		a.cur = msg.s
		a.cur.setStyles(a.home.styles)
		size := tea.WindowSizeMsg{Width: a.width, Height: a.height}
		return a, tea.Batch(a.cur.Init(), func() tea.Msg { return size })
	case doneMsg:
		var cmd tea.Cmd
		if a.cur != nil {
			if path, data := a.cur.unsaved(); path != "" {
				cmd = saveDraftCmd(path, data)
			}
		}
		a.cur = nil
		a.home.status, a.home.isErr = msg.status, false
		a.home.facts.loaded = false
		return a, tea.Sequence(cmd, a.home.loadFacts())
	}
	if a.cur != nil {
		return a, a.cur.update(msg)
	}
	return a, a.home.Update(msg)
}

func (a *homeApp) View() tea.View {
	var v tea.View
	if a.cur != nil {
		v = tea.NewView(a.cur.view())
	} else {
		v = tea.NewView(a.home.view())
	}
	v.AltScreen = true
	return v
}

// RunHome runs the home screen until the user quits it. A screen opened
// from it and left with unsaved work (a signal, a cancelled context) has
// its draft written before RunHome returns.
func RunHome(ctx context.Context, opt HomeOptions, extra ...tea.ProgramOption) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // a git commit still running when the program ends is stopped
	c := newCommon(opt.Now, true)
	c.ctx = ctx
	a := &homeApp{home: newHomeModel(c, opt)}
	opts := append([]tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler()}, extra...)
	_, err := tea.NewProgram(a, opts...).Run()
	if a.cur != nil {
		if _, derr := writeUnsaved(a.cur); derr != nil && err == nil {
			return fmt.Errorf("your work could not be kept as a draft: %w", derr)
		}
	}
	return runErr(err)
}
