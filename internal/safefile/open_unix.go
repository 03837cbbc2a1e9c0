//go:build unix

package safefile

import (
	"os"
	"syscall"
)

// O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting
// for a writer (reads of a regular file ignore the flag). O_NOCTTY: opening
// a terminal device never makes it the process's controlling terminal.
const openFlags = os.O_RDONLY | syscall.O_NONBLOCK | syscall.O_NOCTTY
