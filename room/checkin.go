package room

import (
	"errors"
	"math"
	"strconv"
)

// A poll is a question the facilitator puts to the room: a check-in in
// "Set the stage" (a safety check, ESVP, weather: one of the options; one
// word: free text) or the ROTI at close (1 to 5). Answers are anonymous:
// the room keeps only the tally (or the words, shuffled) and the names of
// those who answered, to count them once; it never keeps who answered
// what. The answer a participant gave, so they can change it, is kept on
// their own seat (Guest), never in the room.

// Poll kinds.
const (
	PollCheckIn = "check-in"
	PollROTI    = "roti"
)

// Errors a participant may see when answering.
var (
	ErrPollClosed = errors.New("answers are closed")
	ErrBadAnswer  = errors.New("pick one of the answers")
	ErrAnswered   = errors.New("you answered before you dropped: your answer is counted")
)

// ROTIOptions are the answers of a ROTI poll; option i is worth i+1.
var rotiOptions = [...]string{"1 (time lost)", "2", "3 (worth the time)", "4", "5 (great return)"}

// ROTIOptions returns the answers of a ROTI poll, worst first.
func ROTIOptions() []string { return append([]string(nil), rotiOptions[:]...) }

// Poll is a question as participants see it: never a tally, never who
// answered.
type Poll struct {
	ID       int      `json:"id"` // changes with each new question
	Kind     string   `json:"kind"`
	Title    string   `json:"title"`
	Question string   `json:"question"`
	Options  []string `json:"options"` // none: one word
	Open     bool     `json:"open"`
	Answered int      `json:"answered"` // how many answered (never who)
}

// PollResult is what the facilitator sees of a poll: counts only.
type PollResult struct {
	Poll
	Tally []int    `json:"tally"` // one count per option
	Words []string `json:"words"` // one word: shuffled, nobody's name
}

// ROTIAverage is the average of a ROTI tally to two decimals, and the
// votes it comes from (as the solo retro's SetROTI takes them); ok is
// false without votes.
func ROTIAverage(tally []int) (avg float64, votes []int, ok bool) {
	sum := 0
	for i, n := range tally {
		for range n {
			votes = append(votes, i+1)
			sum += i + 1
		}
	}
	if len(votes) == 0 {
		return 0, nil, false
	}
	return math.Round(float64(sum)/float64(len(votes))*100) / 100, votes, true
}

type pollState struct {
	Poll
	tally    []int
	words    []string
	answered map[string]bool // names, to count each person once; never what
}

// OpenPoll asks the room a new question (options empty: one word), or
// reopens the current one when it has the same kind and title.
func (r *Room) OpenPoll(kind, title, question string, options []string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if p := r.poll; p != nil && p.Kind == kind && p.Title == title {
		p.Open = true
		r.changedLocked()
		return
	}
	r.nextID++
	r.poll = &pollState{Poll: Poll{ID: r.nextID, Kind: kind, Title: CleanTitle(title), Question: CleanText(question),
		Options: append([]string(nil), options...), Open: true},
		tally: make([]int, len(options)), answered: map[string]bool{}}
	r.changedLocked()
}

// ClosePoll stops taking answers; the result stays.
func (r *Room) ClosePoll() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.poll != nil && r.poll.Open {
		r.poll.Open = false
		r.changedLocked()
	}
}

// PollResult is the current poll's counts, for the facilitator; ok is
// false when there is none.
func (r *Room) PollResult() (PollResult, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	p := r.poll
	if p == nil {
		return PollResult{}, false
	}
	res := PollResult{Poll: p.Poll, Tally: append([]int(nil), p.tally...), Words: append([]string(nil), p.words...)}
	res.Options = append([]string(nil), p.Options...)
	res.Answered = len(p.answered)
	return res, true
}

// pollView is the poll as participants see it.
func (r *Room) pollViewLocked() *Poll {
	if r.poll == nil {
		return nil
	}
	p := r.poll.Poll
	p.Options = append([]string(nil), p.Options...)
	p.Answered = len(r.poll.answered)
	return &p
}

// answer is one participant's answer: an option's index, or a word.
type answer struct {
	poll   int // the poll's ID; 0: none
	option int
	word   string
}

// Answer records name's answer to poll id, replacing prev (their last
// answer to it, kept by their seat). It returns the answer to keep.
func (r *Room) answer(name string, id int, prev answer, option int, word string) (answer, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	m, err := r.member(name)
	if err != nil {
		return prev, err
	}
	p := r.poll
	if p == nil || p.ID != id || !p.Open {
		return prev, ErrPollClosed
	}
	a := answer{poll: id, option: -1}
	if len(p.Options) == 0 {
		if a.word = CleanName(word); a.word == "" {
			return prev, ErrBadAnswer
		}
	} else if option < 0 || option >= len(p.Options) {
		return prev, ErrBadAnswer
	} else {
		a.option = option
	}
	switch {
	case prev.poll == id && prev.option >= 0:
		p.tally[prev.option]--
	case prev.poll == id:
		for i, w := range p.words {
			if w == prev.word {
				p.words = append(p.words[:i], p.words[i+1:]...)
				break
			}
		}
	case p.answered[m.name]:
		return prev, ErrAnswered
	}
	p.answered[m.name] = true
	if a.option >= 0 {
		p.tally[a.option]++
	} else {
		p.words = append(p.words, a.word)
		r.cfg.Shuffle(len(p.words), func(i, j int) { p.words[i], p.words[j] = p.words[j], p.words[i] })
	}
	r.changedLocked()
	return a, nil
}

// Answer gives this guest's answer to the open poll: option is the
// index of an option, word the one word (for a poll without options).
// Answering again replaces the guest's earlier answer.
func (g *Guest) Answer(option int, word string) error {
	name := g.Name()
	v := g.r.Snapshot(name)
	if v.Poll == nil {
		return ErrPollClosed
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	a, err := g.r.answer(name, v.Poll.ID, g.answer, option, word)
	g.answer = a
	return err
}

// MyAnswer is this guest's answer to the current poll, as shown to them:
// the option's text or the word; "" when they have not answered.
func (g *Guest) MyAnswer(v View) string {
	g.mu.Lock()
	defer g.mu.Unlock()
	a := g.answer
	if v.Poll == nil || a.poll != v.Poll.ID {
		return ""
	}
	if a.option >= 0 && a.option < len(v.Poll.Options) {
		return v.Poll.Options[a.option]
	}
	return a.word
}

// MyOption is the index of this guest's option in the current poll, -1
// for none.
func (g *Guest) MyOption(v View) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	if v.Poll == nil || g.answer.poll != v.Poll.ID {
		return -1
	}
	return g.answer.option
}

// FormatROTI writes a ROTI average as the note does.
func FormatROTI(avg float64) string { return strconv.FormatFloat(avg, 'f', -1, 64) }
