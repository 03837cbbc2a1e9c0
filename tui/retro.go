package tui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// RetroOptions is what `retrokata retro` passes to the wizard.
type RetroOptions struct {
	Team, Title, Facilitator string
	Template                 string // case id shown as a worked example
	Dots                     int
	Commit                   bool
	Draft                    *retro.Draft      // a draft found on disk, or nil
	Resume                   bool              // resume the draft without asking
	Inbox                    []notes.InboxCard // cards added before the meeting
	Since                    string            // where the git timeline starts: a revision or YYYY-MM-DD; "" for the last retro
	Room                     *RoomInfo         // a live room (retro --serve), nil for a solo retro
	// Claim is the draft this retro writes, locked while it runs (see
	// notes.ClaimDraft); nil writes the drafts dir's retro.json unlocked.
	Claim *notes.DraftClaim
}

// RetroResult says how the wizard ended.
type RetroResult struct {
	Saved     string // path of the saved note, or ""
	Committed bool
	CommitErr error
	DraftKept string // path of the draft kept for later, or ""
	DraftErr  error  // the draft could not be written on exit
	InboxErr  error  // used inbox cards left behind
	// Updated are the earlier notes the decisions about their actions
	// were written back to; NotUpdated says, per file and line, which
	// decisions could not be (they stay recorded in the new note).
	Updated    []string
	NotUpdated []error
}

// editing is which field of which item is being typed into.
type retroMode int

const (
	modeBrowse retroMode = iota
	modeEdit
	modeAskResume
	modeBusy // the notes dir's retro draft is held by another process
	modeConfirmQuit
	modeConfirmDelete
)

// Messages of the retro wizard.
type (
	// entriesMsg brings the notes list used for previous actions.
	entriesMsg struct {
		entries []notes.Entry
		err     error
	}
	// retroSavedMsg reports that the note was written.
	retroSavedMsg struct {
		path     string
		err      error
		draftErr error // the note failed, then the draft written in its place too
		inboxErr error // the used inbox cards could not all be removed
		back     retro.WriteBackResult
	}
	// committedMsg reports the git commit of the note.
	committedMsg struct{ err error }
	// previewMsg carries the rendered preview of the note, for the
	// version of the request: a render for an older size is dropped.
	previewMsg struct {
		version int
		text    string
	}
)

type retroModel struct {
	autosave
	tk        retroExtras // the facilitator's toolkit: timeline, check-in, activities, timer
	c         *common
	opt       RetroOptions
	draftPath string
	s         *retro.Session
	keys      retroKeys
	help      help.Model
	mode      retroMode
	prev      retroMode            // mode to go back to after a confirmation
	sel       [retro.NumPhases]int // selected item per phase
	field     int                  // focused field in edit mode
	inputs    []textinput.Model
	areas     []textarea.Model
	entered   time.Time // when the current phase was entered
	example   bool      // the worked example is shown
	tipCur    int       // tip cursor in Discuss (1..7)
	tipText   bool      // the cursor tip's text is shown
	// leaveWarned: tab on the last problem in Discuss said some are not
	// discussed; the next tab leaves.
	leaveWarned bool
	// preview is the note as it will be saved, rendered, scrolled in the
	// close phase; previewReady once a render has arrived.
	preview      viewport.Model
	previewReady bool
	// previewVersion counts the renders asked for; only the last is shown.
	previewVersion int
	saving         bool
	result         RetroResult
	discard        bool // the user discarded the draft
	// discardAsked: d on the resume prompt asks before the draft goes.
	discardAsked bool
	entries      []notes.Entry
	// now is the time views show, set in update (a tick, a phase change):
	// views never read the clock.
	now time.Time
	// stopCommit cancels a git commit under way (Ctrl+C).
	stopCommit context.CancelFunc
	room       *roomState // nil for a solo retro
	// readOnly shows the draft another process holds: nothing is saved.
	readOnly bool
	// prefill are the participants taken from the team's last retro: a
	// session holding only them is blank and keeps no draft.
	prefill []string
}

func newRetroModel(c *common, opt RetroOptions) *retroModel {
	if opt.Dots < 1 {
		opt.Dots = retro.DefaultDots
	}
	m := &retroModel{c: c, opt: opt, draftPath: retro.DraftPath(c.draftsDir), keys: newRetroKeys(), help: help.New(), tipCur: 1, preview: viewport.New(),
		room: newRoomState(opt.Room)}
	if opt.Claim != nil {
		m.draftPath = opt.Claim.Path
	}
	m.restyle()
	m.s = retro.New(c.now(), opt.Team, opt.Title, opt.Facilitator, opt.Dots)
	m.s.Template = opt.Template
	m.entered = c.now()
	m.now = m.entered
	switch {
	case opt.Claim != nil && opt.Claim.Busy != nil && opt.Draft == nil:
		m.mode = modeBusy
	case opt.Draft != nil && opt.Resume:
		m.resume()
	case opt.Draft != nil:
		m.mode = modeAskResume
	default:
		m.takeInbox()
		m.startEdit(0)
	}
	m.roomStart()
	if opt.Claim != nil && opt.Claim.Broken != "" {
		m.flash(brokenDraftNote(opt.Claim), true)
	}
	return m
}

func (m *retroModel) resume() {
	m.s = m.opt.Draft.Session
	m.mode = modeBrowse
	m.entered = m.c.now()
	m.flash("Resumed the retro saved "+m.opt.Draft.Saved.Local().Format("Mon 2 Jan 15:04")+".", false)
	m.takeInbox()
	m.roomStart()
	if m.s.Phase == retro.PhaseStage {
		m.startEdit(0)
	}
}

func (m *retroModel) Init() tea.Cmd {
	return tea.Batch(m.c.tick(), loadEntries(m.c.notesIndex(), m.c.notesDir), m.roomInit())
}

// loadEntries lists the notes dir for the previous actions, through the
// same index as `retrokata list`.
func loadEntries(x notes.Lister, dir string) tea.Cmd {
	return func() tea.Msg {
		l, err := x.List(dir, notes.Filter{Type: notes.TypeRetro})
		return entriesMsg{l, err}
	}
}

// draftData is the current session as a draft; encoding happens here, in
// Update, so the write in a Cmd never races with typing.
func (m *retroModel) draftData() []byte {
	m.s.AddTime(0)
	m.roomDraft()
	data, err := retro.EncodeDraft(m.s, m.c.now())
	if err != nil {
		return nil
	}
	return data
}

// restyle follows the styles in common, after the terminal said its background.
func (m *retroModel) restyle() { m.help.Styles = m.c.styles.Help }

// blank reports whether nothing was typed or decided: closing such a
// retro keeps no draft, so home offers no empty Resume.
func (m *retroModel) blank() bool { return m.s.Blank(m.opt.Team, m.prefill) && !m.roomHolds() }

// closeBlank ends a blank retro, removing any draft an autosave wrote.
func (m *retroModel) closeBlank() tea.Cmd {
	m.discard = true
	return tea.Sequence(m.c.drafts.remove(m.draftPath), done("Retro closed: nothing was typed, so no draft is kept."))
}

// keepsDraft: the autosave writes the session to the draft.
func (m *retroModel) keepsDraft() bool {
	return !m.discard && !m.saving && m.mode != modeAskResume && m.writesDraft()
}

// unsaved is the retro's draft, unless it was saved or discarded.
func (m *retroModel) unsaved() (string, []byte) {
	if m.result.Saved != "" || m.discard || !m.writesDraft() || m.blank() {
		return "", nil
	}
	return m.draftPath, m.draftData()
}

// finish ends the wizard, saying how on the home screen.
func (m *retroModel) finish() tea.Cmd {
	r := m.result
	back := writeBackSummary(r)
	switch {
	case r.Saved != "" && r.CommitErr != nil:
		return done(fmt.Sprintf("Saved %s; the git commit failed: %v", r.Saved, r.CommitErr) + back)
	case r.Saved != "" && r.Committed:
		return done("Saved and committed " + r.Saved + back)
	case r.Saved != "":
		return done("Saved " + r.Saved + back)
	case m.discard && r.DraftKept == "":
		return done("Retro discarded.")
	}
	return done("Your retro is kept as a draft: choose Resume to go on.")
}

func (m *retroModel) update(msg tea.Msg) tea.Cmd {
	defer m.sizePreview() // the size, or the help, may have changed
	if m.room != nil {
		defer m.roomPublish()
		if cmd, ok := m.roomUpdate(msg); ok {
			return cmd
		}
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.layoutInputs()
		if m.s.Phase == retro.PhaseClose {
			return m.renderPreview()
		}
		return nil
	case tickMsg:
		m.now = m.c.now()
		save := m.onTick(m.c.drafts, m.draftPath, m.keepsDraft() && !m.blank(), m.draftData)
		if m.dirty && m.keepsDraft() && m.blank() {
			// emptied again: an earlier autosave must not come back as Resume
			m.dirty, save = false, m.c.drafts.remove(m.draftPath)
		}
		return tea.Batch(m.c.tick(), m.toolkitTick(), save)
	case draftSavedMsg:
		m.onSaved(msg.err)
		return nil
	case entriesMsg:
		if msg.err != nil {
			m.flash("Cannot read previous retros: "+msg.err.Error(), true)
		}
		m.entries = msg.entries
		m.s.LoadPrevious(m.entries)
		m.prefillParticipants()
		return nil
	case previewMsg:
		if msg.version == m.previewVersion {
			m.preview.SetContent(cutLines(strings.Trim(msg.text, "\n"), max(1, m.c.width)))
			m.previewReady = true
		}
		return nil
	case timelineMsg:
		m.onTimeline(msg)
		return nil
	case retroSavedMsg:
		m.saving = false
		if msg.err != nil {
			m.notSaved(msg.err, msg.draftErr, "Your retro is")
			return nil
		}
		m.result.Saved, m.result.InboxErr = msg.path, msg.inboxErr
		m.result.Updated, m.result.NotUpdated = msg.back.Updated, msg.back.Failed
		m.discard = true
		next := m.finish()
		if m.opt.Commit {
			next = m.commitCmd(msg.path, m.s.DisplayTitle(), msg.back.Updated, m.s.InboxPaths(m.c.notesDir)...)
		}
		return tea.Sequence(m.c.drafts.remove(m.draftPath), next)
	case committedMsg:
		m.stopCommit = nil
		m.result.Committed, m.result.CommitErr = msg.err == nil, msg.err
		return m.finish()
	case tea.PasteMsg:
		if m.mode == modeEdit {
			return m.updateInput(msg)
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	if m.mode == modeEdit {
		return m.updateInput(msg)
	}
	return nil
}

func (m *retroModel) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	if m.stopCommit != nil {
		if key.Matches(msg, k.Interrupt) {
			m.stopCommit()
			m.flash("Stopping the git commit…", false)
		}
		return nil
	}
	if m.readOnly {
		return m.readOnlyKey(msg)
	}
	switch m.mode {
	case modeBusy:
		return m.busyKey(msg)
	case modeAskResume:
		confirmed := false
		if m.discardAsked {
			m.discardAsked = false
			if !key.Matches(msg, k.Yes) {
				m.flash("The draft is kept.", false)
				return nil
			}
			confirmed = true
		} else if key.Matches(msg, k.DiscardDraft) {
			m.discardAsked = true
			return nil
		}
		switch {
		case key.Matches(msg, k.Resume):
			m.resume()
		case confirmed:
			m.opt.Draft = nil
			m.mode = modeBrowse
			m.flash("Draft discarded. A new retro starts.", false)
			m.takeInbox()
			m.roomStart()
			m.startEdit(0)
			return m.c.drafts.remove(m.draftPath)
		case key.Matches(msg, k.Quit, k.Back):
			m.discard = true // the draft on disk stays as it is
			m.result.DraftKept = m.draftPath
			return m.finish()
		}
		return nil
	case modeConfirmQuit:
		switch {
		case key.Matches(msg, k.Yes, k.Interrupt):
			m.result.DraftKept = m.draftPath
			// the draft is written now: on the home screen the program goes on
			return tea.Sequence(m.c.drafts.save(m.draftPath, m.draftData()), m.finish())
		case key.Matches(msg, k.Discard):
			m.discard = true
			return tea.Sequence(m.c.drafts.remove(m.draftPath), m.finish())
		case key.Matches(msg, k.No):
			m.mode = m.prev
		}
		return nil
	case modeConfirmDelete:
		if key.Matches(msg, k.Interrupt) {
			m.prev, m.mode = modeBrowse, modeConfirmQuit
			return nil
		}
		if key.Matches(msg, k.ConfirmDelete) {
			switch m.s.Phase {
			case retro.PhaseProblems:
				m.s.DeleteProblem(m.sel[m.s.Phase])
			case retro.PhaseActions:
				m.s.DeleteAction(m.sel[m.s.Phase])
			}
			m.dirty = true
			m.clampSel()
			m.flash("Deleted.", false)
		}
		m.mode = modeBrowse
		return nil
	}
	if key.Matches(msg, k.Interrupt) {
		if m.blank() && m.writesDraft() {
			return m.closeBlank()
		}
		m.prev, m.mode = m.mode, modeConfirmQuit
		return nil
	}
	if m.mode == modeEdit {
		switch {
		case key.Matches(msg, k.Done):
			return m.stopEdit()
		case key.Matches(msg, k.NextField):
			m.focus(m.field + 1)
			return nil
		case key.Matches(msg, k.PrevField):
			m.focus(m.field - 1)
			return nil
		case key.Matches(msg, k.EnterNext) && m.field < len(m.inputs):
			if m.field == len(m.inputs)+len(m.areas)-1 {
				return m.stopEdit()
			}
			m.focus(m.field + 1)
			return nil
		}
		return m.updateInput(msg)
	}
	// browse mode
	warned := m.leaveWarned
	m.leaveWarned = false
	switch {
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		return nil
	case key.Matches(msg, k.Quit):
		if m.blank() && m.writesDraft() {
			return m.closeBlank()
		}
		m.prev, m.mode = m.mode, modeConfirmQuit
		return nil
	case key.Matches(msg, k.Next) && m.s.Phase == retro.PhaseDiscuss:
		return m.discussNext(warned)
	case key.Matches(msg, k.Next):
		return m.gotoPhase(m.s.Phase + 1)
	case key.Matches(msg, k.Prev):
		return m.gotoPhase(m.s.Phase - 1)
	}
	return m.phaseKey(msg)
}
