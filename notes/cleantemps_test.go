package notes

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/retrokata/retrokata/internal/lockfile"
)

const tempNote = "---\ntype: retro\ntitle: Sprint 43\ndate: 2026-11-16T10:00:00Z\n---\n# Sprint 43\n\n## Actions\n- [ ] Something (@bob)\n"

// Killed between saving a retro and writing its decisions back: the write
// back's temp file (a whole copy of an earlier note, just written) must
// not wait a minute in the notes dir, where `git add` would commit it. At
// the next start with no session on the notes dir it is removed, whatever
// its age; while a session holds a draft lock, only old ones are.
func TestTempsLeftByAKillAreCleanedAtTheNextIdleStart(t *testing.T) {
	dir, drafts := t.TempDir(), t.TempDir()
	p := filepath.Join(dir, "2026-11-16-sprint-43.md")
	os.WriteFile(p, []byte(tempNote), 0o644)
	// the write-back is killed just before its rename
	done := make(chan struct{})
	go func() {
		defer close(done)
		editFile(p, HashOf([]byte(tempNote)), func(b []byte) ([]byte, error) { return append(b, "x\n"...), nil }, func() { runtime.Goexit() })
	}()
	<-done
	// and so is a `retro add`, in the inbox
	os.MkdirAll(InboxDir(dir), 0o755)
	if _, err := writeTemp(InboxDir(dir), []byte("card")); err != nil {
		t.Fatal(err)
	}
	temps := func() []string {
		a, _ := filepath.Glob(filepath.Join(dir, TempPattern))
		b, _ := filepath.Glob(filepath.Join(InboxDir(dir), TempPattern))
		return append(a, b...)
	}
	if len(temps()) != 2 {
		t.Fatalf("the kills left %v", temps())
	}

	// another process runs a session on this notes dir: its temps may be live
	held, err := lockfile.Acquire(filepath.Join(drafts, "retro.json.lock"), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(drafts, "kata.json.lock"), nil, 0o600) // a lock nobody holds
	CleanTempsIfIdle(dir, drafts)
	if len(temps()) != 2 {
		t.Errorf("young temps removed while a session holds the lock: %v", temps())
	}
	held.Release()

	CleanTempsIfIdle(dir, drafts)
	if left := temps(); len(left) != 0 {
		t.Errorf("temps left at an idle start: %v", left)
	}
	if data, _ := os.ReadFile(p); string(data) != tempNote {
		t.Errorf("the note changed: %s", data)
	}
	// the cleaning took no lock for good
	if l, err := lockfile.Acquire(filepath.Join(drafts, "retro.json.lock"), time.Now()); err != nil {
		t.Errorf("the lock is still held: %v", err)
	} else {
		l.Release()
	}
}
