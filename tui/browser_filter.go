package tui

import (
	"sort"
	"strings"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/notes"
)

func readBodies(st notes.Store, list []notes.Entry) tea.Cmd {
	paths := make([]string, len(list))
	for i, e := range list {
		paths[i] = e.Path
	}
	return func() tea.Msg {
		out := make(map[string]string, len(paths))
		for _, p := range paths {
			data, err := st.Read(p)
			if err == nil {
				data = data[:min(len(data), previewLimit)]
				out[p] = strings.ToLower(string(data))
			}
		}
		return bodiesMsg(out)
	}
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
		m.pv.GotoTop()
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
	m.sel = 0
	m.pv.GotoTop()
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
