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
	return tui.Env{Location: loc, KataDir: e.kataDir(loc), CacheDir: e.xdg.CacheHome, DraftsDir: notes.DraftsDir(e.xdg),
		Library: lib, Activities: e.activities(), Editor: tui.Editor(e.getenv), Now: e.now, HomeDir: e.getenv("HOME")}
}

// kataDir is where kata notes go and kata progress is read: the personal
// notes dir, or the one --dir (or RETROKATA_DIR) names; a repository's
// .retrokata.yaml never chooses it, so practice stays out of the team's
// notes and progress does not depend on the working directory.
func (e *env) kataDir(loc notes.Location) string {
	if loc.Reason == notes.ReasonFlag || loc.Reason == notes.ReasonEnv {
		return loc.Dir
	}
	p, err := notes.ResolvePersonal("", e.getenv, e.wd, e.xdg)
	if err != nil {
		return loc.Dir
	}
	return p.Dir
}
