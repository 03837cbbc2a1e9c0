package tui

import (
	"fmt"
	"strings"
	"sync"
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
func (a *autosave) onTick(w *draftWriter, path string, active bool, data func() []byte) tea.Cmd {
	if !a.dirty || !active {
		return nil
	}
	a.dirty = false
	return w.save(path, data())
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

// draftWriter runs the writes and removals of drafts in the order Update
// asked for them, although each runs in a Cmd of its own: an autosave
// still under way when the retro is saved must not write its draft back
// after the removal (the next start would then offer a retro already
// saved). Each operation takes a number when it is asked for; one that
// runs after a later one on the same draft does nothing.
type draftWriter struct {
	mu    sync.Mutex
	asked map[string]uint64 // the last number given, per draft path
	ran   map[string]uint64 // the number of the last operation run
}

func newDraftWriter() *draftWriter {
	return &draftWriter{asked: map[string]uint64{}, ran: map[string]uint64{}}
}

// op returns a Cmd that runs f in turn; it reports false when a later
// operation on path already ran, and f was skipped.
func (d *draftWriter) op(path string, f func()) func() bool {
	d.mu.Lock()
	d.asked[path]++
	n := d.asked[path]
	d.mu.Unlock()
	return func() bool {
		d.mu.Lock()
		defer d.mu.Unlock()
		if n < d.ran[path] {
			return false
		}
		d.ran[path] = n
		f()
		return true
	}
}

// save writes data as the draft at path.
func (d *draftWriter) save(path string, data []byte) tea.Cmd {
	var err error
	run := d.op(path, func() { err = notes.SaveDraft(path, data) })
	return func() tea.Msg {
		run()
		return draftSavedMsg{err}
	}
}

// remove deletes the draft of work saved or discarded. A draft left
// behind is harmless: the next start offers it again.
func (d *draftWriter) remove(path string) tea.Cmd {
	run := d.op(path, func() { _ = notes.RemoveDraft(path) })
	return func() tea.Msg {
		run()
		return nil
	}
}
