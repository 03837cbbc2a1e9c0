package room

import (
	"crypto/rand"
	"encoding/base32"
	"strings"
	"sync"
)

// Changed is the message an adapter delivers to a participant's screen
// when the room changed: the screen then takes a fresh Snapshot.
type Changed struct{}

// Guest is one connection's seat in the room: it joins under a name once
// and leaves when the connection ends. Safe for concurrent use.
type Guest struct {
	r      *Room
	mu     sync.Mutex
	name   string
	gone   bool
	keyed  bool   // secret is the participant's key fingerprint
	secret string // what lets this participant reconnect under its name
	answer answer // my answer to the poll, kept here and never in the room
}

// NewGuest is a seat not joined yet: a connection counts as joined from
// now on, before its person gives a name. Its reconnect code is random
// (see Code): a name alone never brings back someone's cards.
func (r *Room) NewGuest() *Guest { return r.NewKeyedGuest("") }

// NewKeyedGuest is NewGuest for a participant who proved a public key:
// fingerprint identifies them, so they get their cards back by simply
// joining under the same name again. An empty fingerprint is NewGuest.
func (r *Room) NewKeyedGuest(fingerprint string) *Guest {
	g := &Guest{r: r, keyed: fingerprint != "", secret: "key:" + fingerprint}
	if !g.keyed {
		g.secret = newCode()
	}
	r.mu.Lock()
	r.unnamed++
	r.changedLocked()
	r.mu.Unlock()
	return g
}

// newCode is a reconnect code: 8 base32 characters (40 bits).
func newCode() string {
	var b [5]byte
	_, _ = rand.Read(b[:]) // never fails (crypto/rand)
	return base32.StdEncoding.EncodeToString(b[:])
}

// Code is what this guest enters after its name ("ana#CODE") to get its
// cards back after a drop; "" for a keyed guest, who needs none.
func (g *Guest) Code() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.keyed {
		return ""
	}
	return g.secret
}

// unnamedDelta counts guests arriving (+1) or naming themselves or leaving (-1).
func (r *Room) unnamedDelta(d int) {
	r.mu.Lock()
	r.unnamed = max(0, r.unnamed+d)
	r.changedLocked()
	r.mu.Unlock()
}

// Join takes a display name (cleaned); a name in use or kept for someone
// who left is refused. "name#CODE" brings back a participant who joined
// without a key and got CODE.
func (g *Guest) Join(name string) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.name != "" || g.gone {
		return nil
	}
	secret := g.secret
	if i := strings.LastIndex(name, "#"); i > 0 && !g.keyed {
		if code := strings.ToUpper(strings.TrimSpace(name[i+1:])); len(code) == len(g.secret) {
			name, secret = name[:i], code
		}
	}
	n, err := g.r.JoinAs(name, secret)
	if err != nil {
		return err
	}
	g.name, g.secret = n, secret
	g.r.unnamedDelta(-1)
	return nil
}

// Name is the joined name, "" before Join.
func (g *Guest) Name() string {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.name
}

// Leave frees the name; cards and dots stay for a reconnection.
func (g *Guest) Leave() {
	g.mu.Lock()
	defer g.mu.Unlock()
	switch {
	case g.gone:
	case g.name != "":
		g.r.Leave(g.name)
	default:
		g.r.unnamedDelta(-1)
	}
	g.name, g.gone = "", true
}

// Dots is the room's budget per person.
func (g *Guest) Dots() int { return g.r.Dots() }

// Snapshot is what this guest may see.
func (g *Guest) Snapshot() View { return g.r.Snapshot(g.Name()) }

// AddCard adds a card (see Room.AddCard).
func (g *Guest) AddCard(title, text string) error {
	_, err := g.r.AddCard(g.Name(), title, text)
	return err
}

// EditCard changes one of the guest's unrevealed cards.
func (g *Guest) EditCard(id int, title, text string) error {
	return g.r.EditCard(g.Name(), id, title, text)
}

// DeleteCard removes one of the guest's unrevealed cards.
func (g *Guest) DeleteCard(id int) error { return g.r.DeleteCard(g.Name(), id) }

// Vote puts a dot on problem i or takes one back.
func (g *Guest) Vote(i, delta int) error { return g.r.Vote(g.Name(), i, delta) }

// Suggest proposes a reaction, learning or action.
func (g *Guest) Suggest(k Kind, i int, text string) error { return g.r.Suggest(g.Name(), k, i, text) }

// SetReady marks the guest ready or not.
func (g *Guest) SetReady(ready bool) error { return g.r.SetReady(g.Name(), ready) }
