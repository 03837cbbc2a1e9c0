package notes

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"
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

// Draft is work in progress (a retro or a kata session) as autosaved,
// with the version of its format.
type Draft[S any] struct {
	Version int       `json:"version"`
	Saved   time.Time `json:"saved"`
	Session *S        `json:"session"`
}

// EncodeDraft serialises a session for the drafts dir.
func EncodeDraft[S any](s *S, version int, now time.Time) ([]byte, error) {
	return json.MarshalIndent(Draft[S]{Version: version, Saved: now, Session: s}, "", "  ")
}

// LoadDraft reads the draft at path; ok is false when there is none. A
// draft that does not parse, holds no session or was written in another
// format version is an error naming the file.
func LoadDraft[S any](path string, version int) (d Draft[S], ok bool, err error) {
	return LoadDraftFrom[S](FileStore{}, path, version)
}

// LoadDraftFrom is LoadDraft for a draft kept in st.
func LoadDraftFrom[S any](st Store, path string, version int) (d Draft[S], ok bool, err error) {
	data, err := st.ReadDraft(path)
	if errors.Is(err, fs.ErrNotExist) {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("read draft %w", err)
	}
	if err := json.Unmarshal(data, &d); err != nil || d.Session == nil {
		return Draft[S]{}, false, DamagedDraft(path, err)
	}
	if d.Version != version {
		return Draft[S]{}, false, fmt.Errorf("draft %s was written by another version of retrokata", path)
	}
	return d, true, nil
}

// DamagedDraft is the error for a draft that cannot be used.
func DamagedDraft(path string, why error) error {
	return fmt.Errorf("draft %s is damaged (%v): move it away to start afresh", path, why)
}

// RemoveDraft deletes a draft once its work is saved or discarded, with
// the record of the note it became (see SaveOnce).
func RemoveDraft(path string) error {
	if err := os.Remove(path + ".note"); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove draft %s: %w", path, err)
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("remove draft %s: %w", path, err)
	}
	return nil
}
