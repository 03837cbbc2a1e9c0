package kata

import (
	"errors"
	"path/filepath"
	"time"

	"github.com/retrokata/retrokata/notes"
)

// DraftName is the kata draft's file name in the drafts dir.
const DraftName = "kata.json"

// draftVersion changes when the draft format does.
const draftVersion = 1

// Draft is what is autosaved while a kata is practised.
type Draft = notes.Draft[Session]

// DraftPath is the kata draft in a drafts dir.
func DraftPath(draftsDir string) string { return filepath.Join(draftsDir, DraftName) }

// EncodeDraft serialises a session for the drafts dir.
func EncodeDraft(s *Session, now time.Time) ([]byte, error) {
	return notes.EncodeDraft(s, draftVersion, now)
}

// LoadDraft reads the draft at path; ok is false when there is none. The
// caller fits the session to its kata (Session.Fit).
func LoadDraft(path string) (d Draft, ok bool, err error) {
	d, ok, err = notes.LoadDraft[Session](path, draftVersion)
	if ok && err == nil && d.Session.Kata == "" {
		return Draft{}, false, notes.DamagedDraft(path, errors.New("no kata id"))
	}
	return d, ok, err
}

// ClaimDraft claims, locks and loads the kata draft of a notes dir's
// drafts dir (notes.DraftDir): see notes.ClaimAndLoad. Release the claim
// when the session ends.
func ClaimDraft(dir string, now time.Time) (notes.DraftClaim, *Draft, error) {
	return notes.ClaimAndLoad(dir, "kata", now, LoadDraft)
}

// ClaimDraftFor claims the draft of the kata id: its own draft when one is
// on disk, else a new separate one, keeping the drafts of other katas
// (listed in others). Release the claim when the session ends.
func ClaimDraftFor(dir, id string, now time.Time) (c notes.DraftClaim, d *Draft, others []string, err error) {
	return notes.ClaimMatching(dir, "kata", now, LoadDraft, func(d Draft) bool { return d.Session.Kata == id })
}
