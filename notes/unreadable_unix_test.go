//go:build unix

package notes

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/retrokata/retrokata/internal/safefile"
)

func TestListAndDraftRefuseUnreadableFiles(t *testing.T) {
	dir := t.TempDir()
	syscall.Mkfifo(filepath.Join(dir, "fifo.md"), 0o644)
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.md"))
	os.Symlink(t.TempDir(), filepath.Join(dir, "dir.md"))
	os.WriteFile(filepath.Join(dir, "big.md"), make([]byte, 5<<20), 0o644)
	list, err := List(dir, Filter{})
	if err != nil || len(list) != 4 {
		t.Fatalf("List = %d entries, %v", len(list), err)
	}
	want := map[string]string{"fifo.md": "not a regular file (a named pipe)", "zero.md": "not a regular file (a device)",
		"dir.md": "not a regular file (a directory)", "big.md": "larger than 4 MiB"}
	for _, e := range list {
		if w := want[filepath.Base(e.Path)]; e.Err == nil || e.Err.Error() != e.Path+": "+w {
			t.Errorf("%s: %v, want %q", e.Path, e.Err, w)
		}
	}

	draft := filepath.Join(dir, "retro.json")
	syscall.Mkfifo(draft, 0o600)
	if _, ok, err := LoadDraft[struct{}](draft, 1); ok || !errors.Is(err, safefile.ErrNotRegular) || !strings.Contains(err.Error(), draft) {
		t.Fatalf("draft FIFO: ok=%v %v", ok, err)
	}
}

// An index file that is a device is ignored (and rebuilt), never read.
func TestIndexFileLinkedToDevZero(t *testing.T) {
	dir := t.TempDir()
	writeOld(t, filepath.Join(dir, "a.md"), Render(testNote("Alpha")))
	x := Lister{CacheDir: t.TempDir()}
	mp, ap := x.path(dir)
	os.MkdirAll(filepath.Dir(mp), 0o755)
	os.Symlink("/dev/zero", mp)
	os.Symlink("/dev/zero", ap)
	l, err := x.List(dir, Filter{})
	if err != nil || len(l) != 1 || l[0].Meta.Title != "Alpha" {
		t.Fatalf("List = %v, %v", titles(l), err)
	}
}
