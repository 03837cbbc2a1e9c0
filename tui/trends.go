package tui

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// trendsKeys are the Trends screen's bindings.
type trendsKeys struct {
	Team, Back, Help, Quit key.Binding
}

func newTrendsKeys() trendsKeys {
	return trendsKeys{
		Team: bind("t", "next team", "t"),
		Back: bind("esc", "back", "esc", "backspace"),
		Help: bind("?", "more keys", "?"),
		Quit: bind("q", "back", "q", "ctrl+c"),
	}
}

func (k trendsKeys) ShortHelp() []key.Binding { return []key.Binding{k.Team, k.Back} }
func (k trendsKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{{k.Team}, {k.Back, k.Quit}, {k.Help}}
}
func (k trendsKeys) pinned() []key.Binding { return []key.Binding{k.Help} }

// trendsMsg brings the retro notes the screen draws.
type trendsMsg struct {
	entries []notes.Entry
	err     error
}

// trendsModel shows how actions and retros go over time: completion bars
// per retro, ROTI and completion sparklines, recurring problems and the
// oldest open actions, for every team or one.
type trendsModel struct {
	c       *common
	keys    trendsKeys
	help    help.Model
	loaded  bool
	err     error
	entries []notes.Entry
	teams   []string // "" first: every team
	team    int
	t       retro.Trends
}

func newTrendsModel(c *common) *trendsModel {
	m := &trendsModel{c: c, keys: newTrendsKeys(), help: help.New()}
	m.restyle()
	return m
}

func (m *trendsModel) restyle() { m.help.Styles = m.c.styles.Help }

func (m *trendsModel) Init() tea.Cmd {
	x, dir := m.c.notesIndex(), m.c.notesDir
	return func() tea.Msg {
		l, err := x.List(dir, notes.Filter{Type: notes.TypeRetro})
		return trendsMsg{l, err}
	}
}

func (m *trendsModel) compute() {
	team := ""
	if m.team < len(m.teams) {
		team = m.teams[m.team]
	}
	m.t = retro.ComputeTrends(m.entries, retro.TrendOptions{Team: team, Now: m.c.now()})
}

func (m *trendsModel) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
	case trendsMsg:
		m.loaded, m.err, m.entries = true, msg.err, msg.entries
		seen := map[string]bool{}
		m.teams = []string{""}
		for _, e := range msg.entries {
			k := strings.ToLower(strings.TrimSpace(e.Meta.Team))
			if !e.Broken() && k != "" && !seen[k] {
				seen[k] = true
				m.teams = append(m.teams, strings.TrimSpace(e.Meta.Team))
			}
		}
		sort.Strings(m.teams[1:])
		m.compute()
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, m.keys.Back, m.keys.Quit):
			return done("")
		case key.Matches(msg, m.keys.Team) && len(m.teams) > 1:
			m.team = (m.team + 1) % len(m.teams)
			m.compute()
		case key.Matches(msg, m.keys.Help):
			m.help.ShowAll = !m.help.ShowAll
		}
	}
	return nil
}

func (m *trendsModel) view() string {
	if v, small := tooSmall(m.c.width, m.c.height); small {
		return v
	}
	st := m.c.styles
	w := max(1, m.c.width)
	team := "every team"
	if m.team > 0 && m.team < len(m.teams) {
		team = notes.Sanitize(m.teams[m.team])
	}
	header := titleBar(st, w, "trends", team)
	h := max(1, m.c.height-2-helpHeight(m.help, m.keys, m.c.width))
	var body string
	switch {
	case !m.loaded:
		body = "Reading the notes…"
	case m.err != nil:
		body = st.Error.Render(wrap("Cannot read the notes: "+m.err.Error(), w))
	case m.t.Totals.Retros == 0:
		body = wrap("No retros yet: trends appear once a retro is saved.", w)
	default:
		body = m.body(w, h)
	}
	return header + "\n" + fit(body, w, h) + "\n" + helpView(m.help, m.keys, w)
}

func (m *trendsModel) body(w, h int) string {
	st, t := m.c.styles, m.t
	tot := t.Totals
	var b strings.Builder
	line := fmt.Sprintf("%s · %s: %d done, %d dropped, %d open · %s done",
		plural(tot.Retros, "retro"), plural(tot.Agreed, "action"), tot.Done, tot.Dropped, tot.Open, strings.TrimSpace(pct(tot.CompletionRate())))
	if tot.Carried > 0 {
		// a carry-over is a move, not one more action: said apart
		line += fmt.Sprintf(" · %d carried over", tot.Carried)
	}
	if tot.ROTI != nil {
		line += fmt.Sprintf(" · ROTI %.1f", *tot.ROTI)
	}
	b.WriteString(st.Accent.Render(wrap(line, w)) + "\n")
	// sparklines over as many retros as the width holds
	n := max(1, min(len(t.Retros), w-10))
	recent := t.Retros[len(t.Retros)-n:]
	var rates, rotis []*float64
	for _, r := range recent {
		rates = append(rates, r.CompletionRate())
		rotis = append(rotis, r.ROTI)
	}
	b.WriteString(st.Label.Render("done  ") + st.OK.Render(spark(rates, 0, 1)) + "\n")
	b.WriteString(st.Label.Render("ROTI  ") + st.Accent.Render(spark(rotis, 1, 5)) + "\n")
	// one bar per retro, the latest, as many as fit in half the height
	rows := max(1, min(len(t.Retros), (h-4)/2))
	b.WriteString("\n")
	if h >= 16 {
		b.WriteString(st.OK.Render("█") + " done " + st.Error.Render("▒") + " dropped " + st.Accent.Render("▓") + " carried " + st.Subtle.Render("░") + " open\n")
	}
	for _, r := range t.Retros[len(t.Retros)-rows:] {
		label := r.Date.Format("2006-01-02")
		if w >= 60 {
			label += " " + ansi.Truncate(notes.Sanitize(r.Title), 20, "…")
			label += strings.Repeat(" ", max(0, 31-lipgloss.Width(label)))
		}
		tail := " " + pct(r.CompletionRate())
		if r.ROTI != nil {
			tail += fmt.Sprintf(" · ROTI %.1f", *r.ROTI)
		}
		barW := max(4, w-lipgloss.Width(label)-lipgloss.Width(tail)-2)
		b.WriteString(label + " " + bar(st, r, barW) + tail + "\n")
	}
	var rec []string
	for _, r := range t.Recurring {
		who := ""
		if r.Team != "" && m.team == 0 {
			who = notes.Sanitize(r.Team) + ": "
		}
		rec = append(rec, fmt.Sprintf("%s%s %q in %d of the last %d", who, r.Kind, notes.Sanitize(r.Label), len(r.Retros), retro.RecentRetros))
	}
	if len(rec) > 0 {
		b.WriteString("\n" + st.Label.Render("Recurring") + "\n")
		for _, r := range rec {
			b.WriteString(ansi.Truncate("  "+r, w, "…") + "\n")
		}
	}
	if len(t.OldestOpen) > 0 {
		b.WriteString("\n" + st.Label.Render("Oldest open actions") + "\n")
		for _, a := range t.OldestOpen {
			b.WriteString(ansi.Truncate(fmt.Sprintf("  %3dd %s", a.AgeDays, notes.Sanitize(a.Text)), w, "…") + "\n")
		}
	}
	return b.String()
}

// bar draws a retro's actions as a bar: done, dropped, carried, open.
func bar(st Styles, r retro.RetroTrend, w int) string {
	// the note's lines: its actions and the pointers of those carried out
	lines := r.Agreed + r.Carried
	if lines == 0 {
		return st.Subtle.Render(strings.Repeat("·", w))
	}
	cells := func(n int) int { return int(math.Round(float64(n) / float64(lines) * float64(w))) }
	done, dropped, carried := cells(r.Done), cells(r.Dropped), cells(r.Carried)
	open := max(0, w-done-dropped-carried)
	return st.OK.Render(strings.Repeat("█", done)) + st.Error.Render(strings.Repeat("▒", dropped)) +
		st.Accent.Render(strings.Repeat("▓", carried)) + st.Subtle.Render(strings.Repeat("░", open))
}

func pct(v *float64) string {
	if v == nil {
		return "  -"
	}
	return fmt.Sprintf("%3d%%", int(math.Round(*v*100)))
}

// spark draws values between lo and hi as block characters; a missing one
// is a space.
func spark(vals []*float64, lo, hi float64) string {
	blocks := []rune("▁▂▃▄▅▆▇█")
	var b strings.Builder
	for _, v := range vals {
		if v == nil {
			b.WriteRune(' ')
			continue
		}
		i := int(math.Round((*v - lo) / (hi - lo) * float64(len(blocks)-1)))
		b.WriteRune(blocks[max(0, min(i, len(blocks)-1))])
	}
	return b.String()
}
