package kata

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"time"

	"github.com/retrokata/retrokata/notes"
)

// DraftName is the kata draft's file name in the drafts dir.
const DraftName = "kata.json"

// draftVersion changes when the draft format does.
const draftVersion = 1

// Draft is what is autosaved while a kata is practised.
type Draft struct {
	Version int       `json:"version"`
	Saved   time.Time `json:"saved"`
	Session *Session  `json:"session"`
}

// DraftPath is the kata draft in a drafts dir.
func DraftPath(draftsDir string) string { return filepath.Join(draftsDir, DraftName) }

// EncodeDraft serialises a session for the drafts dir.
func EncodeDraft(s *Session, now time.Time) ([]byte, error) {
	return json.MarshalIndent(Draft{Version: draftVersion, Saved: now, Session: s}, "", "  ")
}

// LoadDraft reads the draft at path; ok is false when there is none. The
// caller fits the session to its kata (Session.Fit).
func LoadDraft(path string) (d Draft, ok bool, err error) {
	data, ok, err := notes.ReadDraft(path)
	if !ok || err != nil {
		return Draft{}, false, err
	}
	if err := json.Unmarshal(data, &d); err != nil || d.Session == nil || d.Session.Kata == "" {
		return Draft{}, false, fmt.Errorf("draft %s is damaged (%v): move it away to start afresh", path, err)
	}
	if d.Version != draftVersion {
		return Draft{}, false, fmt.Errorf("draft %s was written by another version of retrokata", path)
	}
	return d, true, nil
}
