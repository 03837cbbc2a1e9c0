package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// ErrOutside is the reason a file under a repository is refused when it
// resolves, once every symlink is followed, outside that repository: a
// committed link (docs/retros/x.md -> /home/you/private.md, or an inbox dir
// linked to a shared folder) must not make the app read, write or remove
// files elsewhere. Test it with errors.Is.
var ErrOutside = errors.New("links outside the repository")

// Inside checks that path, once every symlink is followed (also for the
// parts that do not exist yet, as the OS would follow them when creating
// it), lies inside root. It is the one confinement check for every file
// the app reads, writes, edits or removes under a repository's notes dir
// or content dir. root "" means no confinement (a directory the user chose
// with --dir or RETROKATA_DIR): it returns nil. The error is an *Error
// naming path, wrapping ErrOutside, or the system's error when a link
// cannot be followed.
func Inside(root, path string) error {
	if root == "" {
		return nil
	}
	realRoot, err := RealPath(root)
	if err != nil {
		return sysError(root, err)
	}
	real, err := RealPath(path)
	if err != nil {
		return sysError(path, err)
	}
	rel, err := filepath.Rel(realRoot, real)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return &Error{Path: path, Why: ErrOutside.Error() + ": the app does not follow it (remove the link, or use --dir to choose that folder yourself)", Err: ErrOutside}
	}
	return nil
}

// ReadIn is Read of a file that must lie inside root (see Inside).
func ReadIn(root, path string, limit int64) ([]byte, error) {
	if err := Inside(root, path); err != nil {
		return nil, err
	}
	return Read(path, limit)
}

// RealPath is the absolute path p names once every symlink is followed, as
// the OS would follow them when creating p: the longest existing prefix is
// resolved, a dangling link is followed to its target, and the parts that
// do not exist yet are appended.
func RealPath(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	return realPath(abs, 0)
}

func realPath(p string, links int) (string, error) {
	if links > 40 {
		return "", errors.New("too many levels of symbolic links")
	}
	r, err := filepath.EvalSymlinks(p)
	if err == nil {
		return r, nil
	}
	if !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, syscall.ENOTDIR) {
		return "", err
	}
	parent := filepath.Dir(p)
	if parent == p {
		return p, nil
	}
	base, err := realPath(parent, links)
	if err != nil {
		return "", err
	}
	if info, err := os.Lstat(p); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(base, target)
		}
		return realPath(filepath.Clean(target), links+1)
	}
	return filepath.Join(base, filepath.Base(p)), nil
}
