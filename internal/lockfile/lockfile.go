// Package lockfile holds an OS file lock (flock on unix, LockFileEx on
// windows) for as long as a session runs, and says who holds it: the pid
// and start time of the holder are written into the lock file. The kernel
// drops the lock when the holder exits, even on kill -9, so a lock is never
// stale; the file itself stays (removing it would race with a new holder).
package lockfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Holder is the process that holds a lock.
type Holder struct {
	PID     int
	Started time.Time
}

// String says who holds it, for people: "process 1234, started Mon 23 Nov 14:02".
func (h Holder) String() string {
	s := "another process"
	if h.PID > 0 {
		s = "process " + strconv.Itoa(h.PID)
	}
	if !h.Started.IsZero() {
		s += ", started " + h.Started.Local().Format("Mon 2 Jan 15:04")
	}
	return s
}

// HeldError says a lock is held by another process (or by another open
// of the file in this process).
type HeldError struct {
	Path   string
	Holder Holder
}

func (e *HeldError) Error() string {
	return fmt.Sprintf("%s is locked by %s", e.Path, e.Holder)
}

// Lock is a lock held by this process.
type Lock struct {
	f    *os.File
	path string
}

// Acquire takes the lock at path without waiting, creating the file (and
// its directory) if needed, and writes this process's pid and the time
// started into it. When another process holds it, the error is a
// *HeldError naming that process.
func Acquire(path string, started time.Time) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, err
	}
	held, err := lock(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	if held {
		h := readHolder(f)
		f.Close()
		return nil, &HeldError{Path: path, Holder: h}
	}
	info := fmt.Sprintf("pid %d\nstarted %s\n", os.Getpid(), started.UTC().Format(time.RFC3339))
	if err := f.Truncate(0); err == nil {
		_, _ = f.WriteAt([]byte(info), 0)
		_ = f.Sync()
	}
	return &Lock{f: f, path: path}, nil
}

// Path is the lock file.
func (l *Lock) Path() string { return l.path }

// Release drops the lock. It is safe on a nil or released lock.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	_ = l.f.Truncate(0)
	err := unlock(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

// Held reports who holds the lock at path, if anyone does right now.
func Held(path string) (Holder, bool) {
	l, err := Acquire(path, time.Now())
	var he *HeldError
	if errors.As(err, &he) {
		return he.Holder, true
	}
	if l != nil {
		l.Release()
	}
	return Holder{}, false
}

func readHolder(f *os.File) Holder {
	buf := make([]byte, 256)
	n, _ := f.ReadAt(buf, 0)
	var h Holder
	for _, line := range strings.Split(string(buf[:n]), "\n") {
		k, v, _ := strings.Cut(line, " ")
		switch k {
		case "pid":
			h.PID, _ = strconv.Atoi(strings.TrimSpace(v))
		case "started":
			h.Started, _ = time.Parse(time.RFC3339, strings.TrimSpace(v))
		}
	}
	return h
}
