package notes

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/retrokata/retrokata/internal/frontmatter"
	"github.com/retrokata/retrokata/internal/safefile"
	"go.yaml.in/yaml/v3"
)

// ConfigName is the file a team commits at the root of its repository to
// keep notes in the repo.
const ConfigName = ".retrokata.yaml"

// DefaultNotesDir is what `retrokata init` writes into ConfigName.
const DefaultNotesDir = "docs/retros"

// XDG holds the base directories of the XDG spec (or their macOS and
// Windows equivalents). cmd fills it from github.com/adrg/xdg; tests fill
// it with temp dirs.
type XDG struct {
	DataHome, StateHome, ConfigHome, CacheHome string
}

// Reason says why a notes directory was chosen.
type Reason string

// Why the notes dir is the one it is, in order of precedence.
const (
	ReasonFlag    Reason = "--dir flag"
	ReasonEnv     Reason = "RETROKATA_DIR"
	ReasonRepo    Reason = ".retrokata.yaml"
	ReasonDefault Reason = "default"
)

// Location is the notes directory in use and why.
type Location struct {
	Dir    string
	Reason Reason
	// Config is the .retrokata.yaml found walking up, even when a flag or
	// the environment chose the dir; empty when there is none.
	Config string
}

// GitDir is where git looks for the work tree to commit notes in: the
// directory holding .retrokata.yaml when the notes dir comes from it, else
// the notes dir the user chose. Git never runs in a notes dir a repository
// named, which it could have shaped like a git directory.
func (l Location) GitDir() string {
	if l.Reason == ReasonRepo && l.Config != "" {
		return filepath.Dir(l.Config)
	}
	return l.Dir
}

// Root is the repository every file of the notes dir must lie in, once
// symlinks are followed (see safefile.Inside): the directory holding
// .retrokata.yaml when the notes dir comes from it, "" (no confinement)
// when the user chose the dir with --dir, RETROKATA_DIR or the default.
func (l Location) Root() string {
	if l.Reason == ReasonRepo && l.Config != "" {
		return filepath.Dir(l.Config)
	}
	return ""
}

// RepoConfig is the content of .retrokata.yaml.
type RepoConfig struct {
	NotesDir string `yaml:"notes_dir"`
}

// FindConfig walks up from dir to the nearest .retrokata.yaml and returns
// its path, or "" when there is none. The walk stops at the top of the git
// work tree dir is in (the first folder holding a .git, found by looking,
// git is not run) and at home ("" for no such stop): a .retrokata.yaml in
// a folder above the repository or above your home, which someone else may
// have put there, is never used. A .retrokata.yaml found but owned by
// another user (unix) is an error naming it.
func FindConfig(dir, home string) (string, error) {
	dir = filepath.Clean(dir)
	if home != "" {
		home = filepath.Clean(home)
	}
	for {
		p := filepath.Join(dir, ConfigName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			if err := ownedByUs(p, info); err != nil {
				return "", err
			}
			return p, nil
		}
		if dir == home {
			return "", nil
		}
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			return "", nil // the top of the work tree
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Home is the user's home folder from the environment (HOME, or
// USERPROFILE on Windows), where FindConfig stops; "" when unset.
func Home(getenv func(string) string) string {
	if h := getenv("HOME"); h != "" {
		return h
	}
	return getenv("USERPROFILE")
}

// ReadConfig reads a .retrokata.yaml through the capped reader (64 KiB,
// regular files only: a link to /dev/zero is an error, not a hang). Every
// error is one line naming the file (and the line, for YAML), with
// control characters from the file stripped.
func ReadConfig(path string) (RepoConfig, error) {
	data, err := safefile.Read(path, safefile.ConfigLimit)
	if err != nil {
		return RepoConfig{}, err
	}
	var c RepoConfig
	dec := yaml.NewDecoder(strings.NewReader(string(frontmatter.Normalize(data))))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return RepoConfig{}, fmt.Errorf("%s: %s", path, singleLine(strings.TrimPrefix(err.Error(), "yaml: ")))
	}
	return c, nil
}

// singleLine folds a YAML error ("unmarshal errors:\n  line 2: ...\n  line
// 3: ...") onto one line, in words a user knows, without control
// characters.
func singleLine(msg string) string {
	var parts []string
	for _, l := range strings.Split(Sanitize(msg), "\n") {
		if l = strings.TrimSpace(l); l != "" && l != "unmarshal errors:" {
			parts = append(parts, strings.Replace(l, " not found in type notes.RepoConfig", " is not a setting (notes_dir is the only one)", 1))
		}
	}
	return strings.Join(parts, "; ")
}

// Resolve picks the notes directory: the --dir flag, then RETROKATA_DIR,
// then notes_dir of the nearest .retrokata.yaml walking up from wd
// (relative to that file), then <DataHome>/retrokata/notes.
func Resolve(flagDir string, getenv func(string) string, wd string, x XDG) (Location, error) {
	cfg, err := FindConfig(wd, Home(getenv))
	if err != nil {
		return Location{}, err
	}
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(wd, p)
	}
	switch {
	case flagDir != "":
		return Location{Dir: abs(flagDir), Reason: ReasonFlag, Config: cfg}, nil
	case getenv("RETROKATA_DIR") != "":
		return Location{Dir: abs(getenv("RETROKATA_DIR")), Reason: ReasonEnv, Config: cfg}, nil
	case cfg != "":
		c, err := ReadConfig(cfg)
		if err != nil {
			return Location{}, err
		}
		if strings.TrimSpace(c.NotesDir) == "" {
			return Location{}, fmt.Errorf("%s: notes_dir is empty: set it, e.g. 'notes_dir: %s'", cfg, DefaultNotesDir)
		}
		dir := c.NotesDir
		if !filepath.IsAbs(dir) {
			dir = filepath.Join(filepath.Dir(cfg), dir)
		}
		dir = filepath.Clean(dir)
		if err := insideRepo(cfg, c.NotesDir, dir); err != nil {
			return Location{}, err
		}
		return Location{Dir: dir, Reason: ReasonRepo, Config: cfg}, nil
	}
	if x.DataHome == "" {
		return Location{}, errors.New("no notes directory: set --dir, RETROKATA_DIR or XDG_DATA_HOME")
	}
	return Location{Dir: filepath.Join(x.DataHome, "retrokata", "notes"), Reason: ReasonDefault}, nil
}

// insideRepo checks that dir, the notes_dir of the config file cfg, lies
// inside the directory holding cfg once every symlink is followed (a
// repository is untrusted: its notes_dir must not make the app write
// anywhere else).
func insideRepo(cfg, notesDir, dir string) error {
	outside := fmt.Errorf("%s: notes_dir %q points outside the repository", cfg, Sanitize(notesDir))
	root, err := RealPath(filepath.Dir(cfg))
	if err != nil {
		return fmt.Errorf("%s: %v", cfg, err)
	}
	real, err := RealPath(dir)
	if err != nil {
		return fmt.Errorf("%s: notes_dir %q: %v", cfg, Sanitize(notesDir), err)
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return outside
	}
	return nil
}

// RealPath is the absolute path p names once every symlink is followed
// (see safefile.RealPath).
func RealPath(p string) (string, error) { return safefile.RealPath(p) }

// DraftsDir is where work in progress is autosaved: never in the repo.
func DraftsDir(x XDG) string { return filepath.Join(x.StateHome, "retrokata", "drafts") }

// InitConfig writes .retrokata.yaml into dir, refusing to overwrite one.
func InitConfig(dir string) (string, error) {
	p := filepath.Join(dir, ConfigName)
	data := []byte("# retrokata keeps this repository's retro notes here (kata notes stay personal).\nnotes_dir: " + DefaultNotesDir + "\n")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return p, fmt.Errorf("%s already exists: edit it instead", p)
		}
		return p, err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return p, err
	}
	return p, f.Close()
}

// InitGitignore writes a .gitignore into notesDir (created if needed) that
// keeps the temp files of a save cut short (TempPattern) out of commits.
// An existing .gitignore is left as it is: it returns "" then.
func InitGitignore(notesDir string) (string, error) {
	if err := os.MkdirAll(notesDir, 0o755); err != nil {
		return "", err
	}
	p := filepath.Join(notesDir, ".gitignore")
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return "", nil
		}
		return "", err
	}
	if _, err := f.WriteString("# temp files of a save cut short (retrokata removes them at its next start)\n" + TempPattern + "\n"); err != nil {
		f.Close()
		return "", err
	}
	return p, f.Close()
}

// ResolvePersonal picks the directory for kata notes: practice is
// personal, so a repository's .retrokata.yaml never chooses it. The --dir
// flag, then RETROKATA_DIR, then <DataHome>/retrokata/notes; the result
// does not depend on wd but for a relative flag or variable.
func ResolvePersonal(flagDir string, getenv func(string) string, wd string, x XDG) (Location, error) {
	abs := func(p string) string {
		if filepath.IsAbs(p) {
			return filepath.Clean(p)
		}
		return filepath.Join(wd, p)
	}
	switch {
	case flagDir != "":
		return Location{Dir: abs(flagDir), Reason: ReasonFlag}, nil
	case getenv("RETROKATA_DIR") != "":
		return Location{Dir: abs(getenv("RETROKATA_DIR")), Reason: ReasonEnv}, nil
	case x.DataHome == "":
		return Location{}, errors.New("no directory for kata notes: set --dir, RETROKATA_DIR or XDG_DATA_HOME")
	}
	return Location{Dir: filepath.Join(x.DataHome, "retrokata", "notes"), Reason: ReasonDefault}, nil
}
