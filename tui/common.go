package tui

import (
	"context"
	"time"

	"charm.land/bubbles/v2/textarea"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/internal/markdown"
	"github.com/retrokata/retrokata/notes"
)

// Env is what every screen shares, built once by the command that starts
// the program: where notes, drafts and the notes index live, the content
// library, the editor and the clock.
type Env struct {
	Location  notes.Location // the notes dir, and why it is that one
	KataDir   string         // where kata notes go and progress is read (personal); "" for Location.Dir
	CacheDir  string         // $XDG_CACHE_HOME, for the notes index
	DraftsDir string
	Library   *content.Library
	// Activities is the retro activity catalogue (nil: the built-in one).
	Activities []content.Activity
	Editor     []string // the command `e` runs on a note: $VISUAL, $EDITOR or vi
	Now        func() time.Time
	HomeDir    string // shown as ~ in paths; "" to show them whole
	// Store keeps the notes and drafts; nil: the notes dir on disk, listed
	// through the index in CacheDir. Tests give a notes.MemStore.
	Store notes.Store
}

// common is the one value every screen gets from the root (soft-serve's
// common.Common): the terminal's size, the styles for its background, the
// clock and its tick, the library and where notes live.
type common struct {
	width, height int
	styles        Styles
	lib           *content.Library
	acts          []content.Activity
	now           func() time.Time
	// tick asks for the next clock tick. Tests replace it with one that
	// returns nil, so no command they run ever waits on a timer.
	tick func() tea.Cmd
	// blink makes text cursors blink (a timer too); tests keep them still.
	blink    bool
	location notes.Location
	notesDir string
	kataDir  string // kata notes: the personal notes dir unless --dir
	// draftsDir holds this notes dir's drafts (notes.DraftDir);
	// allDrafts is the drafts dir of every notes dir, where older
	// versions kept their one draft per kind.
	draftsDir, allDrafts string
	homeDir              string
	editor               []string
	// index lists the notes dir through the cache, for every screen.
	index notes.Lister
	// store, when set (tests), keeps the notes and drafts in place of
	// the notes dir: screens reach it through notes().
	store notes.Store
	// md renders notes and content, one glamour renderer for all screens.
	md *markdown.Renderer
	// drafts writes and removes drafts in the order they were asked for.
	drafts *draftWriter
	// ctx ends with the program (RunRetro, RunHome): a git commit under way
	// is stopped then. nil means context.Background().
	ctx context.Context
}

// newCommon is the common value of the program: env, the real tick,
// blinking cursors, a dark background until the terminal says otherwise.
func newCommon(env Env) *common {
	if env.Now == nil {
		env.Now = time.Now
	}
	if env.Library == nil {
		env.Library = &content.Library{}
	}
	if len(env.Editor) == 0 {
		env.Editor = []string{"vi"}
	}
	return &common{
		width: 80, height: 24,
		styles:    newStyles(true),
		lib:       env.Library,
		acts:      env.Activities,
		now:       env.Now,
		tick:      tick,
		blink:     true,
		drafts:    newDraftWriter(),
		location:  env.Location,
		notesDir:  env.Location.Dir,
		draftsDir: notes.DraftDir(env.DraftsDir, env.Location.Dir),
		allDrafts: env.DraftsDir,
		kataDir:   cmpOr(env.KataDir, env.Location.Dir),
		homeDir:   env.HomeDir,
		editor:    env.Editor,
		index:     notes.Lister{CacheDir: env.CacheDir},
		store:     env.Store,
		md:        &markdown.Renderer{},
	}
}

// newTextInput is a text input whose cursor blinks or not as c says.
// Placeholders are faint and italic: never taken for a value typed.
func (c *common) newTextInput() textinput.Model {
	ti := textinput.New()
	s := ti.Styles()
	s.Cursor.Blink = c.blink
	s.Focused.Placeholder = s.Focused.Placeholder.Faint(true).Italic(true)
	s.Blurred.Placeholder = s.Blurred.Placeholder.Faint(true).Italic(true)
	ti.SetStyles(s)
	return ti
}

// newTextArea is a text area whose cursor blinks or not as c says.
func (c *common) newTextArea() textarea.Model {
	ta := textarea.New()
	s := ta.Styles()
	s.Cursor.Blink = c.blink
	s.Focused.Placeholder = s.Focused.Placeholder.Faint(true).Italic(true)
	s.Blurred.Placeholder = s.Blurred.Placeholder.Faint(true).Italic(true)
	ta.SetStyles(s)
	return ta
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// kataNotesDir is where kata notes go: the personal dir, or the notes dir
// when none was given.
func (c *common) kataNotesDir() string { return cmpOr(c.kataDir, c.notesDir) }

// notesIndex lists the notes dir, confined to the repository it comes
// from (Location.Root): a note linked out of it is listed as broken.
func (c *common) notesIndex() notes.Lister {
	x := c.index
	x.Root = c.location.Root()
	return x
}

// notes is where screens save, list and edit notes and drafts: the notes
// dir on disk through the index, or the store Env gave.
func (c *common) notes() notes.Store {
	if c.store != nil {
		return c.store
	}
	return notes.FileStore{NotesDir: c.notesDir, Lister: c.index, Root: c.location.Root()}
}
