//go:build unix

package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// readOrHang fails the test if Read does not return: a FIFO or a device
// must never block the caller.
func readOrHang(t *testing.T, p string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Read(p, NotesLimit)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatalf("Read(%s) hangs", p)
		return nil
	}
}

func TestReadRefusesFIFOWithoutHanging(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.md")
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	err := readOrHang(t, p)
	if !errors.Is(err, ErrNotRegular) || err.Error() != p+": not a regular file (a named pipe)" {
		t.Fatalf("FIFO: %v", err)
	}
}

func TestReadRefusesSymlinkToDevZero(t *testing.T) {
	p := filepath.Join(t.TempDir(), ".retrokata.yaml")
	if err := os.Symlink("/dev/zero", p); err != nil {
		t.Fatal(err)
	}
	err := readOrHang(t, p)
	if !errors.Is(err, ErrNotRegular) || err.Error() != p+": not a regular file (a device)" {
		t.Fatalf("link to /dev/zero: %v", err)
	}
}

func TestReadRefusesSymlinkToTTY(t *testing.T) {
	if _, err := os.Stat("/dev/tty"); err != nil {
		t.Skip("no /dev/tty")
	}
	p := filepath.Join(t.TempDir(), "x.md")
	if err := os.Symlink("/dev/tty", p); err != nil {
		t.Fatal(err)
	}
	err := readOrHang(t, p)
	// without a controlling terminal the open itself fails: refused too
	if err == nil {
		t.Fatal("a link to /dev/tty was read")
	}
}
