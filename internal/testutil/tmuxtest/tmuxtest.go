// Package tmuxtest drives the real retrokata binary inside tmux for
// end-to-end tests: start it at a given size, type, read the screen, and
// wait for it to exit. Every wait is a bounded poll, never a bare sleep.
package tmuxtest

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Build compiles ./cmd/retrokata from the module root into dir and returns
// the binary's path.
func Build(dir string) (string, error) {
	root, err := moduleRoot()
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "retrokata")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/retrokata")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	return filepath.Dir(strings.TrimSpace(string(out))), nil
}

// Require skips the test when tmux is missing, except in CI, where .ci/run
// installs it and a missing tmux is a failure.
func Require(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("tmux is not installed; .ci/run should have installed it")
		}
		t.Skip("tmux is not installed (apt-get install tmux); skipping real-terminal test")
	}
}

// Session is one program running in its own tmux server.
type Session struct {
	t        testing.TB
	socket   string
	exitFile string
}

// Options describe how to start the program.
type Options struct {
	Width, Height int
	Env           []string // KEY=VALUE pairs added to the program's environment
	Dir           string   // working directory
}

// Start runs argv in a new tmux server of its own, sized w×h. The server is
// killed when the test ends.
func Start(t testing.TB, opts Options, argv ...string) *Session {
	t.Helper()
	Require(t)
	tmp := t.TempDir()
	s := &Session{
		t:        t,
		socket:   fmt.Sprintf("rk-%d-%d", os.Getpid(), time.Now().UnixNano()),
		exitFile: filepath.Join(tmp, "exit-code"),
	}
	quoted := make([]string, len(argv))
	for i, a := range argv {
		quoted[i] = shellQuote(a)
	}
	// The shell records the exit code, then stays so the final screen can
	// still be read.
	script := fmt.Sprintf("%s; echo $? > %s; sleep 600", strings.Join(quoted, " "), shellQuote(s.exitFile))
	tmuxArgs := []string{"-L", s.socket, "-f", "/dev/null", "new-session", "-d",
		"-x", strconv.Itoa(opts.Width), "-y", strconv.Itoa(opts.Height)}
	if opts.Dir != "" {
		tmuxArgs = append(tmuxArgs, "-c", opts.Dir)
	}
	for _, kv := range append([]string{"TERM=xterm-256color"}, opts.Env...) {
		tmuxArgs = append(tmuxArgs, "-e", kv)
	}
	tmuxArgs = append(tmuxArgs, "sh", "-c", script)
	if out, err := exec.Command("tmux", tmuxArgs...).CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v\n%s", err, out)
	}
	t.Cleanup(s.stop)
	return s
}

// stop ends the session. Killing the server hangs up on the program, which
// may then write its draft: wait until the program is gone, so it never
// writes into the test's temp dirs while they are removed.
func (s *Session) stop() {
	shell := 0
	if out, err := s.tmux("display-message", "-p", "-t", "0", "#{pane_pid}"); err == nil {
		shell, _ = strconv.Atoi(strings.TrimSpace(out))
	}
	_ = exec.Command("tmux", "-L", s.socket, "kill-server").Run()
	if shell == 0 {
		return
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) && childOf(shell) != 0 {
		time.Sleep(20 * time.Millisecond)
	}
}

// childOf returns a process other than sleep running under pid (Linux:
// read from /proc), or 0.
func childOf(pid int) int {
	stats, _ := filepath.Glob("/proc/[0-9]*/stat")
	for _, p := range stats {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		// pid (comm) state ppid ...: comm may hold spaces, so split after ')'
		i := strings.LastIndexByte(string(b), ')')
		if i < 0 {
			continue
		}
		f := strings.Fields(string(b)[i+1:])
		if len(f) > 1 && f[1] == strconv.Itoa(pid) && !strings.Contains(string(b[:i]), "(sleep") {
			child, _ := strconv.Atoi(strings.Fields(string(b))[0])
			return child
		}
	}
	return 0
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func (s *Session) tmux(a ...string) (string, error) {
	out, err := exec.Command("tmux", append([]string{"-L", s.socket}, a...)...).CombinedOutput()
	return string(out), err
}

// Keys sends tmux key names ("Enter", "C-c", "Down", "q").
func (s *Session) Keys(keys ...string) {
	s.t.Helper()
	if out, err := s.tmux(append([]string{"send-keys", "-t", "0"}, keys...)...); err != nil {
		s.t.Fatalf("send-keys %v: %v\n%s", keys, err, out)
	}
}

// Type sends text literally, as if typed.
func (s *Session) Type(text string) {
	s.t.Helper()
	if out, err := s.tmux("send-keys", "-t", "0", "-l", text); err != nil {
		s.t.Fatalf("send-keys -l %q: %v\n%s", text, err, out)
	}
}

// Screen returns the visible pane as plain text.
func (s *Session) Screen() string {
	s.t.Helper()
	out, err := s.tmux("capture-pane", "-p", "-t", "0")
	if err != nil {
		s.t.Fatalf("capture-pane: %v\n%s", err, out)
	}
	return out
}

// Resize changes the window size.
func (s *Session) Resize(w, h int) {
	s.t.Helper()
	if out, err := s.tmux("resize-window", "-t", "0", "-x", strconv.Itoa(w), "-y", strconv.Itoa(h)); err != nil {
		s.t.Fatalf("resize-window: %v\n%s", err, out)
	}
}

// WaitFor polls the screen until it contains want, failing after timeout.
func (s *Session) WaitFor(want string, timeout time.Duration) string {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	var screen string
	for time.Now().Before(deadline) {
		screen = s.Screen()
		if strings.Contains(screen, want) {
			return screen
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("screen never showed %q within %s; last screen:\n%s", want, timeout, screen)
	return ""
}

// WaitUntil polls cond until it holds, failing the test after timeout
// with what it was waiting for: files the program writes are waited for
// this way, never with a bare sleep.
func WaitUntil(t testing.TB, timeout time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("waited %s for %s", timeout, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// WaitExit waits for the program to exit and returns its exit code.
func (s *Session) WaitExit(timeout time.Duration) int {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		b, err := os.ReadFile(s.exitFile)
		if err == nil && len(strings.TrimSpace(string(b))) > 0 {
			code, err := strconv.Atoi(strings.TrimSpace(string(b)))
			if err != nil {
				s.t.Fatalf("exit code file: %v", err)
			}
			return code
		}
		time.Sleep(50 * time.Millisecond)
	}
	s.t.Fatalf("program did not exit within %s; last screen:\n%s", timeout, s.Screen())
	return -1
}

// PanePID returns the pid of the shell running in the pane.
func (s *Session) PanePID() int {
	s.t.Helper()
	out, err := s.tmux("display-message", "-p", "-t", "0", "#{pane_pid}")
	if err != nil {
		s.t.Fatalf("display-message: %v\n%s", err, out)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(out))
	if err != nil {
		s.t.Fatalf("pane pid %q: %v", out, err)
	}
	return pid
}

// ProgramPID returns the pid of the program the pane's shell runs (Linux:
// read from /proc), to signal it directly.
func (s *Session) ProgramPID() int {
	s.t.Helper()
	shell := s.PanePID()
	if pid := childOf(shell); pid != 0 {
		return pid
	}
	s.t.Fatalf("no program running under the pane's shell %d", shell)
	return 0
}
