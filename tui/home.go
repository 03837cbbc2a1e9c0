package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// home is the screen a user lands on with no command.
type home struct {
	width, height int
}

func newHome() home { return home{} }

// Init implements tea.Model.
func (h home) Init() tea.Cmd { return nil }

// Update implements tea.Model.
func (h home) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		h.width, h.height = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c", "esc":
			return h, tea.Quit
		}
	}
	return h, nil
}

// View implements tea.Model.
func (h home) View() tea.View {
	title := lipgloss.NewStyle().Bold(true).Render("retrokata")
	body := title + "\nDev+Ops retrospectives and DevOps katas, saved as markdown notes.\n\nq quit\n"
	v := tea.NewView(body)
	v.AltScreen = true
	return v
}

// RunHome starts the home screen and returns when the user quits.
func RunHome(ctx context.Context) error {
	_, err := tea.NewProgram(newHome(), tea.WithContext(ctx)).Run()
	return runErr(err)
}
