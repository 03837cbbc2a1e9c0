// Package safefile reads files the app does not trust (notes, content,
// config, drafts) through one capped reader: the file is opened once, must
// be a regular file after following links, and is never read past a limit.
// A named pipe, a device (/dev/zero, /dev/tty), a directory or a huge file
// is a per-file error naming the file and saying why, never a hang, a
// stolen keystroke or an out-of-memory crash.
package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// Limits for the kinds of files the app reads.
const (
	// NotesLimit caps a note: 4 MiB is hundreds of retros' worth of text.
	NotesLimit = 4 << 20
	// ContentLimit caps a case, tip or kata file.
	ContentLimit = 4 << 20
	// ConfigLimit caps .retrokata.yaml and config.yaml.
	ConfigLimit = 64 << 10
	// DraftLimit caps an autosaved draft. A draft holds a whole session as
	// JSON (every card typed, escaped), so it gets more room than the note
	// it becomes: 16 MiB is four maximum-size notes.
	DraftLimit = 16 << 20
)

// ErrNotRegular and ErrTooLarge are the reasons a file is refused; test
// them with errors.Is.
var (
	ErrNotRegular = errors.New("not a regular file")
	ErrTooLarge   = errors.New("file too large")
)

// Error is a file that could not be read: Path names it, Why says why in
// words a user understands ("not a regular file (a named pipe)", "larger
// than 4 MiB", "no such file or directory").
type Error struct {
	Path string
	Why  string
	Err  error // ErrNotRegular, ErrTooLarge, or the system's error
}

func (e *Error) Error() string { return e.Path + ": " + e.Why }

// Unwrap lets errors.Is see ErrNotRegular, ErrTooLarge, fs.ErrNotExist...
func (e *Error) Unwrap() error { return e.Err }

// Read reads the file at path, following links, if it is a regular file of
// at most limit bytes. The file is opened once, without blocking (a FIFO
// cannot hang the open) and without becoming the controlling terminal.
func Read(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, sysError(path, err)
	}
	defer f.Close()
	return readFrom(path, f, limit)
}

// ReadFS is Read for a file of an fs.FS (an embedded library). For files on
// disk use Read: an os.DirFS opens without O_NONBLOCK, so a FIFO would hang
// its Open.
func ReadFS(fsys fs.FS, name string, limit int64) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, sysError(name, err)
	}
	defer f.Close()
	return readFrom(name, f, limit)
}

// Check returns the error Read would give for a file of this mode and size,
// or nil. Callers that stat a file before opening it use it to say why it is
// refused without opening it.
func Check(path string, info fs.FileInfo, limit int64) error {
	if !info.Mode().IsRegular() {
		return &Error{Path: path, Why: ErrNotRegular.Error() + kind(info.Mode()), Err: ErrNotRegular}
	}
	if info.Size() > limit {
		return tooLarge(path, limit)
	}
	return nil
}

func readFrom(path string, f fs.File, limit int64) ([]byte, error) {
	info, err := f.Stat()
	if err != nil {
		return nil, sysError(path, err)
	}
	if err := Check(path, info, limit); err != nil {
		return nil, err
	}
	// The size is a hint: the file may grow between stat and read, so the
	// limit is enforced on what is read, through a LimitReader of limit+1.
	var b bytes.Buffer
	b.Grow(int(min(info.Size(), limit)) + bytes.MinRead)
	if _, err := b.ReadFrom(io.LimitReader(f, limit+1)); err != nil {
		return nil, sysError(path, err)
	}
	if int64(b.Len()) > limit {
		return nil, tooLarge(path, limit)
	}
	return b.Bytes(), nil
}

func tooLarge(path string, limit int64) error {
	return &Error{Path: path, Why: "larger than " + Size(limit), Err: ErrTooLarge}
}

func sysError(path string, err error) error {
	why := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		why = pe.Err
	}
	return &Error{Path: path, Why: why.Error(), Err: err}
}

// kind names what a non-regular file is, for the error message.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return " (a directory)"
	case m&fs.ModeNamedPipe != 0:
		return " (a named pipe)"
	case m&fs.ModeSocket != 0:
		return " (a socket)"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return " (a device)"
	}
	return ""
}

// Size writes a byte count the way the limits are documented: "4 MiB",
// "64 KiB", "100 bytes".
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
