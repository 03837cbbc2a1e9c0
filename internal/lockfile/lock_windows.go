//go:build windows

package lockfile

import (
	"errors"
	"os"

	"golang.org/x/sys/windows"
)

// The locked byte lies far past the holder's pid and start time, so other
// processes can still read them (a Windows lock blocks reads of its range).
var lockedRange = windows.Overlapped{OffsetHigh: 1}

// lock takes an exclusive LockFileEx lock without waiting; held is true
// when another handle holds it.
func lock(f *os.File) (held bool, err error) {
	ol := lockedRange
	err = windows.LockFileEx(windows.Handle(f.Fd()), windows.LOCKFILE_EXCLUSIVE_LOCK|windows.LOCKFILE_FAIL_IMMEDIATELY, 0, 1, 0, &ol)
	if errors.Is(err, windows.ERROR_LOCK_VIOLATION) || errors.Is(err, windows.ERROR_IO_PENDING) {
		return true, nil
	}
	return false, err
}

func unlock(f *os.File) error {
	ol := lockedRange
	return windows.UnlockFileEx(windows.Handle(f.Fd()), 0, 1, 0, &ol)
}
