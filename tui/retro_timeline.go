package tui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/internal/git"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// timelineMsg brings the git timeline shown while gathering problems.
type timelineMsg struct {
	events  []retro.Event
	dropped int    // older events left out
	from    string // what the timeline starts from, for its header
	err     error
	noRepo  bool
}

// timeline is the state of the git timeline panel of the Problems phase.
type timeline struct {
	loading, loaded bool
	shown           bool // the panel replaces the list of problems
	msg             timelineMsg
	sel             int
	used            map[int]bool // events already turned into problem cards
}

// SinceDate reads the --since of a retro as a date (YYYY-MM-DD); ok is
// false for anything else, which is then a git revision.
func SinceDate(s string) (time.Time, bool) {
	d, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(s), time.Local)
	return d, err == nil
}

// loadTimeline reads the history of the repository holding the notes
// (through internal/git: its work tree, a timeout) since the team's last
// retro, or since opt.Since.
func (m *retroModel) loadTimeline() tea.Cmd {
	if m.tk.tl.loading || m.tk.tl.loaded {
		return nil
	}
	m.tk.tl.loading = true
	gitDir := m.c.location.GitDir()
	if gitDir == "" {
		gitDir = m.c.notesDir
	}
	since, now := strings.TrimSpace(m.opt.Since), m.c.now()
	var after time.Time
	from := ""
	rev := ""
	switch d, isDate := SinceDate(since); {
	case since == "":
		var last time.Time
		for i := range m.entries {
			e := &m.entries[i]
			if !e.Broken() && e.Meta.Type == notes.TypeRetro && retro.SameTeam(e.Meta.Team, m.s.Team) && e.Meta.Date.After(last) {
				last = e.Meta.Date
			}
		}
		after = retro.TimelineSince(last, now)
		from = "since " + after.Format("2006-01-02")
		if !last.IsZero() && after.Equal(last) {
			from = "since the last retro (" + after.Format("2006-01-02") + ")"
		}
	case isDate:
		after, from = d, "since "+d.Format("2006-01-02")
	default:
		rev, from = since, "since "+since
	}
	ctx := m.context() // ends with the program: git never outlives it
	return func() tea.Msg {
		top, err := git.Toplevel(ctx, gitDir)
		if err != nil {
			return timelineMsg{from: from, err: err, noRepo: errors.Is(err, git.ErrNotWorkTree) || errors.Is(err, git.ErrNotInstalled)}
		}
		log, err := git.Log(ctx, top, rev, after, retro.TimelineMaxCommits)
		if err != nil {
			return timelineMsg{from: from, err: err}
		}
		commits := make([]retro.Commit, len(log))
		for i, e := range log {
			commits[i] = retro.Commit(e)
		}
		ev, dropped := retro.Timeline(commits, retro.TimelineMaxEvents)
		return timelineMsg{events: ev, dropped: dropped, from: from}
	}
}

func (m *retroModel) onTimeline(msg timelineMsg) {
	m.tk.tl.loading, m.tk.tl.loaded, m.tk.tl.msg = false, true, msg
	m.tk.tl.sel = max(0, len(msg.events)-1) // newest last: start on the newest
}

// timelineKey handles a key while the timeline panel is shown; ok is false
// for keys it leaves to the phase.
func (m *retroModel) timelineKey(msg tea.KeyPressMsg) (tea.Cmd, bool) {
	k := m.keys
	ev := m.tk.tl.msg.events
	switch {
	case key.Matches(msg, k.Timeline), key.Matches(msg, k.Back):
		m.tk.tl.shown = false
	case key.Matches(msg, k.Up):
		m.tk.tl.sel = max(0, m.tk.tl.sel-1)
	case key.Matches(msg, k.Down):
		m.tk.tl.sel = min(len(ev)-1, m.tk.tl.sel+1)
	case key.Matches(msg, k.ToCard) && m.tk.tl.sel >= 0 && m.tk.tl.sel < len(ev):
		e := ev[m.tk.tl.sel]
		i := m.s.AddProblem()
		m.s.Problems[i].Title = e.Card()
		m.s.Problems[i].What = e.Line()
		m.sel[retro.PhaseProblems] = i
		if m.tk.tl.used == nil {
			m.tk.tl.used = map[int]bool{}
		}
		m.tk.tl.used[m.tk.tl.sel] = true
		m.dirty = true
		m.flash(fmt.Sprintf("Problem %d added from the timeline.", i+1), false)
	default:
		return nil, false
	}
	return nil, true
}

func (m *retroModel) timelineView(w int) string {
	st := m.c.styles
	t := m.tk.tl
	var b strings.Builder
	switch {
	case !t.loaded:
		return wrap("Reading the git history…", w)
	case t.msg.noRepo:
		return wrap("No git timeline: the notes are not in a git repository.\nt goes back to the problems.", w)
	case t.msg.err != nil:
		return st.Error.Render(wrap("No git timeline: "+t.msg.err.Error(), w)) + "\n" + wrap("t goes back to the problems.", w)
	}
	head := fmt.Sprintf("Git timeline %s: %s", t.msg.from, plural(len(t.msg.events), "event"))
	if t.msg.dropped > 0 {
		head += fmt.Sprintf(" (%d older left out)", t.msg.dropped)
	}
	b.WriteString(st.Accent.Render(wrap(head, w)) + "\n")
	if len(t.msg.events) == 0 {
		b.WriteString(wrap("No merges, tags, reverts, hotfixes, rollbacks or incidents in that time.", w))
		return b.String()
	}
	h := max(1, m.bodyHeight()-1)
	start := firstShown(t.sel, len(t.msg.events), h)
	var lines []string
	for i := start; i < len(t.msg.events) && i < start+h; i++ {
		tag := ""
		if t.used[i] {
			tag = st.OK.Render("✓ card")
		}
		lines = append(lines, m.item(w, i == t.sel, t.msg.events[i].Line(), tag))
	}
	b.WriteString(strings.Join(lines, "\n"))
	return b.String()
}

// retroExtras is the retro screen's state for the facilitator's toolkit,
// kept in one field so the screen's own state stays apart.
type retroExtras struct {
	tl    timeline     // the git timeline of the Problems phase
	state toolkitState // check-in, activity picker, editors, timer
}
