package sshroom

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"charm.land/ssh"
	"github.com/charmbracelet/keygen"
	gossh "golang.org/x/crypto/ssh"
)

// NewJoinCode is a fresh join code: 10 base32 characters (50 bits) in two
// groups, easy to read out ("k3fq7-x2mwa").
func NewJoinCode() (string, error) {
	var b [7]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	s := strings.ToLower(base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:]))[:10]
	return s[:5] + "-" + s[5:], nil
}

// normalizeCode ignores case, spaces and dashes in a typed code.
func normalizeCode(s string) []byte {
	var b []byte
	for _, r := range strings.ToLower(s) {
		if r != '-' && r != ' ' && r < 128 {
			b = append(b, byte(r))
		}
	}
	return b
}

// HostKey loads the ed25519 host key at path, creating it (0600, in a
// 0700 dir) when missing, and returns its PEM and SHA256 fingerprint. A
// key file others can read is made private.
func HostKey(path string) (pem []byte, fingerprint string, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, "", fmt.Errorf("host key dir: %w", err)
	}
	kp, err := keygen.New(path, keygen.WithKeyType(keygen.Ed25519), keygen.WithWrite())
	if err != nil {
		return nil, "", fmt.Errorf("host key %s: %w", path, err)
	}
	if info, err := os.Stat(path); err == nil && info.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(path, 0o600); err != nil {
			return nil, "", fmt.Errorf("host key %s is readable by others and cannot be made private: %w", path, err)
		}
	}
	return kp.RawPrivateKey(), gossh.FingerprintSHA256(kp.PublicKey()), nil
}

// sessionStarted holds a connection's *atomic.Bool: a room session began.
type sessionStarted struct{}

// slowTried marks a connection that used its one try past the limit.
type slowTried struct{}

// checkCode asks for the join code. Each try takes a token of the
// source's bucket before asking (so concurrent connections cannot each
// get a free try) and a right code gives it back. When the bucket is
// empty, a connection still gets one try after waiting SlowTry: someone
// guessing from a shared address slows everyone there down but never
// locks them out, and guesses stay bounded by the connection limit.
func (s *Server) checkCode(ctx ssh.Context, ch gossh.KeyboardInteractiveChallenge) bool {
	ip := remoteIP(ctx.RemoteAddr())
	key := sourceKey(ctx.RemoteAddr())
	took := s.fails.take(key)
	if !took {
		if ctx.Value(slowTried{}) != nil || s.cfg.SlowTry >= s.cfg.Handshake {
			s.log.Warn("refused", "why", "too many wrong join codes", "remote", ip)
			return false
		}
		ctx.SetValue(slowTried{}, true)
		t := time.NewTimer(s.cfg.SlowTry)
		defer t.Stop()
		select {
		case <-ctx.Done():
			return false
		case <-t.C:
		}
	}
	ans, err := ch(ctx.User(), "Join the retro", []string{"Join code: "}, []bool{false})
	if err != nil || len(ans) != 1 {
		return false
	}
	if subtle.ConstantTimeCompare(normalizeCode(ans[0]), normalizeCode(s.cfg.JoinCode)) == 1 {
		if took {
			s.fails.give(key) // a right code costs nothing
		}
		return true
	}
	return false
}

// checkKey lets in the keys of the authorized_keys file.
func (s *Server) checkKey(ctx ssh.Context, key ssh.PublicKey) bool {
	for _, k := range s.keys {
		if ssh.KeysEqual(k.key, key) {
			if !k.allows(ctx.RemoteAddr(), time.Now()) {
				s.log.Warn("refused", "why", "key not allowed from here or expired", "fingerprint", gossh.FingerprintSHA256(key), "remote", remoteIP(ctx.RemoteAddr()))
				return false
			}
			s.log.Info("key", "fingerprint", gossh.FingerprintSHA256(key), "remote", remoteIP(ctx.RemoteAddr()))
			return true
		}
	}
	return false
}

// sessionHandler is the whole session: checks, then one program.
