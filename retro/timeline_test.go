package retro

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/retrokata/retrokata/internal/git"
)

// timelineRepo builds a repository with merges, tags, reverts, hotfixes,
// a rollback and plain commits, each at a fixed date, so hashes and the
// golden are the same on every run.
func timelineRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	date := ""
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t",
			"GIT_COMMITTER_EMAIL=t@example.com", "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	commit := func(when, file, msg string) {
		t.Helper()
		date = when
		if err := os.WriteFile(filepath.Join(dir, file), []byte(msg), 0o644); err != nil {
			t.Fatal(err)
		}
		run("add", file)
		run("commit", "-qm", msg)
	}
	date = "2026-11-01T09:00:00+01:00"
	run("init", "-q", "-b", "main")
	run("config", "commit.gpgsign", "false")
	run("config", "tag.gpgsign", "false")
	commit("2026-11-01T09:00:00+01:00", "a", "Initial commit")
	run("tag", "v0.9")
	commit("2026-11-03T10:00:00+01:00", "b", "Add canary stage")
	run("checkout", "-qb", "feature")
	commit("2026-11-04T11:00:00+01:00", "c", "Cache prices")
	run("checkout", "-q", "main")
	date = "2026-11-05T12:00:00+01:00"
	run("merge", "-q", "--no-ff", "-m", "Merge branch 'feature'", "feature")
	run("tag", "v1.0")
	commit("2026-11-06T13:00:00+01:00", "d", "Hotfix: payment timeout")
	date = "2026-11-07T14:00:00+01:00"
	run("revert", "--no-edit", "HEAD")
	commit("2026-11-08T15:00:00+01:00", "e", "Roll back config to 2.3 after incident 42")
	commit("2026-11-09T16:00:00+01:00", "f", "Docs typo")
	run("checkout", "-qb", "hotfix/login")
	commit("2026-11-10T17:00:00+01:00", "g", "Fix login redirect")
	run("checkout", "-q", "main")
	date = "2026-11-11T18:00:00+01:00"
	run("merge", "-q", "--no-ff", "-m", "Merge branch 'hotfix/login'", "hotfix/login")
	run("tag", "-a", "-m", "release", "v1.1")
	commit("2026-11-12T19:00:00+01:00", "h", "Write incident \x1b[31mreport\x1b[0m")
	return dir
}

func timelineOf(t *testing.T, dir, since string, after time.Time, max int) []Event {
	t.Helper()
	log, err := git.Log(context.Background(), dir, since, after, TimelineMaxCommits)
	if err != nil {
		t.Fatal(err)
	}
	commits := make([]Commit, len(log))
	for i, e := range log {
		commits[i] = Commit(e)
	}
	ev, _ := Timeline(commits, max)
	return ev
}

func lines(ev []Event) string {
	var b strings.Builder
	for _, e := range ev {
		b.WriteString(e.Line() + "\n")
	}
	return b.String()
}

func TestTimelineGolden(t *testing.T) {
	dir := timelineRepo(t)
	after := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	ev := timelineOf(t, dir, "", after, TimelineMaxEvents)
	golden.RequireEqual(t, []byte(lines(ev)))

	// since a revision: only what came after the v1.0 tag
	got := lines(timelineOf(t, dir, "v1.0", time.Time{}, TimelineMaxEvents))
	if strings.Contains(got, "Merge branch 'feature'") || strings.Contains(got, "v1.0") || !strings.Contains(got, "Hotfix: payment timeout") {
		t.Errorf("since v1.0:\n%s", got)
	}
	// count: the newest three
	last := timelineOf(t, dir, "", after, 3)
	if len(last) != 3 || last[2].Subject != "Write incident report" || last[0].Kind != EventHotfix {
		t.Errorf("newest 3:\n%s", lines(last))
	}
	if _, err := git.Log(context.Background(), dir, "no-such-tag", time.Time{}, 10); err == nil || !strings.Contains(err.Error(), `unknown revision "no-such-tag"`) {
		t.Errorf("unknown revision: %v", err)
	}
	if _, err := git.Log(context.Background(), dir, "--output=/tmp/x", time.Time{}, 10); err == nil {
		t.Error("a revision that looks like an option is refused")
	}
}

func TestTimelineSince(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for _, c := range []struct{ last, want time.Time }{
		{time.Time{}, now.Add(-TimelineDefaultWindow)},
		{now.Add(-14 * 24 * time.Hour), now.Add(-14 * 24 * time.Hour)},
		{now.Add(-400 * 24 * time.Hour), now.Add(-TimelineMaxWindow)},
		{now.Add(time.Hour), now.Add(-TimelineDefaultWindow)},
	} {
		if got := TimelineSince(c.last, now); !got.Equal(c.want) {
			t.Errorf("TimelineSince(%v) = %v, want %v", c.last, got, c.want)
		}
	}
	ev := Event{Kind: EventRevert, Date: now, SHA: "abc1234", Subject: `Revert "Cache prices"`}
	if ev.Card() != `Revert "Cache prices" (revert, 2026-11-23)` {
		t.Errorf("card %q", ev.Card())
	}
}
