package sshroom

import (
	"fmt"
	"net"
	"path"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"

	"github.com/retrokata/retrokata/internal/safefile"
)

// authKey is one usable line of an authorized_keys file: the key and the
// options of OpenSSH's that limit it.
type authKey struct {
	key     gossh.PublicKey
	from    []string  // from="…" patterns (IP globs or CIDR, "!" negates); nil: anywhere
	expires time.Time // expiry-time="…"; zero: never
}

// harmlessOptions forbid what the room never offers anyway.
var harmlessOptions = map[string]bool{
	"restrict": true, "no-port-forwarding": true, "no-agent-forwarding": true,
	"no-x11-forwarding": true, "no-user-rc": true,
}

// readAuthorizedKeys parses an authorized_keys file (read through the
// capped reader). from= and expiry-time= are honoured; a key with any
// other option that would grant or change something (command=, no-pty,
// cert-authority, …) is skipped, and skipped says why, for the log.
func readAuthorizedKeys(path string, now time.Time) (keys []authKey, skipped []string, err error) {
	data, err := safefile.Read(path, safefile.ConfigLimit)
	if err != nil {
		return nil, nil, err
	}
	for len(data) > 0 {
		k, comment, opts, rest, err := gossh.ParseAuthorizedKey(data)
		if err != nil {
			break // no more keys (blank and comment lines are skipped by the parser)
		}
		data = rest
		ak, why := keyOptions(k, opts, now)
		if why != "" {
			skipped = append(skipped, fmt.Sprintf("%s: key %s %s skipped: %s", path, gossh.FingerprintSHA256(k), clean(comment), why))
			continue
		}
		keys = append(keys, ak)
	}
	if len(keys) == 0 {
		return nil, skipped, fmt.Errorf("%s: no usable public key found: put one 'ssh-ed25519 AAAA…' line per participant (options other than from= and expiry-time= are not supported)", path)
	}
	return keys, skipped, nil
}

func keyOptions(k gossh.PublicKey, opts []string, now time.Time) (authKey, string) {
	ak := authKey{key: k}
	for _, o := range opts {
		name, val, hasVal := strings.Cut(o, "=")
		name = strings.ToLower(name)
		val = strings.Trim(val, `"`)
		switch {
		case name == "from" && hasVal:
			ak.from = append(ak.from, strings.Split(val, ",")...)
		case name == "expiry-time" && hasVal:
			t, err := parseExpiry(val)
			if err != nil {
				return ak, fmt.Sprintf("expiry-time %q is not YYYYMMDD[HHMM[SS]][Z]", clean(val))
			}
			if !t.After(now) {
				return ak, "expired " + t.Format(time.RFC3339)
			}
			ak.expires = t
		case harmlessOptions[name] && !hasVal:
		default:
			return ak, "option " + clean(name) + " is not supported"
		}
	}
	return ak, ""
}

// parseExpiry reads OpenSSH's expiry-time: local time, or UTC with a Z.
func parseExpiry(s string) (time.Time, error) {
	loc := time.Local
	if t, ok := strings.CutSuffix(s, "Z"); ok {
		s, loc = t, time.UTC
	}
	for _, layout := range []string{"20060102", "200601021504", "20060102150405"} {
		if len(s) == len(layout) {
			return time.ParseInLocation(layout, s, loc)
		}
	}
	return time.Time{}, fmt.Errorf("bad expiry-time %q", s)
}

// allows reports whether the key may log in from addr at now.
func (a authKey) allows(addr net.Addr, now time.Time) bool {
	if !a.expires.IsZero() && !now.Before(a.expires) {
		return false
	}
	if a.from == nil {
		return true
	}
	ip := net.ParseIP(remoteIP(addr))
	if ip == nil {
		return false
	}
	ok := false
	for _, p := range a.from {
		p = strings.TrimSpace(p)
		neg := strings.HasPrefix(p, "!")
		p = strings.TrimPrefix(p, "!")
		if matchFrom(p, ip) {
			if neg {
				return false // a negated match refuses, whatever else matches
			}
			ok = true
		}
	}
	return ok
}

// matchFrom matches a CIDR block or a glob (* and ?) on the address;
// host names are not looked up, so they never match.
func matchFrom(p string, ip net.IP) bool {
	if strings.Contains(p, "/") {
		_, n, err := net.ParseCIDR(p)
		return err == nil && n.Contains(ip)
	}
	m, err := path.Match(p, ip.String())
	return err == nil && m
}
