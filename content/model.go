package content

import "fmt"

// Origin says where an item was loaded from; a later origin overrides an
// earlier one with the same id.
type Origin string

// The three origins, in load order.
const (
	OriginBuiltin Origin = "builtin"
	OriginUser    Origin = "user"
	OriginRepo    Origin = "repo"
)

// Difficulty rates a kata.
type Difficulty string

// The difficulties a kata may have.
const (
	Easy   Difficulty = "easy"
	Medium Difficulty = "medium"
	Hard   Difficulty = "hard"
)

// Valid reports whether d is one of the three difficulties.
func (d Difficulty) Valid() bool { return d == Easy || d == Medium || d == Hard }

// Item holds what every piece of content has.
type Item struct {
	Title          string
	Summary        string
	Tags           []string
	Sources        []string
	Reconstruction bool
	Origin         Origin
	Path           string // where it was read from, for messages
}

// Case is a real problem a Dev+Ops team met: context, what happened, the
// immediate reaction and what they learnt.
type Case struct {
	Item
	ID           string
	Context      string
	WhatHappened string
	Reaction     string
	Learnings    []string
	Tips         []int  // tip numbers
	Kata         string // id of the kata that practises this case, if any
}

// Tip is one of the numbered tips for building a DevOps team.
type Tip struct {
	Item
	Number int
	Body   string
	Try    string // one thing to try next sprint
}

// Stage is one step of a kata's situation and the question it asks, with
// what the player may look at, the decision it asks for, the prediction
// before the next stage and its own reference answer.
type Stage struct {
	Number    int // as written in "## Stage 2: …"; 0 when none is written
	Title     string
	Situation string
	Prompt    string
	Look      []Look   // information on request
	Decide    []Option // 2 or 3 options; empty when the stage does not branch
	Next      int      // stage number that follows; 0: the next one; End: the kata ends
	Predict   string   // asked before the next stage's outcome; "" for none
	Reference string   // this stage's reference answer; "" for none
	LookFirst string   // label of the Look item a strong responder opens first
	Line      int      // file line of the "## Stage" heading
}

// End as a stage's Next or an option's target ends the kata.
const End = -1

// Look is one thing the player may open at a stage (a log excerpt, a graph,
// a colleague's message); opening it costs Minutes on the kata clock.
type Look struct {
	Label   string
	Minutes int
	Text    string
}

// Option is one choice of a decision and the stage number it leads to (or
// End).
type Option struct {
	Text string
	Next int
}

// Kata is a scenario to practise alone: stages that unfold, a reference
// answer and the key points a good answer covers.
type Kata struct {
	Item
	ID         string
	Difficulty Difficulty
	Case       string // id of the case it practises, if any
	Stages     []Stage
	Reaction   string
	Learnings  []string
	KeyPoints  []string
	Anchors    []string // per key point: what an answer must contain to count ("" when none)
	Tips       []int
	Variants   []Variant
	Debrief    string // reference notes for the blameless debrief; "" for none
}

// Variant is one set of surface details (service, figures, times, who is on
// call) that fills the {{name}} placeholders of a kata's body.
type Variant map[string]string

// DefaultPrompt is asked at a stage that does not set its own.
const DefaultPrompt = "What do you do right now?"

// Problem is something wrong in a content file.
type Problem struct {
	Path string
	Line int
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.Path, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.Path, p.Msg)
}
