package safefile

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

func TestReadRegularFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "note.md")
	want := []byte("# hello\n")
	if err := os.WriteFile(p, want, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := Read(p, NotesLimit)
	if err != nil || !bytes.Equal(got, want) {
		t.Fatalf("Read = %q, %v; want %q", got, err, want)
	}
}

func TestReadAtLimitPassesOverLimitRefused(t *testing.T) {
	dir := t.TempDir()
	at := filepath.Join(dir, "at.md")
	over := filepath.Join(dir, "over.md")
	os.WriteFile(at, bytes.Repeat([]byte("a"), 1024), 0o644)
	os.WriteFile(over, bytes.Repeat([]byte("a"), 1025), 0o644)
	if got, err := Read(at, 1024); err != nil || len(got) != 1024 {
		t.Fatalf("file at the limit: %d bytes, %v", len(got), err)
	}
	_, err := Read(over, 1024)
	if !errors.Is(err, ErrTooLarge) || err.Error() != over+": larger than 1 KiB" {
		t.Fatalf("file over the limit: %v", err)
	}
}

func TestReadRefusesFiveMiBNote(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.md")
	if err := os.WriteFile(p, bytes.Repeat([]byte("- [ ] a\n"), 5<<20/8), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(p, NotesLimit)
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "larger than 4 MiB") || !strings.Contains(err.Error(), p) {
		t.Fatalf("5 MiB note: %v", err)
	}
}

func TestReadRefusesSymlinkToDirectory(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.md")
	if err := os.Symlink(t.TempDir(), p); err != nil {
		t.Skip("no symlinks here:", err)
	}
	_, err := Read(p, NotesLimit)
	if !errors.Is(err, ErrNotRegular) || err.Error() != p+": not a regular file (a directory)" {
		t.Fatalf("link to a directory: %v", err)
	}
}

func TestReadMissingFileIsNotExist(t *testing.T) {
	p := filepath.Join(t.TempDir(), "gone.md")
	_, err := Read(p, NotesLimit)
	if !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(err.Error(), p+": ") {
		t.Fatalf("missing file: %v", err)
	}
}

func TestReadFS(t *testing.T) {
	fsys := fstest.MapFS{
		"tips/1.md": {Data: []byte("tip")},
		"tips/big":  {Data: bytes.Repeat([]byte("a"), 100)},
		"tips/dir":  {Mode: fs.ModeDir},
	}
	if got, err := ReadFS(fsys, "tips/1.md", 10); err != nil || string(got) != "tip" {
		t.Fatalf("ReadFS = %q, %v", got, err)
	}
	if _, err := ReadFS(fsys, "tips/big", 10); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("big: %v", err)
	}
	if _, err := ReadFS(fsys, "tips/dir", 10); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("dir: %v", err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{NotesLimit: "4 MiB", ConfigLimit: "64 KiB", DraftLimit: "16 MiB", 100: "100 bytes", 1536: "1536 bytes"} {
		if got := Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
