//go:build unix

package notes

import (
	"path/filepath"
	"syscall"
	"testing"
)

const unixLike = true

func hostileInbox(t *testing.T, in string) {
	if err := syscall.Mkfifo(filepath.Join(in, "20261120T100007Z-fifo-aaaaaa.md"), 0o644); err != nil {
		t.Fatal(err)
	}
}
