//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A FIFO, a link to /dev/zero and a 5 MiB file in a content dir are
// problems naming the file; the rest of the library loads.
func TestDirSourceRefusesUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	tips := filepath.Join(dir, "tips")
	os.MkdirAll(tips, 0o755)
	syscall.Mkfifo(filepath.Join(tips, "fifo.md"), 0o644)
	os.Symlink("/dev/zero", filepath.Join(tips, "zero.md"))
	os.WriteFile(filepath.Join(tips, "big.md"), make([]byte, 5<<20), 0o644)
	lib, probs := Load(Builtin(), DirSource(OriginUser, dir))
	if len(lib.Tips) == 0 {
		t.Fatal("the built-in tips did not load")
	}
	got := map[string]string{}
	for _, p := range probs {
		got[filepath.Base(p.Path)] = p.Msg
	}
	for name, want := range map[string]string{"fifo.md": "not a regular file (a named pipe)", "zero.md": "not a regular file (a device)", "big.md": "larger than 4 MiB"} {
		if !strings.Contains(got[name], want) {
			t.Errorf("%s: %q, want %q (all: %v)", name, got[name], want, probs)
		}
	}
	if probs := Check(filepath.Join(tips, "zero.md")); len(probs) != 1 || !strings.Contains(probs[0].Msg, "not a regular file") {
		t.Errorf("Check on a link to /dev/zero: %v", probs)
	}
}
