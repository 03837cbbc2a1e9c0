package main

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
	"github.com/retrokata/retrokata/notes"
)

// binPath is the binary built once for this package's real-terminal tests.
var binPath string

func TestMain(m *testing.M) {
	os.Exit(testMain(m))
}

func testMain(m *testing.M) int {
	dir, err := os.MkdirTemp("", "retrokata-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	binPath, err = tmuxtest.Build(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// isolatedEnv points every XDG directory and HOME at a fresh temp dir, so an
// end-to-end test never reads or writes the developer's own notes.
func isolatedEnv(t *testing.T) (home string, env []string) {
	t.Helper()
	home = t.TempDir()
	return home, []string{
		"HOME=" + home,
		"XDG_DATA_HOME=" + home + "/data",
		"XDG_STATE_HOME=" + home + "/state",
		"XDG_CONFIG_HOME=" + home + "/config",
		"XDG_CACHE_HOME=" + home + "/cache",
		"RETROKATA_DIR=",
	}
}

func TestHomeScreenInRealTerminal(t *testing.T) {
	home, env := isolatedEnv(t)
	s := tmuxtest.Start(t, tmuxtest.Options{Width: 80, Height: 24, Env: env, Dir: home}, binPath)
	s.WaitFor("retrokata", 10*time.Second)
	s.WaitFor("q quit", 5*time.Second)
	s.Keys("q")
	if code := s.WaitExit(10 * time.Second); code != 0 {
		t.Fatalf("exit code = %d, want 0", code)
	}
}

// draftOf is the draft file name of the notes dir home/notes in the
// isolated environment's drafts dir.
func draftOf(home, name string) string {
	return filepath.Join(notes.DraftDir(filepath.Join(home, "state", "retrokata", "drafts"), filepath.Join(home, "notes")), name)
}
