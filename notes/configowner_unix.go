//go:build unix

package notes

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// ownedByUs refuses a .retrokata.yaml that another user owns: in a
// world-writable folder above the repository anyone could have put it
// there to choose where your notes and inbox cards go.
func ownedByUs(path string, info fs.FileInfo) error {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	if uid := os.Getuid(); int(st.Uid) != uid {
		return fmt.Errorf("%s: owned by another user (uid %d, you are %d): retrokata uses only a %s you own; remove it, or pass --dir", Sanitize(path), st.Uid, uid, ConfigName)
	}
	return nil
}
