package notes

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"
)

// mountTmpfs mounts a small tmpfs at a new dir, or skips the test saying
// why (not Linux, not root, no mount in this container).
func mountTmpfs(t *testing.T, opts string) string {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("tmpfs mounts are Linux only")
	}
	dir := filepath.Join(t.TempDir(), "mnt")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", opts, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s); skipping", err, bytes.TrimSpace(out))
	}
	t.Cleanup(func() { _ = exec.Command("umount", dir).Run() })
	return dir
}

// A full disk: saving fails with a clear error, the previous draft is
// intact, and nothing half-written is left behind.
func TestFaultDiskFull(t *testing.T) {
	mnt := mountTmpfs(t, "size=64k")
	drafts, dir := filepath.Join(mnt, "drafts"), filepath.Join(mnt, "notes")
	draft := filepath.Join(drafts, "retro.json")
	old := []byte(`{"version":1,"session":{"title":"the last good draft"}}`)
	if err := SaveDraft(draft, old); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// fill the disk
	filler, _ := os.Create(filepath.Join(mnt, "filler"))
	for {
		if _, err := filler.Write(bytes.Repeat([]byte("x"), 4096)); err != nil {
			break
		}
	}
	filler.Close()

	big := bytes.Repeat([]byte("y"), 32<<10)
	err := SaveDraft(draft, big)
	if err == nil || !strings.Contains(err.Error(), draft) || !strings.Contains(err.Error(), "no space") {
		t.Errorf("draft on a full disk: %v", err)
	}
	if got, _ := os.ReadFile(draft); !bytes.Equal(got, old) {
		t.Errorf("the previous draft changed: %q", got)
	}
	n := testNote("Full disk")
	n.Body = strings.Repeat("A long body line.\n", 2000)
	if _, err := Save(dir, n); err == nil || !strings.Contains(err.Error(), "no space") {
		t.Errorf("note on a full disk: %v", err)
	}
	for _, d := range []string{drafts, dir} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if e.Name() != "retro.json" {
				t.Errorf("left behind in %s: %s", d, e.Name())
			}
		}
	}
}

// A read-only file system: a clear error naming the dir; the caller's note
// is untouched.
func TestFaultReadOnlyNotesDir(t *testing.T) {
	mnt := mountTmpfs(t, "ro,size=64k")
	n := testNote("Read only")
	_, err := Save(mnt, n)
	if err == nil || !strings.Contains(err.Error(), mnt) || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("save into a read-only dir: %v", err)
	}
	if err := SaveDraft(filepath.Join(mnt, "drafts", "retro.json"), []byte("{}")); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("draft into a read-only dir: %v", err)
	}
	if n.Title != "Read only" {
		t.Error("the note changed")
	}
}

// Two processes saving a note with the same title in the same second:
// two files, neither overwritten.
func TestFaultTwoProcessesSaveTheSameName(t *testing.T) {
	if os.Getenv("RETROKATA_SAVE_HELPER") != "" {
		return
	}
	dir := t.TempDir()
	start := time.Now().Add(300 * time.Millisecond).UnixNano()
	var cmds []*exec.Cmd
	for i := range 2 {
		c := exec.Command(os.Args[0], "-test.run=^TestFaultSaveHelper$")
		c.Env = append(os.Environ(), "RETROKATA_SAVE_HELPER="+dir, "RETROKATA_SAVE_AT="+strconv.FormatInt(start, 10), "RETROKATA_SAVE_WHO="+strconv.Itoa(i))
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, c)
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatalf("helper: %v", err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) != 2 {
		t.Fatalf("files %v, want two", files)
	}
	seen := map[string]bool{}
	for _, f := range files {
		data, _ := os.ReadFile(f)
		n, err := Parse(data)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		seen[n.Facilitator] = true
	}
	if !seen["process 0"] || !seen["process 1"] {
		t.Errorf("one save overwrote the other: %v", seen)
	}
}

// TestFaultSaveHelper is the child process of the test above.
func TestFaultSaveHelper(t *testing.T) {
	dir := os.Getenv("RETROKATA_SAVE_HELPER")
	if dir == "" {
		t.Skip("helper process only")
	}
	at, _ := strconv.ParseInt(os.Getenv("RETROKATA_SAVE_AT"), 10, 64)
	time.Sleep(time.Until(time.Unix(0, at)))
	n := testNote("Same title")
	n.Facilitator = "process " + os.Getenv("RETROKATA_SAVE_WHO")
	if _, err := Save(dir, n); err != nil {
		t.Fatal(err)
	}
}
