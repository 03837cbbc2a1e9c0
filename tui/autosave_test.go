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

// A note that cannot be saved says where the work is, truthfully: "safe in
// the draft" only when the draft written in its place is on disk (on a
// full disk, it is not: the work is only in memory, and said so).
func TestSaveFailureSaysOnlyWhatIsTrue(t *testing.T) {
	for _, tc := range []struct {
		name         string
		draftBlocked bool
		want, never  string
	}{
		{"draft written", false, "Your answers are safe in the draft", "only in memory"},
		{"disk full for both", true, "your answers are only in memory", "safe in the draft"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newTestKata(t, 80, 24, nil)
			playTo(t, m, "end")
			os.RemoveAll(m.c.notesDir)
			os.MkdirAll(filepath.Dir(m.c.notesDir), 0o755)
			os.WriteFile(m.c.notesDir, []byte("a file where the notes dir should be"), 0o644)
			blocker := filepath.Dir(m.draftPath)
			if tc.draftBlocked {
				os.RemoveAll(blocker)
				os.WriteFile(blocker, []byte("a file where the drafts dir should be"), 0o644)
			}
			msgs := runCmd(kpress(m, "s"))
			if len(msgs) != 1 {
				t.Fatalf("save returned %v", msgs)
			}
			m.update(msgs[0])
			if !m.isErr || !strings.Contains(m.status, tc.want) || strings.Contains(m.status, tc.never) {
				t.Fatalf("status %q", m.status)
			}
			if tc.draftBlocked && !m.dirty {
				t.Errorf("dirty %v: a draft not written is tried again at the next tick", m.dirty)
			}
			if data, err := os.ReadFile(m.draftPath); !tc.draftBlocked && (err != nil || !strings.Contains(string(data), `"answers"`)) {
				t.Errorf("the draft said safe is not on disk: %v", err)
			}
		})
	}
}

// An autosave still under way when the work is saved (and its draft
// removed) must not write the draft back: the next start would offer a
// retro already saved. Each draft operation runs in its own Cmd, so the
// test runs them in the worst order.
func TestDraftWritesKeepTheOrderTheyWereAskedIn(t *testing.T) {
	path := filepath.Join(t.TempDir(), "drafts", "retro.json")
	w := newDraftWriter()
	stale := w.save(path, []byte(`{"old":true}`)) // asked for at a tick
	gone := w.remove(path)                        // then the retro is saved
	gone()
	if msg := stale(); msg.(draftSavedMsg).err != nil {
		t.Fatalf("a skipped save reports an error: %v", msg)
	}
	if _, err := os.Stat(path); !os.IsNotExist(err) {
		t.Fatalf("the autosave asked for before the removal wrote the draft back (stat: %v)", err)
	}
	// A draft asked for after the removal (discard, then a new retro) is
	// written even when the removal's Cmd runs late.
	gone = w.remove(path)
	fresh := w.save(path, []byte(`{"new":true}`))
	fresh()
	gone()
	if got, err := os.ReadFile(path); err != nil || !strings.Contains(string(got), "new") {
		t.Fatalf("the new draft: %q, %v", got, err)
	}
}
