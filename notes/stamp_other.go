//go:build !(linux || openbsd || dragonfly || solaris || illumos || darwin || ios || freebsd || netbsd)

package notes

import "io/fs"

// fileStamp knows no inode or ctime here (Windows, Plan 9, wasm): the
// index checks a hit against the note's content hash instead.
func fileStamp(fs.FileInfo) (ino uint64, ctime int64, ok bool) { return 0, 0, false }
