//go:build unix

package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/retro"
)

// Issue 14 item 5, with two real processes: the first retro types
// ALPHAWORD, a second one on the same notes dir starts, is told which
// process holds the draft, presses d and types; both are killed -9.
// ALPHAWORD survives and the next start offers it.
func TestTwoRetroProcessesOnOneNotesDir(t *testing.T) {
	home, env := isolatedEnv(t)
	notesDir := filepath.Join(home, "notes")
	draft := draftOf(home, retro.DraftName)
	first := tmuxtest.Start(t, tmuxtest.Options{Width: 100, Height: 30, Env: env, Dir: home}, binPath, "retro", "--dir", notesDir)
	first.WaitFor("esc done editing", wait)
	first.Type("ALPHAWORD")
	tmuxtest.WaitUntil(t, wait, "ALPHAWORD in the draft", func() bool {
		b, _ := os.ReadFile(draft)
		return strings.Contains(string(b), "ALPHAWORD")
	})

	second := tmuxtest.Start(t, tmuxtest.Options{Width: 100, Height: 30, Env: env, Dir: home}, binPath, "retro", "--dir", notesDir)
	second.WaitFor(fmt.Sprintf("in progress in process %d", first.ProgramPID()), wait)
	second.Keys("d")
	second.Type("BETAWORD")
	second.WaitFor("That retro is in use", wait)

	for _, s := range []*tmuxtest.Session{first, second} {
		syscall.Kill(s.ProgramPID(), syscall.SIGKILL)
	}
	b, _ := os.ReadFile(draft)
	if !strings.Contains(string(b), "ALPHAWORD") || strings.Contains(string(b), "BETAWORD") {
		t.Fatalf("the first retro's draft:\n%s", b)
	}

	third := tmuxtest.Start(t, tmuxtest.Options{Width: 100, Height: 30, Env: env, Dir: home}, binPath, "retro", "--dir", notesDir)
	third.WaitFor("A retro in progress was found", wait)
	third.WaitFor("ALPHAWORD", wait)
}

// The same for katas: the second one starts apart and discards nothing.
func TestTwoKataProcessesOnOneNotesDir(t *testing.T) {
	home, env := isolatedEnv(t)
	notesDir := filepath.Join(home, "notes")
	draft := draftOf(home, kata.DraftName)
	first := tmuxtest.Start(t, tmuxtest.Options{Width: 100, Height: 30, Env: env, Dir: home}, binPath, "kata", "game-day", "--dir", notesDir)
	first.WaitFor("Stage 1", wait)
	first.Type("ALPHAWORD")
	tmuxtest.WaitUntil(t, wait, "ALPHAWORD in the draft", func() bool {
		b, _ := os.ReadFile(draft)
		return strings.Contains(string(b), "ALPHAWORD")
	})
	second := tmuxtest.Start(t, tmuxtest.Options{Width: 100, Height: 30, Env: env, Dir: home}, binPath, "kata", "game-day", "--dir", notesDir)
	second.WaitFor(fmt.Sprintf("in progress in process %d", first.ProgramPID()), wait)
	second.Keys("d")
	second.Keys("n")
	second.WaitFor("Stage 1", wait)
	second.Type("BETAWORD")
	tmuxtest.WaitUntil(t, wait, "BETAWORD in the separate draft", func() bool {
		b, _ := os.ReadFile(filepath.Join(filepath.Dir(draft), "kata-2.json"))
		return strings.Contains(string(b), "BETAWORD")
	})
	for _, s := range []*tmuxtest.Session{first, second} {
		syscall.Kill(s.ProgramPID(), syscall.SIGKILL)
	}
	if b, _ := os.ReadFile(draft); !strings.Contains(string(b), "ALPHAWORD") || strings.Contains(string(b), "BETAWORD") {
		t.Fatalf("the first kata's draft:\n%s", b)
	}
}

// Issue 14 item 6 from `retrokata retro` (which used to refuse to start):
// a damaged draft is moved aside, the screen says where, and the new
// retro never writes over it.
func TestRetroMovesADamagedDraftAside(t *testing.T) {
	home, env := isolatedEnv(t)
	draft := draftOf(home, retro.DraftName)
	os.MkdirAll(filepath.Dir(draft), 0o700)
	const damaged = `{"version":1,"marker":"DAMAGEDMARK","session":`
	os.WriteFile(draft, []byte(damaged), 0o600)
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 200, Height: 30, Env: env, Dir: home}, binPath, "retro", "--dir", filepath.Join(home, "notes"))
	s.WaitFor("Your earlier draft could not be read", wait)
	s.WaitFor(".broken-", wait)
	s.Type("New retro")
	tmuxtest.WaitUntil(t, wait, "the new draft", func() bool {
		b, _ := os.ReadFile(draft)
		return strings.Contains(string(b), "New retro")
	})
	matches, _ := filepath.Glob(draft + ".broken-*")
	if len(matches) != 1 {
		t.Fatalf("moved aside: %v", matches)
	}
	if b, _ := os.ReadFile(matches[0]); string(b) != damaged {
		t.Errorf("the damaged draft changed: %q", b)
	}
}
