package tui

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// Two clones add inbox cards on their own branches, the branches merge
// without a conflict, the next retro picks both cards up as problems, and
// saving with a commit removes them in the note's commit.
func TestInboxCardsFromTwoClonesReachTheRetro(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	root := t.TempDir()
	git := func(dir string, args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.com", "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	origin := filepath.Join(root, "origin")
	os.MkdirAll(filepath.Join(origin, "docs", "retros"), 0o755)
	git(origin, "init", "-q", "-b", "main")
	os.WriteFile(filepath.Join(origin, "docs", "retros", ".keep"), nil, 0o644)
	git(origin, "add", "-A")
	git(origin, "commit", "-qm", "init")
	now := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, c := range []string{"a", "b"} {
		clone := filepath.Join(root, c)
		git(root, "clone", "-q", origin, clone)
		// the same second and title on purpose: the random part keeps them apart
		if _, err := notes.AddInbox(filepath.Join(clone, "docs", "retros"), "Deploy froze", "seen by "+c, "pay", now); err != nil {
			t.Fatal(err)
		}
		git(clone, "add", "-A")
		git(clone, "commit", "-qm", "card "+c)
		git(clone, "push", "-q", "origin", "HEAD:refs/heads/"+c)
	}
	git(origin, "merge", "-q", "a")
	git(origin, "merge", "-q", "--no-edit", "b")
	dir := filepath.Join(origin, "docs", "retros")
	cards, err := notes.ReadInbox(dir)
	if err != nil || len(cards) != 2 {
		t.Fatalf("after the merge: %v %+v", err, cards)
	}
	// a card that does not parse is reported and kept
	broken := filepath.Join(notes.InboxDir(dir), "20261120T090000Z-broken-aaaaaa.md")
	os.WriteFile(broken, []byte("no front matter\n"), 0o644)
	cards, _ = notes.ReadInbox(dir)

	m := newTestRetro(t, 80, 24, func(c *common, o *RetroOptions) { c.location.Dir, c.notesDir, o.Inbox = dir, dir, cards })
	if len(m.s.Problems) != 2 || m.s.Problems[0].Title != "Deploy froze" || !strings.HasPrefix(m.s.Problems[0].What+m.s.Problems[1].What, "seen by ") {
		t.Fatalf("problems from the inbox: %+v", m.s.Problems)
	}
	if !strings.Contains(m.status, "2 card(s) from the inbox; 1 could not be read") {
		t.Fatalf("status: %q", m.status)
	}
	m, _ = press(m, "esc")
	m.s.Goto(retro.PhaseClose, 0)
	m, cmd := press(m, "g")
	if cmd == nil {
		t.Fatal("g does not save")
	}
	cmd = m.update(cmd())
	if m.result.Saved == "" || m.result.InboxErr != nil {
		t.Fatalf("not saved: %s %v", m.status, m.result.InboxErr)
	}
	for _, msg := range runCmd(cmd) {
		if c, ok := msg.(committedMsg); ok {
			m.update(c)
		}
	}
	if !m.result.Committed {
		t.Fatalf("not committed: %v", m.result.CommitErr)
	}
	left, _ := notes.ReadInbox(dir)
	if len(left) != 1 || left[0].Path != broken {
		t.Fatalf("inbox after save: %+v", left)
	}
	files := git(origin, "show", "--name-status", "--format=", "HEAD")
	if strings.Count(files, "D\tdocs/retros/inbox/") != 2 || !strings.Contains(files, "A\tdocs/retros/2026-11-23-") {
		t.Fatalf("the note's commit:\n%s", files)
	}
	if st := git(origin, "status", "--porcelain", "-uall"); st != "?? docs/retros/inbox/20261120T090000Z-broken-aaaaaa.md" {
		t.Fatalf("left uncommitted: %q", st)
	}
	// a retro that resumes its draft does not take the same cards twice
	m2 := newTestRetro(t, 80, 24, func(_ *common, o *RetroOptions) {
		o.Inbox = cards
		o.Draft, o.Resume = &retro.Draft{Session: m.s}, true
	})
	if len(m2.s.Problems) != 2 {
		t.Fatalf("resumed draft took cards twice: %d problems", len(m2.s.Problems))
	}
}
