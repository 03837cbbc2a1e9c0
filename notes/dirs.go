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

// RepoConfig is the content of .retrokata.yaml.
type RepoConfig struct {
	NotesDir string `yaml:"notes_dir"`
}

// FindConfig walks up from dir to the nearest .retrokata.yaml and returns
// its path, or "" when there is none.
func FindConfig(dir string) string {
	dir = filepath.Clean(dir)
	for {
		p := filepath.Join(dir, ConfigName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
}

// ReadConfig reads a .retrokata.yaml; errors name the file and line.
func ReadConfig(path string) (RepoConfig, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return RepoConfig{}, err
	}
	var c RepoConfig
	dec := yaml.NewDecoder(strings.NewReader(string(frontmatter.Normalize(data))))
	dec.KnownFields(true)
	if err := dec.Decode(&c); err != nil && !errors.Is(err, io.EOF) {
		return RepoConfig{}, fmt.Errorf("%s: %s", path, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	return c, nil
}

// Resolve picks the notes directory: the --dir flag, then RETROKATA_DIR,
// then notes_dir of the nearest .retrokata.yaml walking up from wd
// (relative to that file), then <DataHome>/retrokata/notes.
func Resolve(flagDir string, getenv func(string) string, wd string, x XDG) (Location, error) {
	cfg := FindConfig(wd)
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
		return Location{Dir: filepath.Clean(dir), Reason: ReasonRepo, Config: cfg}, nil
	}
	if x.DataHome == "" {
		return Location{}, errors.New("no notes directory: set --dir, RETROKATA_DIR or XDG_DATA_HOME")
	}
	return Location{Dir: filepath.Join(x.DataHome, "retrokata", "notes"), Reason: ReasonDefault}, nil
}

// DraftsDir is where work in progress is autosaved: never in the repo.
func DraftsDir(x XDG) string { return filepath.Join(x.StateHome, "retrokata", "drafts") }

// InitConfig writes .retrokata.yaml into dir, refusing to overwrite one.
func InitConfig(dir string) (string, error) {
	p := filepath.Join(dir, ConfigName)
	data := []byte("# retrokata keeps this repository's retro and kata notes here.\nnotes_dir: " + DefaultNotesDir + "\n")
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
