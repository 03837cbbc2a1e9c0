package tui

import (
	"bytes"
	"image/color"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/exp/golden"
)

// noColorProfile is the profile bubbletea's renderer picks for a terminal
// with NO_COLOR set: colours dropped, bold and the like kept.
func noColorProfile(t *testing.T) colorprofile.Profile {
	p := colorprofile.Detect(io.Discard, []string{"TERM=xterm-256color", "NO_COLOR=1", "TTY_FORCE=1"})
	if p != colorprofile.ASCII {
		t.Fatalf("NO_COLOR gives profile %v", p)
	}
	return p
}

// downsample renders s as a terminal of profile p receives it.
func downsample(t *testing.T, s string, p colorprofile.Profile) string {
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: p}
	if _, err := w.WriteString(s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestColourGoldens keeps one golden per screen with its colour codes, on
// a dark and on a light background, and one as a NO_COLOR terminal gets
// it: a colour regression, or a state told apart only by colour, shows in
// a diff. The plain goldens of each screen check layout and text.
func TestColourGoldens(t *testing.T) {
	screens := []struct {
		name string
		open func(t *testing.T, dark bool) string
	}{
		{"home", func(t *testing.T, dark bool) string {
			a := newTestHome(t, 80, 24, true, true)
			a.c.styles = newStyles(dark)
			a.restyle()
			return a.screen()
		}},
		{"retro", func(t *testing.T, dark bool) string {
			m := newTestRetro(t, 80, 24, nil)
			m.c.styles = newStyles(dark)
			m.restyle()
			press(m, "type:Sprint 42", "esc", "tab", "tab", "a", "type:Slow reviews", "esc", "tab")
			press(m, "+", "+")
			return m.view()
		}},
		{"kata", func(t *testing.T, dark bool) string {
			m := newTestKata(t, 80, 24, nil)
			m.c.styles = newStyles(dark)
			m.restyle()
			return m.view()
		}},
		{"browser", func(t *testing.T, dark bool) string {
			m := newTestBrowser(t, 80, 24)
			m.c.styles = newStyles(dark)
			m.restyle()
			bpress(m, "a")
			return stableRaw(m, m.view())
		}},
		{"reader", func(t *testing.T, dark bool) string {
			m := newTestReader(t, 80, 24)
			m.c.styles = newStyles(dark)
			m.restyle()
			return m.view()
		}},
	}
	noColor := noColorProfile(t)
	for _, s := range screens {
		t.Run(s.name+"/dark", func(t *testing.T) {
			v := s.open(t, true)
			if !strings.Contains(v, "\x1b[") {
				t.Fatal("no colour codes")
			}
			golden.RequireEqual(t, []byte(v))
		})
		t.Run(s.name+"/light", func(t *testing.T) {
			v := s.open(t, false)
			if v == s.open(t, true) {
				t.Fatal("the light background looks like the dark one")
			}
			golden.RequireEqual(t, []byte(v))
		})
		t.Run(s.name+"/no-color", func(t *testing.T) {
			v := downsample(t, s.open(t, true), noColor)
			if strings.Contains(v, "38;2;") || strings.Contains(v, "48;2;") {
				t.Fatal("colours left under NO_COLOR")
			}
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// stableRaw replaces the temp notes dir in a screen that keeps its colours.
func stableRaw(m *browserModel, v string) string {
	return strings.ReplaceAll(v, m.c.notesDir, "$NOTES")
}

// The terminal says its background after the first preview was rendered
// for a dark one: the preview is rendered again for the light one, not
// left at "Rendering…".
func TestBackgroundAnswerRendersThePreviewAgain(t *testing.T) {
	m := newTestBrowser(t, 120, 30)
	a := aloneApp(m.c)
	a.active, a.browser = screenBrowser, m
	dark := m.view()
	_, cmd := a.Update(tea.BackgroundColorMsg{Color: color.White})
	for _, msg := range runNoTick(cmd) {
		a.Update(msg)
	}
	v := m.view()
	if strings.Contains(v, "Rendering…") || v == dark {
		t.Fatalf("the preview is not rendered again for a light background:\n%s", plain(v))
	}
}
