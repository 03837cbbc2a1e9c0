package main

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
	"github.com/retrokata/retrokata/retro"
)

// SIGKILL at 30 random moments while a retro is being typed: after each,
// the draft parses and holds everything typed up to a second before the
// kill. Three runs go side by side; the seed is logged to replay one.
func TestFaultSIGKILLAtRandomMoments(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	for g := range 3 {
		t.Run(fmt.Sprintf("group-%d", g), func(t *testing.T) {
			t.Parallel()
			r := rand.New(rand.NewSource(seed + int64(g)))
			for i := range 10 {
				killOnce(t, r, g*10+i)
			}
		})
	}
}

func killOnce(t *testing.T, r *rand.Rand, n int) {
	home, env := isolatedEnv(t)
	draft := draftOf(home, retro.DraftName)
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home},
		binPath, "retro", "--dir", filepath.Join(home, "notes"))
	s.WaitFor("esc done editing", wait)
	killAt := time.Now().Add(time.Duration(300+r.Intn(2500)) * time.Millisecond)
	type typed struct {
		at   time.Time
		text string
	}
	var sent []typed
	all := ""
	for w := 0; time.Now().Before(killAt); w++ {
		word := fmt.Sprintf("w%d ", w)
		s.Type(word)
		all += word
		sent = append(sent, typed{time.Now(), all})
		time.Sleep(time.Duration(40+r.Intn(80)) * time.Millisecond)
	}
	if err := syscall.Kill(s.ProgramPID(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	s.WaitExit(wait)
	must := ""
	for _, x := range sent {
		if x.at.Before(killed.Add(-time.Second)) {
			must = x.text
		}
	}
	d, ok, err := retro.LoadDraft(draft)
	if err != nil {
		t.Fatalf("kill %d: the draft does not parse: %v", n, err)
	}
	if must == "" {
		return // nothing was a second old yet
	}
	if !ok || !strings.HasPrefix(d.Session.Title+" ", strings.TrimSpace(must)+" ") && !strings.HasPrefix(d.Session.Title, must) {
		got := ""
		if ok {
			got = d.Session.Title
		}
		t.Fatalf("kill %d: the draft holds %q, want at least %q", n, got, must)
	}
}

// A 20x8 terminal and a resize storm while typing: no panic, nothing lost.
func TestFaultResizeStormWhileTyping(t *testing.T) {
	home, env := isolatedEnv(t)
	draft := draftOf(home, retro.DraftName)
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 20, Height: 8, Env: env, Dir: home},
		binPath, "retro", "--dir", filepath.Join(home, "notes"))
	s.WaitFor("esc", wait)
	r := rand.New(rand.NewSource(1))
	want := ""
	for i := range 60 {
		s.Resize(1+r.Intn(120), 1+r.Intn(40))
		c := string(rune('a' + i%26))
		s.Type(c)
		want += c
	}
	s.Resize(80, 24)
	s.WaitFor(want[len(want)-10:], wait)
	s.Keys("C-c")
	s.WaitFor("Quit now?", wait)
	s.Keys("y")
	if code := s.WaitExit(wait); code != 0 {
		t.Fatalf("exit %d:\n%s", code, s.Screen())
	}
	d, ok, err := retro.LoadDraft(draft)
	if !ok || err != nil || d.Session.Title != want {
		t.Fatalf("after the storm the draft holds %q, want %q (%v)", d.Session.Title, want, err)
	}
}

// runBin runs the binary with a given environment, bounded in time.
func runBin(t *testing.T, env []string, args ...string) (string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	c := exec.CommandContext(ctx, binPath, args...)
	c.Env = env
	out, _ := c.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("%v did not finish in 20 s", args)
	}
	return string(out), c.ProcessState.ExitCode()
}

func noPanic(t *testing.T, out string) {
	t.Helper()
	if strings.Contains(out, "panic") || strings.Contains(out, "goroutine ") {
		t.Errorf("panic:\n%s", out)
	}
}

// Broken environments give clear errors, never a panic.
func TestFaultBadEnvironments(t *testing.T) {
	home := t.TempDir()
	file := filepath.Join(home, "a-file")
	os.WriteFile(file, []byte("x"), 0o644)
	base := []string{"PATH=" + os.Getenv("PATH"), "NO_COLOR=1"}
	cases := []struct {
		name string
		env  []string
		args []string
		want string // in the output; "" when it must simply work
		code int
	}{
		{"HOME unset", base, []string{"list", "--json"}, "", 0},
		{"HOME unset stats", base, []string{"stats", "--json"}, "", 0},
		{"XDG nonsense", append(base, "HOME="+home, "XDG_DATA_HOME=relative/nonsense", "XDG_CACHE_HOME=/dev/null/x", "XDG_STATE_HOME=/dev/null/y"),
			[]string{"list"}, "", 0},
		{"notes dir is a file", append(base, "HOME="+home), []string{"list", "--dir", file}, file, 1},
		{"notes dir is a file, actions", append(base, "HOME="+home), []string{"actions", "--dir", file}, file, 1},
		{"RETROKATA_DIR is a file", append(base, "HOME="+home, "RETROKATA_DIR="+file), []string{"stats"}, file, 1},
		// A read command on a notes dir the user named (flag or env) that is
		// not there fails, naming it: an empty list would hide a typo.
		{"notes dir missing", append(base, "HOME="+home), []string{"list", "--dir", filepath.Join(home, "none")}, filepath.Join(home, "none") + " does not exist (from --dir flag)", 1},
		{"RETROKATA_DIR missing", append(base, "HOME="+home, "RETROKATA_DIR="+filepath.Join(home, "gone")), []string{"actions"}, "gone does not exist (from RETROKATA_DIR)", 1},
		// The default personal dir of someone who never saved a note is
		// simply empty.
		{"default dir missing", append(base, "HOME="+home), []string{"stats", "--json"}, `"notes": 0`, 0},
		{"show in a missing dir", append(base, "HOME="+home), []string{"show", "x", "--dir", filepath.Join(home, "none")}, "no note", 2},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, code := runBin(t, c.env, c.args...)
			noPanic(t, out)
			if code != c.code || !strings.Contains(out, c.want) {
				t.Errorf("exit %d (want %d), output:\n%s", code, c.code, out)
			}
			if code != 0 && !strings.HasPrefix(out, "retrokata: ") {
				t.Errorf("errors start with 'retrokata: ': %q", out)
			}
		})
	}
}

// Hostile notes: list and show stay quick and safe; the rest still lists.
func TestFaultHostileNotes(t *testing.T) {
	home, env := isolatedEnv(t)
	dir := filepath.Join(home, "notes")
	os.MkdirAll(dir, 0o755)
	write := func(name, data string) { os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644) }
	write("2026-11-20-good.md", "---\ntype: retro\ntitle: Good\ndate: 2026-11-20T14:00:00Z\n---\n## Actions\n- [ ] Keep going\n")
	write("2026-11-21-escape.md", "---\ntype: retro\ntitle: \"\\e]0;pwned\\a\\e[2J\"\ndate: 2026-11-21T14:00:00Z\n---\n# \x1b[31mred\x1b[0m \x1b]52;c;aGk=\x07\n\x9b2J\n")
	var bomb strings.Builder
	bomb.WriteString("---\ntype: retro\ntitle: bomb\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n")
	for i, prev := 'b', 'a'; i <= 'k'; i, prev = i+1, i {
		fmt.Fprintf(&bomb, "%c: &%c [*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c,*%c]\n", i, i, prev, prev, prev, prev, prev, prev, prev, prev, prev)
	}
	bomb.WriteString("---\n")
	write("2026-11-22-bomb.md", bomb.String())
	write("2026-11-22-deep.md", "---\ntype: retro\ntitle: deep\nx: "+strings.Repeat("[", 100000)+strings.Repeat("]", 100000)+"\n---\n"+strings.Repeat("> ", 50000)+"deep\n")
	write("2026-11-22-utf8.md", "---\ntype: retro\ntitle: \xff\xfe bad\ndate: 2026-11-22T14:00:00Z\n---\n\xc3\x28\n")
	big, _ := os.Create(filepath.Join(dir, "2026-11-23-huge.md"))
	big.WriteString("---\ntype: retro\ntitle: huge\ndate: 2026-11-23T14:00:00Z\n---\n")
	big.Truncate(50 << 20)
	big.Close()

	out, code := runBin(t, env, "list", "--dir", dir)
	noPanic(t, out)
	if code != 0 || !strings.Contains(out, "Good") {
		t.Errorf("list: exit %d\n%s", code, out)
	}
	for _, bad := range []string{"\x1b]0;", "\x1b[2J", "\x1b]52", "\x9b"} {
		if strings.Contains(out, bad) {
			t.Errorf("list printed %q", bad)
		}
	}
	for _, name := range []string{"2026-11-21-escape.md", "2026-11-22-deep.md", "2026-11-22-utf8.md", "2026-11-23-huge.md", "2026-11-22-bomb.md"} {
		out, _ := runBin(t, env, "show", filepath.Join(dir, name))
		noPanic(t, out)
		for _, bad := range []string{"\x1b]0;", "\x1b[2J", "\x1b]52", "\x9b", "\x1b[31m"} {
			if strings.Contains(out, bad) {
				t.Errorf("show %s printed %q", name, bad)
			}
		}
	}
	// the same dir in the browser, in a real terminal: it opens and answers keys
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home}, binPath, "notes", "--dir", dir)
	s.WaitFor("Good", wait)
	for range 6 {
		s.Keys("Down")
	}
	s.Keys("a")
	s.WaitFor("Keep going", wait)
	s.Keys("q")
	if code := s.WaitExit(wait); code != 0 {
		t.Fatalf("browser exit %d\n%s", code, s.Screen())
	}
}
