package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"
)

// styled reports whether output to stdout may use colour and glamour.
func (e *env) styled() bool {
	return isTTY(e.stdout) && e.getenv("NO_COLOR") == ""
}

// width is the terminal's width for word wrapping, 80 when unknown.
func (e *env) width() int {
	if f, ok := e.stdout.(interface{ Fd() uintptr }); ok {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// markdown prints md rendered with glamour on a terminal, or as it is when
// piped or with NO_COLOR, so scripts get plain markdown.
func (e *env) markdown(md string) error {
	if !e.styled() {
		_, err := io.WriteString(e.stdout, md)
		return err
	}
	style := "dark"
	if in, ok := e.stdin.(*os.File); ok {
		if out, ok := e.stdout.(*os.File); ok && !lipgloss.HasDarkBackground(in, out) {
			style = "light"
		}
	}
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(min(e.width(), 120)-2))
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	out, err := r.Render(md)
	if err != nil {
		return fmt.Errorf("render: %w", err)
	}
	_, err = io.WriteString(e.stdout, out)
	return err
}

// printJSON writes v as indented JSON followed by a newline.
func (e *env) printJSON(v any) error {
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// warnf prints a warning line on stderr.
func (e *env) warnf(format string, a ...any) {
	fmt.Fprintf(e.stderr, "retrokata: warning: "+format+"\n", a...)
}
