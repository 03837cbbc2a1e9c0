package kata

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
)

// 'retrokata kata game-day' while a draft of orphan-alert exists starts
// game-day in a separate draft (kata-2.json) and keeps the other one
// byte for byte; the next run for game-day resumes its own draft.
func TestClaimDraftForKeepsOtherKatas(t *testing.T) {
	lib, probs := content.Load(content.Builtin())
	if len(probs) > 0 {
		t.Fatal(probs)
	}
	now := time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	write := func(path, id string) []byte {
		t.Helper()
		k, ok := lib.Kata(id)
		if !ok {
			t.Fatalf("no kata %s", id)
		}
		data, err := EncodeDraft(NewSession(k, now, 0), now)
		if err != nil {
			t.Fatal(err)
		}
		if err := notes.SaveDraft(path, data); err != nil {
			t.Fatal(err)
		}
		return data
	}
	orphan := write(filepath.Join(dir, "kata.json"), "orphan-alert")

	c, d, others, err := ClaimDraftFor(dir, "game-day", now)
	if err != nil {
		t.Fatal(err)
	}
	if d != nil || c.Exists || filepath.Base(c.Path) != "kata-2.json" || len(others) != 1 || filepath.Base(others[0]) != "kata.json" {
		t.Fatalf("claim %+v, draft %v, others %v: want a new kata-2.json, kata.json kept", c, d, others)
	}
	write(c.Path, "game-day")
	c.Release()
	if got, _ := os.ReadFile(filepath.Join(dir, "kata.json")); string(got) != string(orphan) {
		t.Error("the orphan-alert draft changed")
	}

	c, d, _, err = ClaimDraftFor(dir, "game-day", now)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Release()
	if d == nil || d.Session.Kata != "game-day" || filepath.Base(c.Path) != "kata-2.json" {
		t.Fatalf("the second run resumes game-day's own draft: %+v %v", c, d)
	}
	// while it is held, orphan-alert's own draft is still there for it
	c2, d2, _, err := ClaimDraftFor(dir, "orphan-alert", now)
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Release()
	if d2 == nil || d2.Session.Kata != "orphan-alert" || filepath.Base(c2.Path) != "kata.json" {
		t.Fatalf("orphan-alert: %+v %v", c2, d2)
	}
}
