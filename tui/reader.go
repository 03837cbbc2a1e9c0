package tui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
)

// readerItem is a case or a tip, with the items it links to; its title
// and text are sanitised once, when the reader is built.
type readerItem struct {
	id    string // a case id, or "tip-N"
	kind  string // "Case" or "Tip"
	title string
	md    string // its text, with its label at the top
	src   string // its sources, shown on a key; "" when none
	links []int  // indexes of linked items
}

// itemRenderedMsg is an item rendered with glamour for a width.
type itemRenderedMsg struct {
	key  string
	text string
}

// readerModel shows the talk's cases and the seven tips, and follows the
// links between them: from a case to its tips, from a tip to its cases.
type readerModel struct {
	c       *common
	keys    readerKeys
	help    help.Model
	items   []readerItem
	sel     int
	reading bool  // the text has the focus (below 100 columns: is shown)
	link    int   // focused link of the item, -1 for none
	back    []int // items to go back to
	// text scrolls the rendered item (textKey), above its links.
	text    viewport.Model
	textKey string
	sources bool // the selected item's sources are shown instead of its text
	cache   map[string]string
}

func newReaderModel(c *common) *readerModel {
	lib := c.lib
	m := &readerModel{c: c, keys: newReaderKeys(), help: help.New(), link: -1, text: viewport.New()}
	m.restyle()
	tipAt := map[int]int{}
	for _, c := range lib.Cases {
		m.items = append(m.items, readerItem{id: c.ID, kind: "Case", title: notes.Sanitize(c.Title), md: notes.Sanitize(content.CaseBody(c, lib)), src: notes.Sanitize(content.SourcesMarkdown(c.Item))})
	}
	for _, t := range lib.Tips {
		tipAt[t.Number] = len(m.items)
		m.items = append(m.items, readerItem{id: "tip-" + strconv.Itoa(t.Number), kind: "Tip", title: notes.Sanitize(fmt.Sprintf("%d. %s", t.Number, t.Title)), md: notes.Sanitize(content.TipBody(t, lib)), src: notes.Sanitize(content.SourcesMarkdown(t.Item))})
	}
	for i, c := range lib.Cases {
		for _, n := range c.Tips {
			if j, ok := tipAt[n]; ok {
				m.items[i].links = append(m.items[i].links, j)
				m.items[j].links = append(m.items[j].links, i)
			}
		}
	}
	return m
}

func (m *readerModel) Init() tea.Cmd { return nil }

// restyle follows the styles in common, after the terminal said its
// background: renders are for one background.
func (m *readerModel) restyle() {
	m.help.Styles = m.c.styles.Help
	m.cache = map[string]string{}
	m.textKey = ""
}

func (m *readerModel) side() bool { return m.c.width >= 100 }

func (m *readerModel) listWidth() int {
	if m.side() {
		return min(44, m.c.width*2/5)
	}
	return m.c.width
}

func (m *readerModel) textWidth() int {
	if m.side() {
		return m.c.width - m.listWidth() - 3
	}
	return m.c.width
}

func (m *readerModel) cacheKey() string {
	k := m.items[m.sel].id + "@" + strconv.Itoa(m.textWidth())
	if m.showingSources() {
		k += "#sources"
	}
	return k
}

// showingSources reports whether the sources of the selected item are shown.
func (m *readerModel) showingSources() bool {
	return m.sources && len(m.items) > 0 && m.items[m.sel].src != ""
}

// render asks for the selected item, unless it is cached for this width.
func (m *readerModel) render() tea.Cmd {
	if len(m.items) == 0 || !(m.side() || m.reading) {
		return nil
	}
	k := m.cacheKey()
	if _, ok := m.cache[k]; ok {
		return nil
	}
	md, w, dark, r := m.items[m.sel].md, m.textWidth(), m.c.styles.isDark, m.c.md
	if m.showingSources() {
		md = "# Sources of " + m.items[m.sel].title + "\n\n" + strings.TrimPrefix(m.items[m.sel].src, "## Sources\n\n")
	}
	return func() tea.Msg {
		out, err := r.Render(md, max(10, w-2), dark)
		if err != nil {
			return itemRenderedMsg{k, md}
		}
		return itemRenderedMsg{k, strings.Trim(out, "\n")}
	}
}

func (m *readerModel) update(msg tea.Msg) tea.Cmd {
	defer m.syncText() // the size, the item or a render may have changed
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		return m.render()
	case itemRenderedMsg:
		m.cache[msg.key] = msg.text
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	return nil
}

func (m *readerModel) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if len(m.items) == 0 {
		if key.Matches(msg, k.Quit, k.Back) {
			return done("")
		}
		return nil
	}
	links := m.items[m.sel].links
	switch {
	case key.Matches(msg, k.Quit):
		return done("")
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return nil
	case key.Matches(msg, k.Back):
		switch {
		case len(m.back) > 0:
			m.sel, m.back = m.back[len(m.back)-1], m.back[:len(m.back)-1]
			m.text.GotoTop()
			m.link, m.sources = -1, false
		case m.reading:
			m.reading, m.link = false, -1
		case key.Matches(msg, k.Close):
			return done("")
		}
	case key.Matches(msg, k.Up):
		if m.reading {
			m.text.ScrollUp(1)
		} else {
			m.choose(m.sel - 1)
		}
	case key.Matches(msg, k.Down):
		if m.reading {
			m.text.ScrollDown(1)
		} else {
			m.choose(m.sel + 1)
		}
	case key.Matches(msg, k.PageUp):
		m.text.ScrollUp(max(1, m.c.height/2))
	case key.Matches(msg, k.PageDown):
		m.text.ScrollDown(max(1, m.c.height/2))
	case key.Matches(msg, k.Link, k.PrevLink):
		if len(links) == 0 {
			return nil
		}
		m.reading = true
		if key.Matches(msg, k.Link) {
			m.link = (m.link + 1) % len(links)
		} else {
			m.link = (m.link - 1 + len(links)) % len(links)
		}
	case key.Matches(msg, k.Read):
		if m.reading && m.link >= 0 && m.link < len(links) {
			m.back = append(m.back, m.sel)
			m.sel, m.link, m.sources = links[m.link], -1, false
			m.text.GotoTop()
		} else {
			m.reading = true
		}
	case key.Matches(msg, k.List):
		m.reading, m.link = false, -1
	case key.Matches(msg, k.Sources):
		if m.items[m.sel].src == "" {
			return nil
		}
		m.sources, m.reading = !m.sources, true
		m.text.GotoTop()
	default:
		return nil
	}
	return m.render()
}

func (m *readerModel) choose(i int) {
	m.sel = max(0, min(len(m.items)-1, i))
	m.link, m.back, m.sources = -1, nil, false
	m.text.GotoTop()
}

func (m *readerModel) view() string {
	if v, small := tooSmall(m.c.width, m.c.height); small {
		return v
	}
	st := m.c.styles
	w := max(1, m.c.width)
	title := "cases & tips"
	if m.reading && len(m.items) > 0 {
		title = m.items[m.sel].title
	}
	header := titleBar(st, w, "read", title)
	bh := m.bodyHeight()
	var body string
	switch {
	case len(m.items) == 0:
		body = st.Subtle.Render("No cases or tips in the library.")
	case m.side():
		lw := m.listWidth()
		tw := w - lw - 3
		bar := strings.TrimSuffix(strings.Repeat(" │ \n", bh), "\n")
		body = lipgloss.JoinHorizontal(lipgloss.Top, fit(m.listView(lw, bh), lw, bh), st.Subtle.Render(bar), fit(m.textView(tw, bh), tw, bh))
	case m.reading:
		body = m.textView(w, bh)
	default:
		body = m.listView(w, bh)
	}
	return header + "\n" + fit(body, w, bh) + "\n\n" + m.helpView(w)
}

func (m *readerModel) listView(w, h int) string {
	st := m.c.styles
	var lines []string
	selLine := 0
	for i, it := range m.items {
		if i == 0 || it.kind != m.items[i-1].kind {
			head := "The cases"
			if it.kind == "Tip" {
				head = "Tips, in our words"
			}
			if i > 0 {
				lines = append(lines, "")
			}
			lines = append(lines, st.Label.Render(head))
		}
		mark, t := "  ", st.Title.Render(ansi.Truncate(it.title, max(1, w-2), "…"))
		if i == m.sel {
			mark, t = st.Selected.Render("› "), st.Selected.Render(ansi.Truncate(it.title, max(1, w-2), "…"))
			selLine = len(lines)
		}
		lines = append(lines, mark+t)
	}
	start := firstShown(selLine, len(lines), h)
	return strings.Join(lines[start:min(len(lines), start+h)], "\n")
}

// bodyHeight is what the title bar and the help leave.
func (m *readerModel) bodyHeight() int {
	return max(1, m.c.height-2-helpHeight(m.help, m.keyMap(), m.c.width))
}

// linkLine is the item's links, the focused one in brackets, wrapped to w.
func (m *readerModel) linkLine(w int) string {
	st := m.c.styles
	it := m.items[m.sel]
	if len(it.links) == 0 {
		return ""
	}
	var parts []string
	for i, j := range it.links {
		l := m.items[j]
		name := l.kind + " " + strings.SplitN(l.title, ".", 2)[0]
		if l.kind == "Case" {
			name = l.title
		}
		if i == m.link {
			parts = append(parts, st.Selected.Render("["+name+"]"))
		} else {
			parts = append(parts, st.Accent.Render(name))
		}
	}
	label := "Tips: "
	if it.kind == "Tip" {
		label = "Cases: "
	}
	return wrap(st.Label.Render(label)+strings.Join(parts, st.Subtle.Render(" · ")), w)
}

// textRoom is the height of the text above the links.
func (m *readerModel) textRoom(links string, h int) int {
	if links == "" {
		return h
	}
	return max(1, h-lineCount(links)-1)
}

// syncText puts the selected item's render, once it has arrived, in the
// viewport sized for the pane, in update.
func (m *readerModel) syncText() {
	if len(m.items) == 0 {
		return
	}
	w := m.textWidth()
	m.text.SetWidth(max(1, w))
	m.text.SetHeight(m.textRoom(m.linkLine(w), m.bodyHeight()))
	k := m.cacheKey() // holds the width
	text, ok := m.cache[k]
	if !ok || k == m.textKey {
		return
	}
	m.text.SetContent(cutLines(text, w)) // as the screen cuts them, with …
	m.textKey = k
}

// textView is the rendered item and, at the bottom, its links.
func (m *readerModel) textView(w, h int) string {
	links := m.linkLine(w)
	room := m.textRoom(links, h)
	text := m.c.styles.Subtle.Render("Rendering…")
	if m.textKey == m.cacheKey() {
		text = m.text.View()
	}
	out := fit(text, w, room)
	if links != "" {
		out += "\n\n" + links
	}
	return out
}

// keyMap is the reader's key map for what has the focus, for its help.
func (m *readerModel) keyMap() readerKeys {
	k := m.keys
	k.reading = m.reading
	k.hasSources = len(m.items) > 0 && m.items[m.sel].src != ""
	k.showingSources = m.showingSources()
	return k
}

func (m *readerModel) helpView(w int) string { return helpView(m.help, m.keyMap(), w) }
