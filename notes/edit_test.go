package notes

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const twoOwners = "---\ntype: retro\ntitle: T\ndate: 2026-11-20T14:00:00Z\nzk: kept\n---\n# T\n\n## Actions\n- [ ] Deploy on Fridays (@bob)\n- [ ] Deploy on Fridays (@carol, due 2026-12-01)\n"

// readNote parses a note file as the browser would have read it.
func readNote(t *testing.T, p string) (Entry, []byte) {
	t.Helper()
	e, data := ReadEntry(p)
	if e.Err != nil {
		t.Fatal(e.Err)
	}
	return e, data
}

func TestEditKeepsMode0600(t *testing.T) {
	p := filepath.Join(t.TempDir(), "n.md")
	os.WriteFile(p, []byte(twoOwners), 0o600)
	os.Chmod(p, 0o600) // whatever the umask
	e, _ := readNote(t, p)
	if _, err := SetDone(p, e.Hash, e.Actions[0], true); err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	if info.Mode().Perm() != 0o600 {
		t.Errorf("mode after a tick = %v, want 0600", info.Mode().Perm())
	}
}

func TestEditWritesThroughSymlink(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	target := filepath.Join(elsewhere, "real.md")
	os.WriteFile(target, []byte(twoOwners), 0o644)
	link := filepath.Join(dir, "n.md")
	if err := os.Symlink(target, link); err != nil {
		t.Skip("no symlinks:", err)
	}
	e, _ := readNote(t, link)
	if _, err := SetDone(link, e.Hash, e.Actions[1], true); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the note is no longer a symlink: %v %v", fi.Mode(), err)
	}
	got, _ := os.ReadFile(target)
	if !strings.Contains(string(got), "- [x] Deploy on Fridays (@carol") {
		t.Errorf("the target was not changed:\n%s", got)
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".retrokata-*")); len(tmps) > 0 {
		t.Errorf("temp files left next to the link: %v", tmps)
	}
}

func TestEditKeepsOwner(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("only root can make a file owned by someone else")
	}
	p := filepath.Join(t.TempDir(), "n.md")
	os.WriteFile(p, []byte(twoOwners), 0o644)
	if err := os.Chown(p, 4321, 4322); err != nil {
		t.Skip(err)
	}
	e, _ := readNote(t, p)
	if _, err := SetDone(p, e.Hash, e.Actions[0], true); err != nil {
		t.Fatal(err)
	}
	if uid, gid, ok := ownerOf(t, p); ok && (uid != 4321 || gid != 4322) {
		t.Errorf("owner after a tick = %d:%d, want 4321:4322", uid, gid)
	}
}

// A teammate's edit between the read and the tick is never overwritten,
// even when it keeps the file's size and modification time.
func TestEditRefusesFileChangedSinceRead(t *testing.T) {
	p := filepath.Join(t.TempDir(), "n.md")
	os.WriteFile(p, []byte(twoOwners), 0o644)
	e, _ := readNote(t, p)
	info, _ := os.Stat(p)
	theirs := strings.Replace(twoOwners, "(@bob)", "(@rob)", 1) // same size
	os.WriteFile(p, []byte(theirs), 0o644)
	os.Chtimes(p, info.ModTime(), info.ModTime())
	_, err := SetDone(p, e.Hash, e.Actions[1], true)
	if !errors.Is(err, ErrChanged) || err.Error() != p+": changed since it was read" {
		t.Fatalf("SetDone on a changed note: %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != theirs {
		t.Errorf("the teammate's edit was lost:\n%s", got)
	}
}

// The same, with the change made at the worst moment: after the edit was
// computed, just before the rename.
func TestEditRefusesFileChangedJustBeforeRename(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "n.md")
	os.WriteFile(p, []byte(twoOwners), 0o644)
	e, _ := readNote(t, p)
	theirs := twoOwners + "- [ ] Theirs\n"
	_, err := editFile(p, e.Hash, func(data []byte) ([]byte, error) {
		return setDone(p, data, e.Actions[0], true)
	}, func() { os.WriteFile(p, []byte(theirs), 0o644) })
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("edit over a change made before the rename: %v", err)
	}
	if got, _ := os.ReadFile(p); string(got) != theirs {
		t.Errorf("the teammate's edit was lost:\n%s", got)
	}
	if tmps, _ := filepath.Glob(filepath.Join(dir, ".retrokata-*")); len(tmps) > 0 {
		t.Errorf("temp files left: %v", tmps)
	}
}

// Two actions with the same text and different owners: ticking one never
// ticks the other, even after a line was deleted meanwhile.
func TestSetDoneSameTextDifferentOwner(t *testing.T) {
	p := filepath.Join(t.TempDir(), "n.md")
	os.WriteFile(p, []byte(twoOwners), 0o644)
	e, _ := readNote(t, p)
	bob, carol := e.Actions[0], e.Actions[1]
	if bob.Owner != "bob" || carol.Owner != "carol" {
		t.Fatalf("actions read: %+v", e.Actions)
	}
	h, err := SetDone(p, e.Hash, carol, true)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(p)
	if !strings.Contains(string(got), "- [ ] Deploy on Fridays (@bob)\n- [x] Deploy on Fridays (@carol") {
		t.Fatalf("ticked the wrong line:\n%s", got)
	}
	// someone deletes bob's line: carol's moves up to bob's line number
	gone := strings.Replace(string(got), "- [ ] Deploy on Fridays (@bob)\n", "", 1)
	os.WriteFile(p, []byte(gone), 0o644)
	if _, err := SetDone(p, h, bob, true); !errors.Is(err, ErrChanged) {
		t.Errorf("tick of a deleted line, old hash: %v", err)
	}
	// even with the hash of the new file, the line is checked item by item
	if _, err := SetDone(p, HashOf([]byte(gone)), bob, true); err == nil || errors.Is(err, ErrChanged) {
		t.Errorf("tick of bob's action on carol's line: %v", err)
	}
	if now, _ := os.ReadFile(p); string(now) != gone {
		t.Errorf("the note changed:\n%s", now)
	}
}

func TestEditUnchangedWritesNothing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "n.md")
	os.WriteFile(p, []byte(twoOwners), 0o644)
	old := time.Now().Add(-time.Hour).Truncate(time.Second)
	os.Chtimes(p, old, old)
	h := HashOf([]byte(twoOwners))
	got, err := EditFile(p, h, func(b []byte) ([]byte, error) { return b, nil })
	if info, _ := os.Stat(p); err != nil || got != h || !info.ModTime().Equal(old) {
		t.Errorf("a no-op edit wrote the file: %v %v", err, info.ModTime())
	}
}
