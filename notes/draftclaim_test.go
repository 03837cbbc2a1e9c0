package notes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/internal/lockfile"
)

// Issue 14 item 5: one draft per notes dir, named from its real path.
func TestDraftDirIsPerNotesDir(t *testing.T) {
	base, _ := filepath.EvalSymlinks(t.TempDir())
	drafts := filepath.Join(base, "state", "drafts")
	a, b := filepath.Join(base, "repo-a", "docs", "retros"), filepath.Join(base, "repo-b", "docs", "retros")
	os.MkdirAll(a, 0o755)
	os.MkdirAll(b, 0o755)
	da, db := DraftDir(drafts, a), DraftDir(drafts, b)
	if da == db || filepath.Dir(da) != drafts || !strings.HasPrefix(filepath.Base(da), "retros-") {
		t.Errorf("two repos share a drafts dir or it is misplaced: %s, %s", da, db)
	}
	if err := os.Symlink(filepath.Join(base, "repo-a"), filepath.Join(base, "link")); err != nil {
		t.Skip(err)
	}
	if got := DraftDir(drafts, filepath.Join(base, "link", "docs", "retros")); got != da {
		t.Errorf("through a symlink: %s, want %s", got, da)
	}
	if got := DraftDir(drafts, filepath.Join(base, "repo-a", "docs", "retros", "..", "retros")); got != da {
		t.Errorf("unclean path: %s, want %s", got, da)
	}
}

func TestClaimDraftLocksAndNamesTheHolder(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 23, 14, 2, 0, 0, time.UTC)
	first, err := ClaimDraft(dir, "retro", now)
	if err != nil || first.Path != filepath.Join(dir, "retro.json") || first.Busy != nil || first.Exists {
		t.Fatalf("first claim: %+v, %v", first, err)
	}
	SaveDraft(first.Path, []byte(`{"version":1}`))
	// A second claim (another open of the lock: as another process would)
	// is told who holds the draft and gets a separate one.
	second, err := ClaimDraft(dir, "retro", now)
	if err != nil || second.Busy == nil || second.BusyPath != first.Path || second.Path != filepath.Join(dir, "retro-2.json") || second.Exists {
		t.Fatalf("second claim: %+v, %v", second, err)
	}
	if second.Busy.Holder.PID != os.Getpid() || !second.Busy.Holder.Started.Equal(now) {
		t.Errorf("holder %+v", second.Busy.Holder)
	}
	SaveDraft(second.Path, []byte(`{"version":1}`))
	first.Release()
	second.Release()
	// Free again: the main draft first, then the separate one.
	c1, _ := ClaimDraft(dir, "retro", now)
	c2, _ := ClaimDraft(dir, "retro", now)
	if c1.Path != first.Path || !c1.Exists || c2.Path != second.Path || !c2.Exists || c2.Busy != nil {
		t.Errorf("after release: %+v, %+v", c1, c2)
	}
	c1.Release()
	c2.Release()
	if got := Drafts(dir, "retro"); len(got) != 2 {
		t.Errorf("Drafts = %v", got)
	}
	if _, held := lockfile.Held(LockPath(first.Path)); held {
		t.Error("released, still held")
	}
}

// Issue 14 item 6: an unreadable draft is moved aside, never overwritten.
func TestClaimAndLoadMovesAnUnreadableDraftAside(t *testing.T) {
	type session struct{ Text string }
	load := func(p string) (Draft[session], bool, error) { return LoadDraft[session](p, 1) }
	now := time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC)
	for name, data := range map[string]string{
		"damaged JSON":  `{"version":1,"marker":"DAMAGEDMARK","session":`,
		"other version": `{"version":99,"saved":"2026-11-23T13:00:00Z","session":{"Text":"DAMAGEDMARK"}}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "retro.json")
			os.WriteFile(path, []byte(data), 0o600)
			os.WriteFile(path+".note", []byte("{}"), 0o600)
			c, d, err := ClaimAndLoad(dir, "retro", now, load)
			if err != nil || d != nil || c.Exists || c.Path != path {
				t.Fatalf("claim: %+v, %v, %v", c, d, err)
			}
			defer c.Release()
			if c.Broken != path+".broken-20261123-140000" || c.BrokenErr == nil {
				t.Errorf("Broken = %q (%v)", c.Broken, c.BrokenErr)
			}
			if got, _ := os.ReadFile(c.Broken); string(got) != data {
				t.Errorf("moved draft holds %q", got)
			}
			if _, err := os.Stat(c.Broken + ".note"); err != nil {
				t.Errorf("its save record did not move along: %v", err)
			}
			if err := SaveDraft(c.Path, []byte(`{"version":1,"session":{"Text":"new"}}`)); err != nil {
				t.Fatal(err)
			}
			if got, _ := os.ReadFile(c.Broken); string(got) != data {
				t.Error("the new session overwrote the unreadable draft")
			}
			if got := BrokenDrafts(dir); len(got) != 1 || got[0] != c.Broken {
				t.Errorf("BrokenDrafts = %v", got)
			}
			// A second one the same second gets its own name.
			os.WriteFile(path, []byte(data), 0o600)
			again, err := MoveAside(path, now)
			if err != nil || again == c.Broken {
				t.Errorf("second move aside: %q, %v", again, err)
			}
		})
	}
}

func TestLegacyDrafts(t *testing.T) {
	dir := t.TempDir()
	if got := LegacyDrafts(dir); got != nil {
		t.Errorf("none: %v", got)
	}
	os.WriteFile(filepath.Join(dir, "retro.json"), []byte("{}"), 0o600)
	if got := LegacyDrafts(dir); len(got) != 1 {
		t.Errorf("LegacyDrafts = %v", got)
	}
	if LegacyDrafts("") != nil {
		t.Error(`LegacyDrafts("") looks in the working directory`)
	}
}
