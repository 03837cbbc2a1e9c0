package retro

import (
	"math"
	"strings"
	"time"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
)

// CheckIn is the optional first step of "Set the stage": a question, and
// either a tally of its answers (a safety check, ESVP, weather) or the
// words people gave (one word). Solo, the facilitator enters the tally.
type CheckIn struct {
	Activity string   `json:"activity"` // the activity's id
	Title    string   `json:"title"`
	Question string   `json:"question"`
	Options  []string `json:"options"` // the answers counted; none: words
	Tally    []int    `json:"tally"`   // one count per option
	Words    []string `json:"words"`
}

// Picked is the activity chosen for a phase: its prompt drives the phase.
type Picked struct {
	Phase   Phase         `json:"phase"`
	ID      string        `json:"id"`
	Title   string        `json:"title"`
	Prompt  string        `json:"prompt"`
	Fields  []string      `json:"fields"`
	Timebox time.Duration `json:"timebox"`
}

// ExtraMinutes is what the key that extends a timebox adds.
const ExtraMinutes = 2 * time.Minute

// ActivityPhase is the phase of the activity catalogue a retro phase
// serves; ok is false for "Previous actions" and "Vote".
func ActivityPhase(p Phase) (content.Phase, bool) {
	switch p {
	case PhaseStage:
		return content.SetTheStage, true
	case PhaseProblems:
		return content.GatherData, true
	case PhaseDiscuss:
		return content.GenerateInsights, true
	case PhaseActions:
		return content.DecideActions, true
	case PhaseClose:
		return content.CloseRetro, true
	}
	return "", false
}

// StartCheckIn opens a check-in with a check-in activity, keeping the
// answers already given when it is the same one.
func (s *Session) StartCheckIn(a content.Activity) {
	if s.CheckIn != nil && s.CheckIn.Activity == a.ID {
		return
	}
	s.CheckIn = &CheckIn{Activity: a.ID, Title: a.Title, Question: a.Prompt, Options: a.Fields, Tally: make([]int, len(a.Fields))}
}

// Tally adds delta (1 or -1) to the count of option i; a count never goes
// below zero.
func (s *Session) Tally(i, delta int) {
	c := s.CheckIn
	if c == nil || i < 0 || i >= len(c.Tally) {
		return
	}
	c.Tally[i] = max(0, c.Tally[i]+delta)
}

// SetCheckInWords sets the words of a one-word check-in from a
// comma-separated list.
func (s *Session) SetCheckInWords(list string) {
	if s.CheckIn != nil {
		s.CheckIn.Words = nil
		for _, w := range SplitList(notes.NormalizeText(list)) {
			if w = oneLine(w); w != "" {
				s.CheckIn.Words = append(s.CheckIn.Words, w)
			}
		}
	}
}

// Pick chooses activity a for phase p (replacing an earlier pick).
func (s *Session) Pick(p Phase, a content.Activity) {
	pk := Picked{Phase: p, ID: a.ID, Title: a.Title, Prompt: a.Prompt, Fields: a.Fields, Timebox: a.Timebox}
	for i := range s.Activities {
		if s.Activities[i].Phase == p {
			s.Activities[i] = pk
			return
		}
	}
	s.Activities = append(s.Activities, pk)
}

// PickedFor returns the activity picked for phase p.
func (s *Session) PickedFor(p Phase) (Picked, bool) {
	for _, a := range s.Activities {
		if a.Phase == p {
			return a, true
		}
	}
	return Picked{}, false
}

// SetWhys sets problem i's 5-whys chain from lines, blank ones dropped.
func (s *Session) SetWhys(i int, text string) {
	if i < 0 || i >= len(s.Problems) {
		return
	}
	var whys []string
	for _, l := range strings.Split(text, "\n") {
		if l = oneLine(notes.NormalizeText(l)); l != "" {
			whys = append(whys, l)
		}
	}
	s.Problems[i].Whys = whys
}

// SetROTI reads the room's ROTI votes ("4 5 3", "4,5,3"): each 1 to 5.
// ok is false, and nothing changes, when one is not.
func (s *Session) SetROTI(votes string) bool {
	var vs []int
	for _, f := range strings.FieldsFunc(votes, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		if len(f) != 1 || f[0] < '1' || f[0] > '5' {
			return false
		}
		vs = append(vs, int(f[0]-'0'))
	}
	s.ROTIVotes = vs
	return true
}

// ROTI is the average of the ROTI votes, to two decimals; nil without votes.
func (s *Session) ROTI() *float64 {
	if len(s.ROTIVotes) == 0 {
		return nil
	}
	sum := 0
	for _, v := range s.ROTIVotes {
		sum += v
	}
	avg := math.Round(float64(sum)/float64(len(s.ROTIVotes))*100) / 100
	return &avg
}

// AddWentWell appends an empty "What went well" card and returns its index.
func (s *Session) AddWentWell() int {
	s.WentWell = append(s.WentWell, "")
	return len(s.WentWell) - 1
}

// Extend adds ExtraMinutes to the current phase's timebox.
func (s *Session) Extend() {
	if len(s.Extra) != NumPhases {
		s.Extra = append(s.Extra, make([]time.Duration, NumPhases)...)[:NumPhases]
	}
	s.Extra[s.Phase] += ExtraMinutes
}

// extra is what was added to phase p's timebox.
func (s *Session) extra(p Phase) time.Duration {
	if int(p) < len(s.Extra) {
		return s.Extra[p]
	}
	return 0
}

// PhaseTimebox is phase p's timebox: the picked activity's, else the
// retro's, plus the minutes added; 0 when there is none.
func (s *Session) PhaseTimebox(p Phase) time.Duration {
	box := s.Timebox
	if a, ok := s.PickedFor(p); ok && a.Timebox > 0 {
		box = a.Timebox
	}
	if box <= 0 {
		return 0
	}
	return box + s.extra(p)
}
