//go:build unix

package notes

import (
	"fmt"
	"io/fs"
	"os"
	"syscall"
)

// keepOwner gives the temp file f the owner and group of the file it
// replaces. Only root can give a file away, so for a teammate's note this
// fails, and the edit is refused rather than changing who owns the note.
func keepOwner(f *os.File, info fs.FileInfo) error {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	uid, gid := int(st.Uid), int(st.Gid)
	if ours, err := f.Stat(); err == nil {
		if s, ok := ours.Sys().(*syscall.Stat_t); ok && int(s.Uid) == uid && int(s.Gid) == gid {
			return nil
		}
	}
	if err := f.Chown(uid, gid); err != nil {
		return fmt.Errorf("cannot keep its owner (uid %d, gid %d): edit it in your editor instead", uid, gid)
	}
	return nil
}
