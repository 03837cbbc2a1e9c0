package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRetroAddAndInbox(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := runCLI(t, nil, "--dir", dir, "retro", "add", "Deploy froze", "-m", "20 minutes", "--team", "pay")
	if code != 0 || !strings.HasPrefix(out, "Added "+filepath.Join(dir, "inbox")+string(filepath.Separator)+"20261123T140000Z-deploy-froze-") {
		t.Fatalf("add: %d %q %q", code, out, errOut)
	}
	if _, _, code := runCLI(t, nil, "--dir", dir, "retro", "add", "Pager storm"); code != 0 {
		t.Fatal("second add failed")
	}
	if _, errOut, code := runCLI(t, nil, "--dir", dir, "retro", "add"); code != 2 || !strings.Contains(errOut, "accepts 1 arg") {
		t.Fatalf("add without a title: %d %q", code, errOut)
	}
	// a hostile card someone committed
	os.WriteFile(filepath.Join(dir, "inbox", "20261101T000000Z-x-aaaaaa.md"),
		[]byte("---\nkind: problem\ntitle: \"evil \\e]0;owned\\a\\e[2J\"\ncreated: 2026-11-01T00:00:00Z\n---\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "inbox", "20261101T000001Z-y-aaaaaa.md"), []byte("not a card\x1b[2J\n"), 0o644)
	out, errOut, code = runCLI(t, nil, "--dir", dir, "retro", "inbox")
	if code != 0 || strings.ContainsRune(out+errOut, 0x1b) || strings.ContainsRune(out+errOut, 0x07) {
		t.Fatalf("inbox: %d %q %q", code, out, errOut)
	}
	if !strings.Contains(out, "Deploy froze  [pay]") || !strings.Contains(out, "3 card(s) for the next retro, 1 unreadable.") ||
		!strings.Contains(errOut, "20261101T000001Z-y-aaaaaa.md") {
		t.Fatalf("inbox:\n%s\n%s", out, errOut)
	}
	out, _, code = runCLI(t, nil, "--dir", dir, "retro", "inbox", "--json")
	var cards []inboxJSON
	if err := json.Unmarshal([]byte(out), &cards); err != nil || code != 0 || len(cards) != 4 {
		t.Fatalf("inbox --json: %v %d %s", err, code, out)
	}
	if out, _, _ := runCLI(t, nil, "--dir", dir, "list", "--json"); strings.TrimSpace(out) != "[]" {
		t.Fatalf("list shows inbox cards: %s", out)
	}
	if out, _, _ := runCLI(t, nil, "--dir", dir, "actions", "--json"); strings.Contains(out, "Deploy") {
		t.Fatalf("actions shows inbox cards: %s", out)
	}
}
