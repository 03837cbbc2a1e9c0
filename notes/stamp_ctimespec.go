//go:build darwin || ios || freebsd || netbsd

package notes

import (
	"io/fs"
	"syscall"
)

// fileStamp returns a file's inode and change time (ctime): unlike the
// mtime, a program cannot set the ctime back.
func fileStamp(info fs.FileInfo) (ino uint64, ctime int64, ok bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return uint64(st.Ino), st.Ctimespec.Nano(), true
}
