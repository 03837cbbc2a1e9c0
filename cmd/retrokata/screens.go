package main

import (
	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/tui"
)

// warnDrafts says where an unreadable draft was moved, and what to do.
func (e *env) warnDrafts(c notes.DraftClaim) {
	if c.Broken != "" {
		e.warnf("the draft could not be read (%v); it is kept at %s: open it in an editor or delete it", c.BrokenErr, c.Broken)
	}
	for _, p := range notes.LegacyDrafts(notes.DraftsDir(e.xdg)) {
		e.warnf("a draft from an older version (not tied to a notes dir) is kept at %s: open it in an editor or delete it", p)
	}
}

// screens is what every screen of the TUI shares, built once per command:
// the notes dir, the drafts dir, the index cache, the library, the editor
// and the clock.
func (e *env) screens(loc notes.Location, lib *content.Library) tui.Env {
	return tui.Env{Location: loc, CacheDir: e.xdg.CacheHome, DraftsDir: notes.DraftsDir(e.xdg),
		Library: lib, Activities: e.activities(), Editor: tui.Editor(e.getenv), Now: e.now, HomeDir: e.getenv("HOME")}
}
