package main

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"charm.land/fang/v2"
	"github.com/retrokata/retrokata/notes"
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
	fmt.Fprintf(w, "retrokata: %s\n", cleanLine(err.Error()))
	var ue usageError
	var he hintError
	switch {
	case errors.As(err, &ue) && ue.hint != "":
		fmt.Fprintln(w, cleanLine(ue.hint))
	case errors.As(err, &he) && he.hint != "":
		fmt.Fprintln(w, cleanLine(he.hint))
	}
}

// cleanLine is a message from anywhere (a file name, a YAML error quoting
// a file, git's stderr) made safe for the terminal and one line long.
func cleanLine(s string) string {
	return strings.Join(strings.Fields(notes.Sanitize(s)), " ")
}

// args wraps a cobra argument validator so its failures are usage errors.
func args(v cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, a []string) error {
		err := v(cmd, a)
		if err == nil {
			return nil
		}
		name := strings.TrimPrefix(cmd.CommandPath(), cmd.Root().Name()+" ")
		switch {
		case cmd.HasParent() && !cmd.HasSubCommands() && strings.HasPrefix(err.Error(), "unknown command"):
			// cobra.NoArgs says "unknown command" for an extra word given
			// to a command that has no subcommands: say what is wrong.
			err = fmt.Errorf("%s takes no arguments (got %q)", name, strings.Join(a, " "))
		case cmd.HasParent() && !strings.HasPrefix(err.Error(), "unknown command"):
			// cobra's "accepts 1 arg(s)" needs the subcommand in front.
			err = fmt.Errorf("%s: %w", name, err)
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

// badNumberRe matches pflag's message for a value that is not a number,
// which otherwise ends in Go's "strconv.ParseInt: parsing …" wording.
var badNumberRe = regexp.MustCompile(`^invalid argument "(.*)" for "(.+?)" flag: strconv\.Parse(Int|Uint|Float)`)

// flagError turns cobra's flag parsing failures into usage errors.
func flagError(cmd *cobra.Command, err error) error {
	if m := badNumberRe.FindStringSubmatch(err.Error()); m != nil {
		want := "a whole number"
		if m[3] == "Float" {
			want = "a number"
		}
		err = fmt.Errorf("%s wants %s, not %q", m[2], want, m[1])
	}
	return usageError{err: err, hint: fmt.Sprintf("Run '%s --help' for usage.", cmd.CommandPath())}
}
