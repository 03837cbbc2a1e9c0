// Package room is a live retro shared by several participants: cards
// written privately and revealed at once without their authors, dot votes
// with a budget per person and totals hidden until the vote closes,
// suggestions the facilitator accepts or ignores, a ready count, and a
// redacted snapshot per participant.
//
// The facilitator's retro.Session stays the single source of the note: the
// room never touches it. The facilitator publishes what everyone may see
// (a Board) and takes revealed cards, vote totals and accepted suggestions
// from the room into the session. Who wrote a card is kept only inside the
// room, for its author's own view and reconnection; it is in no snapshot
// of anyone else, in nothing the facilitator receives, and so in no note,
// draft or log.
//
// A Room is safe for concurrent use. It has no terminal or network code:
// an adapter (the SSH server) calls it and subscribes to its changes.
package room

import (
	"crypto/subtle"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/retro"
)

// Limits on what a participant can send.
const (
	MaxName     = 32   // runes in a display name
	MaxTitle    = 120  // runes in a card's title
	MaxText     = 2000 // runes in a card's text or a suggestion
	MaxCards    = 20   // cards per person: every one submitted, before or after the reveal
	MaxSuggest  = 20   // pending suggestions per person
	MaxMembers  = 64   // names the room remembers, connected or not
	DefaultDots = retro.DefaultDots
	// DefaultMaxAdmitted is twice the SSH server's 16 sessions.
	DefaultMaxAdmitted = 32
)

// Errors a participant may see.
var (
	ErrNameTaken   = errors.New("someone with this name is already in the room: pick another")
	ErrReserved    = errors.New("this name is kept for someone who left: pick another")
	ErrNoName      = errors.New("a name is needed")
	ErrFull        = errors.New("the room is full")
	ErrUnknown     = errors.New("not in the room")
	ErrTooMany     = errors.New("you have reached the card limit")
	ErrEmpty       = errors.New("a card needs a title")
	ErrNoDots      = errors.New("no dots left: take one back first")
	ErrVoteClosed  = errors.New("voting is not open")
	ErrNoCard      = errors.New("no such card")
	ErrWrongPhase  = errors.New("not now: the facilitator is in another phase")
	ErrNoSuggest   = errors.New("you have many suggestions waiting: let the facilitator catch up")
	ErrEmptySugg   = errors.New("a suggestion needs some text")
	ErrNoneToTake  = errors.New("no dot on this problem")
	ErrBadProblem  = errors.New("no such problem")
	ErrNotRevealed = errors.New("cards are not revealed yet")
)

// Card is a card as the facilitator or its author sees it: never with an
// author.
type Card struct {
	ID    int    `json:"id"`
	Title string `json:"title"`
	Text  string `json:"text"`
}

// Kind is what a suggestion proposes.
type Kind int

// The kinds of suggestion a participant can make.
const (
	Reaction Kind = iota // our immediate reaction to the problem under discussion
	Learning             // something we learnt from it
	Action               // an action
)

func (k Kind) String() string {
	switch k {
	case Reaction:
		return "reaction"
	case Learning:
		return "learning"
	case Action:
		return "action"
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Suggestion is a participant's proposal, without its author.
type Suggestion struct {
	ID      int    `json:"id"`
	Kind    Kind   `json:"kind"`
	Problem int    `json:"problem"` // index in the board's problems; -1 for an action
	Text    string `json:"text"`
}

// Problem is a revealed problem as the board shows it.
type Problem struct {
	Title     string   `json:"title"`
	What      string   `json:"what"`
	Reaction  string   `json:"reaction"`
	Learnings []string `json:"learnings"`
	Votes     int      `json:"votes"` // participants see it once the vote is closed
}

// Board is what the facilitator publishes for everyone: the retro as the
// facilitator's own screen shows it.
type Board struct {
	Title    string      `json:"title"`
	Phase    retro.Phase `json:"phase"`
	Problems []Problem   `json:"problems"`
	Focus    int         `json:"focus"` // problem under discussion, -1 for none
	Actions  []string    `json:"actions"`
}

// View is one participant's snapshot: everything they may see, nothing
// more. Values only; it holds no pointer into the room.
type View struct {
	Version  uint64
	Name     string
	Joined   int // participants connected now
	Ready    int // of them, how many are ready (never who)
	IAmReady bool
	Board    Board
	Hidden   int    // unrevealed cards in the room, everyone's
	Mine     []Card // my own unrevealed cards
	Revealed bool
	Dots     int   // my budget
	DotsLeft int   // what I have left
	MyVotes  []int // my dots per board problem
	VoteOpen bool
	Closed   bool  // the vote is closed: Board.Problems[i].Votes are the totals
	Waiting  int   // my suggestions the facilitator has not answered yet
	Poll     *Poll // the check-in or ROTI asked, nil for none (see checkin.go)
}

// Facilitator is what the facilitator's process sees of the room.
type Facilitator struct {
	Version     uint64
	Joined      int
	Ready       int
	Hidden      int // unrevealed cards
	Incoming    int // revealed or late cards not yet taken into the session
	Revealed    bool
	VoteOpen    bool
	Voters      int // participants who have used at least one dot, there or not
	Members     int // participants the room counts: connected, or gone leaving cards, dots or suggestions
	Gone        int // of Members, how many left
	Suggestions []Suggestion
}

type card struct {
	Card
	author string // "" for cards from the inbox or a draft
}

type member struct {
	name      string
	secret    string // what only this participant has (key fingerprint or reconnect code); "" never reconnects
	connected int    // sessions open with this name (0 or 1)
	ready     bool
	votes     []int
	waiting   int // suggestions not answered yet
	cards     int // cards submitted (less the hidden ones taken back)
}

// Config sets a room's rules.
type Config struct {
	Dots int // per participant; DefaultDots when 0
	// MaxAdmitted caps the names ever admitted (DefaultMaxAdmitted when
	// 0): someone with the code cannot join, vote and leave under name
	// after name without end. Reconnections do not count.
	MaxAdmitted int
	// Shuffle orders the revealed cards; a seeded one makes tests
	// repeatable. rand.Shuffle when nil.
	Shuffle func(n int, swap func(i, j int))
}

// Room is one live retro. Create it with New.
type Room struct {
	mu        sync.Mutex
	cfg       Config
	version   uint64
	nextID    int
	board     Board
	members   map[string]*member
	hidden    []card // not revealed yet, authors kept
	incoming  []Card // revealed or late, waiting for the facilitator
	revealed  bool
	voteOpen  bool
	closed    bool
	nVote     int
	totals    []int
	suggest   []Suggestion
	suggester map[int]string // suggestion id -> author, to count what is waiting
	subs      map[int]chan struct{}
	nextSub   int
	unnamed   int        // guests connected who have not given a name yet
	admitted  int        // names ever admitted (see Config.MaxAdmitted)
	poll      *pollState // the check-in or ROTI asked (see checkin.go)
}

// New makes an empty room.
func New(cfg Config) *Room {
	if cfg.Dots <= 0 {
		cfg.Dots = DefaultDots
	}
	if cfg.Shuffle == nil {
		cfg.Shuffle = rand.Shuffle
	}
	if cfg.MaxAdmitted <= 0 {
		cfg.MaxAdmitted = DefaultMaxAdmitted
	}
	return &Room{cfg: cfg, members: map[string]*member{}, suggester: map[int]string{}, subs: map[int]chan struct{}{}, board: Board{Focus: -1}}
}

// Dots is each participant's budget.
func (r *Room) Dots() int { return r.cfg.Dots }

// CleanName makes a display name safe to show: no control characters,
// escape sequences, bidi overrides or zero-width characters (two names
// that look the same are the same), one line, at most MaxName runes.
func CleanName(s string) string {
	return capRunes(oneLine(dropInvisible(notes.Sanitize(s), false)), MaxName)
}

// CleanTitle is CleanName for a card title.
func CleanTitle(s string) string {
	return capRunes(oneLine(dropInvisible(notes.Sanitize(s), false)), MaxTitle)
}

// CleanText keeps line breaks but drops control characters and invisible
// ones and caps the length. The zero-width joiner stays: emoji sequences
// and some scripts need it.
func CleanText(s string) string {
	s = strings.ReplaceAll(dropInvisible(notes.Sanitize(s), true), "\t", " ")
	return strings.TrimSpace(capRunes(s, MaxText))
}

// dropInvisible removes the zero-width characters (U+200B-200F, U+FEFF)
// that notes.Sanitize keeps (it already drops the bidi overrides),
// except the joiner U+200D when keepJoiner.
func dropInvisible(s string, keepJoiner bool) string {
	return strings.Map(func(r rune) rune {
		if (r >= 0x200b && r <= 0x200f && !(keepJoiner && r == 0x200d)) || r == 0xfeff {
			return -1
		}
		return r
	}, s)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func capRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return strings.TrimSpace(string([]rune(s)[:n]))
}

// Join adds a participant who can never reconnect (see JoinAs).
func (r *Room) Join(name string) (string, error) { return r.JoinAs(name, "") }

// JoinAs adds a participant, or brings one back: a name that left gets its
// unrevealed cards and dots back only when secret equals the one it joined
// with (its key fingerprint, or the reconnect code shown to it), never
// when either is empty. A name in use, or kept for someone who left, is
// refused. It returns the cleaned name.
func (r *Room) JoinAs(name, secret string) (string, error) {
	name = CleanName(name)
	if name == "" {
		return "", ErrNoName
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	m := r.members[name]
	switch {
	case m != nil && m.connected > 0:
		return "", ErrNameTaken
	case m != nil && (secret == "" || m.secret == "" || subtle.ConstantTimeCompare([]byte(secret), []byte(m.secret)) != 1):
		return "", ErrReserved
	case m == nil && (len(r.members) >= MaxMembers || r.admitted >= r.cfg.MaxAdmitted):
		return "", ErrFull
	case m == nil:
		m = &member{name: name, secret: secret}
		r.members[name] = m
		r.admitted++
	}
	m.connected = 1
	r.changedLocked()
	return name, nil
}

// Leave marks a participant gone; their hidden cards, dots and waiting
// suggestions stay, for a reconnection and the vote. A name that leaves
// nothing of the kind is released: someone else may take it.
func (r *Room) Leave(name string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if m := r.members[name]; m != nil && m.connected > 0 {
		m.connected = 0
		m.ready = false
		if r.cardsOf(name) == 0 && m.waiting == 0 && sum(m.votes) == 0 {
			delete(r.members, name)
		}
		r.changedLocked()
	}
}

func (r *Room) member(name string) (*member, error) {
	m := r.members[name]
	if m == nil || m.connected == 0 {
		return nil, ErrUnknown
	}
	return m, nil
}

// Publish sets what everyone sees. A new phase clears the ready marks.
// Vote totals in the board stay hidden from participants until the vote
// is closed.
func (r *Room) Publish(b Board) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if b.Phase != r.board.Phase {
		for _, m := range r.members {
			m.ready = false
		}
	}
	b.Problems = append([]Problem(nil), b.Problems...)
	b.Actions = append([]string(nil), b.Actions...)
	r.board = b
	r.changedLocked()
}

// SetReady marks a participant ready (or not) for the next phase.
func (r *Room) SetReady(name string, ready bool) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	m, err := r.member(name)
	if err != nil {
		return err
	}
	if m.ready != ready {
		m.ready = ready
		r.changedLocked()
	}
	return nil
}

func (r *Room) countsLocked() (joined, ready int) {
	joined = r.unnamed
	for _, m := range r.members {
		if m.connected > 0 {
			joined++
			if m.ready {
				ready++
			}
		}
	}
	return joined, ready
}

// Snapshot is what participant name may see now.
func (r *Room) Snapshot(name string) View {
	r.mu.Lock()
	defer r.mu.Unlock()
	v := View{Version: r.version, Name: name, Board: r.board, Hidden: len(r.hidden), Revealed: r.revealed,
		Dots: r.cfg.Dots, DotsLeft: r.cfg.Dots, VoteOpen: r.voteOpen, Closed: r.closed}
	v.Joined, v.Ready = r.countsLocked()
	v.Poll = r.pollViewLocked()
	v.Board.Problems = append([]Problem(nil), r.board.Problems...)
	v.Board.Actions = append([]string(nil), r.board.Actions...)
	for i := range v.Board.Problems {
		p := &v.Board.Problems[i]
		p.Learnings = append([]string(nil), p.Learnings...)
		if !r.closed {
			p.Votes = 0 // totals stay hidden until the vote closes
		}
	}
	if m := r.members[name]; m != nil {
		v.IAmReady = m.ready
		v.Waiting = m.waiting
		v.MyVotes = append([]int(nil), m.votes...)
		v.DotsLeft = r.cfg.Dots - sum(m.votes)
		for _, c := range r.hidden {
			if c.author == name {
				v.Mine = append(v.Mine, c.Card)
			}
		}
	}
	return v
}

// Facilitator is what the facilitator's screen may see now: counts and
// the suggestions, never an author or a ballot.
func (r *Room) Facilitator() Facilitator {
	r.mu.Lock()
	defer r.mu.Unlock()
	f := Facilitator{Version: r.version, Hidden: len(r.hidden), Incoming: len(r.incoming), Revealed: r.revealed, VoteOpen: r.voteOpen,
		Suggestions: append([]Suggestion(nil), r.suggest...)}
	f.Joined, f.Ready = r.countsLocked()
	f.Members = len(r.members)
	for _, m := range r.members {
		if sum(m.votes) > 0 {
			f.Voters++
		}
		if m.connected == 0 {
			f.Gone++
		}
	}
	return f
}
