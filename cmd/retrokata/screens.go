package main

import (
	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/tui"
)

// screens is what every screen of the TUI shares, built once per command:
// the notes dir, the drafts dir, the index cache, the library, the editor
// and the clock.
func (e *env) screens(loc notes.Location, lib *content.Library) tui.Env {
	return tui.Env{Location: loc, CacheDir: e.xdg.CacheHome, DraftsDir: notes.DraftsDir(e.xdg),
		Library: lib, Activities: e.activities(), Editor: tui.Editor(e.getenv), Now: e.now, HomeDir: e.getenv("HOME")}
}
