package tui

import (
	"fmt"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/notes"
)

// tickEvery is how often the clock and the autosave run: text typed is at
// most this far behind on disk.
const tickEvery = 500 * time.Millisecond

// Messages of the autosave.
type (
	// tickMsg drives the clock and the autosave.
	tickMsg time.Time
	// draftSavedMsg reports an autosave.
	draftSavedMsg struct{ err error }
)

func tick() tea.Cmd {
	return tea.Tick(tickEvery, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// autosave is what the retro wizard and the kata player share to keep
// work in progress: the status line, and whether the session changed
// since its last draft.
type autosave struct {
	status string
	isErr  bool
	dirty  bool
}

func (a *autosave) flash(s string, isErr bool) { a.status, a.isErr = s, isErr }

// onTick writes the draft, in a Cmd, when the session changed and may be
// kept (active); data encodes it now, in Update, so the write never races
// with typing.
func (a *autosave) onTick(path string, active bool, data func() []byte) tea.Cmd {
	if !a.dirty || !active {
		return nil
	}
	a.dirty = false
	return saveDraftCmd(path, data())
}

// onSaved reports an autosave: a failure stays on the status line and is
// tried again at the next tick.
func (a *autosave) onSaved(err error) {
	if err != nil {
		a.flash("Draft not saved: "+err.Error(), true)
		a.dirty = true
	} else if a.isErr && strings.HasPrefix(a.status, "Draft not saved") {
		a.flash("Draft saved again.", false)
	}
}

// notSaved says a note could not be saved, and only what is true about
// where the work is: "safe in the draft" only when the draft written in
// its place a moment ago is on disk. (On a full disk both fail: the draft
// is then tried again at every tick.) who is "Your retro is".
func (a *autosave) notSaved(err, draftErr error, who string) {
	if draftErr != nil {
		a.flash(fmt.Sprintf("Not saved: %v. The draft could not be written either (%v): %s only in memory; free some space and press s again before quitting.", err, draftErr, strings.ToLower(who[:1])+who[1:]), true)
		a.dirty = true
		return
	}
	a.flash(fmt.Sprintf("Not saved: %v. %s safe in the draft; fix the problem and press s again.", err, who), true)
}

func saveDraftCmd(path string, data []byte) tea.Cmd {
	return func() tea.Msg { return draftSavedMsg{notes.SaveDraft(path, data)} }
}

// removeDraftCmd deletes the draft of work saved or discarded. A draft
// left behind is harmless: the next start offers it again.
func removeDraftCmd(path string) tea.Cmd {
	return func() tea.Msg {
		_ = notes.RemoveDraft(path)
		return nil
	}
}
