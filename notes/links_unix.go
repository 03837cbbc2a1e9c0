//go:build unix

package notes

import (
	"io/fs"
	"syscall"
)

// linkCount is the number of names a file has.
func linkCount(info fs.FileInfo) (uint64, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, false
	}
	return uint64(st.Nlink), true
}
