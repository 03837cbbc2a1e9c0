package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/retrokata/retrokata/notes"
	"github.com/spf13/cobra"
)

// finding is one problem check reports, at a file and line.
type finding struct {
	path  string
	line  int
	error bool // an error fails the check; a warning does not
	msg   string
}

func newCheckCmd(e *env) *cobra.Command {
	var maxOverdue int
	var format string
	c := &cobra.Command{
		Use:   "check",
		Short: "Check the notes for CI: unreadable notes, overdue actions",
		Long: `Reads every note of the notes dir and reports, one line each, the notes
that cannot be read (errors) and the overdue actions (warnings), as
path:line: message, or as GitHub Actions annotations with --format github.

Exits 1 when a note cannot be read, or when more than --max-overdue actions
are overdue (no limit by default); 0 otherwise.`,
		Example: "  retrokata check\n  retrokata check --max-overdue 0 --format github",
		Args:    args(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if format != "text" && format != "github" {
				return usagef("Use --format text or --format github.", "check: unknown format %q", format)
			}
			if maxOverdue < -1 {
				return usagef("Use --max-overdue 0 or more (-1: no limit).", "check: --max-overdue must be 0 or more")
			}
			list, err := e.entries(cmd, notes.Filter{}, true)
			if err != nil {
				return err
			}
			now := e.now()
			var found []finding
			broken, overdue, checked := 0, 0, 0
			for _, en := range list {
				if en.NotANote() {
					continue
				}
				checked++
				if en.Broken() {
					broken++
					f := finding{path: en.Path, line: 1, error: true, msg: en.Err.Error()}
					var ne *notes.Error
					if errors.As(en.Err, &ne) {
						f.msg = ne.Msg
						f.line = max(ne.Line, 1)
					}
					found = append(found, f)
					continue
				}
				for _, a := range en.Actions {
					if !a.Overdue(now) {
						continue
					}
					overdue++
					who := ""
					if a.Owner != "" {
						who = " (@" + a.Owner + ")"
					}
					found = append(found, finding{path: en.Path, line: a.Line,
						msg: fmt.Sprintf("action %s is overdue since %s: %s%s", notes.ID(en.Path, a.N), a.Due, a.Text, who)})
				}
			}
			tooMany := maxOverdue >= 0 && overdue > maxOverdue
			if tooMany {
				for i := range found {
					found[i].error = true // the overdue actions are what fails
				}
			}
			for _, f := range found {
				e.printFinding(format, f)
			}
			summary := fmt.Sprintf("%s checked: %d unreadable, %d overdue action%s", plural(checked, "note"), broken, overdue, map[bool]string{true: "", false: "s"}[overdue == 1])
			if maxOverdue >= 0 {
				summary += fmt.Sprintf(" (at most %d allowed)", maxOverdue)
			}
			if broken > 0 || tooMany {
				return errors.New("check failed: " + summary)
			}
			fmt.Fprintln(e.stderr, summary+".")
			return nil
		},
	}
	c.Flags().IntVar(&maxOverdue, "max-overdue", -1, "fail when more actions than this are overdue (-1: no limit)")
	c.Flags().StringVar(&format, "format", "text", "text (path:line: message) or github (workflow annotations)")
	return c
}

// relPath shows a note's path relative to the working directory when it
// lies below it, as CI annotations want.
func (e *env) relPath(p string) string {
	if e.wd != "" {
		if r, err := filepath.Rel(e.wd, p); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(r)
		}
	}
	return p
}

// printFinding writes one finding on stdout in the chosen format.
func (e *env) printFinding(format string, f finding) {
	path, msg := clean(e.relPath(f.path)), clean(f.msg)
	if format == "github" {
		kind := "warning"
		if f.error {
			kind = "error"
		}
		fmt.Fprintf(e.stdout, "::%s file=%s,line=%d::%s\n", kind, ghProperty(path), f.line, ghData(msg))
		return
	}
	fmt.Fprintf(e.stdout, "%s:%d: %s\n", path, f.line, strings.ReplaceAll(msg, "\n", " "))
}

// ghData escapes an annotation's message for a workflow command.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command property (the file).
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
