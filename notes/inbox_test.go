package notes

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var inboxName = regexp.MustCompile(`^20261123T130405Z-deploy-froze-for-20-minutes-[a-z2-7]{6}\.md$`)

func TestAddInboxWritesOneFilePerCard(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 11, 23, 14, 4, 5, 0, time.FixedZone("CET", 3600))
	p1, err := AddInbox(dir, "Deploy froze for 20 minutes", "The pipeline hung\n# on the lock", "pay", now)
	if err != nil {
		t.Fatal(err)
	}
	p2, err := AddInbox(dir, "Deploy froze for 20 minutes", "", "", now)
	if err != nil {
		t.Fatal(err)
	}
	if p1 == p2 {
		t.Fatal("two cards with the same title and second share a file")
	}
	for _, p := range []string{p1, p2} {
		if filepath.Dir(p) != filepath.Join(dir, "inbox") || !inboxName.MatchString(filepath.Base(p)) {
			t.Fatalf("card saved as %s", p)
		}
	}
	data, _ := os.ReadFile(p1)
	want := "---\nkind: problem\ntitle: Deploy froze for 20 minutes\nteam: pay\ncreated: 2026-11-23T13:04:05Z\n---\nThe pipeline hung\n# on the lock\n"
	if string(data) != want {
		t.Fatalf("card file:\n%s\nwant:\n%s", data, want)
	}
	cards, err := ReadInbox(dir)
	if err != nil || len(cards) != 2 {
		t.Fatalf("ReadInbox: %v %+v", err, cards)
	}
	c := cards[0]
	if p1 > p2 {
		c = cards[1]
	}
	if c.Err != nil || c.Title != "Deploy froze for 20 minutes" || c.Team != "pay" || c.Text != "The pipeline hung\n# on the lock" || !c.Created.Equal(now) {
		t.Fatalf("card read back as %+v", c)
	}
	if err := RemoveInbox(dir, []string{p1, p2}); err != nil {
		t.Fatal(err)
	}
	if cards, _ := ReadInbox(dir); len(cards) != 0 {
		t.Fatalf("cards left after removal: %+v", cards)
	}
}

func TestAddInboxRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	if _, err := AddInbox(dir, "  \x1b[2J ", "", "", time.Now()); err == nil {
		t.Fatal("a card with no title was written")
	}
	if _, err := AddInbox(dir, strings.Repeat("x", MaxInboxTitle+1), "", "", time.Now()); err == nil {
		t.Fatal("an overlong title was accepted")
	}
	if _, err := AddInbox(dir, "ok", strings.Repeat("x", MaxInboxText+1), "", time.Now()); err == nil {
		t.Fatal("an overlong text was accepted")
	}
	p, err := AddInbox(dir, "Title \x1b]0;pwned\x07with escapes", "body \x1b[31mred", "", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(p)
	if bytes.IndexByte(data, 0x1b) >= 0 || bytes.IndexByte(data, 0x07) >= 0 {
		t.Fatalf("control characters reached the card file: %q", data)
	}
}

func TestReadInboxKeepsBrokenCards(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "inbox")
	os.MkdirAll(in, 0o755)
	good := "---\nkind: problem\ntitle: \"Pager \\e[2Jstorm\"\ncreated: 2026-11-20T10:00:00Z\n---\nText \x1b[31mred\n"
	files := map[string]string{
		"20261120T100000Z-good-aaaaaa.md":     good,
		"20261120T100001Z-nofm-aaaaaa.md":     "just text\n",
		"20261120T100002Z-kind-aaaaaa.md":     "---\nkind: praise\ntitle: x\n---\n",
		"20261120T100003Z-notitle-aaaaaa.md":  "---\nkind: problem\n---\n",
		"20261120T100004Z-badyaml-aaaaaa.md":  "---\nkind: [\n---\n",
		".20261120T100005Z-hidden-aaaaaa.md":  good,
		"20261120T100006Z-nottext-aaaaaa.txt": good,
	}
	for n, c := range files {
		os.WriteFile(filepath.Join(in, n), []byte(c), 0o644)
	}
	hostileInbox(t, in) // a named pipe where the OS has them
	cards, err := ReadInbox(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ok, broken int
	for _, c := range cards {
		if c.Err != nil {
			broken++
			if !strings.Contains(c.Err.Error(), c.Path) {
				t.Errorf("error does not name the file: %v", c.Err)
			}
			continue
		}
		ok++
		if strings.ContainsRune(c.Title+c.Text, 0x1b) {
			t.Errorf("escape kept: %q %q", c.Title, c.Text)
		}
	}
	wantBroken := 4
	if unixLike {
		wantBroken = 5
	}
	if ok != 1 || broken != wantBroken {
		t.Fatalf("ok %d broken %d: %+v", ok, broken, cards)
	}
	if _, err := os.Stat(filepath.Join(in, "20261120T100001Z-nofm-aaaaaa.md")); err != nil {
		t.Fatal("a broken card was removed")
	}
	// list sees no note in the inbox
	if l, _ := List(dir, Filter{}); len(l) != 0 {
		t.Fatalf("list shows inbox files: %+v", l)
	}
	if err := RemoveInbox(dir, []string{filepath.Join(dir, "note.md")}); err == nil {
		t.Fatal("RemoveInbox removed a file outside the inbox")
	}
}
