package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/notes"
)

// location resolves the notes dir from --dir, the environment and the
// nearest .retrokata.yaml.
func (e *env) location(cmd *cobra.Command) (notes.Location, error) {
	flag, _ := cmd.Flags().GetString("dir")
	loc, err := notes.Resolve(flag, e.getenv, e.wd, e.xdg)
	if err != nil {
		return loc, withHint(fmt.Errorf("notes dir: %w", err), "Fix the file, or pass --dir.")
	}
	return loc, nil
}

// entries lists the resolved notes dir; broken notes are in the result and
// each caller decides how to report them.
// Without withActions, Entry.Actions may be nil (the counts are set).
func (e *env) entries(cmd *cobra.Command, f notes.Filter, withActions bool) ([]notes.Entry, error) {
	loc, err := e.location(cmd)
	if err != nil {
		return nil, err
	}
	if err := missingDir(loc); err != nil {
		return nil, err
	}
	list, err := notes.Lister{CacheDir: e.xdg.CacheHome, SkipActions: !withActions, Root: loc.Root()}.List(loc.Dir, f)
	if err != nil {
		return nil, withHint(err, "Check the path, or pass --dir.")
	}
	return list, nil
}

// missingDir is the error of a read command on a notes dir, named with
// --dir or RETROKATA_DIR, that does not exist: an empty answer would hide a
// typo. Saving a retro or a kata still creates the dir.
func missingDir(loc notes.Location) error {
	info, err := os.Stat(loc.Dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		return withHint(fmt.Errorf("notes dir %s is not a directory (from %s)", notes.Sanitize(loc.Dir), loc.Reason),
			"Pass --dir with a directory.")
	case errors.Is(err, fs.ErrNotExist) && (loc.Reason == notes.ReasonDefault || loc.Reason == notes.ReasonRepo):
		// Nobody typed this path: the personal dir before the first note,
		// or a repo's notes dir before its first retro (git keeps no
		// empty dirs). Nothing to read is then simply nothing.
		return nil
	case errors.Is(err, fs.ErrNotExist):
		return withHint(fmt.Errorf("notes dir %s does not exist (from %s)", notes.Sanitize(loc.Dir), loc.Reason),
			"Check the path, or run a retro to create it.")
	}
	return withHint(fmt.Errorf("notes dir %s: %w", notes.Sanitize(loc.Dir), errors.Unwrap(err)), "Check the path, or pass --dir.")
}
