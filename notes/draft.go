package notes

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// SaveDraft writes a draft (work in progress) atomically: a crash leaves
// the previous draft or the new one, never half of one.
func SaveDraft(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("save draft: %w", err)
	}
	if err := WriteAtomic(path, data); err != nil {
		return fmt.Errorf("save draft %s: %w", path, err)
	}
	return nil
}

// ReadDraft reads the draft at path; ok is false when there is none.
func ReadDraft(path string) (data []byte, ok bool, err error) {
	data, err = os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("read draft %s: %w", path, err)
	}
	return data, true, nil
}

// RemoveDraft deletes a draft once its work is saved or discarded.
func RemoveDraft(path string) error {
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove draft %s: %w", path, err)
	}
	return nil
}

// SafeText trims text typed by a person and escapes the lines that would
// start a heading, so the text cannot break a note's sections.
func SafeText(text string) string {
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		if t := strings.TrimLeft(l, " "); strings.HasPrefix(t, "#") {
			lines[i] = "\\" + t
		}
	}
	return strings.Join(lines, "\n")
}
