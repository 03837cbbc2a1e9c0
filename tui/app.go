// Package tui holds the bubbletea models of retrokata: the home screen, the
// retro wizard, the kata player, the notes browser and the reader. Models
// only display and dispatch; the rules live in the domain packages.
package tui

import (
	"context"
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// RunHome starts the home screen and returns when the user quits.
func RunHome(ctx context.Context) error {
	_, err := tea.NewProgram(newHome(), tea.WithContext(ctx)).Run()
	if err != nil {
		return fmt.Errorf("home screen: %w", err)
	}
	return nil
}
