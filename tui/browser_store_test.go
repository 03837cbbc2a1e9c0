package tui

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/notes"
)

// The browser lists and ticks through the notes store: with the in-memory
// one, no file is written, and a tick still finds the right line and
// refuses a note changed since it was read.
func TestBrowserTicksThroughTheStore(t *testing.T) {
	st := notes.NewMemStore("/notes")
	const note = "---\ntype: retro\ntitle: A\ndate: 2026-11-20T10:00:00Z\n---\n## Actions\n- [ ] Deploy (@bob)\n- [ ] Deploy (@carol)\n"
	p := st.Put("2026-11-20-a.md", []byte(note))
	c := testCommon(true)
	c.store = st
	c.location.Dir, c.notesDir = "/notes", "/notes"
	m := newBrowserModel(c)
	bdeliver(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	bdeliver(m, m.Init()())
	bpress(m, "a", "down", "space") // carol's
	if data, _ := st.Read(p); string(data) != strings.Replace(note, "- [ ] Deploy (@carol)", "- [x] Deploy (@carol)", 1) {
		t.Fatalf("after the tick:\n%s\nstatus %q", data, m.status)
	}
	st.Put("2026-11-20-a.md", []byte(strings.Replace(note, "(@bob)", "(@rob)", 1)))
	bpress(m, "space")
	if !m.isErr || !strings.Contains(m.status, "2026-11-20-a.md changed since it was read; reloaded") {
		t.Errorf("a note changed meanwhile: %q", m.status)
	}
	if data, _ := st.Read(p); !strings.Contains(string(data), "(@rob)") {
		t.Errorf("the teammate's edit was lost:\n%s", data)
	}
}
