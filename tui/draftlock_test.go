package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/internal/lockfile"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// homeWith is the home screen on a fresh notes dir whose drafts dir was
// prepared by setup before the home screen reads it.
func homeWith(t *testing.T, w, h int, setup func(drafts string)) (*app, string) {
	t.Helper()
	root := t.TempDir()
	c := testCommon(true)
	c.location = notes.Location{Dir: filepath.Join(root, "notes"), Reason: notes.ReasonRepo, Config: "/repo/.retrokata.yaml"}
	// An empty library: the goldens do not change with the built-in content.
	c.notesDir, c.draftsDir, c.lib, c.homeDir = c.location.Dir, filepath.Join(root, "drafts"), &content.Library{}, root
	os.MkdirAll(c.draftsDir, 0o755)
	if setup != nil {
		setup(c.draftsDir)
	}
	a := newApp(c)
	a.Update(tea.WindowSizeMsg{Width: w, Height: h})
	a.Update(a.home.loadFacts()())
	return a, c.draftsDir
}

const damaged = `{"version":1,"marker":"DAMAGEDMARK","session":`

// Issue 14 item 6: the home screen used to overwrite a draft it could not
// read. Now it moves it aside, says where and what to do, and a new retro
// never touches it.
func TestHomeKeepsAnUnreadableDraft(t *testing.T) {
	for _, sz := range [][2]int{{80, 24}, {40, 12}} {
		t.Run(fmt.Sprintf("%dx%d", sz[0], sz[1]), func(t *testing.T) {
			a, drafts := homeWith(t, sz[0], sz[1], func(d string) {
				os.WriteFile(filepath.Join(d, "retro.json"), []byte(damaged), 0o600)
			})
			broken := filepath.Join(drafts, "retro.json.broken-20261123-140000")
			if got, err := os.ReadFile(broken); err != nil || string(got) != damaged {
				t.Fatalf("the damaged draft was not moved aside intact: %q, %v", got, err)
			}
			v := a.screen()
			checkFits(t, v, sz[0], sz[1])
			golden.RequireEqual(t, []byte(plain(v)))
			if sz[0] == 80 {
				p := plain(v)
				for _, want := range []string{"A draft could not be read; it is kept at", "~/drafts/retro.json.broken-20261123-140000", "Open it in an editor, or delete it."} {
					if !strings.Contains(p, want) {
						t.Errorf("home lacks %q:\n%s", want, p)
					}
				}
			}
			// A new retro writes its own draft; the damaged one stays.
			send(a, "r", "type:x")
			deliver(a, tickMsg(testNow), 0)
			if _, err := os.Stat(filepath.Join(drafts, "retro.json")); err != nil {
				t.Errorf("the new retro's draft: %v", err)
			}
			if got, _ := os.ReadFile(broken); string(got) != damaged {
				t.Errorf("the damaged draft changed: %q", got)
			}
		})
	}
}

// Issue 14 item 5: a retro whose draft another process holds is shown
// read-only or set aside for a separate draft; it is never discarded nor
// written. (The lock is taken here through another open of the lock file,
// which flock treats as another process would be.)
func TestRetroOnABusyDraftNeverDiscardsIt(t *testing.T) {
	var held *lockfile.Lock
	var main []byte
	a, drafts := homeWith(t, 80, 24, func(d string) {
		s := retro.New(testNow, "checkout", "ALPHAWORD", "Alice", 3)
		main, _ = retro.EncodeDraft(s, testNow.Add(-time.Minute))
		os.WriteFile(filepath.Join(d, "retro.json"), main, 0o600)
		var err error
		if held, err = lockfile.Acquire(notes.LockPath(filepath.Join(d, "retro.json")), testNow.Add(-time.Hour)); err != nil {
			t.Fatal(err)
		}
	})
	defer held.Release()
	unchanged := func(when string) {
		t.Helper()
		if got, _ := os.ReadFile(filepath.Join(drafts, "retro.json")); string(got) != string(main) {
			t.Fatalf("%s: the other process's draft changed:\n%s", when, got)
		}
	}
	send(a, "r")
	if a.active != screenRetro || a.retro.mode != modeBusy {
		t.Fatalf("not the busy prompt: active %v", a.active)
	}
	v := plain(a.screen())
	if !strings.Contains(v, fmt.Sprintf("in progress in process %d", os.Getpid())) || !strings.Contains(v, "v view it, read-only") {
		t.Errorf("the prompt does not say who holds it:\n%s", v)
	}
	send(a, "d", "type:BETAWORD", "D", "y")
	deliver(a, tickMsg(testNow), 0)
	unchanged("d and typing")

	send(a, "v")
	if !a.retro.readOnly || !strings.Contains(plain(a.screen()), "ALPHAWORD") {
		t.Fatalf("v does not show the draft read-only:\n%s", plain(a.screen()))
	}
	send(a, "a", "type:zzz", "s", "tab", "tab")
	deliver(a, tickMsg(testNow), 0)
	unchanged("read-only")
	send(a, "q")
	if a.active != screenHome {
		t.Fatal("q does not leave the read-only view")
	}
	unchanged("leaving")

	// A separate retro gets its own draft.
	send(a, "r", "n", "type:Separate")
	deliver(a, tickMsg(testNow), 0)
	sep, err := os.ReadFile(filepath.Join(drafts, "retro-2.json"))
	if err != nil || !strings.Contains(string(sep), "Separate") {
		t.Errorf("separate draft: %q, %v", sep, err)
	}
	unchanged("separate retro")
}

const kataMark = `{"version":1,"saved":"2026-11-23T13:00:00Z","session":{"kata":"game-day","answers":["ALPHAWORD \u001b]0;x\u0007"]}}`

// The same for a kata: a second one may start apart, never discard.
func TestKataOnABusyDraftStartsApart(t *testing.T) {
	var held *lockfile.Lock
	a, drafts := homeWith(t, 80, 24, func(d string) {
		os.WriteFile(filepath.Join(d, "kata.json"), []byte(kataMark), 0o600)
		held, _ = lockfile.Acquire(notes.LockPath(filepath.Join(d, "kata.json")), testNow)
	})
	defer held.Release()
	send(a, "p")
	if a.active != screenKata || a.kata.mode != kataBusy {
		t.Fatalf("not the busy prompt")
	}
	send(a, "d", "y")
	if got, _ := os.ReadFile(filepath.Join(drafts, "kata.json")); string(got) != kataMark {
		t.Errorf("the other kata's draft changed: %q", got)
	}
	send(a, "v")
	if v := plain(a.screen()); !strings.Contains(v, "Stage 1: ALPHAWORD") || strings.Contains(a.screen(), "\x1b]0") {
		t.Errorf("v does not show the other kata read-only:\n%s", v)
	}
	send(a, "type:zz", "d")
	if got, _ := os.ReadFile(filepath.Join(drafts, "kata.json")); string(got) != kataMark {
		t.Errorf("the other kata's draft changed: %q", got)
	}
	send(a, "n")
	if a.kata.mode == kataBusy || a.kata.draftPath != filepath.Join(drafts, "kata-2.json") {
		t.Errorf("n: mode %v, draft %s", a.kata.mode, a.kata.draftPath)
	}
}

// A status line may quote an error (git's output, a file name): it stays
// one line and drives nothing.
func TestStatusLineIsSanitised(t *testing.T) {
	out := statusLine(newStyles(true), 80, "commit failed: \x1b]0;pwned\x07hook\nsaid \x1b[2Jno", true)
	if strings.Contains(out, "\x1b]") || strings.Contains(out, "\x07") || strings.Contains(out, "\x1b[2J") || strings.Contains(out, "\n") {
		t.Errorf("status line: %q", out)
	}
	if got := plain(out); got != "commit failed: hook said no\n" {
		t.Errorf("status text: %q", got)
	}
}
