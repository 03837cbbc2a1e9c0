package tui

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/internal/lockfile"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// homeFacts are the live facts shown under the menu, read in a Cmd.
type homeFacts struct {
	now           time.Time // when they were read
	loaded        bool
	notes, broken int
	open, overdue int
	katasDue      int
	lastRetro     *notes.Entry
	retroDraft    *retro.Draft
	kataDraft     *kata.Draft
	// retroBusy and kataBusy hold the process running this notes dir's
	// retro or kata, when another one does.
	retroBusy, kataBusy *lockfile.Holder
	// keptDrafts are drafts that cannot be used: unreadable ones moved
	// aside, and those of older versions (not tied to a notes dir).
	keptDrafts []keptDraft
	err        error
}

type homeFactsMsg homeFacts

// homeEntry is one line of the menu.
type homeEntry struct {
	key, label, desc string
	open             openMsg
}

type homeModel struct {
	c      *common
	keys   homeKeys
	help   help.Model
	sel    int
	facts  homeFacts
	status string
	isErr  bool
}

func newHomeModel(c *common) *homeModel {
	h := &homeModel{c: c, keys: newHomeKeys(), help: help.New()}
	h.restyle()
	return h
}

// restyle follows the styles in common, after the terminal said its background.
func (h *homeModel) restyle() { h.help.Styles = h.c.styles.Help }

func (h *homeModel) Init() tea.Cmd { return h.loadFacts() }

// loadFacts reads the notes (through the index) and the drafts.
func (h *homeModel) loadFacts() tea.Cmd {
	c := h.c
	ids := make([]string, len(c.lib.Katas))
	for i, k := range c.lib.Katas {
		ids[i] = k.ID
	}
	return func() tea.Msg {
		now := c.now()
		f := homeFacts{loaded: true, now: now}
		list, err := c.notesIndex().List(c.notesDir, notes.Filter{})
		f.err = err
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
			f.open += e.Open
			for _, a := range e.Actions {
				if a.Overdue(now) {
					f.overdue++
				}
			}
		}
		katas := list
		if c.kataNotesDir() != c.notesDir {
			katas, _ = c.index.List(c.kataNotesDir(), notes.Filter{})
		}
		all, _ := kata.Attempts(katas)
		for _, p := range kata.Board(ids, all, now) {
			if p.Due(now) {
				f.katasDue++
			}
		}
		f.retroDraft, f.retroBusy = peekDraft(c.draftsDir, "retro", now, retro.LoadDraft)
		f.kataDraft, f.kataBusy = peekDraft(c.kataDraftsDir(), "kata", now, kata.LoadDraft)
		f.keptDrafts = keptDrafts(c.draftsDir, c.allDrafts)
		return homeFactsMsg(f)
	}
}

// entries is the menu: drafts to resume first, then the four screens.
func (h *homeModel) entries() []homeEntry {
	var out []homeEntry
	if d := h.facts.retroDraft; d != nil {
		out = append(out, homeEntry{"R", "Resume the retro", notes.Sanitize(d.Session.DisplayTitle()) + " · saved " + d.Saved.In(h.facts.now.Location()).Format("Mon 2 Jan 15:04"),
			openMsg{to: screenRetro, retro: RetroOptions{Draft: d, Resume: true}}})
	}
	if h.facts.retroDraft == nil && h.facts.retroBusy != nil {
		out = append(out, homeEntry{"R", "Retro in progress elsewhere", "in " + h.facts.retroBusy.String() + ": view it or start a separate one",
			openMsg{to: screenRetro}})
	}
	if h.facts.kataDraft == nil && h.facts.kataBusy != nil {
		out = append(out, homeEntry{"K", "Kata in progress elsewhere", "in " + h.facts.kataBusy.String() + ": start a separate one",
			openMsg{to: screenKata}})
	}
	if d := h.facts.kataDraft; d != nil {
		title := d.Session.Kata
		if k, ok := h.c.lib.Kata(title); ok {
			title = k.Title
		}
		out = append(out, homeEntry{"K", "Resume the kata", notes.Sanitize(title) + " · saved " + d.Saved.In(h.facts.now.Location()).Format("Mon 2 Jan 15:04"),
			openMsg{to: screenKata, kata: KataOptions{Draft: d, Resume: true}}})
	}
	out = append(out,
		homeEntry{"r", "Run a retro", "a guided Dev+Ops retrospective, saved as a note", openMsg{to: screenRetro, retro: RetroOptions{Draft: h.facts.retroDraft}}},
		homeEntry{"p", "Practise a kata", "a real situation, your answers, the reference, your score", openMsg{to: screenKata, kata: KataOptions{Draft: h.facts.kataDraft}}},
		homeEntry{"b", "Browse notes", "read notes, search them, tick actions", openMsg{to: screenBrowser}},
		homeEntry{"c", "Read the cases & tips", "four cases reconstructed from the talk, a department case study, tips in our words", openMsg{to: screenReader}},
	)
	// listed at every size: a key that works is a key that is shown
	return append(out[:len(out)-1], trendsEntry, out[len(out)-1])
}

// trendsEntry opens the Trends screen.
var trendsEntry = homeEntry{"t", "Trends", "actions done, ROTI and recurring problems across retros", openMsg{to: screenTrends}}

func (h *homeModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
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
		case key.Matches(msg, k.Help):
			h.help.ShowAll = !h.help.ShowAll
		default:
			for i, e := range entries {
				if key.Matches(msg, key.NewBinding(key.WithKeys(e.key))) {
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
	return func() tea.Msg { return e.open }
}

func (h *homeModel) view() string {
	if v, small := tooSmall(h.c.width, h.c.height); small {
		return v
	}
	st := h.c.styles
	w := max(1, h.c.width)
	header := titleBar(st, w, "home", "")
	compact := h.c.height < 20
	var b strings.Builder
	if !compact {
		b.WriteString("\n")
	}
	tagline := "Dev+Ops retros and DevOps katas, saved as markdown notes."
	if w < lipgloss.Width(tagline) {
		tagline = "Retros and katas, saved as notes."
	}
	if h.c.height > 12 {
		// at the smallest size the lines go to the menu, every entry listed
		b.WriteString(st.Accent.Render(ansi.Truncate(tagline, w, "…")) + "\n")
	}
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
	if h.c.height > 12 {
		b.WriteString("\n")
	}
	b.WriteString(h.factsView(w))
	if h.status != "" {
		// what the last screen did, in full: a saved note's path matters
		b.WriteString("\n\n" + st.OK.Render(wrap(notes.Sanitize(h.status), w)))
	}
	help := h.helpView(w)
	bh := max(1, h.c.height-1-lineCount(help))
	return header + "\n" + fit(b.String(), w, bh) + "\n" + help
}

// factsView is what the notes dir says today.
func (h *homeModel) factsView(w int) string {
	st := h.c.styles
	f := h.facts
	compact := h.c.height < 20
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
		warnings = append(warnings, keptDraftsView(st, w, f.keptDrafts, h.c.homeDir, compact)...)
	}
	loc := h.c.location
	why := string(loc.Reason)
	if loc.Reason == notes.ReasonRepo && loc.Config != "" {
		why = loc.Config
	}
	dir := label("Notes dir  ") + st.Subtle.Render(displayPath(loc.Dir, h.c.homeDir))
	why = st.Subtle.Render("(" + displayPath(why, h.c.homeDir) + ")")
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

func (h *homeModel) helpView(w int) string { return helpView(h.help, h.keys, w) }
