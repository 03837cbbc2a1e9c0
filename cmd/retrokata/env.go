package main

import (
	"io"
	"os"
	"time"

	"github.com/adrg/xdg"
	"github.com/charmbracelet/x/term"

	"github.com/retrokata/retrokata/notes"
)

// env is what the commands take from the outside world. main fills it from
// the process; tests fill it with buffers, a fixed clock and a fake
// environment.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	getenv func(string) string
	now    func() time.Time
	wd     string
	args   []string // command-line arguments, without the program name
	xdg    notes.XDG
}

func newEnv() *env {
	wd, _ := os.Getwd()
	return &env{
		stdin:  os.Stdin,
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
		now:    time.Now,
		wd:     wd,
		args:   os.Args[1:],
		xdg: notes.XDG{
			DataHome:   xdg.DataHome,
			StateHome:  xdg.StateHome,
			ConfigHome: xdg.ConfigHome,
			CacheHome:  xdg.CacheHome,
		},
	}
}

// isTTY reports whether w is a terminal.
func isTTY(w any) bool {
	f, ok := w.(interface{ Fd() uintptr })
	return ok && term.IsTerminal(f.Fd())
}

// interactive reports whether both ends of the session are a terminal, which
// every full-screen command needs.
func (e *env) interactive() bool {
	return isTTY(e.stdin) && isTTY(e.stdout)
}
