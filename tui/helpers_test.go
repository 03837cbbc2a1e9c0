package tui

import (
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// keyMsg builds the key press a terminal sends for a name as bubbletea
// prints it ("tab", "shift+tab", "ctrl+c", "enter", "a", "+").
func keyMsg(name string) tea.KeyPressMsg {
	special := map[string]rune{
		"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"left": tea.KeyLeft, "right": tea.KeyRight, "space": tea.KeySpace, "backspace": tea.KeyBackspace,
		"pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
	}
	var mod tea.KeyMod
	if rest, ok := strings.CutPrefix(name, "shift+"); ok {
		mod, name = tea.ModShift, rest
	}
	if rest, ok := strings.CutPrefix(name, "ctrl+"); ok {
		mod, name = tea.ModCtrl, rest
	}
	if r, ok := special[name]; ok {
		k := tea.KeyPressMsg{Code: r, Mod: mod}
		if r == tea.KeySpace {
			k.Text = " "
		}
		return k
	}
	r, _ := utf8.DecodeRuneInString(name)
	if mod != 0 {
		return tea.KeyPressMsg{Code: r, Mod: mod}
	}
	return tea.KeyPressMsg{Code: r, Text: name}
}

// plain strips colours and trailing blanks: goldens check layout and
// text, and stay readable in a diff.
func plain(s string) string {
	lines := strings.Split(ansi.Strip(s), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// checkFits fails when a line of the screen is wider than the terminal or
// the screen has more lines than the terminal.
func checkFits(t *testing.T, screen string, w, h int) {
	t.Helper()
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(lines) > h {
		t.Errorf("%d lines on a %d-line terminal", len(lines), h)
	}
	for i, l := range lines {
		if got := ansi.StringWidth(l); got > w {
			t.Errorf("line %d is %d cells wide on a %d-cell terminal: %q", i+1, got, w, ansi.Strip(l))
		}
	}
}

// runCmd runs a command and the commands of any batch or sequence it
// returns (not ticks: they only wait), and returns every message.
func runCmd(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	if b, ok := msg.(tea.BatchMsg); ok {
		var out []tea.Msg
		for _, c := range b {
			out = append(out, runCmd(c)...)
		}
		return out
	}
	// tea.Sequence returns an unexported slice of commands
	if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().Elem() == reflect.TypeFor[tea.Cmd]() {
		var out []tea.Msg
		for i := range v.Len() {
			out = append(out, runCmd(v.Index(i).Interface().(tea.Cmd))...)
		}
		return out
	}
	return []tea.Msg{msg}
}

// quits reports whether msgs end the screen: a doneMsg (the screen is
// finished) or a tea.QuitMsg.
func quits(msgs []tea.Msg) bool {
	for _, m := range msgs {
		switch m.(type) {
		case tea.QuitMsg, doneMsg:
			return true
		}
	}
	return false
}

// testCommon is the common value of the tests: the fixed clock, no tick
// (tests send tickMsg themselves) and still cursors, so every command a
// test runs answers at once and none has to be guessed to be a timer.
func testCommon(isDark bool) *common {
	c := newCommon(Env{Now: func() time.Time { return testNow }, Editor: []string{"true"}})
	c.styles = newStyles(isDark)
	c.tick = func() tea.Cmd { return nil }
	c.blink = false
	return c
}

// notesCommon is testCommon on a notes dir.
func notesCommon(dir string, isDark bool) *common {
	c := testCommon(isDark)
	c.location.Dir, c.notesDir = dir, dir
	return c
}

// runNoTick is runCmd without the messages that only end or wait: a
// tickMsg (sent by hand when a test wants one) or a tea.QuitMsg.
func runNoTick(cmd tea.Cmd) []tea.Msg {
	var out []tea.Msg
	for _, m := range runCmd(cmd) {
		switch m.(type) {
		case tickMsg, tea.QuitMsg:
			continue
		}
		out = append(out, m)
	}
	return out
}
