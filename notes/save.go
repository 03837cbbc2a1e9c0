package notes

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/retrokata/retrokata/internal/lockfile"
	"github.com/retrokata/retrokata/internal/safefile"
)

// A save can be cut short at any point: SIGKILL, power loss. SaveOnce
// makes saving a session idempotent, so a session resumed from its draft
// after such a cut is saved into the note it already became, never as a
// second "-2" note whose actions would count twice.
//
// Before the note gets its name, the name and the hash of what is written
// are recorded next to the draft, in <draft>.note (the drafts dir, never
// the notes dir). A later save of the same session (same type and date)
// finds the note there and, if the file is still what this session wrote,
// replaces it through EditFile; otherwise (edited by someone since, or
// never written) it saves a new note as usual. RemoveDraft removes the
// record with the draft.

// savedRecord is what <draft>.note holds.
type savedRecord struct {
	Note   string   `json:"note"`
	Type   Type     `json:"type"`
	Date   string   `json:"date"`   // the session's, RFC 3339: ties the record to it
	Hashes []string `json:"sha256"` // contents this session wrote there
}

// savePoint names the moments a test can cut a save at.
type savePoint int

const (
	pointRecorded savePoint = iota // the name is recorded, the note not yet linked
	pointLinked                    // the note has its name, the temp file is still there
	pointReplaced                  // the earlier note was replaced, the record not yet updated
)

// errCut is returned when a test cuts a save short.
var errCut = errors.New("save cut short")

// SaveOnce saves n into dir like Save; draftPath is the draft of the
// session n comes from ("" for none). When the session was already saved
// (its record says so and the note is still what it wrote), that note is
// replaced instead of a new one written.
func SaveOnce(dir string, n Note, draftPath string) (string, error) {
	return saveOnce(dir, n, draftPath, nil)
}

// saveOnce is SaveOnce with a test hook: when cut returns true at a point,
// the save stops there as a kill would, without cleaning anything up.
func saveOnce(dir string, n Note, draftPath string, cut func(savePoint) bool) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create notes dir: %w", err)
	}
	CleanTemps(dir)
	data := Render(n)
	hash := HashOf(data)
	rec := savedRecord{Type: n.Type, Date: n.Date.Format(time.RFC3339Nano), Hashes: []string{hex.EncodeToString(hash[:])}}
	recPath := ""
	if draftPath != "" {
		recPath = draftPath + ".note"
		if p, ok, err := replaceSaved(dir, recPath, rec, data, cut); ok || err != nil {
			return p, err
		}
	}
	tmp, err := writeTemp(dir, data)
	if err != nil {
		return "", err
	}
	base := FileName(n)
	for i := 1; i < 10000; i++ {
		name := base + ".md"
		if i > 1 {
			name = fmt.Sprintf("%s-%d.md", base, i)
		}
		path := filepath.Join(dir, name)
		if _, err := os.Lstat(path); err == nil {
			continue
		}
		if recPath != "" {
			rec.Note = path
			if err := writeRecord(recPath, rec); err != nil {
				os.Remove(tmp)
				return "", err
			}
			if cut != nil && cut(pointRecorded) {
				return "", errCut
			}
		}
		err := claim(tmp, path)
		if errors.Is(err, fs.ErrExist) {
			continue // taken by another process since the Lstat
		}
		if err != nil {
			os.Remove(tmp)
			return "", fmt.Errorf("save %s: %w", path, err)
		}
		if cut != nil && cut(pointLinked) {
			return "", errCut
		}
		os.Remove(tmp)
		syncDir(dir)
		return path, nil
	}
	os.Remove(tmp)
	return "", fmt.Errorf("save %s: too many notes with this name", filepath.Join(dir, base+".md"))
}

// replaceSaved saves data over the note the record names, when the record
// is this session's and the note is still what it wrote; ok is false when
// a new note must be written instead.
func replaceSaved(dir, recPath string, rec savedRecord, data []byte, cut func(savePoint) bool) (path string, ok bool, err error) {
	old, found := readRecord(recPath)
	if !found || old.Type != rec.Type || old.Date != rec.Date || filepath.Dir(old.Note) != filepath.Clean(dir) {
		return "", false, nil
	}
	onDisk, err := safefile.Read(old.Note, safefile.NotesLimit)
	if err != nil {
		return "", false, nil // gone, or not a note: save anew
	}
	was := HashOf(onDisk)
	if !slices.Contains(old.Hashes, hex.EncodeToString(was[:])) {
		return "", false, nil // someone edited it since: keep their note, save anew
	}
	// record both contents first: a cut during the replace still finds
	// the note as this session's
	rec.Note = old.Note
	both := rec
	both.Hashes = append([]string{hex.EncodeToString(was[:])}, rec.Hashes...)
	if err := writeRecord(recPath, both); err != nil {
		return "", false, err
	}
	if _, err := EditFile(old.Note, was, func([]byte) ([]byte, error) { return data, nil }); err != nil {
		if errors.Is(err, ErrChanged) {
			return "", false, nil
		}
		return "", false, err
	}
	if cut != nil && cut(pointReplaced) {
		return "", false, errCut
	}
	if err := writeRecord(recPath, rec); err != nil {
		return "", false, err
	}
	return old.Note, true, nil
}

func readRecord(path string) (savedRecord, bool) {
	var r savedRecord
	data, err := safefile.Read(path, safefile.ConfigLimit)
	if err != nil || json.Unmarshal(data, &r) != nil || r.Note == "" {
		return savedRecord{}, false
	}
	return r, true
}

func writeRecord(path string, r savedRecord) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("record the note's name: %w", err)
	}
	if err := WriteAtomic(path, data); err != nil {
		return fmt.Errorf("record the note's name: %w", err)
	}
	return nil
}

// tempMaxAge is how old a temp file whose note was never linked must be to
// be removed: younger, it may belong to a save running right now.
const tempMaxAge = time.Minute

// TempPattern is the name of every temp file the app writes next to a
// note or an inbox card (a save, an in-place edit, a card): `retrokata
// init` puts it in the notes dir's .gitignore.
const TempPattern = ".retrokata-*.tmp"

// CleanTemps removes the temp files a cut save left in dir: at once when
// the temp is also linked as a note (its content is safe under that name),
// after tempMaxAge otherwise. Nothing else is touched; errors are ignored.
func CleanTemps(dir string) { removeTemps(dir, tempMaxAge) }

// CleanTempsIfIdle removes the temp files a kill left in notesDir and its
// inbox, whatever their age, when no session runs on the notes dir: every
// draft lock in draftDir (DraftDir of the notes dir) is taken for the time
// of the cleaning. A temp file is only ever a copy of what is being
// written (the note or the card it becomes, the old version stays in place
// until the rename), so removing one loses nothing: a save or an edit
// running in a process that holds no lock (actions sync, a tick) at that
// very moment fails with an error and can be made again. When a lock is
// held, or draftDir is "", only CleanTemps' rule applies. Errors are
// ignored.
func CleanTempsIfIdle(notesDir, draftDir string) {
	maxAge := time.Duration(0)
	if draftDir == "" {
		maxAge = tempMaxAge
	}
	locks, _ := filepath.Glob(filepath.Join(draftDir, "*.lock"))
	for _, p := range locks {
		if maxAge != 0 {
			break
		}
		l, err := lockfile.Acquire(p, time.Now())
		if err != nil {
			maxAge = tempMaxAge // a session runs: its temps may be live
			continue
		}
		defer l.Release()
	}
	removeTemps(notesDir, maxAge)
	removeTemps(InboxDir(notesDir), maxAge)
}

func removeTemps(dir string, maxAge time.Duration) {
	tmps, _ := filepath.Glob(filepath.Join(dir, TempPattern))
	now := time.Now()
	for _, p := range tmps {
		info, err := os.Lstat(p)
		if err != nil || !info.Mode().IsRegular() {
			continue
		}
		if n, ok := linkCount(info); (ok && n > 1) || maxAge <= 0 || now.Sub(info.ModTime()) > maxAge {
			os.Remove(p)
		}
	}
}
