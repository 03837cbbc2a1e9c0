package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
)

// Exit codes every command uses; scripts rely on them.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// usageError is a mistake in how the command was called: exit code 2.
type usageError struct {
	err  error
	hint string
}

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// hintError carries a second line telling the user what to do next.
type hintError struct {
	err  error
	hint string
}

func (e hintError) Error() string { return e.err.Error() }
func (e hintError) Unwrap() error { return e.err }

// usagef builds a usage error with an optional hint line.
func usagef(hint, format string, args ...any) error {
	return usageError{err: fmt.Errorf(format, args...), hint: hint}
}

// withHint adds a "what to do" line to a runtime error.
func withHint(err error, hint string) error {
	if err == nil {
		return nil
	}
	return hintError{err: err, hint: hint}
}

// exitCode maps an error returned by the command tree to the process exit code.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var ue usageError
	if errors.As(err, &ue) {
		return exitUsage
	}
	return exitFailure
}

// printError writes the one-line error and, when known, the hint line. It
// replaces fang's boxed error so that scripts can grep a stable shape.
func printError(w io.Writer, _ fang.Styles, err error) {
	msg := strings.TrimSpace(err.Error())
	fmt.Fprintf(w, "retrokata: %s\n", msg)
	var ue usageError
	var he hintError
	switch {
	case errors.As(err, &ue) && ue.hint != "":
		fmt.Fprintln(w, ue.hint)
	case errors.As(err, &he) && he.hint != "":
		fmt.Fprintln(w, he.hint)
	}
}

// args wraps a cobra argument validator so its failures are usage errors.
func args(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		err := v(cmd, a)
		if err == nil {
			return nil
		}
		// cobra's "unknown command" already names the command; its other
		// messages ("accepts 1 arg(s)") need the subcommand in front.
		if cmd.HasParent() && !strings.HasPrefix(err.Error(), "unknown command") {
			err = fmt.Errorf("%s: %w", strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" "), err)
		}
		return usageError{err: err, hint: fmt.Sprintf("Run '%s --help' for usage.", cmd.CommandPath())}
	}
}

// noSubcommand rejects unknown words given to a command that only groups
// subcommands, instead of printing help and exiting 0.
func noSubcommand(cmd *cobra.Command, a []string) error {
	if len(a) > 0 {
		return usagef(fmt.Sprintf("Run '%s --help' for the list of commands.", cmd.CommandPath()),
			"unknown command %q for %q", a[0], cmd.CommandPath())
	}
	return nil
}

// flagError turns cobra's flag parsing failures into usage errors.
func flagError(cmd *cobra.Command, err error) error {
	return usageError{err: err, hint: fmt.Sprintf("Run '%s --help' for usage.", cmd.CommandPath())}
}
