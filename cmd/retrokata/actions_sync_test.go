package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// syncRepo is a git repository holding .retrokata.yaml and the two notes
// of statusDir under docs/retros, committed.
func syncRepo(t *testing.T) (repo string, git func(args ...string) string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	repo = t.TempDir()
	git = func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("config", "commit.gpgsign", "false")
	dir := filepath.Join(repo, "docs", "retros")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(repo, ".retrokata.yaml"), []byte("notes_dir: docs/retros\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "2026-11-16-sprint-43.md"), []byte(sprint43), 0o644)
	os.WriteFile(filepath.Join(dir, "2026-11-23-sprint-44.md"), []byte(strings.ReplaceAll(sprint44, "\n", "\r\n")), 0o644)
	git("add", "-A")
	git("commit", "-qm", "notes")
	return repo, git
}

// changedLines lists the lines of after that differ from before (same
// line count expected).
func changedLines(t *testing.T, before, after []byte) []string {
	t.Helper()
	b, a := bytes.Split(before, []byte("\n")), bytes.Split(after, []byte("\n"))
	if len(a) != len(b) {
		t.Fatalf("line count changed: %d -> %d", len(b), len(a))
	}
	var out []string
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			out = append(out, string(b[i])+" => "+string(a[i]))
		}
	}
	return out
}

func TestActionsSyncClosesFromTrailers(t *testing.T) {
	repo, git := syncRepo(t)
	sync := func(args ...string) (string, string, int) {
		return runCLIWith(t, func(e *env) { e.wd = repo }, append([]string{"actions", "sync"}, args...)...)
	}
	note := filepath.Join(repo, "docs", "retros", "2026-11-23-sprint-44.md")
	before, _ := os.ReadFile(note)

	if out, errOut, code := sync(); code != 0 || out != "" || !strings.Contains(errOut, "Nothing to tick: 0 actions named in 0 commits") {
		t.Errorf("no trailers yet: exit %d %q %q", code, out, errOut)
	}
	os.WriteFile(filepath.Join(repo, "alert.txt"), []byte("x\n"), 0o644)
	git("add", "alert.txt")
	git("commit", "-qm", "Add the orders alert", "-m", "Retro-Action: 2026-11-23-sprint-44#2\nRetro-Action: 2026-11-16-sprint-43#2")
	sha := git("rev-parse", "--short=7", "HEAD")

	out, errOut, code := sync("--dry-run")
	want := "would tick 2026-11-23-sprint-44#2 (" + sha + " Add the orders alert)\nwould tick 2026-11-23-sprint-44#1 (" + sha + " Add the orders alert)\n"
	if code != 0 || out != want || !strings.Contains(errOut, "Dry run: nothing changed.") {
		t.Errorf("dry run: exit %d\n%s%s", code, out, errOut)
	}
	if after, _ := os.ReadFile(note); !bytes.Equal(after, before) || git("status", "--porcelain") != "" {
		t.Fatalf("--dry-run changed something: %s", git("status", "--porcelain"))
	}

	// the carried action is ticked where it is open now
	out, _, code = sync()
	if code != 0 || out != strings.ReplaceAll(want, "would tick", "done") {
		t.Errorf("sync: exit %d\n%s", code, out)
	}
	after, _ := os.ReadFile(note)
	got := changedLines(t, before, after)
	wantLines := []string{
		"- [ ] Add a canary stage (@alice, due 2026-12-01) — carried over from [2026-11-16-sprint-43](2026-11-16-sprint-43.md)\r => - [x] Add a canary stage (@alice, due 2026-12-01) — carried over from [2026-11-16-sprint-43](2026-11-16-sprint-43.md)\r",
		"- [ ] Alert on orders per minute (@bob, carol, due 2020-01-01)\r => - [x] Alert on orders per minute (@bob, carol, due 2020-01-01)\r",
	}
	if strings.Join(got, "\n") != strings.Join(wantLines, "\n") {
		t.Errorf("changed lines:\n%s", strings.Join(got, "\n"))
	}
	if git("status", "--porcelain") != "M docs/retros/2026-11-23-sprint-44.md" {
		t.Errorf("files changed: %s", git("status", "--porcelain"))
	}

	// idempotent
	out, errOut, code = sync()
	if again, _ := os.ReadFile(note); code != 0 || out != "" || !bytes.Equal(again, after) || !strings.Contains(errOut, "Nothing to tick: 2 actions named in 1 commit, already done.") {
		t.Errorf("second run: exit %d %q %q", code, out, errOut)
	}

	// an unknown id: reported, exit 1, the rest still done; --since skips older commits
	git("commit", "-qam", "tick")
	base := git("rev-parse", "HEAD")
	os.WriteFile(filepath.Join(repo, "alert.txt"), []byte("y\n"), 0o644)
	git("commit", "-qam", "Nothing to do with it", "-m", "Retro-Action: 2026-11-23-sprint-44#9")
	out, errOut, code = sync()
	if code != 1 || out != "" || !strings.Contains(errOut, "unknown action 2026-11-23-sprint-44#9 (") || !strings.Contains(errOut, "actions sync: 1 action not ticked") {
		t.Errorf("unknown id: exit %d %q %q", code, out, errOut)
	}
	if _, _, code := sync("--since", "HEAD"); code != 0 {
		t.Errorf("--since HEAD sees no commit: exit %d", code)
	}
	if _, errOut, code := sync("--since", "nosuchrev"); code != 1 || !strings.Contains(errOut, "--since") {
		t.Errorf("bad --since: exit %d %s", code, errOut)
	}

	// --commit commits exactly the ticked note
	os.WriteFile(filepath.Join(repo, "other.txt"), []byte("staged, not ours\n"), 0o644)
	git("add", "other.txt")
	os.WriteFile(filepath.Join(repo, "alert.txt"), []byte("z\n"), 0o644)
	git("commit", "-qm", "Ship the handover", "--only", "alert.txt", "-m", "Retro-Action: 2026-11-16-sprint-43#3")
	out, errOut, code = sync("--since", base, "--commit")
	if code != 1 || out != "" || strings.Contains(errOut, "Committed") {
		t.Errorf("nothing to tick, nothing to commit: exit %d %q %q", code, out, errOut)
	}
	if files := git("show", "--name-only", "--format=", "HEAD"); files != "alert.txt" {
		t.Errorf("sprint-43#3 was done already: nothing to commit, got %q", files)
	}
	sprint43Path := filepath.Join(repo, "docs", "retros", "2026-11-16-sprint-43.md")
	data, _ := os.ReadFile(sprint43Path)
	os.WriteFile(sprint43Path, bytes.Replace(data, []byte("- [x] Ship the smoke test"), []byte("- [ ] Ship the smoke test"), 1), 0o644)
	git("commit", "-qm", "reopen", "--only", "docs/retros/2026-11-16-sprint-43.md")
	out, errOut, code = sync("--since", base, "--commit")
	if code != 1 || !strings.Contains(out, "done 2026-11-16-sprint-43#3") || !strings.Contains(errOut, "Committed 1 note.") {
		t.Errorf("--commit: exit %d %q %q", code, out, errOut)
	}
	if files := git("show", "--name-only", "--format=", "HEAD"); files != "docs/retros/2026-11-16-sprint-43.md" {
		t.Errorf("the commit holds %q, want only the ticked note", files)
	}
	if st := git("status", "--porcelain"); st != "A  other.txt" {
		t.Errorf("what the user staged must stay staged and out of the commit: %q", st)
	}
}

func TestActionsSyncOutsideGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := statusDir(t)
	_, errOut, code := runCLI(t, nil, "actions", "sync", "--dir", dir)
	if code != 1 || !strings.Contains(errOut, "is not in a git work tree") {
		t.Errorf("exit %d %s", code, errOut)
	}
}
