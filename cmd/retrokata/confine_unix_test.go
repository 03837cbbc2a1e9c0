//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A symlink committed inside the notes dir must not make the app read,
// write, edit or remove files outside the repository when the notes dir
// comes from .retrokata.yaml; with --dir (the user's choice) links are
// followed.
func TestNotesDirLinksOutOfTheRepoAreNeverFollowed(t *testing.T) {
	repo, git := syncRepo(t)
	outside := t.TempDir()
	victim := filepath.Join(outside, "victim.md")
	os.WriteFile(victim, []byte(sprint44), 0o644)
	notesDir := filepath.Join(repo, "docs", "retros")
	if err := os.Symlink(victim, filepath.Join(notesDir, "2026-01-01-x.md")); err != nil {
		t.Fatal(err)
	}
	git("add", "-A")
	git("commit", "-qm", "Close it", "-m", "Retro-Action: 2026-01-01-x#1")
	in := func(e *env) { e.wd = repo }

	_, errOut, _ := runCLIWith(t, in, "actions", "sync")
	if data, _ := os.ReadFile(victim); string(data) != sprint44 {
		t.Errorf("actions sync rewrote a file outside the repository:\n%s", data)
	}
	if !strings.Contains(errOut, "2026-01-01-x") {
		t.Errorf("actions sync does not name the linked note: %q", errOut)
	}
	out, errOut, _ := runCLIWith(t, in, "list")
	if !strings.Contains(out+errOut, "2026-01-01-x.md: links outside the repository") {
		t.Errorf("list does not report the link:\n%s%s", out, errOut)
	}
	if out, _, _ := runCLIWith(t, in, "actions"); strings.Contains(out, "Alert on orders") && strings.Count(out, "Alert on orders") > 1 {
		t.Errorf("actions lists the outside note's actions:\n%s", out)
	}
	if out, errOut, code := runCLIWith(t, in, "show", "2026-01-01-x"); code == 0 || strings.Contains(out, "Sprint 44") || !strings.Contains(errOut, "links outside the repository") {
		t.Errorf("show of the link: exit %d\n%s%s", code, out, errOut)
	}
	// the user's own --dir follows links as before
	if out, _, code := runCLIWith(t, in, "--dir", notesDir, "show", "2026-01-01-x"); code != 0 || !strings.Contains(out, "Alert on orders") {
		t.Errorf("--dir does not follow the link: exit %d %s", code, out)
	}
}

func TestInboxLinkedOutOfTheRepoIsRefused(t *testing.T) {
	repo, _ := syncRepo(t)
	outside := t.TempDir()
	notesDir := filepath.Join(repo, "docs", "retros")
	if err := os.Symlink(outside, filepath.Join(notesDir, "inbox")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(outside, "20261101T000000Z-x-aaaaaa.md"), []byte("---\nkind: problem\ntitle: Private\ncreated: 2026-11-01T00:00:00Z\n---\n"), 0o644)
	in := func(e *env) { e.wd = repo }
	_, errOut, code := runCLIWith(t, in, "retro", "add", "Secret card")
	if code == 0 || !strings.Contains(errOut, "inbox: links outside the repository") {
		t.Errorf("retro add into a linked inbox: exit %d %q", code, errOut)
	}
	if des, _ := os.ReadDir(outside); len(des) != 1 {
		t.Errorf("retro add wrote outside the repository: %v", des)
	}
	if out, errOut, code := runCLIWith(t, in, "retro", "inbox"); code == 0 || strings.Contains(out, "Private") || !strings.Contains(errOut, "links outside the repository") {
		t.Errorf("retro inbox of a linked inbox: exit %d\n%s%s", code, out, errOut)
	}

	// a card linked out of a real inbox is flagged, not read
	os.Remove(filepath.Join(notesDir, "inbox"))
	os.MkdirAll(filepath.Join(notesDir, "inbox"), 0o755)
	os.Symlink(filepath.Join(outside, "20261101T000000Z-x-aaaaaa.md"), filepath.Join(notesDir, "inbox", "20261101T000000Z-x-aaaaaa.md"))
	out, errOut, _ := runCLIWith(t, in, "retro", "inbox")
	if strings.Contains(out, "Private") || !strings.Contains(errOut, "links outside the repository") {
		t.Errorf("retro inbox with a linked card:\n%s%s", out, errOut)
	}
	// --dir follows it
	if out, _, _ := runCLIWith(t, in, "--dir", notesDir, "retro", "inbox"); !strings.Contains(out, "Private") {
		t.Errorf("--dir does not follow the card link:\n%s", out)
	}
}

func TestRepoContentLinkedOutOfTheRepoIsRefused(t *testing.T) {
	repo, _ := syncRepo(t)
	outside := t.TempDir()
	tip := filepath.Join(outside, "9-secret.md")
	os.WriteFile(tip, []byte("---\nnumber: 9\ntitle: Outside secret\n---\nsecret text\n"), 0o644)
	dir := filepath.Join(repo, ".retrokata", "content", "tips")
	os.MkdirAll(dir, 0o755)
	if err := os.Symlink(tip, filepath.Join(dir, "9-secret.md")); err != nil {
		t.Fatal(err)
	}
	out, errOut, _ := runCLIWith(t, func(e *env) { e.wd = repo }, "tips")
	if strings.Contains(out, "Outside secret") || !strings.Contains(errOut, "links outside the repository") {
		t.Errorf("tips with a linked content file:\n%s%s", out, errOut)
	}
}
