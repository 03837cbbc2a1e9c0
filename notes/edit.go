package notes

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/retrokata/retrokata/internal/safefile"
)

// Hash is the SHA-256 of a note's bytes as read. EditFile compares it with
// what is on disk when the edit is made: a file edited meanwhile, even
// keeping its size and modification time, is refused instead of overwritten.
type Hash [sha256.Size]byte

// HashOf returns the Hash of a note's bytes.
func HashOf(data []byte) Hash { return sha256.Sum256(data) }

// ErrChanged is the reason EditFile refuses a file that changed since it
// was read; test it with errors.Is. The caller reloads and says so.
var ErrChanged = errors.New("changed since it was read")

// ChangedError is a note that changed between the read the user saw and
// the edit.
type ChangedError struct{ Path string }

func (e *ChangedError) Error() string { return e.Path + ": " + ErrChanged.Error() }

// Is makes errors.Is(err, ErrChanged) true.
func (e *ChangedError) Is(target error) bool { return target == ErrChanged }

// EditFile is the one way the app changes an existing note in place
// (ticking an action, writing a status back). read is the Hash of the bytes
// the change was decided on (Entry.Hash, or HashOf of what the caller read).
// EditFile reads the file again through the capped reader and calls edit
// with its bytes only if they still hash to read; otherwise it returns a
// *ChangedError and changes nothing. edit returns the new bytes (the same
// bytes: nothing is written) or an error, returned as is.
//
// The write is atomic and keeps the file what it was: a symlinked note
// stays a symlink and its target is rewritten (temp file in the target's
// directory, fsync, rename over the target); the mode (0600 stays 0600) and,
// on unix, the owner and group are kept: when the owner cannot be kept (a
// teammate's file in a shared directory), the edit is refused rather than
// giving the note away. The file is checked once more just before the
// rename, so the window for a lost update is the rename itself.
//
// It returns the Hash of the bytes now on disk, for the next edit.
func EditFile(path string, read Hash, edit func(data []byte) ([]byte, error)) (Hash, error) {
	return editFile(path, read, edit, nil)
}

// EditFileIn is EditFile for a note that must lie inside root once links
// are followed (Location.Root; "" is no confinement): a note linked out of
// the repository is refused, never rewritten.
func EditFileIn(root, path string, read Hash, edit func(data []byte) ([]byte, error)) (Hash, error) {
	if err := confine(root, path); err != nil {
		return read, fmt.Errorf("update %w", err)
	}
	return editFile(path, read, edit, nil)
}

// editFile is EditFile with a hook run between the last check and the
// rename: tests change the file there, at the worst moment.
func editFile(path string, read Hash, edit func(data []byte) ([]byte, error), beforeRename func()) (Hash, error) {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return read, fmt.Errorf("update %s: %w", path, unwrapErr(err))
	}
	data, err := readForEdit(path, real, read)
	if err != nil {
		return read, err
	}
	out, err := edit(data)
	if err != nil {
		return read, err
	}
	if bytes.Equal(out, data) {
		return read, nil
	}
	info, err := os.Stat(real)
	if err != nil {
		return read, fmt.Errorf("update %s: %w", path, unwrapErr(err))
	}
	dir := filepath.Dir(real)
	f, err := os.CreateTemp(dir, TempPattern)
	if err != nil {
		return read, fmt.Errorf("update %s: %w", path, unwrapErr(err))
	}
	tmp := f.Name()
	fail := func(err error) (Hash, error) {
		f.Close()
		os.Remove(tmp)
		return read, fmt.Errorf("update %s: %w", path, err)
	}
	if _, err := f.Write(out); err != nil {
		return fail(unwrapErr(err))
	}
	if err := f.Chmod(info.Mode().Perm()); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return fail(unwrapErr(err))
	}
	if err := keepOwner(f, info); err != nil {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(unwrapErr(err))
	}
	if err := f.Close(); err != nil {
		os.Remove(tmp)
		return read, fmt.Errorf("update %s: %w", path, unwrapErr(err))
	}
	if beforeRename != nil {
		beforeRename()
	}
	if _, err := readForEdit(path, real, read); err != nil {
		os.Remove(tmp)
		return read, err
	}
	if err := os.Rename(tmp, real); err != nil {
		os.Remove(tmp)
		return read, fmt.Errorf("update %s: %w", path, unwrapErr(err))
	}
	syncDir(dir)
	return HashOf(out), nil
}

// readForEdit reads the note's real file and checks it is what was read.
func readForEdit(path, real string, read Hash) ([]byte, error) {
	data, err := safefile.Read(real, safefile.NotesLimit)
	if err != nil {
		var se *safefile.Error
		if errors.As(err, &se) {
			return nil, fmt.Errorf("update %s: %s", path, se.Why)
		}
		return nil, fmt.Errorf("update %s: %w", path, err)
	}
	if HashOf(data) != read {
		return nil, &ChangedError{Path: path}
	}
	return data, nil
}

func unwrapErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}
