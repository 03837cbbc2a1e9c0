//go:build !unix && !windows

package lockfile

import "os"

// Elsewhere (plan9, wasm) there is no lock: a second process is not told.
func lock(*os.File) (bool, error) { return false, nil }

func unlock(*os.File) error { return nil }
