//go:build unix

package notes

import (
	"os"
	"syscall"
	"testing"
)

func ownerOf(t *testing.T, p string) (uid, gid int, ok bool) {
	t.Helper()
	info, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, false
	}
	return int(st.Uid), int(st.Gid), true
}
