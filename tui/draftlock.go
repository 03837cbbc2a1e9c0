package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/internal/lockfile"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// One draft per notes dir, locked while a session runs (issue 14): a
// second process on the same notes dir is told who holds it and may view
// it read-only or start a separate draft; it can never discard it.

// Keys of the busy prompt.
var (
	busyLook = key.NewBinding(key.WithKeys("v"), key.WithHelp("v", "view it, read-only"))
	busyNew  = key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "start a separate one"))
	busyQuit = key.NewBinding(key.WithKeys("q", "esc", "ctrl+c"), key.WithHelp("q", "quit"))
)

// busyView is the prompt shown when another process holds the draft.
func busyView(st Styles, w int, what string, c *notes.DraftClaim) string {
	holder := "another process"
	if c != nil && c.Busy != nil {
		holder = c.Busy.Holder.String()
	}
	body := "A " + what + " on this notes dir is in progress in " + holder + ". Its draft is kept as it is.\n\n" +
		"v view it, read-only · n start a separate " + what + " (its own draft) · q quit"
	return dialog(st, w, "This "+what+" is open elsewhere", body)
}

// brokenDraftNote says where an unreadable draft was moved and what to do.
func brokenDraftNote(c *notes.DraftClaim) string {
	return "Your earlier draft could not be read; it is kept at " + c.Broken + ": open it in an editor or delete it."
}

// releaseCmd drops a draft's lock once its last write is done.
func releaseCmd(c *notes.DraftClaim) tea.Cmd {
	if c == nil {
		return nil
	}
	return func() tea.Msg {
		c.Release()
		return nil
	}
}

// kataDraftsDir holds the kata drafts: those of the notes dir kata notes
// go to (the personal one unless --dir), like the retro's.
func (c *common) kataDraftsDir() string {
	if c.kataNotesDir() == c.notesDir || c.allDrafts == "" {
		return c.draftsDir
	}
	return notes.DraftDir(c.allDrafts, c.kataNotesDir())
}

// writesDraft is false while the retro only shows, or waits to know what
// to do with, a draft another process holds.
func (m *retroModel) writesDraft() bool { return !m.readOnly && m.mode != modeBusy }

func (m *retroModel) busyKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, busyLook):
		d, ok, err := retro.LoadDraft(m.opt.Claim.BusyPath)
		switch {
		case err != nil:
			m.flash(err.Error(), true)
		case !ok:
			m.flash("Nothing is saved in that retro yet.", false)
		default:
			m.s, m.readOnly, m.mode = d.Session, true, modeBrowse
			m.flash("Read-only: this retro is open in "+m.opt.Claim.Busy.Holder.String()+". q leaves it.", false)
			if m.s.Phase == retro.PhaseClose {
				return m.renderPreview()
			}
		}
	case key.Matches(msg, busyNew):
		m.mode = modeBrowse
		m.takeInbox()
		m.startEdit(0)
		m.flash("A separate retro starts, with its own draft.", false)
	case key.Matches(msg, busyQuit):
		m.discard = true
		return done("The retro in progress elsewhere is kept as it is.")
	default:
		m.flash("That retro is in use: v views it, n starts a separate one, q quits.", false)
	}
	return nil
}

// readOnlyKey lets the user look through a retro another process holds:
// phases, selection, help, scrolling; nothing changes it.
func (m *retroModel) readOnlyKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit, k.Back, k.Interrupt):
		m.discard = true
		return done("Left the read-only view; that retro goes on elsewhere.")
	case key.Matches(msg, k.Next):
		return m.gotoPhase(m.s.Phase + 1)
	case key.Matches(msg, k.Prev):
		return m.gotoPhase(m.s.Phase - 1)
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
	case key.Matches(msg, k.Up, k.Down, k.ScrollUp, k.ScrollDown):
		return m.phaseKey(msg)
	default:
		m.flash("Read-only: this retro is open in "+m.opt.Claim.Busy.Holder.String()+". q leaves it.", false)
	}
	return nil
}

func (m *kataModel) busyKey(msg tea.KeyPressMsg) tea.Cmd {
	switch {
	case key.Matches(msg, busyLook):
		d, ok, err := kata.LoadDraft(m.opt.Claim.BusyPath)
		switch {
		case err != nil:
			m.flash(err.Error(), true)
		case !ok:
			m.flash("Nothing is saved in that kata yet.", false)
		default:
			m.roText = m.readOnlyText(d)
			m.flash("Read-only: this kata is open in "+m.opt.Claim.Busy.Holder.String()+". n starts a separate one, q quits.", false)
		}
	case key.Matches(msg, busyNew):
		m.begin()
		m.flash("A separate kata starts, with its own draft.", false)
	case key.Matches(msg, busyQuit):
		m.discard = true
		return done("The kata in progress elsewhere is kept as it is.")
	default:
		m.flash("That kata is in use: v views it, n starts a separate one, q quits.", false)
	}
	return nil
}

// peekDraft finds, for the home screen, the draft of kind to offer: the
// first one on disk no other process holds, loaded; else the holder of a
// busy one. An unreadable draft is moved aside (it shows in keptDrafts),
// never offered to be overwritten.
func peekDraft[D any](dir, kind string, now time.Time, load func(string) (D, bool, error)) (*D, *lockfile.Holder) {
	var busy *lockfile.Holder
	for _, p := range notes.Drafts(dir, kind) {
		if h, held := lockfile.Held(notes.LockPath(p)); held && h.PID != os.Getpid() {
			if busy == nil {
				busy = &h
			}
			continue
		}
		d, ok, err := load(p)
		if err != nil {
			_, _ = notes.MoveAside(p, now)
			continue
		}
		if ok {
			return &d, nil
		}
	}
	return nil, busy
}

// keptDraft is a draft the app will not use, and why.
type keptDraft struct {
	path   string
	legacy bool // from an older version: not tied to a notes dir
}

func keptDrafts(dir, allDrafts string) []keptDraft {
	var out []keptDraft
	for _, p := range notes.BrokenDrafts(dir) {
		out = append(out, keptDraft{path: p})
	}
	for _, p := range notes.LegacyDrafts(allDrafts) {
		out = append(out, keptDraft{path: p, legacy: true})
	}
	return out
}

// keptDraftsView tells, under the home menu, where the drafts that could
// not be used are and what to do with them: the path is wrapped, never cut.
// A compact screen shows the file's name only, on one line.
func keptDraftsView(st Styles, w int, kept []keptDraft, homeDir string, compact bool) []string {
	if len(kept) == 0 {
		return nil
	}
	k := kept[0]
	var lines []string
	add := func(s string, hard bool) {
		wrapped := ansi.Wrap(s, w, "")
		if hard {
			wrapped = ansi.Hardwrap(s, w, false)
		}
		for _, l := range strings.Split(wrapped, "\n") {
			lines = append(lines, st.Warn.Render(l))
		}
	}
	if compact { // one line; a taller terminal shows the whole path
		return []string{st.Warn.Render(ansi.Truncate("Draft kept: "+notes.Sanitize(filepath.Base(k.path)), w, "…"))}
	}
	why := "A draft could not be read; it is kept at"
	if k.legacy {
		why = "A draft from an older version (not tied to a notes dir) is kept at"
	}
	if len(kept) > 1 {
		why = fmt.Sprintf("%d drafts cannot be used; the first is at", len(kept))
	}
	add(why, false)
	add(notes.Sanitize(displayPath(k.path, homeDir)), true)
	add("Open it in an editor, or delete it.", false)
	return lines
}

// readOnlyText is what another process's kata draft holds so far: the
// answers typed, the reflection, the prediction made; nothing can change it.
func (m *kataModel) readOnlyText(d kata.Draft) string {
	s := d.Session
	title := s.Kata
	if k, ok := m.c.lib.Kata(s.Kata); ok {
		title = k.Title
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s · saved %s\n", title, d.Saved.Local().Format("Mon 2 Jan 15:04"))
	for i, a := range s.Answers {
		if strings.TrimSpace(a) != "" {
			fmt.Fprintf(&b, "\nStage %d: %s\n", i+1, a)
		}
	}
	for i, p := range s.Predictions {
		if strings.TrimSpace(p) != "" {
			fmt.Fprintf(&b, "\nPrediction after stage %d: %s\n", i+1, p)
		}
	}
	if strings.TrimSpace(s.Reflection) != "" {
		fmt.Fprintf(&b, "\nWhat I would learn: %s\n", s.Reflection)
	}
	return notes.Sanitize(b.String())
}
