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
	stdin io.Reader
	// stdout and stderr are sanitising once run has started (see
	// sanitizer): print everything there. rawOut and rawErr are the
	// process's own, for terminal detection, glamour's styled output of
	// sanitised text, fang's help and `show --raw` only.
	stdout, stderr io.Writer
	rawOut, rawErr io.Writer
	// tty reports whether a writer is a terminal; nil means isTTY. Tests
	// set it to see the styled output a terminal gets.
	tty    func(any) bool
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
	return e.isTTY(e.stdin) && e.isTTY(e.terminal())
}

// terminal is the writer that reaches the process's stdout: the raw one
// once run has started.
func (e *env) terminal() io.Writer {
	if e.rawOut != nil {
		return e.rawOut
	}
	return e.stdout
}

// terminalErr is terminal for stderr.
func (e *env) terminalErr() io.Writer {
	if e.rawErr != nil {
		return e.rawErr
	}
	return e.stderr
}

func (e *env) isTTY(w any) bool {
	if e.tty != nil {
		return e.tty(w)
	}
	return isTTY(w)
}
