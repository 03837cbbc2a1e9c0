package notes

import (
	"os"
	"path/filepath"
	"testing"
)

// A .retrokata.yaml above the git work tree, or above home, is never used:
// someone else may have put it in a shared folder to pick where your notes
// and inbox cards go.
func TestConfigSearchStopsAtTheWorkTreeAndHome(t *testing.T) {
	x := XDG{DataHome: t.TempDir()}
	def := filepath.Join(x.DataHome, "retrokata", "notes")
	shared := t.TempDir()
	os.WriteFile(filepath.Join(shared, ConfigName), []byte("notes_dir: inbox-for-all\n"), 0o644)

	repo := filepath.Join(shared, "repo")
	os.MkdirAll(filepath.Join(repo, ".git"), 0o755)
	os.MkdirAll(filepath.Join(repo, "sub", "deeper"), 0o755)
	loc, err := Resolve("", func(string) string { return "" }, filepath.Join(repo, "sub", "deeper"), x)
	if err != nil || loc.Reason != ReasonDefault || loc.Dir != def || loc.Config != "" {
		t.Errorf("in a work tree under a shared config: %+v, %v; want the default dir", loc, err)
	}
	// a worktree or submodule has a .git file: the same stop
	wt := filepath.Join(shared, "wt")
	os.MkdirAll(wt, 0o755)
	os.WriteFile(filepath.Join(wt, ".git"), []byte("gitdir: /elsewhere\n"), 0o644)
	if cfg, err := FindConfig(wt, ""); cfg != "" || err != nil {
		t.Errorf("a .git file is not a stop: %q, %v", cfg, err)
	}
	// the repository's own config, at its top, is found
	os.WriteFile(filepath.Join(repo, ConfigName), []byte("notes_dir: docs/retros\n"), 0o644)
	if cfg, err := FindConfig(filepath.Join(repo, "sub", "deeper"), ""); cfg != filepath.Join(repo, ConfigName) || err != nil {
		t.Errorf("FindConfig in the repo = %q, %v", cfg, err)
	}

	// outside any work tree, the search stops at home
	home := filepath.Join(shared, "home", "me")
	os.MkdirAll(filepath.Join(home, "notes"), 0o755)
	env := func(k string) string {
		if k == "HOME" {
			return home
		}
		return ""
	}
	loc, err = Resolve("", env, filepath.Join(home, "notes"), x)
	if err != nil || loc.Reason != ReasonDefault || loc.Config != "" {
		t.Errorf("under home, below a shared config: %+v, %v; want the default dir", loc, err)
	}
	// home's own config is used
	os.WriteFile(filepath.Join(home, ConfigName), []byte("notes_dir: notes\n"), 0o644)
	if loc, err = Resolve("", env, filepath.Join(home, "notes"), x); err != nil || loc.Reason != ReasonRepo || loc.Dir != filepath.Join(home, "notes") {
		t.Errorf("home's config: %+v, %v", loc, err)
	}
}
