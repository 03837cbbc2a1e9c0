package notes

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// notesIn lists the notes and the temp files of dir.
func notesIn(t *testing.T, dir string) (mds, tmps []string) {
	t.Helper()
	mds, _ = filepath.Glob(filepath.Join(dir, "*.md"))
	tmps, _ = filepath.Glob(filepath.Join(dir, ".retrokata-*.tmp"))
	return mds, tmps
}

// cutAt stops a save at one point, as a SIGKILL would.
func cutAt(p savePoint) func(savePoint) bool { return func(q savePoint) bool { return q == p } }

// Killed between link and unlink: the temp file is cleaned at the next
// start, and the session resumed from its draft is saved into the same
// note, not a -2 copy whose actions would count twice.
func TestSaveCutAfterLinkResumesIntoTheSameNote(t *testing.T) {
	dir, drafts := t.TempDir(), t.TempDir()
	draft := filepath.Join(drafts, "retro.json")
	n := testNote("Sprint 42")
	first, err := saveOnce(dir, n, draft, cutAt(pointLinked))
	if !errors.Is(err, errCut) || first != "" {
		t.Fatalf("cut save: %q %v", first, err)
	}
	mds, tmps := notesIn(t, dir)
	if len(mds) != 1 || len(tmps) != 1 {
		t.Fatalf("after the cut: notes %v, temps %v", mds, tmps)
	}
	CleanTemps(dir) // the next start
	if _, tmps := notesIn(t, dir); len(tmps) != 0 {
		t.Fatalf("a linked temp file survives the next start: %v", tmps)
	}
	n.Body += "\nAdded after resuming.\n"
	p, err := SaveOnce(dir, n, draft)
	if err != nil || p != mds[0] {
		t.Fatalf("resumed save went to %q (%v), want %q", p, err, mds[0])
	}
	if got, _ := os.ReadFile(p); !strings.Contains(string(got), "Added after resuming.") {
		t.Errorf("the note was not updated:\n%s", got)
	}
	if mds, tmps := notesIn(t, dir); len(mds) != 1 || len(tmps) != 0 {
		t.Errorf("after the resumed save: notes %v, temps %v", mds, tmps)
	}
	if err := RemoveDraft(draft); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(draft + ".note"); !os.IsNotExist(err) {
		t.Errorf("the record outlives its draft: %v", err)
	}
}

// Killed after the name was recorded, before the note was linked: the
// resumed save takes that name; the unlinked temp goes once old.
func TestSaveCutBeforeLink(t *testing.T) {
	dir, draft := t.TempDir(), filepath.Join(t.TempDir(), "retro.json")
	n := testNote("Sprint 42")
	if _, err := saveOnce(dir, n, draft, cutAt(pointRecorded)); !errors.Is(err, errCut) {
		t.Fatal(err)
	}
	_, tmps := notesIn(t, dir)
	if len(tmps) != 1 {
		t.Fatalf("temps %v", tmps)
	}
	CleanTemps(dir)
	if _, now := notesIn(t, dir); len(now) != 1 {
		t.Fatalf("a fresh temp (maybe a save running now) was removed")
	}
	old := time.Now().Add(-2 * tempMaxAge)
	os.Chtimes(tmps[0], old, old)
	p, err := SaveOnce(dir, n, draft)
	if err != nil || filepath.Base(p) != "2026-11-23-sprint-42.md" {
		t.Fatalf("resumed save: %q %v", p, err)
	}
	if mds, tmps := notesIn(t, dir); len(mds) != 1 || len(tmps) != 0 {
		t.Errorf("notes %v, temps %v", mds, tmps)
	}
}

// Killed while replacing the note on a second save: a third still finds it.
func TestSaveCutWhileReplacing(t *testing.T) {
	dir, draft := t.TempDir(), filepath.Join(t.TempDir(), "retro.json")
	n := testNote("Sprint 42")
	p, err := SaveOnce(dir, n, draft)
	if err != nil {
		t.Fatal(err)
	}
	n.Body += "\nSecond.\n"
	if _, err := saveOnce(dir, n, draft, cutAt(pointReplaced)); !errors.Is(err, errCut) {
		t.Fatal(err)
	}
	n.Body += "\nThird.\n"
	if again, err := SaveOnce(dir, n, draft); err != nil || again != p {
		t.Fatalf("third save: %q %v, want %q", again, err, p)
	}
	if mds, _ := notesIn(t, dir); len(mds) != 1 {
		t.Errorf("notes %v", mds)
	}
}

// The record never makes a save overwrite a note that is not the
// session's: another session's (same name, another date) or a note edited
// since by someone else.
func TestSaveRecordNeverOverwritesOthers(t *testing.T) {
	dir, draft := t.TempDir(), filepath.Join(t.TempDir(), "retro.json")
	n := testNote("Sprint 42")
	p, err := SaveOnce(dir, n, draft)
	if err != nil {
		t.Fatal(err)
	}
	other := n
	other.Date = n.Date.Add(time.Hour) // another session, same file name
	if q, err := SaveOnce(dir, other, draft); err != nil || q == p {
		t.Fatalf("another session's save: %q %v", q, err)
	}
	theirs := "---\ntype: retro\ntitle: edited\n---\nby a teammate\n"
	os.WriteFile(p, []byte(theirs), 0o644)
	draft2 := filepath.Join(filepath.Dir(draft), "kata.json")
	if _, err := SaveOnce(dir, n, draft2); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(draft2+".note", []byte(`{"note":"`+p+`","type":"retro","date":"2026-11-23T14:00:00Z","sha256":["00"]}`), 0o644)
	if q, err := SaveOnce(dir, n, draft2); err != nil || q == p {
		t.Fatalf("save over an edited note: %q %v", q, err)
	}
	if got, _ := os.ReadFile(p); string(got) != theirs {
		t.Errorf("the teammate's note was overwritten:\n%s", got)
	}
}
