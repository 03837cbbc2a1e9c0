package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A draft that cannot be written is said on the status line, kept dirty,
// and written at a later tick once the disk allows it.
func TestAutosaveFailureIsShownAndRetried(t *testing.T) {
	m := newTestKata(t, 80, 24, func(_ *common, o *KataOptions) { o.ID = "orphan-alert" })
	blocker := filepath.Dir(m.draftPath)
	os.MkdirAll(filepath.Dir(blocker), 0o755)
	os.WriteFile(blocker, []byte("a file where the drafts dir should be"), 0o644)
	kpress(m, "type:kept in memory")
	for _, msg := range runNoTick(m.update(tickMsg(testNow))) {
		m.update(msg)
	}
	if !m.isErr || !strings.Contains(m.status, "Draft not saved") || !m.dirty {
		t.Fatalf("status %q err %v dirty %v", m.status, m.isErr, m.dirty)
	}
	if !strings.Contains(plain(m.view()), "Draft not saved") || m.s.Answers[0] != "kept in memory" {
		t.Error("the failure shows and the text stays")
	}
	os.Remove(blocker)
	for _, msg := range runNoTick(m.update(tickMsg(testNow))) {
		m.update(msg)
	}
	if m.isErr || m.status != "Draft saved again." {
		t.Fatalf("after the disk is back: %q", m.status)
	}
	if data, err := os.ReadFile(m.draftPath); err != nil || !strings.Contains(string(data), "kept in memory") {
		t.Fatalf("draft: %v", err)
	}
}
