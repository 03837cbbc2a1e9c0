package retro

import (
	"path/filepath"
	"slices"

	"github.com/retrokata/retrokata/notes"
)

// TakeInbox adds the inbox cards the session has not taken yet as
// problems, remembering their files so that saving the note removes them.
// Cards that did not parse are skipped (they stay on disk). It returns the
// number of cards added.
func (s *Session) TakeInbox(cards []notes.InboxCard) int {
	taken := s.MarkInbox(cards)
	for _, c := range taken {
		s.Problems = append(s.Problems, Problem{Title: c.Title, What: c.Text})
	}
	return len(taken)
}

// MarkInbox records the readable cards the session has not taken yet (so
// saving removes them) and returns them, for a room that shows them as
// hidden cards instead of problems.
func (s *Session) MarkInbox(cards []notes.InboxCard) []notes.InboxCard {
	var taken []notes.InboxCard
	for _, c := range cards {
		name := filepath.Base(c.Path)
		if c.Err != nil || slices.Contains(s.Inbox, name) {
			continue
		}
		s.Inbox = append(s.Inbox, name)
		taken = append(taken, c)
	}
	return taken
}

// InboxPaths are the inbox files this session took, in notesDir.
func (s *Session) InboxPaths(notesDir string) []string {
	var out []string
	for _, n := range s.Inbox {
		if n = filepath.Base(n); n != "." && n != string(filepath.Separator) && n != ".." {
			out = append(out, filepath.Join(notes.InboxDir(notesDir), n))
		}
	}
	return out
}
