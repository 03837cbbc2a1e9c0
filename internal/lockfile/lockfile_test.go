package lockfile

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestMain lets the test binary run as a second process that holds a lock
// until it is killed.
func TestMain(m *testing.M) {
	if p := os.Getenv("LOCKFILE_HOLD"); p != "" {
		if _, err := Acquire(p, time.Date(2026, 11, 23, 14, 2, 0, 0, time.UTC)); err != nil {
			os.Stdout.WriteString("error " + err.Error() + "\n")
			os.Exit(1)
		}
		os.Stdout.WriteString("locked\n")
		select {} // until killed
	}
	os.Exit(m.Run())
}

func TestLockHeldByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drafts", "retro.lock")
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "LOCKFILE_HOLD="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	if line, _ := bufio.NewReader(out).ReadString('\n'); line != "locked\n" {
		t.Fatalf("child: %q", line)
	}

	l, err := Acquire(path, time.Now())
	var he *HeldError
	if !errors.As(err, &he) || l != nil {
		t.Fatalf("Acquire while another process holds it: %v, %v", l, err)
	}
	if he.Holder.PID != cmd.Process.Pid || !he.Holder.Started.Equal(time.Date(2026, 11, 23, 14, 2, 0, 0, time.UTC)) {
		t.Errorf("holder = %+v, want pid %d started 14:02", he.Holder, cmd.Process.Pid)
	}
	if h, held := Held(path); !held || h.PID != cmd.Process.Pid {
		t.Errorf("Held = %+v, %v", h, held)
	}

	// kill -9: the kernel drops the lock, nothing stale stays.
	cmd.Process.Kill()
	cmd.Wait()
	l, err = Acquire(path, time.Now())
	if err != nil {
		t.Fatalf("after the holder died: %v", err)
	}
	if _, held := Held(path); !held {
		t.Error("Held does not see this process's own lock")
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if _, held := Held(path); held {
		t.Error("released, still held")
	}
	if err := l.Release(); err != nil {
		t.Errorf("second release: %v", err)
	}
}
