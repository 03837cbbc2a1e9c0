package notes

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/retrokata/retrokata/internal/lockfile"
)

// DraftDir is the drafts dir of one notes dir: <draftsDir>/<name>-<hash>,
// where hash is taken from the notes dir's absolute, symlink-resolved path
// and name is its last element, for people. A draft started for one
// repository is never offered, nor saved, in another.
func DraftDir(draftsDir, notesDir string) string {
	if draftsDir == "" {
		return ""
	}
	real, err := RealPath(notesDir)
	if err != nil {
		real = filepath.Clean(notesDir)
	}
	sum := sha256.Sum256([]byte(real))
	name := slugify(filepath.Base(real))
	if len(name) > 30 {
		name = strings.Trim(name[:30], "-")
	}
	if name == "" {
		name = "notes"
	}
	return filepath.Join(draftsDir, name+"-"+hex.EncodeToString(sum[:8]))
}

// maxDrafts bounds the drafts of one kind in a notes dir: the main one and
// the separate ones started while it was in use.
const maxDrafts = 9

// DraftClaim is the draft file a session writes, locked (an OS file lock)
// for as long as the session runs, so that a second process on the same
// notes dir can neither resume nor discard it.
type DraftClaim struct {
	// Path is the draft this session writes.
	Path string
	// Exists says a draft is on disk at Path: offer to resume it.
	Exists bool
	// Busy is set when the main draft is held by another process; Path is
	// then a separate draft, reserved for this session if it wants one.
	Busy *lockfile.HeldError
	// BusyPath is the draft the other process holds.
	BusyPath string
	// Broken is where an unreadable draft found at Path was moved.
	Broken string
	// BrokenErr says why it could not be read.
	BrokenErr error
	lock      *lockfile.Lock
}

// Release drops the lock; the draft stays on disk for the next session.
func (c *DraftClaim) Release() {
	if c != nil {
		_ = c.lock.Release()
		c.lock = nil
	}
}

// draftPath is the i-th draft of kind in dir: kind.json, kind-2.json...
func draftPath(dir, kind string, i int) string {
	if i == 1 {
		return filepath.Join(dir, kind+".json")
	}
	return filepath.Join(dir, fmt.Sprintf("%s-%d.json", kind, i))
}

// LockPath is the lock file of the draft at path.
func LockPath(path string) string { return path + ".lock" }

// ClaimDraft picks and locks the draft of kind ("retro", "kata") a session
// in the drafts dir dir (see DraftDir) writes: the first draft on disk no
// other process holds, else the main draft when it is free. When the main
// draft is held by another process, the claim says so (Busy) and reserves
// a separate draft. started is written into the lock for the others.
func ClaimDraft(dir, kind string, started time.Time) (DraftClaim, error) {
	var free *DraftClaim
	var busy *lockfile.HeldError
	busyPath := ""
	for i := 1; i <= maxDrafts; i++ {
		p := draftPath(dir, kind, i)
		if i > 1 && free != nil && !fileExists(p) {
			continue // no need of another lock file
		}
		l, err := lockfile.Acquire(LockPath(p), started)
		var he *lockfile.HeldError
		if errors.As(err, &he) {
			if busy == nil {
				busy, busyPath = he, p
			}
			continue
		}
		if err != nil {
			if free != nil {
				free.Release()
			}
			return DraftClaim{}, fmt.Errorf("drafts: %w", err)
		}
		if _, err := os.Lstat(p); err == nil {
			if free != nil {
				free.Release()
			}
			return DraftClaim{Path: p, Exists: true, lock: l}, nil
		}
		if free == nil {
			free = &DraftClaim{Path: p, lock: l}
		} else {
			_ = l.Release()
		}
	}
	if free == nil {
		return DraftClaim{}, fmt.Errorf("drafts: all %d %s drafts in %s are in use: finish one first", maxDrafts, kind, dir)
	}
	free.Busy, free.BusyPath = busy, busyPath
	return *free, nil
}

// ClaimAndLoad claims a draft (ClaimDraft) and loads it with load. A draft
// that cannot be read (damaged, from another version, not a regular file)
// is never overwritten: it is moved aside (MoveAside) and the claim says
// where (Broken); the session starts afresh on Path.
func ClaimAndLoad[D any](dir, kind string, now time.Time, load func(string) (D, bool, error)) (DraftClaim, *D, error) {
	c, err := ClaimDraft(dir, kind, now)
	if err != nil || !c.Exists {
		return c, nil, err
	}
	d, ok, err := load(c.Path)
	if err != nil {
		moved, merr := MoveAside(c.Path, now)
		if merr != nil {
			c.Release()
			return DraftClaim{}, nil, fmt.Errorf("%v, and it could not be moved aside: %v", err, merr)
		}
		c.Exists, c.Broken, c.BrokenErr = false, moved, err
		return c, nil, nil
	}
	if !ok {
		c.Exists = false
		return c, nil, nil
	}
	return c, &d, nil
}

// brokenMark is what MoveAside puts between a draft's name and the time.
const brokenMark = ".broken-"

// MoveAside renames an unreadable draft to <name>.broken-<timestamp> (and
// its save record along), so nothing ever overwrites it; it returns the
// new path.
func MoveAside(path string, now time.Time) (string, error) {
	base := path + brokenMark + now.UTC().Format("20060102-150405")
	dst := base
	for i := 2; ; i++ {
		if _, err := os.Lstat(dst); errors.Is(err, fs.ErrNotExist) {
			break
		}
		dst = fmt.Sprintf("%s-%d", base, i)
	}
	if err := os.Rename(path, dst); err != nil {
		return "", err
	}
	if _, err := os.Lstat(path + ".note"); err == nil {
		_ = os.Rename(path+".note", dst+".note")
	}
	return dst, nil
}

// BrokenDrafts lists the drafts moved aside in dir, oldest first.
func BrokenDrafts(dir string) []string {
	des, _ := os.ReadDir(dir)
	var out []string
	for _, d := range des {
		if n := d.Name(); strings.Contains(n, brokenMark) && !strings.HasSuffix(n, ".note") {
			out = append(out, filepath.Join(dir, n))
		}
	}
	sort.Strings(out)
	return out
}

// Drafts lists the drafts of kind in dir that are on disk: the main one
// first, then the separate ones.
func Drafts(dir, kind string) []string {
	var out []string
	for i := 1; i <= maxDrafts; i++ {
		if p := draftPath(dir, kind, i); fileExists(p) {
			out = append(out, p)
		}
	}
	return out
}

// LegacyDrafts are the drafts of versions that kept one draft per kind for
// every notes dir, directly in the drafts dir. Nobody knows which notes
// dir they belong to, so they are never resumed: they are shown, with
// their path, for the user to open or delete.
func LegacyDrafts(draftsDir string) []string {
	if draftsDir == "" {
		return nil
	}
	var out []string
	for _, n := range []string{"retro.json", "kata.json"} {
		if p := filepath.Join(draftsDir, n); fileExists(p) {
			out = append(out, p)
		}
	}
	return out
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// slugify keeps [a-z0-9-] of s, lower-cased.
func slugify(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
	}
	return strings.Trim(b.String(), "-")
}

// ClaimMatching claims the draft of kind a session for one thing (a named
// kata) writes: the first draft on disk that no other process holds and
// match accepts, loaded; else a new separate draft (kind.json, kind-2.json…)
// so that drafts of other things are kept as they are. others lists the
// drafts of other things it passed over.
func ClaimMatching[D any](dir, kind string, now time.Time, load func(string) (D, bool, error), match func(D) bool) (c DraftClaim, d *D, others []string, err error) {
	for i := 1; i <= maxDrafts; i++ {
		p := draftPath(dir, kind, i)
		if !fileExists(p) {
			continue
		}
		l, err := lockfile.Acquire(LockPath(p), now)
		if err != nil {
			continue // held by another process, or no lock: not ours to take
		}
		got, ok, lerr := load(p)
		if lerr == nil && ok && match(got) {
			return DraftClaim{Path: p, Exists: true, lock: l}, &got, others, nil
		}
		if lerr == nil && ok {
			others = append(others, p)
		}
		_ = l.Release()
	}
	for i := 1; i <= maxDrafts; i++ {
		p := draftPath(dir, kind, i)
		if fileExists(p) {
			continue
		}
		l, err := lockfile.Acquire(LockPath(p), now)
		if err != nil {
			continue
		}
		if fileExists(p) { // written between the look and the lock
			_ = l.Release()
			continue
		}
		return DraftClaim{Path: p, lock: l}, nil, others, nil
	}
	return DraftClaim{}, nil, others, fmt.Errorf("drafts: all %d %s drafts in %s are in use: finish one first", maxDrafts, kind, dir)
}
