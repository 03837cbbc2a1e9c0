// Package tui holds the bubbletea models of retrokata: the home screen, the
// retro wizard, the kata player, the notes browser and the reader. Models
// only display and dispatch; the rules live in the domain packages.
package tui

import (
	"context"
	"errors"
	"fmt"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/notes"
)

// ErrStopped is returned when the program was stopped from outside (a
// signal or a cancelled context); work in progress is in the draft.
var ErrStopped = errors.New("stopped")

// screen is one of the app's screens. A screen never quits the program:
// it sends doneMsg, and its root decides (quit, or go back home).
type screen interface {
	Init() tea.Cmd
	update(tea.Msg) tea.Cmd
	view() string
	setStyles(Styles)
	// unsaved is the draft to write if the screen ends now: its path and
	// data, or "" when there is nothing to keep.
	unsaved() (path string, data []byte)
}

// doneMsg says the active screen has finished; status is shown on the
// home screen when there is one.
type doneMsg struct{ status string }

func done(status string) tea.Cmd { return func() tea.Msg { return doneMsg{status} } }

// single is the root model of a command that runs one screen (`retro`,
// `kata`, `notes`): it owns the alt screen and the background colour and
// quits when the screen is done.
type single struct {
	c *common
	s screen
}

func (a single) Init() tea.Cmd { return tea.Batch(tea.RequestBackgroundColor, a.s.Init()) }

func (a single) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.BackgroundColorMsg:
		a.c.styles = newStyles(msg.IsDark())
		a.s.setStyles(a.c.styles)
		return a, nil
	case doneMsg:
		return a, tea.Quit
	}
	return a, a.s.update(msg)
}

func (a single) View() tea.View {
	v := tea.NewView(a.s.view())
	v.AltScreen = true
	return v
}

// runScreen runs one screen until it is done or ctx is cancelled, then
// writes its draft if it has unsaved work.
func runScreen(ctx context.Context, c *common, s screen, extra []tea.ProgramOption) (draft string, draftErr, err error) {
	opts := append([]tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler()}, extra...)
	_, err = tea.NewProgram(single{c, s}, opts...).Run()
	draft, draftErr = writeUnsaved(s)
	return draft, draftErr, runErr(err)
}

// writeUnsaved writes a screen's draft, if it has one, and says where.
func writeUnsaved(s screen) (string, error) {
	path, data := s.unsaved()
	if path == "" {
		return "", nil
	}
	if err := notes.SaveDraft(path, data); err != nil {
		return "", err
	}
	return path, nil
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

// RunRetro runs the retro wizard until the note is saved or the user
// quits. Cancelling ctx (the caller does it on SIGTERM and SIGHUP) ends
// it too. Whatever way it ends, a retro not saved is written to the drafts
// dir before RunRetro returns.
func RunRetro(ctx context.Context, opt RetroOptions, extra ...tea.ProgramOption) (RetroResult, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel() // a git commit still running when the program ends is stopped
	c := newCommon(opt.Now, true)
	c.ctx = ctx
	m := newRetroModel(c, opt)
	kept, derr, err := runScreen(ctx, c, m, extra)
	res := m.result
	if kept != "" {
		res.DraftKept = kept
	}
	res.DraftErr = derr
	return res, err
}

// RunKata runs the kata picker and player until the note is saved or the
// user quits; like RunRetro, answers not saved are kept as a draft.
func RunKata(ctx context.Context, opt KataOptions, extra ...tea.ProgramOption) (KataResult, error) {
	c := newCommon(opt.Now, true)
	m := newKataModel(c, opt)
	kept, derr, err := runScreen(ctx, c, m, extra)
	res := m.result
	if kept != "" {
		res.DraftKept = kept
	}
	res.DraftErr = derr
	return res, err
}

// RunBrowser runs the notes browser until the user quits it.
func RunBrowser(ctx context.Context, opt BrowserOptions, extra ...tea.ProgramOption) error {
	c := newCommon(opt.Now, true)
	_, _, err := runScreen(ctx, c, newBrowserModel(c, opt), extra)
	return err
}
