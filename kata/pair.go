package kata

import (
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/retrokata/retrokata/content"
	"github.com/retrokata/retrokata/notes"
)

// MaxEvent bounds an injected event and MaxPairText a player's answer.
const (
	MaxEvent    = 500
	MaxPairText = 4000
)

// Pair is a kata played in pair mode (Wheel of Misfortune): a game master
// holds the kata, its hidden look-at items and its reference, hands items
// out and injects events; a player answers from another terminal and sees
// only PlayerView. It is safe for concurrent use by both screens.
type Pair struct {
	mu     sync.Mutex
	k      content.Kata
	s      *Session
	events []PairEvent
	ended  bool
	ver    uint64
}

// PairEvent is a line the game master injected, at a stage.
type PairEvent struct {
	Stage int
	Text  string
}

// Handed is a look-at item handed out to the player.
type Handed struct {
	Stage       int
	Label, Text string
}

// PlayerView is everything the player may see: the stages reached, what
// was handed out, the events, their own text. Never a reference, never an
// item not handed out.
type PlayerView struct {
	Title      string
	Stage      int // index in the kata's stages
	StageTitle string
	Situation  string
	Prompt     string
	Kind       Kind
	Options    []string // the decision's options, on a decide step
	Handed     []Handed
	Events     []PairEvent
	Text       string // the player's text for the current field
	Ended      bool
	Version    uint64
}

// NewPair starts a pair kata of k.
func NewPair(k content.Kata, now time.Time) *Pair {
	k = k.WithVariant(0)
	return &Pair{k: k, s: NewSession(k, now, 0)}
}

// Kata is the kata played.
func (p *Pair) Kata() content.Kata { return p.k }

func (p *Pair) changed() { p.ver++ }

// Version changes whenever anything does, for screens that poll.
func (p *Pair) Version() uint64 {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ver
}

// field is where the player's text goes now.
func (p *Pair) field() *string {
	if p.ended {
		return &p.s.Reflection
	}
	st := p.s.CurrentStep()
	switch st.Kind {
	case KindStage, KindDecide:
		return &p.s.Answers[st.Stage]
	case KindPredict:
		return &p.s.Predictions[st.Stage]
	}
	return &p.s.Reflection
}

// SetText is the player typing: their text for the current field.
func (p *Pair) SetText(text string) {
	if len(text) > MaxPairText {
		text = text[:MaxPairText]
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if f := p.field(); *f != text {
		*f = text
		p.changed()
	}
}

// Hand gives item j of the current stage to the player; it reports
// whether it was new.
func (p *Pair) Hand(j int) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ended {
		return false
	}
	ok := p.s.Open(p.s.CurrentStep().Stage, j)
	if ok {
		p.changed()
	}
	return ok
}

// Inject adds an event the player sees at once; blank text is ignored.
func (p *Pair) Inject(text string) bool {
	text = oneLine(text)
	if len(text) > MaxEvent {
		text = text[:MaxEvent]
	}
	if text == "" {
		return false
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.events = append(p.events, PairEvent{Stage: p.s.CurrentStep().Stage, Text: text})
	p.changed()
	return true
}

// Choose records the option the player announced at a decide step.
func (p *Pair) Choose(c int) bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.s.CurrentStep()
	if st.Kind != KindDecide || c < 0 || c >= len(p.k.Stages[st.Stage].Decide) {
		return false
	}
	p.s.Choose(st.Stage, c)
	p.changed()
	return true
}

// Next moves to the next step; after the last stage the pair ends and
// the debrief starts. A decision must be chosen first.
func (p *Pair) Next() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ended {
		return false
	}
	st := p.s.CurrentStep()
	if st.Kind == KindDecide && p.s.Choice(st.Stage) < 0 {
		return false
	}
	p.s.Goto(p.s.Step + 1)
	if k := p.s.Current(); k != KindStage && k != KindDecide && k != KindPredict {
		p.ended = true
	}
	p.changed()
	return true
}

// Ended reports whether the debrief has started.
func (p *Pair) Ended() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.ended
}

// Player is the player's view.
func (p *Pair) Player() PlayerView {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := p.s.CurrentStep()
	v := PlayerView{Title: p.k.Title, Stage: st.Stage, Kind: st.Kind, Ended: p.ended, Version: p.ver, Text: *p.field()}
	if st.Stage >= 0 && st.Stage < len(p.k.Stages) {
		s := p.k.Stages[st.Stage]
		v.StageTitle, v.Situation, v.Prompt = s.Title, s.Situation, s.Prompt
		if st.Kind == KindDecide {
			for _, o := range s.Decide {
				v.Options = append(v.Options, o.Text)
			}
		}
		if st.Kind == KindPredict {
			v.Prompt = s.Predict
		}
	}
	for _, o := range p.s.Opened {
		for _, l := range p.k.Stages[o.Stage].Look {
			if l.Label == o.Label {
				v.Handed = append(v.Handed, Handed{Stage: o.Stage, Label: l.Label, Text: l.Text})
			}
		}
	}
	v.Events = append(v.Events, p.events...)
	return v
}

// MasterView is the game master's view: the player's, plus the stage's
// hidden items (and whether each was handed out) and its reference.
type MasterView struct {
	PlayerView
	Look      []content.Look
	HandedOut []bool
	Reference string
	Decide    []content.Option
}

// Master is the game master's view.
func (p *Pair) Master() MasterView {
	v := MasterView{PlayerView: p.Player()}
	p.mu.Lock()
	defer p.mu.Unlock()
	if v.Stage >= 0 && v.Stage < len(p.k.Stages) {
		s := p.k.Stages[v.Stage]
		v.Look, v.Reference, v.Decide = s.Look, s.Reference, s.Decide
		for j := range s.Look {
			v.HandedOut = append(v.HandedOut, p.s.IsOpen(v.Stage, j))
		}
	}
	return v
}

// Debrief is the text both see at the end: for each stage on the path,
// the player's answer beside the reference, then the events injected.
func (p *Pair) Debrief() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var b strings.Builder
	for _, i := range p.s.Path() {
		s := p.k.Stages[i]
		fmt.Fprintf(&b, "Stage %d: %s\n  Answer: %s\n", i+1, oneLine(s.Title), cmpOrDash(oneLine(p.s.Answers[i])))
		if c := p.s.Choice(i); c >= 0 {
			fmt.Fprintf(&b, "  Decision: %s\n", oneLine(s.Decide[c].Text))
		}
		if s.Reference != "" {
			fmt.Fprintf(&b, "  Reference: %s\n", oneLine(s.Reference))
		}
	}
	for _, e := range p.events {
		fmt.Fprintf(&b, "Event at stage %d: %s\n", e.Stage+1, e.Text)
	}
	return b.String()
}

func cmpOrDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// Note is the kata note of the pair: the session's note (answers, what
// was handed out as looked at, decisions, the player's learning), with
// the injected events appended.
func (p *Pair) Note(tip func(int) string) notes.Note {
	p.mu.Lock()
	defer p.mu.Unlock()
	n := p.s.ToNote(p.k, tip)
	if len(p.events) > 0 {
		var b strings.Builder
		b.WriteString("\n## Pair mode: events injected\n\n")
		for _, e := range p.events {
			fmt.Fprintf(&b, "- Stage %d: %s\n", e.Stage+1, notes.EscapeText(e.Text))
		}
		n.Body = strings.TrimRight(n.Body, "\n") + "\n" + b.String()
	}
	return n
}
