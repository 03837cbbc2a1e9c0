package notes

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/retrokata/retrokata/internal/safefile"
)

// confinedRepo is a repository dir (symlinks resolved) holding a
// .retrokata.yaml with the given notes_dir, and a dir outside it.
func confinedRepo(t *testing.T, notesDir string) (repo, outside string) {
	t.Helper()
	base, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	repo, outside = filepath.Join(base, "repo"), filepath.Join(base, "outside")
	for _, d := range []string{repo, outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(repo, ConfigName), []byte("notes_dir: "+notesDir+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return repo, outside
}

func noEnv(string) string { return "" }

// Issue 14 item 2: a repo's notes_dir must resolve, symlinks followed,
// inside the repo; --dir and RETROKATA_DIR may point anywhere.
func TestRepoNotesDirStaysInsideTheRepository(t *testing.T) {
	symlink := func(t *testing.T, target, link string) {
		t.Helper()
		if err := os.Symlink(target, link); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	for _, tc := range []struct {
		name     string
		notesDir func(outside string) string
		setup    func(t *testing.T, repo, outside string)
	}{
		{"absolute path", func(o string) string { return filepath.Join(o, "notes") }, nil},
		{"dot dot", func(string) string { return "../outside" }, nil},
		{"dot dot dot dot", func(string) string { return "docs/../../../x" }, nil},
		{"symlinked dir pointing out", func(string) string { return "docs/retros" },
			func(t *testing.T, repo, outside string) { symlink(t, outside, filepath.Join(repo, "docs")) }},
		{"symlinked dir pointing out, notes dir not created yet", func(string) string { return "docs/retros/2026" },
			func(t *testing.T, repo, outside string) { symlink(t, outside, filepath.Join(repo, "docs")) }},
		{"dangling link to a dir not created yet", func(string) string { return "docs/retros" },
			func(t *testing.T, repo, outside string) {
				os.Mkdir(filepath.Join(repo, "docs"), 0o755)
				symlink(t, filepath.Join(outside, "later"), filepath.Join(repo, "docs", "retros"))
			}},
		{"relative link climbing out", func(string) string { return "notes" },
			func(t *testing.T, repo, _ string) { symlink(t, "../outside", filepath.Join(repo, "notes")) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			repo, outside := confinedRepo(t, "x")
			nd := tc.notesDir(outside)
			os.WriteFile(filepath.Join(repo, ConfigName), []byte("notes_dir: "+nd+"\n"), 0o644)
			if tc.setup != nil {
				tc.setup(t, repo, outside)
			}
			loc, err := Resolve("", noEnv, repo, XDG{})
			want := ConfigName + `: notes_dir "` + nd + `" points outside the repository`
			if err == nil || !strings.HasSuffix(err.Error(), want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("Resolve = %+v, %v; want an error ending %q", loc, err, want)
			}
			// The user's own choice may point anywhere.
			loc, err = Resolve(filepath.Join(outside, "mine"), noEnv, repo, XDG{})
			if err != nil || loc.Reason != ReasonFlag {
				t.Errorf("--dir outside: %+v, %v", loc, err)
			}
			env := func(k string) string {
				if k == "RETROKATA_DIR" {
					return outside
				}
				return ""
			}
			if loc, err = Resolve("", env, repo, XDG{}); err != nil || loc.Reason != ReasonEnv || loc.Dir != outside {
				t.Errorf("RETROKATA_DIR outside: %+v, %v", loc, err)
			}
		})
	}
}

func TestRepoNotesDirInsideIsAccepted(t *testing.T) {
	for _, nd := range []string{"docs/retros", "./docs/../notes", "."} {
		repo, _ := confinedRepo(t, nd)
		sub := filepath.Join(repo, "src", "deep")
		os.MkdirAll(sub, 0o755)
		loc, err := Resolve("", noEnv, sub, XDG{})
		if err != nil || loc.Reason != ReasonRepo || loc.Dir != filepath.Join(repo, nd) {
			t.Errorf("notes_dir %q: %+v, %v", nd, loc, err)
		}
	}
	// A symlink that stays inside the repository is fine.
	repo, _ := confinedRepo(t, "retros")
	os.MkdirAll(filepath.Join(repo, "docs", "retros"), 0o755)
	if err := os.Symlink(filepath.Join("docs", "retros"), filepath.Join(repo, "retros")); err != nil {
		t.Skip(err)
	}
	if _, err := Resolve("", noEnv, repo, XDG{}); err != nil {
		t.Errorf("a link inside the repo: %v", err)
	}
}

// .retrokata.yaml is read through the capped reader, and its errors are
// one line naming it, with nothing from the file that drives a terminal.
func TestRepoConfigErrorsAreOneLine(t *testing.T) {
	repo, _ := confinedRepo(t, "x")
	cfg := filepath.Join(repo, ConfigName)
	check := func(name string, want ...string) {
		t.Helper()
		_, err := Resolve("", noEnv, repo, XDG{})
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
		msg := err.Error()
		if strings.ContainsAny(msg, "\n\x1b\x07") || !strings.HasPrefix(msg, cfg+": ") {
			t.Errorf("%s: not one clean line naming the file: %q", name, msg)
		}
		for _, w := range want {
			if !strings.Contains(msg, w) {
				t.Errorf("%s: %q lacks %q", name, msg, w)
			}
		}
	}
	os.WriteFile(cfg, []byte("notes_dir: docs\nfoo: 1\nbar: 2\n"), 0o644)
	check("unknown keys", "line 2: field foo is not a setting", "; line 3: field bar")
	os.WriteFile(cfg, []byte("notes_dir: [oops\n"), 0o644)
	check("bad YAML", "line 1")
	os.WriteFile(cfg, []byte("notes_dir: \"\x1b]52;c;cHduZWQ=\x07../x\"\n"), 0o644)
	check("control characters")
	os.WriteFile(cfg, []byte("notes_dir: \"\\e]0;t\\a/../../x\"\n"), 0o644)
	check("escaped control characters outside", `notes_dir "/../../x" points outside the repository`)

	os.WriteFile(cfg, []byte("# "+strings.Repeat("x", 100<<10)+"\nnotes_dir: docs\n"), 0o644)
	_, err := Resolve("", noEnv, repo, XDG{})
	if !errors.Is(err, safefile.ErrTooLarge) {
		t.Errorf("a 100 KiB config: %v, want ErrTooLarge", err)
	}
	if runtime.GOOS != "windows" {
		os.Remove(cfg)
		if err := os.Symlink("/dev/zero", cfg); err != nil {
			t.Fatal(err)
		}
		_, err := Resolve("", noEnv, repo, XDG{})
		if !errors.Is(err, safefile.ErrNotRegular) {
			t.Errorf("a config linked to /dev/zero: %v, want ErrNotRegular", err)
		}
	}
}

func TestRealPath(t *testing.T) {
	base, _ := filepath.EvalSymlinks(t.TempDir())
	os.MkdirAll(filepath.Join(base, "a", "b"), 0o755)
	if err := os.Symlink(filepath.Join(base, "a"), filepath.Join(base, "l")); err != nil {
		t.Skip(err)
	}
	os.Symlink("loop2", filepath.Join(base, "loop1"))
	os.Symlink("loop1", filepath.Join(base, "loop2"))
	for in, want := range map[string]string{
		filepath.Join(base, "l", "b"):           filepath.Join(base, "a", "b"),
		filepath.Join(base, "l", "new", "deep"): filepath.Join(base, "a", "new", "deep"),
		filepath.Join(base, "none", "x"):        filepath.Join(base, "none", "x"),
	} {
		if got, err := RealPath(in); err != nil || got != want {
			t.Errorf("RealPath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := RealPath(filepath.Join(base, "loop1", "x")); err == nil {
		t.Error("a link loop is an error")
	}
}
