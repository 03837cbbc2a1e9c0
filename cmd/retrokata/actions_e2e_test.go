package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
)

// Three retros in a real terminal on one notes dir in a git repository,
// each saved with --commit: retro 1 agrees two actions; retro 2 marks one
// done and carries the other; retro 3 drops the carried one. After each,
// actions --json gives every action once with the expected status, home
// shows the open and overdue counts, the earlier notes changed only on the
// decided lines, and the retro is one commit of exactly the new note and
// the notes it edited.
func TestThreeRetrosFollowThrough(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	home, vars := isolatedEnv(t)
	repo := filepath.Join(home, "repo")
	dir := filepath.Join(repo, "docs", "retros")
	os.MkdirAll(dir, 0o755)
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", repo}, args...)...)
		cmd.Env = append(os.Environ(), vars...)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	git("init", "-q")
	git("config", "user.name", "Alice")
	git("config", "user.email", "alice@example.com")
	git("config", "commit.gpgsign", "false")
	os.WriteFile(filepath.Join(repo, ".retrokata.yaml"), []byte("notes_dir: docs/retros\n"), 0o644)
	os.WriteFile(filepath.Join(repo, "code.txt"), []byte("unrelated work in progress\n"), 0o644)
	git("add", ".retrokata.yaml")
	git("commit", "-qm", "retrokata")
	git("add", "code.txt") // staged by the user: must stay out of the retro commits

	statuses := func() string {
		t.Helper()
		out, errOut, code := runCLIWith(t, func(e *env) { e.wd = repo }, "actions", "--all", "--json")
		var l []actionJSON
		if err := json.Unmarshal([]byte(out), &l); err != nil || code != 0 {
			t.Fatalf("actions --json: exit %d %v %s", code, err, errOut)
		}
		var s []string
		for _, a := range l {
			s = append(s, a.ID+" "+a.Status)
		}
		sort.Strings(s)
		return strings.Join(s, ", ")
	}
	homeShows := func(want string) {
		t.Helper()
		s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: vars, Dir: repo}, binPath)
		s.WaitFor("[r] Run a retro", wait)
		s.WaitFor(want, wait)
		s.Keys("q")
		if code := s.WaitExit(wait); code != 0 {
			t.Fatalf("home: exit code %d", code)
		}
	}
	lastCommit := func() string {
		t.Helper()
		files := strings.Fields(git("show", "--name-only", "--format=", "HEAD"))
		sort.Strings(files)
		return strings.Join(files, " ")
	}
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	// retro runs a retro of team pay titled title: decide is called on the
	// previous actions screen, then the actions are added.
	retro := func(title string, decide func(s *tmuxtest.Session), actions ...[3]string) string {
		t.Helper()
		s := tmuxtest.Start(t, tmuxtest.Options{Width: 100, Height: 30, Env: vars, Dir: repo},
			binPath, "retro", "--team", "pay", "--title", title, "--facilitator", "Alice", "--commit")
		s.WaitFor("esc done editing", wait)
		s.Keys("Escape")
		s.WaitFor("tab next phase", wait)
		s.Keys("Tab")
		s.WaitFor("[2 Previous actions]", wait)
		decide(s)
		for _, want := range []string{"[3 Problems]", "[4 Vote]", "[5 Discuss]", "[6 Actions]"} {
			s.Keys("Tab")
			s.WaitFor(want, wait)
		}
		for _, a := range actions {
			s.Keys("a")
			s.WaitFor("esc done editing", wait)
			s.Type(a[0])
			s.Keys("Tab")
			s.Type(a[1])
			s.Keys("Tab")
			s.Type(a[2])
			s.WaitFor(a[2], wait)
			s.Keys("Escape")
			s.WaitFor("@"+a[1]+" · due "+a[2], wait)
		}
		s.Keys("Tab")
		s.WaitFor("[7 Close]", wait)
		s.Keys("s")
		if code := s.WaitExit(wait); code != 0 {
			t.Fatalf("%s: exit code %d\n%s", title, code, s.Screen())
		}
		s.WaitFor("Committed it to git.", wait)
		files, _ := filepath.Glob(filepath.Join(dir, "*-"+strings.ToLower(strings.ReplaceAll(title, " ", "-"))+".md"))
		if len(files) != 1 {
			t.Fatalf("%s: notes %v", title, files)
		}
		return filepath.Base(files[0])
	}

	n1 := retro("Sprint 1", func(s *tmuxtest.Session) { s.WaitFor("No open action for pay", wait) },
		[3]string{"Add a canary stage", "alice", "2099-12-01"},
		[3]string{"Alert on orders per minute", "bob", "2020-01-01"})
	id1 := strings.TrimSuffix(n1, ".md")
	if got, want := statuses(), id1+"#1 open, "+id1+"#2 open"; got != want {
		t.Fatalf("after retro 1: %s, want %s", got, want)
	}
	if got := lastCommit(); got != "docs/retros/"+n1 {
		t.Errorf("retro 1's commit holds %q", got)
	}
	homeShows("2 open · 1 overdue")
	before1 := read(n1)

	n2 := retro("Sprint 2", func(s *tmuxtest.Session) {
		s.WaitFor("2 open actions for pay, oldest first (1 overdue)", wait)
		s.Keys("x")
		s.WaitFor("done", wait)
		s.Keys("Down", "c")
		s.WaitFor("carried over", wait)
	})
	id2 := strings.TrimSuffix(n2, ".md")
	if got, want := statuses(), id1+"#1 done, "+id1+"#2 carried, "+id2+"#1 open"; got != want {
		t.Fatalf("after retro 2: %s, want %s", got, want)
	}
	if got, want := lastCommit(), "docs/retros/"+n1+" docs/retros/"+n2; got != want {
		t.Errorf("retro 2's commit holds %q, want %q", got, want)
	}
	homeShows("1 open · 1 overdue")
	after1 := read(n1)
	if d := diffLines(before1, after1); d != "- [ ] Add a canary stage (@alice, due 2099-12-01) => - [x] Add a canary stage (@alice, due 2099-12-01)\n"+
		"- [ ] Alert on orders per minute (@bob, due 2020-01-01) => - [x] ~~Alert on orders per minute~~ (@bob, due 2020-01-01) — carried over to ["+id2+"]("+n2+")\n" {
		t.Errorf("retro 1's note changed:\n%s", d)
	}
	if !strings.Contains(read(n2), "\n- [ ] Alert on orders per minute (@bob, due 2020-01-01) — carried over from ["+id1+"]("+n1+")\n") {
		t.Errorf("retro 2's actions:\n%s", read(n2))
	}
	before2 := read(n2)

	n3 := retro("Sprint 3", func(s *tmuxtest.Session) {
		s.WaitFor("1 open action for pay, oldest first (1 overdue)", wait)
		s.Keys("d")
		s.WaitFor("dropped", wait)
	})
	id3 := strings.TrimSuffix(n3, ".md")
	if got, want := statuses(), id1+"#1 done, "+id1+"#2 carried, "+id2+"#1 dropped"; got != want {
		t.Fatalf("after retro 3: %s, want %s", got, want)
	}
	if got, want := lastCommit(), "docs/retros/"+n2+" docs/retros/"+n3; got != want {
		t.Errorf("retro 3's commit holds %q, want %q", got, want)
	}
	homeShows("0 open")
	if read(n1) != after1 {
		t.Error("retro 3 changed retro 1's note")
	}
	day := strings.Join(strings.SplitN(id3, "-", 4)[:3], "-")
	if d := diffLines(before2, read(n2)); d != "- [ ] Alert on orders per minute (@bob, due 2020-01-01) — carried over from ["+id1+"]("+n1+") => "+
		"- [x] ~~Alert on orders per minute~~ (@bob, due 2020-01-01) — carried over from ["+id1+"]("+n1+") — dropped "+day+"\n" {
		t.Errorf("retro 2's note changed:\n%s", d)
	}
	if st := git("status", "--porcelain"); st != "A  code.txt" {
		t.Errorf("git status after three retros: %q", st)
	}
}

// diffLines lists "old => new" for the lines that differ (same count).
func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	if len(al) != len(bl) {
		return "line count changed"
	}
	var out strings.Builder
	for i := range al {
		if al[i] != bl[i] {
			out.WriteString(al[i] + " => " + bl[i] + "\n")
		}
	}
	return out.String()
}
