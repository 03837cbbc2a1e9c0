package room

import (
	"github.com/retrokata/retrokata/retro"
)

func (r *Room) cardsOf(name string) int {
	n := 0
	for _, c := range r.hidden {
		if c.author == name {
			n++
		}
	}
	return n
}

// AddCard adds a participant's card. Before the reveal it is hidden from
// everyone else; after it, it goes to the facilitator as a late card,
// without its author. It returns the card's id.
func (r *Room) AddCard(name, title, text string) (int, error) {
	title, text = CleanTitle(title), CleanText(text)
	if title == "" {
		return 0, ErrEmpty
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	m, err := r.member(name)
	if err != nil {
		return 0, err
	}
	if r.board.Phase > retro.PhaseProblems {
		return 0, ErrWrongPhase
	}
	if m.cards >= MaxCards {
		return 0, ErrTooMany
	}
	m.cards++ // every card submitted counts, revealed or taken or not
	r.nextID++
	c := Card{ID: r.nextID, Title: title, Text: text}
	if r.revealed {
		r.incoming = append(r.incoming, c)
	} else {
		r.hidden = append(r.hidden, card{Card: c, author: name})
	}
	r.changedLocked()
	return c.ID, nil
}

// EditCard changes one of a participant's own unrevealed cards.
func (r *Room) EditCard(name string, id int, title, text string) error {
	title, text = CleanTitle(title), CleanText(text)
	if title == "" {
		return ErrEmpty
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, err := r.member(name); err != nil {
		return err
	}
	for i := range r.hidden {
		if c := &r.hidden[i]; c.ID == id && c.author == name {
			c.Title, c.Text = title, text
			r.changedLocked()
			return nil
		}
	}
	return ErrNoCard
}

// DeleteCard removes one of a participant's own unrevealed cards.
func (r *Room) DeleteCard(name string, id int) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	m, err := r.member(name)
	if err != nil {
		return err
	}
	for i, c := range r.hidden {
		if c.ID == id && c.author == name {
			r.hidden = append(r.hidden[:i], r.hidden[i+1:]...)
			m.cards-- // a card taken back before anyone saw it frees its place
			r.changedLocked()
			return nil
		}
	}
	return ErrNoCard
}

// AddHidden puts authorless cards among the hidden ones: cards from the
// inbox, or the unrevealed cards of a draft being resumed. They are
// revealed with the others.
func (r *Room) AddHidden(cards []Card) {
	if len(cards) == 0 {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, c := range cards {
		if t := CleanTitle(c.Title); t != "" {
			r.nextID++
			r.hidden = append(r.hidden, card{Card: Card{ID: r.nextID, Title: t, Text: CleanText(c.Text)}})
		}
	}
	r.changedLocked()
}

// Unrevealed returns copies of the hidden cards without their authors, for
// the facilitator's draft: a crash loses nothing anyone typed.
func (r *Room) Unrevealed() []Card {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]Card, len(r.hidden))
	for i, c := range r.hidden {
		out[i] = c.Card
	}
	return out
}

// Reveal shows every hidden card at once: they move to the facilitator,
// shuffled and without authors. Cards added later arrive as late cards.
func (r *Room) Reveal() {
	r.mu.Lock()
	defer r.mu.Unlock()
	cards := make([]Card, len(r.hidden))
	for i, c := range r.hidden {
		cards[i] = c.Card
	}
	r.cfg.Shuffle(len(cards), func(i, j int) { cards[i], cards[j] = cards[j], cards[i] })
	r.incoming = append(r.incoming, cards...)
	r.hidden = nil
	r.revealed = true
	r.changedLocked()
}

// TakeCards hands the revealed and late cards to the facilitator, once.
func (r *Room) TakeCards() []Card {
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.incoming) == 0 {
		return nil
	}
	out := r.incoming
	r.incoming = nil
	r.changedLocked()
	return out
}
