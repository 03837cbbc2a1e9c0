package notes

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// MaxSlug is the longest slug in a file name.
const MaxSlug = 60

// Slug turns a title into the ASCII, lowercase, [a-z0-9-] part of a file
// name, at most MaxSlug characters. Accents are dropped ("Rétro" → "retro").
func Slug(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(title) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case r >= 'A' && r <= 'Z':
			b.WriteRune(unicode.ToLower(r))
			dash = false
		case unicode.Is(unicode.Mn, r):
			// a combining accent: drop it, keep the letter
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
		if b.Len() >= MaxSlug {
			break
		}
	}
	s := strings.Trim(b.String(), "-")
	if len(s) > MaxSlug {
		s = strings.TrimRight(s[:MaxSlug], "-")
	}
	if s == "" {
		s = "note"
	}
	return s
}

// FileName is the base name a note is saved under, before any -2 suffix.
func FileName(n Note) string {
	slug := Slug(n.Title)
	if n.Type == TypeKata && !strings.HasPrefix(slug, "kata-") {
		slug = "kata-" + slug
	}
	return n.Date.Format("2006-01-02") + "-" + slug
}

// Save writes a new note into dir as YYYY-MM-DD-<slug>.md and returns its
// path. It never overwrites a file: when the name is taken, even by
// another process at the same moment, it tries -2, -3 and so on. The write
// is atomic: the note appears whole or not at all. A session kept in a
// draft saves with SaveOnce instead.
func Save(dir string, n Note) (string, error) { return SaveOnce(dir, n, "") }

// claim gives the written temp file its final name only if that name is
// free. A hard link fails when the name exists; where links are not
// supported, an O_EXCL placeholder reserves the name and a rename fills it.
func claim(tmp, path string) error {
	err := os.Link(tmp, path)
	if err == nil || errors.Is(err, fs.ErrExist) {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	f.Close()
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(path)
		return err
	}
	return nil
}

// WriteAtomic replaces path with data: temp file in the same directory,
// fsync, rename, fsync of the directory. Readers see the old file or the
// new one, never a mix.
func WriteAtomic(path string, data []byte) error {
	dir := filepath.Dir(path)
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	syncDir(dir)
	return nil
}

func writeTemp(dir string, data []byte) (string, error) {
	f, err := os.CreateTemp(dir, TempPattern)
	if err != nil {
		return "", fmt.Errorf("write in %s: %w", dir, err)
	}
	name := f.Name()
	fail := func(err error) (string, error) {
		f.Close()
		os.Remove(name)
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	if _, err := f.Write(data); err != nil {
		return fail(err)
	}
	if err := f.Chmod(0o644); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return fail(err)
	}
	if err := f.Sync(); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		os.Remove(name)
		return "", fmt.Errorf("write %s: %w", name, err)
	}
	return name, nil
}

// syncDir makes a rename durable; not every platform can, so errors are
// ignored.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// SetDone ticks or unticks action a of the note at path, through st.Edit
// (EditFile on disk):
// read is the Hash of the note when a was read from it, so a note changed
// since is refused (*ChangedError). The action is found by its line number
// and must still be the same item there (text, owner, due date, carried
// over): two actions with the same text and different owners are never
// confused. Only that line's checkbox changes; every other byte of the
// file, line endings included, stays as it was. It returns the note's new
// Hash.
func SetDone(path string, read Hash, a Action, done bool) (Hash, error) {
	return SetDoneIn(FileStore{}, path, read, a, done)
}

// SetDoneIn is SetDone for a note kept in st.
func SetDoneIn(st Store, path string, read Hash, a Action, done bool) (Hash, error) {
	return st.Edit(path, read, func(data []byte) ([]byte, error) {
		return setDone(path, data, a, done)
	})
}

func setDone(path string, data []byte, a Action, done bool) ([]byte, error) {
	changed := &Error{Path: path, Line: a.Line, Msg: "the note has changed since it was read: reload and try again"}
	start := 0
	for l := 1; l < a.Line; l++ {
		i := bytes.IndexByte(data[start:], '\n')
		if i < 0 {
			return nil, changed
		}
		start += i + 1
	}
	end := bytes.IndexByte(data[start:], '\n')
	if end < 0 {
		end = len(data) - start
	}
	raw := string(bytes.TrimRight(data[start:start+end], "\r"))
	m := taskLine.FindStringSubmatchIndex(raw)
	if a.Line < 1 || m == nil || !sameItem(parseTaskText(raw[m[4]:m[5]]), a) {
		return nil, changed
	}
	mark := byte(' ')
	if done {
		mark = 'x'
	}
	out := bytes.Clone(data)
	out[start+m[2]] = mark
	return out, nil
}

// sameItem reports whether the task read from a line is action a: the
// whole item, owner, due date and carry-over marks included, not just its
// text.
func sameItem(got, a Action) bool {
	return got.Text == a.Text && got.Owner == a.Owner && got.Due == a.Due && got.From == a.From && got.To == a.To
}
