//go:build !unix

package safefile

import "os"

// Opening a named pipe or a device on these systems does not block: the
// handle is checked with Stat before anything is read.
const openFlags = os.O_RDONLY
