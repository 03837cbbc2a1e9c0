//go:build unix

package notes

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/retrokata/retrokata/internal/safefile"
)

const outsideNote = "---\ntype: retro\ntitle: Outside\ndate: 2026-01-01T10:00:00Z\nteam: pay\n---\n# Outside\n\n## Actions\n- [ ] Private action (@bob)\n"

// linkedRepo is a repository whose notes dir holds a note linked to a
// file outside it; it returns the repo (the confinement root), the notes
// dir, the link and its outside target.
func linkedRepo(t *testing.T) (repo, dir, link, victim string) {
	t.Helper()
	repo, outside := t.TempDir(), t.TempDir()
	dir = filepath.Join(repo, "docs", "retros")
	os.MkdirAll(dir, 0o755)
	victim = filepath.Join(outside, "victim.md")
	os.WriteFile(victim, []byte(outsideNote), 0o644)
	link = filepath.Join(dir, "2026-01-01-x.md")
	if err := os.Symlink(victim, link); err != nil {
		t.Fatal(err)
	}
	return repo, dir, link, victim
}

// The previous-actions phase takes its actions from the list and writes
// the decisions back through SetStatusesIn / FileStore.Edit: a note linked
// out of the repository is listed as broken, and never rewritten.
func TestConfinedNotesNeverFollowLinksOut(t *testing.T) {
	repo, dir, link, victim := linkedRepo(t)
	list, err := Lister{Root: repo}.List(dir, Filter{})
	if err != nil || len(list) != 1 || !errors.Is(list[0].Err, safefile.ErrOutside) || list[0].Path != link || len(list[0].Actions) != 0 {
		t.Fatalf("List = %+v, %v; want the link broken, links outside the repository", list, err)
	}
	if list, _ := (Lister{}).List(dir, Filter{}); len(list) != 1 || list[0].Err != nil || list[0].Open != 1 {
		t.Errorf("unconfined List does not follow the link: %+v", list)
	}
	e, _ := ReadEntry(victim)
	errs, err := SetStatusesIn(repo, link, []Change{{Action: e.Actions[0], Status: StatusCarried, To: "2026-11-23-x.md"}})
	if !errors.Is(err, safefile.ErrOutside) || errs[0] == nil {
		t.Errorf("SetStatusesIn = %v, %v; want links outside the repository", errs, err)
	}
	st := FileStore{NotesDir: dir, Root: repo}
	if _, err := SetDoneIn(st, link, e.Hash, e.Actions[0], true); !errors.Is(err, safefile.ErrOutside) {
		t.Errorf("FileStore.Edit = %v", err)
	}
	if _, err := st.Read(link); !errors.Is(err, safefile.ErrOutside) {
		t.Errorf("FileStore.Read = %v", err)
	}
	if data, _ := os.ReadFile(victim); string(data) != outsideNote {
		t.Errorf("the outside note was rewritten:\n%s", data)
	}
}

func TestConfinedInboxNeverFollowsLinksOut(t *testing.T) {
	repo, dir, _, _ := linkedRepo(t)
	outside := t.TempDir()
	card := filepath.Join(outside, "20261101T000000Z-x-aaaaaa.md")
	os.WriteFile(card, RenderInbox(InboxCard{Kind: KindProblem, Title: "Private"}), 0o644)
	os.Symlink(outside, InboxDir(dir))
	if _, err := AddInboxIn(repo, dir, "Card", "", "", time.Now()); !errors.Is(err, safefile.ErrOutside) {
		t.Errorf("AddInboxIn = %v", err)
	}
	if _, err := ReadInboxIn(repo, dir); !errors.Is(err, safefile.ErrOutside) {
		t.Errorf("ReadInboxIn = %v", err)
	}
	if err := RemoveInboxIn(repo, dir, []string{filepath.Join(InboxDir(dir), filepath.Base(card))}); !errors.Is(err, safefile.ErrOutside) {
		t.Errorf("RemoveInboxIn = %v", err)
	}
	if des, _ := os.ReadDir(outside); len(des) != 1 {
		t.Errorf("the outside dir changed: %v", des)
	}
	// a card linked out of a real inbox
	os.Remove(InboxDir(dir))
	os.Mkdir(InboxDir(dir), 0o755)
	os.Symlink(card, filepath.Join(InboxDir(dir), filepath.Base(card)))
	cards, err := ReadInboxIn(repo, dir)
	if err != nil || len(cards) != 1 || !errors.Is(cards[0].Err, safefile.ErrOutside) || cards[0].Title != "" {
		t.Errorf("ReadInboxIn = %+v, %v", cards, err)
	}
	if cards, _ := ReadInbox(dir); len(cards) != 1 || cards[0].Title != "Private" {
		t.Errorf("unconfined ReadInbox does not follow the link: %+v", cards)
	}
}
