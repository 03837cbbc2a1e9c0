package retro

import (
	"path/filepath"
	"time"

	"github.com/retrokata/retrokata/notes"
)

// DraftName is the retro draft's file name in the drafts dir.
const DraftName = "retro.json"

// draftVersion changes when the draft format does.
const draftVersion = 1

// Draft is what is autosaved while a retro runs.
type Draft = notes.Draft[Session]

// DraftPath is the retro draft in a drafts dir.
func DraftPath(draftsDir string) string { return filepath.Join(draftsDir, DraftName) }

// EncodeDraft serialises a session for the drafts dir.
func EncodeDraft(s *Session, now time.Time) ([]byte, error) {
	return notes.EncodeDraft(s, draftVersion, now)
}

// LoadDraft reads the draft at path; ok is false when there is none.
// Values a hand edit may have broken are brought back into range.
func LoadDraft(path string) (d Draft, ok bool, err error) {
	d, ok, err = notes.LoadDraft[Session](path, draftVersion)
	if !ok || err != nil {
		return d, ok, err
	}
	s := d.Session
	if s.Dots <= 0 {
		s.Dots = DefaultDots
	}
	s.Phase = max(0, min(s.Phase, Phase(NumPhases-1)))
	s.AddTime(0)
	return d, true, nil
}

// ClaimDraft claims, locks and loads the retro draft of a notes dir's
// drafts dir (notes.DraftDir): see notes.ClaimAndLoad. Release the claim
// when the session ends.
func ClaimDraft(dir string, now time.Time) (notes.DraftClaim, *Draft, error) {
	return notes.ClaimAndLoad(dir, "retro", now, LoadDraft)
}
