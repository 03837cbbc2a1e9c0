//go:build windows

package main

import "os"

// stopSignals end an interactive session after saving its draft.
func stopSignals() []os.Signal { return []os.Signal{os.Interrupt} }
