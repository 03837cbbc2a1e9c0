package git

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// repo makes a git repository in a temp dir and returns it with a helper
// that runs git in it the plain way (as a user would).
func repo(t *testing.T) (string, func(args ...string) string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
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
	return dir, git
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCommitExactlyThePathsGiven(t *testing.T) {
	dir, git := repo(t)
	write(t, filepath.Join(dir, "other.md"), "staged but not ours\n")
	git("add", "other.md")
	a := filepath.Join(dir, "docs", "retros", "2026-11-23-sprint-42.md")
	b := filepath.Join(dir, "docs", "retros", "2026-11-16-sprint-41.md")
	write(t, a, "note\n")
	write(t, b, "old note\n")
	top, err := Toplevel(context.Background(), filepath.Join(dir, "docs"))
	if err != nil || top != dir {
		t.Fatalf("Toplevel = %q, %v; want %q", top, err, dir)
	}
	if err := Commit(context.Background(), top, []string{a, b}, "retro: Sprint 42"); err != nil {
		t.Fatal(err)
	}
	log := git("log", "--format=%s", "--name-only")
	if !strings.Contains(log, "retro: Sprint 42") || !strings.Contains(log, "2026-11-23-sprint-42.md") ||
		!strings.Contains(log, "2026-11-16-sprint-41.md") || strings.Contains(log, "other.md") {
		t.Errorf("the commit holds exactly the two notes:\n%s", log)
	}
	if st := git("status", "--porcelain"); !strings.Contains(st, "A  other.md") {
		t.Errorf("what the user staged stays staged: %q", st)
	}
}

func TestToplevelOutsideARepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	t.Setenv("GIT_CEILING_DIRECTORIES", filepath.Dir(dir))
	_, err := Toplevel(context.Background(), dir)
	if !errors.Is(err, ErrNotWorkTree) {
		t.Errorf("Toplevel outside a repository: %v, want ErrNotWorkTree", err)
	}
}

// plantGitDir shapes dir like a git directory whose pre-commit hook
// touches marker: what a hostile repository can commit.
func plantGitDir(t *testing.T, dir, marker string) {
	t.Helper()
	for _, d := range []string{"objects", "refs", "hooks"} {
		write(t, filepath.Join(dir, d, ".keep"), "")
	}
	write(t, filepath.Join(dir, "HEAD"), "ref: refs/heads/main\n")
	write(t, filepath.Join(dir, "config"), "[core]\n\tbare = false\n\tworktree = .\n")
	hook := filepath.Join(dir, "hooks", "pre-commit")
	write(t, hook, "#!/bin/sh\ntouch '"+marker+"'\n")
	if err := os.Chmod(hook, 0o755); err != nil {
		t.Fatal(err)
	}
}

// Issue 14 item 1: a notes dir shaped like a git dir (HEAD, config,
// objects/, refs/, hooks/pre-commit) must not be taken for a repository:
// the planted hook never runs and the note lands in the outer repository.
func TestCommitNeverRunsAHookPlantedInTheNotesDir(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell hooks")
	}
	dir, git := repo(t)
	marker := filepath.Join(t.TempDir(), "HOOK_RAN")
	notesDir := filepath.Join(dir, "docs", "retros")
	write(t, filepath.Join(dir, ".retrokata.yaml"), "notes_dir: docs/retros\n")
	plantGitDir(t, notesDir, marker)
	git("add", "-A")
	git("commit", "-qm", "clone")

	note := filepath.Join(notesDir, "2026-11-23-hook-test.md")
	write(t, note, "# Hook test\n")
	top, err := Toplevel(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := Commit(context.Background(), top, []string{note}, "retro: Hook test"); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the pre-commit hook planted in the notes dir ran")
	}
	if log := git("log", "-1", "--format=%s", "--name-only"); !strings.Contains(log, "retro: Hook test") || !strings.Contains(log, "docs/retros/2026-11-23-hook-test.md") {
		t.Errorf("the note is not in the outer repository's commit:\n%s", log)
	}

	// Asked about the notes dir itself, git refuses the planted repository
	// instead of using it.
	if top, err := Toplevel(context.Background(), notesDir); err == nil && top != dir {
		t.Errorf("Toplevel(notes dir) = %q: git took the planted dir for a repository", top)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Fatal("the planted hook ran")
	}
}

func TestCommitRefusesPathsOutsideTheWorkTree(t *testing.T) {
	dir, _ := repo(t)
	outside := filepath.Join(t.TempDir(), "note.md")
	write(t, outside, "x\n")
	if err := Commit(context.Background(), dir, []string{outside}, "x"); !errors.Is(err, ErrOutside) {
		t.Errorf("a file outside: %v, want ErrOutside", err)
	}
	if err := Commit(context.Background(), dir, []string{filepath.Join(dir, ".git", "config")}, "x"); !errors.Is(err, ErrOutside) {
		t.Errorf("a file in .git: %v, want ErrOutside", err)
	}
	// A symlinked dir inside the repo that points out of it.
	if err := os.Symlink(filepath.Dir(outside), filepath.Join(dir, "link")); err != nil {
		t.Skip(err)
	}
	if err := Commit(context.Background(), dir, []string{filepath.Join(dir, "link", "note.md")}, "x"); !errors.Is(err, ErrOutside) {
		t.Errorf("a file through a symlink out of the repo: %v, want ErrOutside", err)
	}
}

// The environment cannot point git at another repository.
func TestCommitIgnoresGitDirFromTheEnvironment(t *testing.T) {
	dir, git := repo(t)
	other, otherGit := repo(t)
	write(t, filepath.Join(other, "x"), "x")
	otherGit("add", "x")
	otherGit("commit", "-qm", "other")
	t.Setenv("GIT_DIR", filepath.Join(other, ".git"))
	t.Setenv("GIT_WORK_TREE", other)
	note := filepath.Join(dir, "n.md")
	write(t, note, "n\n")
	if err := Commit(context.Background(), dir, []string{note}, "retro: n"); err != nil {
		t.Fatal(err)
	}
	os.Unsetenv("GIT_DIR")
	os.Unsetenv("GIT_WORK_TREE")
	if log := git("log", "--format=%s"); !strings.Contains(log, "retro: n") {
		t.Errorf("not committed in the work tree given: %q", log)
	}
	if log := otherGit("log", "--format=%s"); strings.Contains(log, "retro: n") {
		t.Errorf("committed in $GIT_DIR: %q", log)
	}
}

// Cancelling the context (Ctrl+C in the TUI) stops a commit whose hook
// hangs, and says so.
func TestCommitCancelledByTheContext(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("shell hooks")
	}
	dir, _ := repo(t)
	started := filepath.Join(t.TempDir(), "started")
	write(t, filepath.Join(dir, ".git", "hooks", "pre-commit"), "#!/bin/sh\ntouch '"+started+"'\nsleep 600\n")
	os.Chmod(filepath.Join(dir, ".git", "hooks", "pre-commit"), 0o755)
	note := filepath.Join(dir, "n.md")
	write(t, note, "n\n")
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- Commit(ctx, dir, []string{note}, "retro: n") }()
	// Cancel once the hook runs (git has started the commit).
	for {
		if _, err := os.Stat(started); err == nil {
			break
		}
		select {
		case err := <-errc:
			t.Fatalf("Commit returned before the hook ran: %v", err)
		default:
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	err := <-errc
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Commit after cancel: %v, want context.Canceled", err)
	}
}

func TestTrailers(t *testing.T) {
	dir, git := repo(t)
	if got, err := Trailers(context.Background(), dir, "", "Retro-Action"); err != nil || got != nil {
		t.Fatalf("a repository without commits: %v, %v", got, err)
	}
	commit := func(msg string) string {
		write(t, filepath.Join(dir, "f"), msg)
		git("add", "f")
		git("commit", "-qm", msg)
		return strings.TrimSpace(git("rev-parse", "HEAD"))
	}
	first := commit("Add smoke test\n\nRetro-Action: 2026-11-16-sprint-41#1\n")
	commit("Unrelated change\n\nSigned-off-by: t <t@example.com>\n")
	third := commit("Canary stage and runbook\n\nBody text.\n\nRetro-Action: 2026-11-23-sprint-42#1\nSigned-off-by: t <t@example.com>\nRetro-Action: 2026-11-23-sprint-42#2\n")

	got, err := Trailers(context.Background(), dir, "", "Retro-Action")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].SHA != third || got[1].SHA != first {
		t.Fatalf("Trailers = %+v", got)
	}
	if got[0].Subject != "Canary stage and runbook" || !slices.Equal(got[0].Values, []string{"2026-11-23-sprint-42#1", "2026-11-23-sprint-42#2"}) {
		t.Errorf("newest: %+v", got[0])
	}
	if !slices.Equal(got[1].Values, []string{"2026-11-16-sprint-41#1"}) || got[1].Short() != first[:7] {
		t.Errorf("oldest: %+v", got[1])
	}
	since, err := Trailers(context.Background(), dir, first, "Retro-Action")
	if err != nil || len(since) != 1 || since[0].SHA != third {
		t.Errorf("since the first: %+v, %v", since, err)
	}
	if _, err := Trailers(context.Background(), dir, "--output=/tmp/x", "Retro-Action"); err == nil {
		t.Error("a revision that looks like an option is refused")
	}
	if _, err := Trailers(context.Background(), dir, "", "Retro-Action,key=x"); err == nil {
		t.Error("a key that changes the format is refused")
	}
}
