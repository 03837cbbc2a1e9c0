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

// RunHome starts the home screen and returns when the user quits.
func RunHome(ctx context.Context) error {
	_, err := tea.NewProgram(newHome(), tea.WithContext(ctx)).Run()
	if err != nil {
		return fmt.Errorf("home screen: %w", err)
	}
	return nil
}

// ErrStopped is returned when the program was stopped from outside (a
// signal or a cancelled context); work in progress is in the draft.
var ErrStopped = errors.New("stopped")

// retroApp is the root model of `retrokata retro`: it owns the alt screen
// and the background colour, and routes every message to the wizard.
type retroApp struct{ m *retroModel }

func (a retroApp) Init() tea.Cmd { return tea.Batch(tea.RequestBackgroundColor, a.m.Init()) }

func (a retroApp) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if bg, ok := msg.(tea.BackgroundColorMsg); ok {
		a.m.styles = newStyles(bg.IsDark())
		a.m.help.Styles = a.m.styles.Help
		return a, nil
	}
	var cmd tea.Cmd
	a.m, cmd = a.m.Update(msg)
	return a, cmd
}

func (a retroApp) View() tea.View {
	v := tea.NewView(a.m.view())
	v.AltScreen = true
	return v
}

// RunRetro runs the retro wizard until the note is saved or the user
// quits. Cancelling ctx (the caller does it on SIGTERM and SIGHUP) ends
// it too. Whatever way it ends, a retro not saved is written to the drafts
// dir before RunRetro returns.
func RunRetro(ctx context.Context, opt RetroOptions, extra ...tea.ProgramOption) (RetroResult, error) {
	m := newRetroModel(opt, true)
	opts := append([]tea.ProgramOption{tea.WithContext(ctx), tea.WithoutSignalHandler()}, extra...)
	final, err := tea.NewProgram(retroApp{m}, opts...).Run()
	if a, ok := final.(retroApp); ok {
		m = a.m
	}
	res := m.result
	if res.Saved == "" && !m.discard {
		if derr := notes.SaveDraft(opt.DraftPath, m.draftData()); derr != nil {
			res.DraftErr = derr
		} else {
			res.DraftKept = opt.DraftPath
		}
	}
	if err != nil {
		if errors.Is(err, tea.ErrProgramKilled) {
			return res, ErrStopped
		}
		return res, fmt.Errorf("retro: %w", err)
	}
	return res, nil
}
