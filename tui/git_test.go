package tui

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestGitCommit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	outside := filepath.Join(t.TempDir(), "note.md")
	os.WriteFile(outside, []byte("x\n"), 0o644)
	if err := GitCommit(context.Background(), outside, "retro: x"); err == nil || !strings.Contains(err.Error(), "not in a git work tree") {
		t.Errorf("outside a repository: %v", err)
	}

	repo := t.TempDir()
	git := func(args ...string) string {
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
	os.WriteFile(filepath.Join(repo, "other.md"), []byte("staged but not ours\n"), 0o644)
	git("add", "other.md")
	note := filepath.Join(repo, "docs", "retros", "2026-11-23-sprint-42.md")
	os.MkdirAll(filepath.Dir(note), 0o755)
	os.WriteFile(note, []byte("note\n"), 0o644)
	if err := GitCommit(context.Background(), note, "retro: Sprint 42"); err != nil {
		t.Fatal(err)
	}
	if log := git("log", "--format=%s", "--name-only"); !strings.Contains(log, "retro: Sprint 42") || !strings.Contains(log, "2026-11-23-sprint-42.md") || strings.Contains(log, "other.md") {
		t.Errorf("commit holds exactly the note:\n%s", log)
	}
}
