package retro

import (
	"fmt"
	"strings"
	"time"

	"github.com/retrokata/retrokata/notes"
)

// Phase is a step of a retro, in the order the facilitator runs them.
type Phase int

// The phases of a retro: problem → immediate reaction → what we learnt →
// actions, after a look back at the last retro's actions.
const (
	PhaseStage Phase = iota
	PhasePrevious
	PhaseProblems
	PhaseVote
	PhaseDiscuss
	PhaseActions
	PhaseClose
	NumPhases int = iota
)

var phaseNames = [...]string{"Set the stage", "Previous actions", "Problems", "Vote", "Discuss", "Actions", "Close"}

func (p Phase) String() string {
	if p < 0 || int(p) >= NumPhases {
		return fmt.Sprintf("Phase(%d)", int(p))
	}
	return phaseNames[p]
}

// DefaultDots is how many votes each participant has.
const DefaultDots = 3

// NoBlame is the one-line reminder shown when the stage is set.
const NoBlame = "We look for what in our system let this happen, never for who to blame."

// Problem is one card: what went wrong, and once discussed, the team's
// immediate reaction, what it learnt and the tips it relates to.
type Problem struct {
	Title     string   `json:"title"`
	What      string   `json:"what"`
	Reaction  string   `json:"reaction"`
	Learnings []string `json:"learnings"`
	Votes     int      `json:"votes"`
	Tips      []int    `json:"tips"`
	Whys      []string `json:"whys"` // an optional 5-whys chain, first why first
}

// Action is a concrete next step with an owner and an optional due date.
type Action struct {
	Text        string `json:"text"`
	Owner       string `json:"owner"`
	Due         string `json:"due"` // YYYY-MM-DD or ""
	CarriedOver bool   `json:"carried_over"`
	FromID      string `json:"from_id,omitempty"`   // a carried-over action: the id of the previous action it continues
	From        string `json:"from,omitempty"`      // a carried-over action: the note it comes from (link target)
	FromPrev    int    `json:"from_prev,omitempty"` // drafts of older versions: 1-based index into Previous
}

// Decision is what the team decides about one previous action.
type Decision string

// The decisions for a previous action. An undecided one is written back
// as still open, so nothing silently disappears.
const (
	Undecided Decision = ""
	Done      Decision = "done"
	Carry     Decision = "carry"
	Drop      Decision = "drop"
)

// Previous is an action still open in one of the team's notes, and what
// the team decides about it.
type Previous struct {
	ID       string   `json:"id"`   // <note>#<n>
	Note     string   `json:"note"` // path of the note it is open in
	Line     int      `json:"line"` // its line there
	Text     string   `json:"text"`
	Owner    string   `json:"owner"`
	Due      string   `json:"due"`
	From     string   `json:"from,omitempty"` // the note it was carried over from, when it was
	Decision Decision `json:"decision"`
}

// Overdue reports whether the action was due before the day of now.
func (p Previous) Overdue(now time.Time) bool {
	return notes.Action{Status: notes.StatusOpen, Due: p.Due}.Overdue(now)
}

// Session is a retro in progress. Every rule lives in its methods; the TUI
// only displays it and calls them.
type Session struct {
	Title        string          `json:"title"`
	Team         string          `json:"team"`
	Facilitator  string          `json:"facilitator"`
	Participants []string        `json:"participants"`
	Date         time.Time       `json:"date"`
	Timebox      time.Duration   `json:"timebox"` // per phase; 0 for none
	Dots         int             `json:"dots"`
	Template     string          `json:"template"` // case id shown as an example
	Phase        Phase           `json:"phase"`
	Spent        []time.Duration `json:"spent"` // time spent in each phase
	Previous     []Previous      `json:"previous"`
	Problems     []Problem       `json:"problems"`
	Actions      []Action        `json:"actions"`
	Inbox        []string        `json:"inbox,omitempty"` // inbox files taken as problems, removed on save
	// The facilitator's toolkit (toolkit.go).
	CheckIn    *CheckIn        `json:"check_in,omitempty"`
	Activities []Picked        `json:"activities,omitempty"` // one per phase at most
	WentWell   []string        `json:"went_well,omitempty"`
	ROTIVotes  []int           `json:"roti_votes,omitempty"`
	Extra      []time.Duration `json:"extra,omitempty"` // minutes added to each phase's timebox
	// Unrevealed are a room's hidden cards, without authors, kept in the
	// draft so a crash loses nothing; never written to the note.
	Unrevealed []Problem `json:"unrevealed,omitempty"`
}

// New starts a session on date with the given settings; an empty title
// gets the default "<team> retrospective".
func New(date time.Time, team, title, facilitator string, dots int) *Session {
	if dots <= 0 {
		dots = DefaultDots
	}
	s := &Session{Team: team, Title: title, Facilitator: facilitator, Date: date.Truncate(time.Second), Dots: dots, Spent: make([]time.Duration, NumPhases)}
	return s
}

// DisplayTitle is the title the note gets: the one typed, or the default.
func (s *Session) DisplayTitle() string {
	if t := strings.TrimSpace(s.Title); t != "" {
		return t
	}
	return DefaultTitle(s.Team)
}

// DefaultTitle is "<team> retrospective", or "Retrospective": the note's
// file name and front matter already hold the date.
func DefaultTitle(team string) string {
	if t := strings.TrimSpace(team); t != "" {
		return t + " retrospective"
	}
	return "Retrospective"
}

// SetParticipants reads a comma-separated list, trimming blanks.
func (s *Session) SetParticipants(list string) {
	s.Participants = SplitList(list)
}

// SplitList splits "a, b,,c" into [a b c].
func SplitList(list string) []string {
	var out []string
	for _, p := range strings.Split(list, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// Goto moves to phase p (clamped) after adding the time spent in the
// current one. Nothing is lost moving back and forth.
func (s *Session) Goto(p Phase, spent time.Duration) {
	s.AddTime(spent)
	s.Phase = max(0, min(p, Phase(NumPhases-1)))
	if s.Phase == PhaseActions {
		s.SyncCarried()
	}
}

// AddTime adds time spent to the current phase.
func (s *Session) AddTime(d time.Duration) {
	if len(s.Spent) != NumPhases {
		s.Spent = append(s.Spent, make([]time.Duration, NumPhases)...)[:NumPhases]
	}
	if d > 0 {
		s.Spent[s.Phase] += d
	}
}

// Remaining is the time left in the current phase's timebox given the time
// spent since entering it; negative when over. ok is false without a
// timebox.
func (s *Session) Remaining(sinceEnter time.Duration) (left time.Duration, ok bool) {
	box := s.PhaseTimebox(s.Phase)
	if box <= 0 {
		return 0, false
	}
	spent := sinceEnter
	if int(s.Phase) < len(s.Spent) {
		spent += s.Spent[s.Phase]
	}
	return box - spent, true
}

// AddProblem appends an empty problem card and returns its index.
func (s *Session) AddProblem() int {
	s.Problems = append(s.Problems, Problem{})
	return len(s.Problems) - 1
}

// DeleteProblem removes a card.
func (s *Session) DeleteProblem(i int) {
	if i >= 0 && i < len(s.Problems) {
		s.Problems = append(s.Problems[:i], s.Problems[i+1:]...)
	}
}

// AddAction appends an empty action and returns its index.
func (s *Session) AddAction() int {
	s.Actions = append(s.Actions, Action{})
	return len(s.Actions) - 1
}

// DeleteAction removes an action. Deleting a carried-over action drops the
// previous action it came from.
func (s *Session) DeleteAction(i int) {
	if i < 0 || i >= len(s.Actions) {
		return
	}
	if id := s.Actions[i].FromID; id != "" {
		for k := range s.Previous {
			if s.Previous[k].ID == id {
				s.Previous[k].Decision = Drop
			}
		}
	}
	s.Actions = append(s.Actions[:i], s.Actions[i+1:]...)
}

// ToggleTip links or unlinks tip n to problem i.
func (s *Session) ToggleTip(i, n int) {
	if i < 0 || i >= len(s.Problems) {
		return
	}
	p := &s.Problems[i]
	for k, t := range p.Tips {
		if t == n {
			p.Tips = append(p.Tips[:k], p.Tips[k+1:]...)
			return
		}
	}
	p.Tips = append(p.Tips, n)
	for k := len(p.Tips) - 1; k > 0 && p.Tips[k] < p.Tips[k-1]; k-- {
		p.Tips[k], p.Tips[k-1] = p.Tips[k-1], p.Tips[k]
	}
}

// Learnings lists every learning of every problem, in vote order: what the
// actions phase shows to turn into actions.
func (s *Session) Learnings() []string {
	var out []string
	for _, i := range s.VoteOrder() {
		for _, l := range s.Problems[i].Learnings {
			if l = strings.TrimSpace(l); l != "" {
				out = append(out, l)
			}
		}
	}
	return out
}
