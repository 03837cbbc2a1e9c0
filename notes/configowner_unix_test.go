//go:build unix

package notes

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A .retrokata.yaml another user owns is refused with one line naming it.
func TestConfigOwnedByAnotherUserIsRefused(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, ConfigName)
	os.WriteFile(cfg, []byte("notes_dir: shared\n"), 0o644)
	other := os.Getuid() + 1
	if os.Getuid() == 0 {
		other = 65534
		if err := os.Chown(cfg, other, -1); err != nil {
			t.Fatal(err)
		}
	} else {
		// without root no file can be given away: check the rule on a
		// file info saying another uid owns it
		info, _ := os.Stat(cfg)
		st := *info.Sys().(*syscall.Stat_t)
		st.Uid = uint32(other)
		if err := ownedByUs(cfg, fakeInfo{info, &st}); err == nil || !strings.Contains(err.Error(), "owned by another user") {
			t.Errorf("ownedByUs = %v", err)
		}
		t.Skip("not root: cannot chown a real file")
	}
	_, err := Resolve("", func(string) string { return "" }, dir, XDG{DataHome: t.TempDir()})
	if err == nil || !strings.HasPrefix(err.Error(), cfg+": owned by another user") || strings.Contains(err.Error(), "\n") {
		t.Errorf("Resolve = %v; want one line naming %s", err, cfg)
	}
	if _, err := FindConfig(dir, ""); err == nil {
		t.Error("FindConfig accepts the file")
	}
}

type fakeInfo struct {
	os.FileInfo
	sys *syscall.Stat_t
}

func (f fakeInfo) Sys() any { return f.sys }
