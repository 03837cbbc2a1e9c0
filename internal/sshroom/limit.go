package sshroom

import (
	"net"
	"sync"
	"time"
)

// maxLimited bounds how many sources a limit table remembers.
const maxLimited = 4096

// limitTable is a token bucket per source (burst tokens, one more every
// every), bounded in size. A full table first forgets the sources whose
// bucket is full again (they have not failed lately: forgetting them
// changes nothing), then the least limited (most tokens left, the least
// recently used among equals), so flooding it from many addresses does
// not reset the limit of the ones that keep failing.
// Taking and giving back tokens happen under one lock: concurrent
// connections cannot each get a free try.
type limitTable struct {
	mu    sync.Mutex
	every time.Duration
	burst int
	max   int
	now   func() time.Time
	m     map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time // of the last refill
	used   time.Time
}

func newLimitTable(every time.Duration, burst int) *limitTable {
	return &limitTable{every: every, burst: burst, max: maxLimited, now: time.Now, m: map[string]*bucket{}}
}

func (t *limitTable) refill(b *bucket, now time.Time) {
	if d := now.Sub(b.last); d > 0 {
		b.tokens = min(float64(t.burst), b.tokens+float64(d)/float64(t.every))
		b.last = now
	}
}

// take spends one of key's tokens, false when none is left.
func (t *limitTable) take(key string) bool {
	now := t.now()
	t.mu.Lock()
	defer t.mu.Unlock()
	b := t.m[key]
	if b == nil {
		if len(t.m) >= t.max {
			t.evictLocked(now)
		}
		b = &bucket{tokens: float64(t.burst), last: now}
		t.m[key] = b
	}
	b.used = now
	t.refill(b, now)
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// give returns a token taken for something that turned out fine.
func (t *limitTable) give(key string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if b := t.m[key]; b != nil {
		b.tokens = min(float64(t.burst), b.tokens+1)
	}
}

func (t *limitTable) evictLocked(now time.Time) {
	for k, b := range t.m {
		if t.refill(b, now); b.tokens >= float64(t.burst) {
			delete(t.m, k)
		}
	}
	for len(t.m) >= t.max {
		// the least limited goes first, then the least recently used
		var victim string
		var vb *bucket
		for k, b := range t.m {
			if vb == nil || b.tokens > vb.tokens || b.tokens == vb.tokens && b.used.Before(vb.used) {
				victim, vb = k, b
			}
		}
		delete(t.m, victim)
	}
}

func (t *limitTable) len() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return len(t.m)
}

// sourceKey is what limits count by: the /24 of an IPv4 address, the /64
// of an IPv6 one (one host usually holds a whole /64), so a few hosts
// cannot spread over many addresses.
func sourceKey(a net.Addr) string {
	ip := net.ParseIP(remoteIP(a))
	switch {
	case ip == nil:
		return remoteIP(a)
	case ip.To4() != nil:
		return ip.Mask(net.CIDRMask(24, 32)).String() + "/24"
	}
	return ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
}
