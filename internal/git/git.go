// Package git is the only place retrokata runs git.
//
// A repository is untrusted: a teammate, or a stranger whose repo was
// cloned, wrote every file in it. So every call here:
//
//   - runs against a work tree found by Toplevel (the dir holding
//     .retrokata.yaml, or the real work tree of a notes dir the user chose),
//     never against a directory the repository could have shaped like a git
//     directory: each call passes -c safe.bareRepository=explicit, so git
//     refuses a bare repository it was not told about (and its hooks never
//     run);
//   - has a context and a timeout (DefaultTimeout, CommitTimeout for a
//     commit, which runs the user's own hooks); cancelling the context (the
//     TUI does on Ctrl+C and on quit) kills git;
//   - sets GIT_TERMINAL_PROMPT=0 (git never asks for a password on the
//     terminal the TUI owns), GIT_OPTIONAL_LOCKS=0 for reads, and drops the
//     variables that would point git at another repository (GIT_DIR,
//     GIT_WORK_TREE, GIT_INDEX_FILE, ...);
//   - takes paths literally (--literal-pathspecs) and refuses paths outside
//     the work tree.
package git

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// DefaultTimeout bounds every git call but a commit.
const DefaultTimeout = 10 * time.Second

// CommitTimeout bounds `git add` and `git commit`, which run the hooks of
// the user's own repository (linters can be slow).
const CommitTimeout = time.Minute

// Errors callers can tell apart with errors.Is.
var (
	// ErrNotInstalled: no git on PATH.
	ErrNotInstalled = errors.New("git is not installed")
	// ErrNotWorkTree: the dir is not inside a git work tree.
	ErrNotWorkTree = errors.New("not in a git work tree")
	// ErrOutside: a path to commit is outside the work tree.
	ErrOutside = errors.New("outside the git work tree")
)

// hostileEnv are variables that point git at a repository, an index or an
// object store other than the work tree we chose.
var hostileEnv = []string{
	"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_COMMON_DIR",
	"GIT_OBJECT_DIRECTORY", "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_NAMESPACE",
}

func environ(read bool) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		drop := k == "GIT_TERMINAL_PROMPT" || k == "GIT_OPTIONAL_LOCKS"
		for _, h := range hostileEnv {
			drop = drop || k == h
		}
		if !drop {
			env = append(env, kv)
		}
	}
	env = append(env, "GIT_TERMINAL_PROMPT=0")
	if read {
		env = append(env, "GIT_OPTIONAL_LOCKS=0")
	}
	return env
}

// call is one git invocation in dir.
type call struct {
	dir     string
	timeout time.Duration
	read    bool
	args    []string
}

// run runs git and returns its standard output; a failure carries git's
// message on one line.
func (c call) run(ctx context.Context) ([]byte, error) {
	bin, err := exec.LookPath("git")
	if err != nil {
		return nil, ErrNotInstalled
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	args := append([]string{"-C", c.dir, "-c", "safe.bareRepository=explicit", "-c", "log.showSignature=false", "--literal-pathspecs", "--no-pager"}, c.args...)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Env = environ(c.read)
	cmd.Stdin = nil
	// A hook's children may hold the pipes open after git is killed.
	cmd.WaitDelay = time.Second
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	err = cmd.Run()
	sub := c.args[0]
	switch {
	case err == nil:
		return out.Bytes(), nil
	case errors.Is(ctx.Err(), context.DeadlineExceeded):
		return nil, fmt.Errorf("git %s timed out after %s", sub, c.timeout)
	case ctx.Err() != nil:
		return nil, fmt.Errorf("git %s: %w", sub, ctx.Err())
	}
	msg := oneLine(stderr.String())
	if msg == "" {
		msg = oneLine(out.String())
	}
	if msg == "" {
		msg = err.Error()
	}
	return nil, fmt.Errorf("git %s: %s", sub, msg)
}

// oneLine joins git's message lines so an error stays one line.
func oneLine(s string) string {
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "hint:") {
			parts = append(parts, l)
		}
	}
	s = strings.Join(parts, " / ")
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}

// Toplevel returns the root of the git work tree holding dir, with every
// symlink resolved. dir should be the directory that holds .retrokata.yaml
// (or a notes dir the user chose): git is never pointed at a directory a
// repository shaped like a git dir, and it refuses one anyway.
func Toplevel(ctx context.Context, dir string) (string, error) {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return "", fmt.Errorf("%s: %w", dir, err)
	}
	real, err = filepath.Abs(real)
	if err != nil {
		return "", err
	}
	out, err := call{dir: real, timeout: DefaultTimeout, read: true, args: []string{"rev-parse", "--show-toplevel"}}.run(ctx)
	if err != nil {
		if errors.Is(err, ErrNotInstalled) || ctx.Err() != nil || strings.Contains(err.Error(), "timed out") {
			return "", err
		}
		return "", fmt.Errorf("%s is %w (%v)", dir, ErrNotWorkTree, err)
	}
	top := strings.TrimSpace(string(out))
	if top == "" {
		return "", fmt.Errorf("%s is %w", dir, ErrNotWorkTree)
	}
	if t, err := filepath.EvalSymlinks(filepath.FromSlash(top)); err == nil {
		top = t
	}
	return top, nil
}

// Rel returns path relative to the work tree top (which Toplevel returned),
// after resolving the symlinks of its directory; a path outside top, or
// inside its .git, is an error wrapping ErrOutside.
func Rel(top, path string) (string, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", err
	}
	dir, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	rel, err := filepath.Rel(top, filepath.Join(dir, filepath.Base(abs)))
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fmt.Errorf("%s is %w %s", path, ErrOutside, top)
	}
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if strings.EqualFold(part, ".git") {
			return "", fmt.Errorf("%s is inside .git: %w %s", path, ErrOutside, top)
		}
	}
	return filepath.ToSlash(rel), nil
}

// Commit records exactly paths (files inside the work tree top) in one
// commit with message: whatever else the user has staged stays staged and
// out of the commit. The hooks of the user's repository run as usual.
func Commit(ctx context.Context, top string, paths []string, message string) error {
	if len(paths) == 0 {
		return errors.New("git commit: no file to commit")
	}
	rels := make([]string, len(paths))
	for i, p := range paths {
		r, err := Rel(top, p)
		if err != nil {
			return err
		}
		rels[i] = r
	}
	add := append([]string{"add", "--"}, rels...)
	if _, err := (call{dir: top, timeout: CommitTimeout, args: add}).run(ctx); err != nil {
		return err
	}
	commit := append([]string{"commit", "--quiet", "--only", "-m", message, "--"}, rels...)
	if _, err := (call{dir: top, timeout: CommitTimeout, args: commit}).run(ctx); err != nil {
		return err
	}
	return nil
}

// Trailered is a commit that carries a trailer.
type Trailered struct {
	SHA     string   // full hash
	Subject string   // first line of the message
	Values  []string // the values of the trailer, in order
}

// Short is the abbreviated hash shown to people.
func (c Trailered) Short() string { return c.SHA[:min(len(c.SHA), 7)] }

var trailerKey = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9-]*$`)

// Trailers returns the commits reachable from HEAD (and not from since,
// when since is not empty: a revision such as a tag or a hash) whose
// message has at least one `key: value` trailer, newest first. A repository
// without commits has none.
func Trailers(ctx context.Context, top, since, key string) ([]Trailered, error) {
	if !trailerKey.MatchString(key) {
		return nil, fmt.Errorf("git log: bad trailer key %q", key)
	}
	if strings.HasPrefix(since, "-") || strings.ContainsAny(since, " \t\n") {
		return nil, fmt.Errorf("git log: bad revision %q", since)
	}
	if _, err := (call{dir: top, timeout: DefaultTimeout, read: true, args: []string{"rev-parse", "--verify", "--quiet", "HEAD"}}).run(ctx); err != nil {
		if ctx.Err() != nil || strings.Contains(err.Error(), "timed out") || errors.Is(err, ErrNotInstalled) {
			return nil, err
		}
		return nil, nil // no commit yet
	}
	rng := "HEAD"
	if since != "" {
		rng = since + "..HEAD"
	}
	format := "--format=%H%x1f%s%x1f%(trailers:key=" + key + ",valueonly,separator=%x1e)"
	out, err := call{dir: top, timeout: DefaultTimeout, read: true,
		args: []string{"log", "-z", "--no-color", format, rng, "--"}}.run(ctx)
	if err != nil {
		return nil, err
	}
	return parseTrailers(out), nil
}

// parseTrailers reads the output of the log in Trailers.
func parseTrailers(out []byte) []Trailered {
	var list []Trailered
	for _, rec := range bytes.Split(out, []byte{0}) {
		f := strings.SplitN(string(rec), "\x1f", 3)
		if len(f) != 3 {
			continue
		}
		var vals []string
		for _, v := range strings.Split(f[2], "\x1e") {
			if v = strings.TrimSpace(v); v != "" {
				vals = append(vals, v)
			}
		}
		if len(vals) > 0 {
			list = append(list, Trailered{SHA: strings.TrimSpace(f[0]), Subject: f[1], Values: vals})
		}
	}
	return list
}
