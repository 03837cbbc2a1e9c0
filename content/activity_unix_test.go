//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe among the activities is refused, never opened for a read
// that would wait forever for a writer.
func TestActivityFIFOIsRefused(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "activities"), 0o755)
	if err := syscall.Mkfifo(filepath.Join(dir, "activities", "pipe.md"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	os.WriteFile(filepath.Join(dir, "activities", "ok.md"), []byte(activityFile("ok", "OK")), 0o644)
	acts, probs := LoadActivities(DirSource(OriginUser, dir))
	if len(acts) != 1 || len(probs) != 1 || !strings.Contains(probs[0].String(), "pipe.md: not a regular file") {
		t.Errorf("acts %d, probs %v", len(acts), probs)
	}
}
