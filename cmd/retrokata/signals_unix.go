//go:build !windows

package main

import (
	"os"
	"syscall"
)

// stopSignals end an interactive session after saving its draft.
func stopSignals() []os.Signal {
	return []os.Signal{syscall.SIGTERM, syscall.SIGHUP, os.Interrupt}
}
