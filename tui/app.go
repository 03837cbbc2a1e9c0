// Package tui holds the bubbletea models of retrokata: the home screen, the
// retro wizard, the kata player, the notes browser and the reader. Models
// only display and dispatch; the rules live in the domain packages.
package tui

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
)

// ErrStopped is returned when the program was stopped from outside (a
// signal or a cancelled context); work in progress is in the draft.
var ErrStopped = errors.New("stopped")

// screen names one of the app's screens; the root shows one at a time.
type screen int

const (
	screenHome screen = iota
	screenRetro
	screenKata
	screenBrowser
	screenReader
	screenParticipant // a guest of a live room, over SSH
	screenTrends
	screenPairMaster // the game master of a pair kata
	screenPairPlayer // the player of a pair kata, over SSH
)

// doneMsg says the active screen has finished; status is shown on the
// home screen when there is one.
type doneMsg struct{ status string }

func done(status string) tea.Cmd { return func() tea.Msg { return doneMsg{status} } }

// openMsg asks the root to open a screen, with what that screen varies by.
type openMsg struct {
	to    screen
	retro RetroOptions
	kata  KataOptions
}

// app is the root model, the only one whose View returns a tea.View (alt
// screen, background colour request). It owns which screen is active,
// routes every message to it, and gives every screen the same common
// value. A screen never quits the program: it sends doneMsg, and the root
// goes back home, or quits when it runs that one screen alone.
type app struct {
	c      *common
	active screen
	// alone is set for the commands that run one screen (`retro`, `kata`,
	// `notes`): when it is done, the program ends.
	alone   bool
	home    *homeModel
	retro   *retroModel
	kata    *kataModel
	browser *browserModel
	reader  *readerModel
	// participant is the screen of one guest of a room (NewParticipant).
	participant *participantModel
	trends      *trendsModel
	// pairMaster and pairPlayer are the two screens of a pair kata.
	pairMaster *pairMasterModel
	pairPlayer *pairPlayerModel
}

func newApp(c *common) *app { return &app{c: c, home: newHomeModel(c)} }

// aloneApp is the root of a command that runs one screen; the caller sets
// that screen.
func aloneApp(c *common) *app {
	a := newApp(c)
	a.alone = true
	return a
}

// Init implements tea.Model.
func (a *app) Init() tea.Cmd { return tea.Batch(tea.RequestBackgroundColor, a.initActive()) }

func (a *app) initActive() tea.Cmd {
	switch a.active {
	case screenRetro:
		return a.retro.Init()
	case screenKata:
		return a.kata.Init()
	case screenBrowser:
		return a.browser.Init()
	case screenReader, screenParticipant:
		return nil
	case screenTrends:
		return a.trends.Init()
	case screenPairMaster:
		return a.pairMaster.init()
	case screenPairPlayer:
		return a.pairPlayer.init()
	}
	return a.home.Init()
}

// Update implements tea.Model.
func (a *app) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		a.c.styles = newStyles(msg.IsDark())
		a.restyle()
		return a, a.rerender()
	case tea.WindowSizeMsg:
		a.c.width, a.c.height = msg.Width, msg.Height
	case openMsg:
		return a, a.open(msg)
	case doneMsg:
		return a, a.closeActive(msg.status)
	}
	return a, a.updateActive(msg)
}

func (a *app) updateActive(msg tea.Msg) tea.Cmd {
	switch a.active {
	case screenRetro:
		return a.retro.update(msg)
	case screenKata:
		return a.kata.update(msg)
	case screenBrowser:
		return a.browser.update(msg)
	case screenReader:
		return a.reader.update(msg)
	case screenParticipant:
		return a.participant.update(msg)
	case screenTrends:
		return a.trends.update(msg)
	case screenPairMaster:
		return a.pairMaster.update(msg)
	case screenPairPlayer:
		return a.pairPlayer.update(msg)
	}
	return a.home.update(msg)
}

// rerender asks the active screen for its markdown again: renders are
// made for one background, and the ones made before the terminal said
// its own were dropped by restyle.
func (a *app) rerender() tea.Cmd {
	switch a.active {
	case screenBrowser:
		return a.browser.wantPreview()
	case screenReader:
		return a.reader.render()
	case screenRetro:
		if a.retro.s.Phase == retro.PhaseClose {
			return a.retro.renderPreview()
		}
	}
	return nil
}

// restyle tells every open screen that the styles in common changed.
func (a *app) restyle() {
	a.home.restyle()
	if a.retro != nil {
		a.retro.restyle()
	}
	if a.kata != nil {
		a.kata.restyle()
	}
	if a.browser != nil {
		a.browser.restyle()
	}
	if a.reader != nil {
		a.reader.restyle()
	}
	if a.participant != nil {
		a.participant.restyle()
	}
	if a.trends != nil {
		a.trends.restyle()
	}
}

// open makes a screen active and gives it the terminal's size.
func (a *app) open(msg openMsg) tea.Cmd {
	switch msg.to {
	case screenRetro:
		opt := msg.retro
		opt.Inbox, _ = notes.ReadInboxIn(a.c.location.Root(), a.c.notesDir) // a few small files; unreadable ones are flagged on the screen
		claim, d, err := retro.ClaimDraft(a.c.draftsDir, a.c.now())
		if err != nil {
			a.home.status, a.home.isErr = err.Error(), true
			return nil
		}
		opt.Claim, opt.Draft, opt.Resume = &claim, d, opt.Resume && d != nil
		a.retro = newRetroModel(a.c, opt)
	case screenKata:
		opt := msg.kata
		claim, d, err := kata.ClaimDraft(a.c.kataDraftsDir(), a.c.now())
		if err != nil {
			a.home.status, a.home.isErr = err.Error(), true
			return nil
		}
		opt.Claim, opt.Draft, opt.Resume = &claim, d, opt.Resume && d != nil
		a.kata = newKataModel(a.c, opt)
	case screenBrowser:
		a.browser = newBrowserModel(a.c)
	case screenReader:
		a.reader = newReaderModel(a.c)
	case screenTrends:
		a.trends = newTrendsModel(a.c)
	}
	a.active = msg.to
	size := tea.WindowSizeMsg{Width: a.c.width, Height: a.c.height}
	return tea.Batch(a.initActive(), func() tea.Msg { return size })
}

// closeActive goes back home (writing the draft of work not saved), or
// quits when the screen runs alone.
func (a *app) closeActive(status string) tea.Cmd {
	if a.alone {
		return tea.Quit
	}
	var save tea.Cmd
	if path, data := a.unsaved(); path != "" {
		save = a.c.drafts.save(path, data)
	}
	save = tea.Sequence(save, releaseCmd(a.claim()))
	a.active = screenHome
	a.retro, a.kata, a.browser, a.reader, a.trends = nil, nil, nil, nil, nil
	a.home.status, a.home.isErr = status, false
	a.home.facts.loaded = false
	return tea.Sequence(save, a.home.loadFacts())
}

// claim is the draft lock of the active screen, or nil.
func (a *app) claim() *notes.DraftClaim {
	switch {
	case a.active == screenRetro && a.retro != nil:
		return a.retro.opt.Claim
	case a.active == screenKata && a.kata != nil:
		return a.kata.opt.Claim
	}
	return nil
}

// unsaved is the draft to write if the program ends now: its path and
// data, or "" when the active screen has nothing to keep.
func (a *app) unsaved() (string, []byte) {
	switch a.active {
	case screenRetro:
		return a.retro.unsaved()
	case screenKata:
		return a.kata.unsaved()
	}
	return "", nil
}

// savedDraft is the draft path of the active screen when its note was
// saved: that draft must not outlive the program.
func (a *app) savedDraft() string {
	switch {
	case a.active == screenRetro && a.retro.result.Saved != "":
		return a.retro.draftPath
	case a.active == screenKata && a.kata.result.Saved != "":
		return a.kata.draftPath
	}
	return ""
}

// View implements tea.Model.
func (a *app) View() tea.View {
	var s string
	switch a.active {
	case screenRetro:
		s = a.retro.view()
	case screenKata:
		s = a.kata.view()
	case screenBrowser:
		s = a.browser.view()
	case screenReader:
		s = a.reader.view()
	case screenParticipant:
		s = a.participant.view()
	case screenTrends:
		s = a.trends.view()
	case screenPairMaster:
		s = a.pairMaster.view()
	case screenPairPlayer:
		s = a.pairPlayer.view()
	default:
		s = a.home.view()
	}
	v := tea.NewView(s)
	v.AltScreen = true
	return v
}

// run runs the program until the root quits or ctx is cancelled, then
// writes the draft of work in progress, if any, and says where.
func run(ctx context.Context, a *app, extra []tea.ProgramOption) (draft string, draftErr, err error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // a git commit still running when the program ends is stopped
	a.c.ctx = ctx
	if a.c.notesDir != "" {
		notes.CleanTempsIfIdle(a.c.notesDir, a.c.draftsDir) // what a save cut short left behind
	}
	opts := append([]tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler()}, extra...)
	_, err = tea.NewProgram(a, opts...).Run()
	if path, data := a.unsaved(); path != "" {
		if draftErr = notes.SaveDraft(path, data); draftErr == nil {
			draft = path
		}
	} else if path := a.savedDraft(); path != "" {
		_ = notes.RemoveDraft(path) // an autosave may have landed after the removal
	}
	a.claim().Release()
	return draft, draftErr, runErr(err)
}

func runErr(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, tea.ErrProgramKilled):
		return ErrStopped
	}
	return fmt.Errorf("terminal: %w", err)
}

// RunHome runs the home screen until the user quits it. A screen opened
// from it and left with unsaved work (a signal, a cancelled context) has
// its draft written before RunHome returns.
func RunHome(ctx context.Context, env Env, extra ...tea.ProgramOption) error {
	_, derr, err := run(ctx, newApp(newCommon(env)), extra)
	if derr != nil && err == nil {
		return fmt.Errorf("your work could not be kept as a draft: %w", derr)
	}
	return err
}

// RunRetro runs the retro wizard until the note is saved or the user
// quits. Cancelling ctx (the caller does it on SIGTERM and SIGHUP) ends
// it too. Whatever way it ends, a retro not saved is written to the drafts
// dir before RunRetro returns.
func RunRetro(ctx context.Context, env Env, opt RetroOptions, extra ...tea.ProgramOption) (RetroResult, error) {
	a := aloneApp(newCommon(env))
	a.active, a.retro = screenRetro, newRetroModel(a.c, opt)
	kept, derr, err := run(ctx, a, extra)
	res := a.retro.result
	if kept != "" {
		res.DraftKept = kept
	}
	res.DraftErr = derr
	return res, err
}

// RunKata runs the kata picker and player until the note is saved or the
// user quits; like RunRetro, answers not saved are kept as a draft.
func RunKata(ctx context.Context, env Env, opt KataOptions, extra ...tea.ProgramOption) (KataResult, error) {
	a := aloneApp(newCommon(env))
	a.active, a.kata = screenKata, newKataModel(a.c, opt)
	kept, derr, err := run(ctx, a, extra)
	res := a.kata.result
	if kept != "" {
		res.DraftKept = kept
	}
	res.DraftErr = derr
	return res, err
}

// RunBrowser runs the notes browser until the user quits it.
func RunBrowser(ctx context.Context, env Env, extra ...tea.ProgramOption) error {
	a := aloneApp(newCommon(env))
	a.active, a.browser = screenBrowser, newBrowserModel(a.c)
	_, _, err := run(ctx, a, extra)
	return err
}

// NewParticipant is the program of one guest joining a live room through
// g (one per SSH session, sized to that guest's terminal); user is the
// name proposed, their SSH user name. It is the same root as every other
// screen's, running the participant's screen alone.
func NewParticipant(g *room.Guest, user string, isDark bool) tea.Model {
	c := newCommon(Env{})
	c.styles = newStyles(isDark)
	a := aloneApp(c)
	a.active, a.participant = screenParticipant, newParticipant(c, g, user)
	return a
}
