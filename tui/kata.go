package tui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
)

// KataOptions is what a practice varies by; the rest is in Env.
type KataOptions struct {
	ID     string        // start this kata, skipping the picker
	Timed  time.Duration // time allowed to answer; 0 for none
	Draft  *kata.Draft   // a draft found on disk, or nil
	Resume bool          // resume the draft without asking
	// Claim is the draft this kata writes, locked while it runs (see
	// notes.ClaimDraft); nil writes the drafts dir's kata.json unlocked.
	Claim *notes.DraftClaim
	// Seen is, per kata, the variants of past attempts in date order
	// (kata.VariantsSeen), so a new attempt plays the least recent one.
	// The picker reads it with the board; nil until then.
	Seen map[string][]int
}

// KataResult says how the player ended.
type KataResult struct {
	Saved       string        // path of the saved note, or ""
	Progress    kata.Progress // the kata's progress with this attempt, when saved
	ProgressErr error         // the notes could not be read back for the progress
	DraftKept   string        // path of the draft kept for later, or ""
	DraftErr    error         // the draft could not be written on exit
}

type kataMode int

const (
	kataPick kataMode = iota
	kataPlay
	kataAskResume
	kataConfirmQuit
	kataBusy // the notes dir's kata draft is held by another process
)

// Messages of the kata player.
type (
	// boardMsg brings every kata's progress, read from the kata notes.
	boardMsg struct {
		board []kata.Progress
		seen  map[string][]int
		err   error
	}
	// kataSavedMsg reports the note written and the kata's new progress.
	kataSavedMsg struct {
		path     string
		prog     kata.Progress
		progErr  error
		err      error
		draftErr error // the note failed, then the draft written in its place too
	}
)

type kataModel struct {
	autosave
	c         *common
	opt       KataOptions
	draftPath string
	keys      kataKeys
	help      help.Model
	mode      kataMode
	prev      kataMode

	// picker
	filter  textinput.Model
	board   []kata.Progress // nil until read
	pickSel int

	// playing
	k    content.Kata
	s    *kata.Session
	area textarea.Model
	last time.Time // when the clock was last read
	// page scrolls the text of the step: the situation above the answer
	// box, the reference, the score; pageText is what it holds.
	page     viewport.Model
	pageText string
	sel      int // key point cursor

	// looking: the "look at" panel is open over a step: the stage's items
	// on request and the kata's sources; lookSel is the cursor, lookShown
	// the item shown (-1: the list).
	looking   bool
	lookSel   int
	lookShown int

	// now is the time views show (due katas, next practice), set in
	// update: views never read the clock.
	now time.Time

	saving  bool
	discard bool
	// discardAsked: d on the resume prompt asks before the draft goes.
	discardAsked bool
	roText       string // another process's draft, shown read-only (kataBusy)
	result       KataResult
}

func newKataModel(c *common, opt KataOptions) *kataModel {
	m := &kataModel{c: c, opt: opt, draftPath: kata.DraftPath(c.kataDraftsDir()), keys: newKataKeys(), help: help.New(), page: viewport.New()}
	m.now = c.now()
	if opt.Claim != nil {
		m.draftPath = opt.Claim.Path
	}
	m.restyle()
	m.filter = c.newTextInput()
	m.filter.Prompt = "Filter: "
	m.filter.Placeholder = "type a title, tag or difficulty"
	m.filter.CharLimit = 80
	m.filter.Focus()
	m.area = newArea(c, "", "")
	switch {
	case opt.Claim != nil && opt.Claim.Busy != nil && opt.Draft == nil:
		m.mode = kataBusy
	case opt.Draft != nil && opt.Resume:
		m.resume()
	case opt.Draft != nil:
		m.mode = kataAskResume
	default:
		m.begin()
	}
	if opt.Claim != nil && opt.Claim.Broken != "" {
		m.flash(brokenDraftNote(opt.Claim), true)
	}
	return m
}

// begin opens the kata asked for on the command line, or the picker.
func (m *kataModel) begin() {
	if k, ok := m.c.lib.Kata(m.opt.ID); ok && m.opt.ID != "" {
		m.start(k)
		return
	}
	m.mode = kataPick
}

func (m *kataModel) resume() {
	d := m.opt.Draft
	k, ok := m.c.lib.Kata(d.Session.Kata)
	if !ok {
		m.opt.Draft = nil
		m.flash(fmt.Sprintf("The kata in progress (%s) is no longer in the library.", d.Session.Kata), true)
		m.mode = kataPick
		return
	}
	m.s = d.Session
	m.s.Fit(k)
	m.k = k.WithVariant(m.s.Variant)
	m.mode = kataPlay
	m.last = m.c.now()
	m.enterStep()
	m.flash("Resumed the kata saved "+d.Saved.Local().Format("Mon 2 Jan 15:04")+".", false)
}

func (m *kataModel) start(k content.Kata) {
	m.s = kata.NewSession(k, m.c.now(), m.opt.Timed)
	m.s.Variant = kata.PickVariant(len(k.Variants), m.opt.Seen[k.ID])
	m.k = k.WithVariant(m.s.Variant)
	if len(k.Variants) > 1 {
		m.flash(fmt.Sprintf("Variant %d of %d: the details differ from one attempt to the next.", m.s.Variant+1, len(k.Variants)), false)
	}
	m.mode = kataPlay
	m.last = m.c.now()
	m.dirty = true
	m.status = ""
	m.enterStep()
}

// katasIndex lists kata notes: their actions are not needed.
func (m *kataModel) katasIndex() notes.Lister {
	x := m.c.index
	x.SkipActions = true
	return x
}

func (m *kataModel) Init() tea.Cmd {
	return tea.Batch(m.c.tick(), loadBoard(m.katasIndex(), m.c.kataNotesDir(), m.c.lib, m.c.now()))
}

// restyle follows the styles in common, after the terminal said its background.
func (m *kataModel) restyle() { m.help.Styles = m.c.styles.Help }

// unsaved is the kata's draft while one is being practised.
func (m *kataModel) unsaved() (string, []byte) {
	if m.s == nil || m.result.Saved != "" || m.discard || m.mode == kataAskResume || m.mode == kataPick || m.mode == kataBusy {
		return "", nil
	}
	return m.draftPath, m.draftData()
}

// draftData reads the clock and encodes the session, in Update.
func (m *kataModel) draftData() []byte {
	m.readClock()
	data, err := kata.EncodeDraft(m.s, m.c.now())
	if err != nil {
		return nil
	}
	return data
}

func (m *kataModel) readClock() {
	if m.s == nil {
		return
	}
	now := m.c.now()
	m.now = now
	if !m.last.IsZero() {
		m.s.AddTime(now.Sub(m.last))
	}
	m.last = now
}

func (m *kataModel) update(msg tea.Msg) tea.Cmd {
	defer m.syncPage() // the size, the step or the answers may have changed
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.c.width, m.c.height = msg.Width, msg.Height
		m.filter.SetWidth(max(4, m.c.width-len(m.filter.Prompt)-1))
		m.layoutArea()
		return nil
	case tickMsg:
		m.now = m.c.now()
		m.readClock()
		keep := m.s != nil && !m.discard && !m.saving && m.result.Saved == "" && m.mode != kataAskResume && m.mode != kataBusy
		return tea.Batch(m.c.tick(), m.onTick(m.c.drafts, m.draftPath, keep, m.draftData))
	case draftSavedMsg:
		m.onSaved(msg.err)
		return nil
	case boardMsg:
		m.board = msg.board
		if m.opt.Seen == nil {
			m.opt.Seen = msg.seen
		}
		if msg.err != nil {
			m.flash("Cannot read your kata notes: "+msg.err.Error(), true)
		}
		return nil
	case kataSavedMsg:
		m.saving = false
		if msg.err != nil {
			m.notSaved(msg.err, msg.draftErr, "Your answers are")
			return nil
		}
		m.result.Saved, m.result.Progress, m.result.ProgressErr = msg.path, msg.prog, msg.progErr
		m.flash("", false)
		return m.c.drafts.remove(m.draftPath)
	case tea.PasteMsg:
		if m.mode == kataPlay && m.typing() {
			return m.updateArea(msg)
		}
		if m.mode == kataPick {
			var cmd tea.Cmd
			m.filter, cmd = m.filter.Update(msg)
			return cmd
		}
		return nil
	case tea.KeyPressMsg:
		return m.key(msg)
	}
	if m.mode == kataPlay && m.typing() {
		return m.updateArea(msg)
	}
	return nil
}

func (m *kataModel) key(msg tea.KeyPressMsg) tea.Cmd {
	k := m.keys
	switch m.mode {
	case kataBusy:
		return m.busyKey(msg)
	case kataAskResume:
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
			m.begin()
			m.flash("Draft discarded.", false)
			return m.c.drafts.remove(m.draftPath)
		case key.Matches(msg, k.Quit, k.Back):
			m.result.DraftKept = m.draftPath
			return done("Your kata is kept as a draft: choose Resume to go on.")
		}
		return nil
	case kataConfirmQuit:
		switch {
		case key.Matches(msg, k.Yes, k.Interrupt):
			m.result.DraftKept = m.draftPath
			return tea.Sequence(m.c.drafts.save(m.draftPath, m.draftData()), done("Your kata is kept as a draft: choose Resume to go on."))
		case key.Matches(msg, k.Discard):
			m.discard = true
			return tea.Sequence(m.c.drafts.remove(m.draftPath), done("Kata discarded."))
		case key.Matches(msg, k.No):
			m.mode = m.prev
		}
		return nil
	case kataPick:
		return m.pickKey(msg)
	}
	if m.result.Saved != "" {
		if key.Matches(msg, k.Done, k.Interrupt) {
			return done(m.savedLine())
		}
		return nil
	}
	if key.Matches(msg, k.Interrupt) || (!m.typing() && !m.looking && key.Matches(msg, k.Quit)) {
		m.prev, m.mode = m.mode, kataConfirmQuit
		return nil
	}
	if key.Matches(msg, k.Look) {
		m.toggleLook()
		return nil
	}
	if m.looking {
		return m.lookKey(msg)
	}
	switch {
	case key.Matches(msg, k.Next):
		if m.s.Current() == kata.KindDecide && m.s.Choice(m.s.CurrentStep().Stage) < 0 {
			m.flash("Choose an option first: ↑/↓ then enter, or its number.", false)
			return nil
		}
		m.step(1)
		return nil
	case key.Matches(msg, k.Prev):
		m.step(-1)
		return nil
	case key.Matches(msg, k.PageUp):
		m.page.ScrollUp(max(1, m.bodyHeight()/2))
		return nil
	case key.Matches(msg, k.PageDown):
		m.page.ScrollDown(max(1, m.bodyHeight()/2))
		return nil
	}
	if m.typing() {
		return m.updateArea(msg)
	}
	if key.Matches(msg, k.Help) {
		m.help.ShowAll = !m.help.ShowAll
		return nil
	}
	switch m.s.Current() {
	case kata.KindDecide:
		opts := m.k.Stages[m.s.CurrentStep().Stage].Decide
		switch {
		case key.Matches(msg, k.Up):
			m.sel = max(0, m.sel-1)
		case key.Matches(msg, k.Down):
			m.sel = min(len(opts)-1, m.sel+1)
		case key.Matches(msg, k.Choose):
			i := m.sel
			if n, ok := digit(msg); ok {
				i = n - 1
			}
			if i >= 0 && i < len(opts) {
				m.s.Choose(m.s.CurrentStep().Stage, i)
				m.sel = i
				m.step(1)
			}
		}
	case kata.KindReveal:
		switch {
		case key.Matches(msg, k.Up):
			m.page.ScrollUp(1)
		case key.Matches(msg, k.ScrollDown):
			m.page.ScrollDown(1)
		}
	case kata.KindAssess:
		switch {
		case key.Matches(msg, k.Up):
			m.sel = max(0, m.sel-1)
		case key.Matches(msg, k.Down):
			m.sel = min(m.s.MaxScore()-1, m.sel+1)
		case key.Matches(msg, k.Toggle):
			i := m.sel
			if n, ok := digit(msg); ok {
				i = n - 1
			}
			if i < m.s.MaxScore() {
				m.s.Toggle(i)
				m.sel = i
				m.dirty = true
			}
		case key.Matches(msg, k.Finish):
			m.step(1)
		}
	case kata.KindEnd:
		switch {
		case key.Matches(msg, k.Save):
			return m.save()
		case key.Matches(msg, k.Up):
			m.page.ScrollUp(1)
		case key.Matches(msg, k.Down):
			m.page.ScrollDown(1)
		}
	}
	return nil
}
