package tui

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

func gitRepo(t *testing.T) (string, func(args ...string) string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo := t.TempDir()
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return string(out)
	}
	git("init", "-q")
	git("config", "user.name", "t")
	git("config", "user.email", "t@example.com")
	git("config", "commit.gpgsign", "false")
	return repo, git
}

func TestCommitNotes(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "note.md")
	os.WriteFile(outside, []byte("x\n"), 0o644)
	if _, err := exec.LookPath("git"); err == nil {
		if err := CommitNotes(context.Background(), filepath.Dir(outside), []string{outside}, "retro: x"); err == nil || !strings.Contains(err.Error(), "not in a git work tree") {
			t.Errorf("outside a repository: %v", err)
		}
	}

	repo, git := gitRepo(t)
	os.WriteFile(filepath.Join(repo, "other.md"), []byte("staged but not ours\n"), 0o644)
	git("add", "other.md")
	note := filepath.Join(repo, "docs", "retros", "2026-11-23-sprint-42.md")
	os.MkdirAll(filepath.Dir(note), 0o755)
	os.WriteFile(note, []byte("note\n"), 0o644)
	if err := CommitNotes(context.Background(), repo, []string{note}, "retro: Sprint 42"); err != nil {
		t.Fatal(err)
	}
	if log := git("log", "--format=%s", "--name-only"); !strings.Contains(log, "retro: Sprint 42") || !strings.Contains(log, "2026-11-23-sprint-42.md") || strings.Contains(log, "other.md") {
		t.Errorf("commit holds exactly the note:\n%s", log)
	}
}

// Issue 14 item 1, through the retro: the notes dir of a cloned repository
// is shaped like a git directory with a pre-commit hook. Saving with g
// commits the note in the repository holding .retrokata.yaml and the hook
// never runs (it used to run `git -C <notes dir>`).
func TestRetroCommitIgnoresANotesDirShapedLikeAGitDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell hooks")
	}
	repo, git := gitRepo(t)
	marker := filepath.Join(t.TempDir(), "HOOK_RAN")
	nd := filepath.Join(repo, "docs", "retros")
	for _, d := range []string{"objects", "refs", "hooks"} {
		os.MkdirAll(filepath.Join(nd, d), 0o755)
		os.WriteFile(filepath.Join(nd, d, ".keep"), nil, 0o644)
	}
	os.WriteFile(filepath.Join(nd, "HEAD"), []byte("ref: refs/heads/main\n"), 0o644)
	os.WriteFile(filepath.Join(nd, "config"), []byte("[core]\n\tbare = false\n\tworktree = .\n"), 0o644)
	os.WriteFile(filepath.Join(nd, "hooks", "pre-commit"), []byte("#!/bin/sh\ntouch '"+marker+"'\n"), 0o755)
	os.WriteFile(filepath.Join(repo, notes.ConfigName), []byte("notes_dir: docs/retros\n"), 0o644)
	git("add", "-A")
	git("commit", "-qm", "clone")

	loc, err := notes.Resolve("", func(string) string { return "" }, repo, notes.XDG{})
	if err != nil {
		t.Fatal(err)
	}
	m := newTestRetro(t, 80, 24, func(c *common, _ *RetroOptions) { c.location, c.notesDir = loc, loc.Dir })
	m, _ = press(m, "type:Hook test", "esc")
	m.s.Phase = retro.PhaseClose
	m, cmd := press(m, "g")
	if cmd == nil {
		t.Fatal("g does not save")
	}
	cmd = m.update(cmd())
	if m.result.Saved == "" {
		t.Fatalf("not saved: %s", m.status)
	}
	for _, msg := range runCmd(cmd) {
		if c, ok := msg.(committedMsg); ok {
			m.update(c)
		}
	}
	if m.result.CommitErr != nil || !m.result.Committed {
		t.Fatalf("commit: %v", m.result.CommitErr)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the pre-commit hook planted in the notes dir ran")
	}
	if log := git("log", "-1", "--format=%s", "--name-only"); !strings.Contains(log, "retro: Hook test") || !strings.Contains(log, "docs/retros/"+filepath.Base(m.result.Saved)) {
		t.Errorf("the note is not committed in the repository holding .retrokata.yaml:\n%s", log)
	}
}

// Ctrl+C while the commit runs (a hook of the user's repo that hangs)
// cancels it and the retro ends saying the note is saved, not committed.
func TestRetroCtrlCCancelsTheCommit(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell hooks")
	}
	repo, _ := gitRepo(t)
	started := filepath.Join(t.TempDir(), "started")
	os.WriteFile(filepath.Join(repo, ".git", "hooks", "pre-commit"), []byte("#!/bin/sh\ntouch '"+started+"'\nsleep 600\n"), 0o755)
	m := newTestRetro(t, 80, 24, func(c *common, _ *RetroOptions) {
		c.location = notes.Location{Dir: filepath.Join(repo, "notes"), Reason: notes.ReasonRepo, Config: filepath.Join(repo, notes.ConfigName)}
		c.notesDir = c.location.Dir
	})
	m, _ = press(m, "type:Slow hook", "esc")
	m.s.Phase = retro.PhaseClose
	m, cmd := press(m, "g")
	cmd = m.update(cmd())
	if m.result.Saved == "" {
		t.Fatalf("not saved: %s", m.status)
	}
	msgs := make(chan []tea.Msg, 1)
	go func() { msgs <- runCmd(cmd) }()
	for {
		if _, err := os.Stat(started); err == nil {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	m, _ = press(m, "ctrl+c")
	var res tea.Cmd
	for _, msg := range <-msgs {
		if c, ok := msg.(committedMsg); ok {
			res = m.update(c)
		}
	}
	if !errors.Is(m.result.CommitErr, context.Canceled) || m.result.Committed {
		t.Errorf("after Ctrl+C: committed %v, err %v", m.result.Committed, m.result.CommitErr)
	}
	if !quits(runCmd(res)) {
		t.Error("the retro does not end after the cancelled commit")
	}
}
