package main

import (
	"fmt"

	"github.com/retrokata/retrokata/notes"
	"github.com/spf13/cobra"
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
	list, err := notes.Index{CacheDir: e.xdg.CacheHome, SkipActions: !withActions}.List(loc.Dir, f)
	if err != nil {
		return nil, withHint(err, "Check the path, or pass --dir.")
	}
	return list, nil
}
