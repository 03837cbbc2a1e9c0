// Package sshroom serves a retro room over SSH: participants run plain
// `ssh -p PORT host` and get their own screen, sized to their own terminal.
// It is an adapter: the room (package room) holds the retro, and the
// screen each session runs is built by a function the caller gives (the
// tui package's participant screen), so this package imports neither.
//
// Defaults are safe: a join code (keyboard-interactive) or a key listed in
// an authorized_keys file, never password or "none" auth; at most 3 auth
// attempts per connection and a per-source limit on failed codes (that
// still lets one slow try through per connection) and on new connections; a 10 s handshake timeout; 16 sessions; a disconnect after
// 30 minutes without input (output does not count) and after 4 hours;
// sessions without a PTY, exec requests, subsystems (sftp, scp) and port
// forwarding are refused. Connections are logged to a file, never what
// anyone writes.
package sshroom

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base32"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
	"github.com/charmbracelet/keygen"
	gossh "golang.org/x/crypto/ssh"

	"github.com/retrokata/retrokata/room"
)

// Defaults.
const (
	DefaultAddr        = "127.0.0.1:23234"
	DefaultMaxSessions = 16
	DefaultIdle        = 30 * time.Minute
	DefaultMax         = 4 * time.Hour
	HandshakeTimeout   = 10 * time.Second
	MaxAuthTries       = 3
	HostKeyName        = "ssh_host_ed25519"
	// MaxWidth and MaxHeight bound the terminal size a participant's
	// program sees: the renderer allocates width×height cells, so a
	// client announcing 5000x5000 must not make the facilitator's
	// process allocate for it.
	MaxWidth  = 500
	MaxHeight = 200
	LogName   = "room.log"
)

// Config is a server's settings; zero values take the defaults.
type Config struct {
	Addr           string
	HostKeyPath    string // created (ed25519, 0600) when missing
	JoinCode       string // required: see NewJoinCode
	AuthorizedKeys string // optional authorized_keys file: those keys enter without the code
	MaxSessions    int
	IdleTimeout    time.Duration // without input
	MaxTimeout     time.Duration
	// Handshake bounds the time to connect and log in (HandshakeTimeout).
	Handshake time.Duration
	Log       io.Writer // connection log; io.Discard when nil
	Room      *room.Room
	// NewScreen builds the program model of one participant's session.
	NewScreen func(g *room.Guest, user string) tea.Model
	// FailedCodes and FailedEvery rate-limit join codes per source (the
	// /24 of an IPv4 address, the /64 of an IPv6 one): FailedCodes in a
	// burst, then one per FailedEvery (5, 10 s). A right code gives its
	// token back.
	FailedCodes int
	FailedEvery time.Duration
	// SlowTry is how long a new connection from a limited source waits
	// before it may try one code all the same (3 s), so people sharing an
	// address with someone guessing still get in; a SlowTry not shorter
	// than Handshake turns this off.
	SlowTry time.Duration
	// ConnBurst and ConnEvery rate-limit new connections per IP (20, 1 s).
	ConnBurst int
	ConnEvery time.Duration
}

// Server is a running room server.
type Server struct {
	cfg         Config
	srv         *ssh.Server
	log         *slog.Logger
	fingerprint string
	keys        []authKey
	active      atomic.Int64
	fails       *limitTable
	conns       *limitTable
}

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

// New makes a server; it does not listen yet (see Serve).
func New(cfg Config) (*Server, error) {
	if cfg.Room == nil || cfg.NewScreen == nil {
		return nil, errors.New("sshroom: a room and a screen are needed")
	}
	if len(normalizeCode(cfg.JoinCode)) < 8 {
		return nil, errors.New("sshroom: refusing to serve without a join code of at least 8 characters")
	}
	if cfg.Addr == "" {
		cfg.Addr = DefaultAddr
	}
	if cfg.MaxSessions <= 0 {
		cfg.MaxSessions = DefaultMaxSessions
	}
	if cfg.IdleTimeout <= 0 {
		cfg.IdleTimeout = DefaultIdle
	}
	if cfg.MaxTimeout <= 0 {
		cfg.MaxTimeout = DefaultMax
	}
	if cfg.Handshake <= 0 {
		cfg.Handshake = HandshakeTimeout
	}
	if cfg.FailedCodes <= 0 {
		cfg.FailedCodes = 5
	}
	if cfg.FailedEvery <= 0 {
		cfg.FailedEvery = 10 * time.Second
	}
	if cfg.SlowTry <= 0 {
		cfg.SlowTry = 3 * time.Second
	}
	if cfg.ConnBurst <= 0 {
		cfg.ConnBurst = 20
	}
	if cfg.ConnEvery <= 0 {
		cfg.ConnEvery = time.Second
	}
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	s := &Server{cfg: cfg, log: slog.New(slog.NewTextHandler(cfg.Log, nil)), fails: newLimitTable(cfg.FailedEvery, cfg.FailedCodes), conns: newLimitTable(cfg.ConnEvery, cfg.ConnBurst)}
	pem, fp, err := HostKey(cfg.HostKeyPath)
	if err != nil {
		return nil, err
	}
	s.fingerprint = fp
	opts := []ssh.Option{
		wish.WithAddress(cfg.Addr),
		wish.WithHostKeyPEM(pem),
		wish.WithMaxTimeout(cfg.MaxTimeout),
		wish.WithKeyboardInteractiveAuth(s.checkCode),
		wish.WithMiddleware(s.sessionHandler), // the only handler: no shell, no command
	}
	if cfg.AuthorizedKeys != "" {
		keys, skipped, err := readAuthorizedKeys(cfg.AuthorizedKeys, time.Now())
		for _, why := range skipped {
			s.log.Warn("authorized key skipped", "why", why)
		}
		if err != nil {
			return nil, err
		}
		s.keys = keys
		opts = append(opts, wish.WithPublicKeyAuth(s.checkKey))
	}
	srv, err := wish.NewServer(opts...)
	if err != nil {
		return nil, err
	}
	srv.HandshakeTimeout = cfg.Handshake
	srv.PasswordHandler = nil
	srv.LocalPortForwardingCallback = nil
	srv.ReversePortForwardingCallback = nil
	srv.RequestHandlers = map[string]ssh.RequestHandler{}
	srv.ChannelHandlers = map[string]ssh.ChannelHandler{"session": ssh.DefaultSessionHandler}
	srv.SubsystemHandlers = map[string]ssh.SubsystemHandler{}
	srv.SessionRequestCallback = func(sess ssh.Session, req string) bool {
		if req == "shell" {
			return true
		}
		s.log.Info("refused", "why", req+" request", "remote", remoteIP(sess.RemoteAddr()), "user", clean(sess.User()))
		return false
	}
	srv.ServerConfigCallback = func(ssh.Context) *gossh.ServerConfig {
		return &gossh.ServerConfig{
			MaxAuthTries: MaxAuthTries,
			AuthLogCallback: func(c gossh.ConnMetadata, method string, err error) {
				if method == "none" {
					return
				}
				s.log.Info("auth", "method", method, "ok", err == nil, "user", clean(c.User()), "remote", remoteIP(c.RemoteAddr()))
			},
		}
	}
	srv.ConnCallback = func(ctx ssh.Context, c net.Conn) net.Conn {
		ip := remoteIP(c.RemoteAddr())
		if !s.conns.take(sourceKey(c.RemoteAddr())) {
			s.log.Warn("refused", "why", "too many connections", "remote", ip)
			return nil
		}
		s.log.Info("connect", "remote", ip)
		// a connection that opens no room session (ssh -N, or only
		// refused ones) would hold its socket until the maximum time,
		// outside the session cap: it is closed after twice the
		// handshake timeout
		var started atomic.Bool
		ctx.SetValue(sessionStarted{}, &started)
		time.AfterFunc(2*cfg.Handshake, func() {
			if !started.Load() {
				s.log.Info("refused", "why", "no session", "remote", ip)
				_ = c.Close()
			}
		})
		return c
	}
	srv.ConnectionCloseCallback = func(c net.Conn) { s.log.Info("disconnect", "remote", remoteIP(c.RemoteAddr())) }
	s.srv = srv
	return s, nil
}

// Fingerprint is the host key's SHA256 fingerprint, to compare with what
// ssh shows on first connection.
func (s *Server) Fingerprint() string { return s.fingerprint }

// Serve accepts connections on l until Close.
func (s *Server) Serve(l net.Listener) error {
	err := s.srv.Serve(l)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Listen opens the configured address.
func (s *Server) Listen() (net.Listener, error) { return net.Listen("tcp", s.cfg.Addr) }

// Close stops the server and ends every session.
func (s *Server) Close() error { return s.srv.Close() }

// Shutdown stops accepting and waits for sessions to end until ctx is done.
func (s *Server) Shutdown(ctx context.Context) error { return s.srv.Shutdown(ctx) }

// Sessions is how many sessions are open now.
func (s *Server) Sessions() int { return int(s.active.Load()) }

func remoteIP(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	if a == nil {
		return ""
	}
	return a.String()
}

// clean makes a client-chosen string safe for the log: one short line.
func clean(s string) string { return room.CleanName(s) }

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
func (s *Server) sessionHandler(ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		ip := remoteIP(sess.RemoteAddr())
		if len(sess.Command()) > 0 || sess.Subsystem() != "" {
			refuse(sess, "This is a retro room: commands are not run here.")
			return
		}
		pty, windows, ok := sess.Pty()
		if !ok {
			s.log.Info("refused", "why", "no PTY", "remote", ip)
			refuse(sess, "This retro room needs a terminal (PTY): connect with ssh -t.")
			return
		}
		if n := s.active.Add(1); n > int64(s.cfg.MaxSessions) {
			s.active.Add(-1)
			s.log.Info("refused", "why", "room full", "remote", ip)
			refuse(sess, "The room is full.")
			return
		}
		defer s.active.Add(-1)
		if started, ok := sess.Context().Value(sessionStarted{}).(*atomic.Bool); ok {
			started.Store(true)
		}
		start := time.Now()
		s.log.Info("session", "user", clean(sess.User()), "remote", ip, "term", clean(pty.Term), "size", fmt.Sprintf("%dx%d", pty.Window.Width, pty.Window.Height))
		defer func() {
			s.log.Info("session end", "remote", ip, "after", time.Since(start).Round(time.Second).String())
		}()

		// a key proved in the handshake identifies a participant for
		// reconnection; a code-only participant gets a reconnect code
		fp := ""
		if k := sess.PublicKey(); k != nil {
			fp = gossh.FingerprintSHA256(k)
		}
		g := s.cfg.Room.NewKeyedGuest(fp)
		defer g.Leave()
		in := &activity{r: sess}
		in.touch()
		w, h := clampSize(pty.Window.Width, pty.Window.Height)
		opts := append(bubbletea.MakeOptions(sess), tea.WithInput(in), tea.WithWindowSize(w, h))
		p := tea.NewProgram(s.cfg.NewScreen(g, sess.User()), opts...)

		ch, unsub := s.cfg.Room.Subscribe()
		defer unsub()
		go func() {
			for range ch {
				p.Send(room.Changed{}) // returns at once after the program ended
			}
		}()
		ctx, cancel := context.WithCancel(sess.Context())
		defer cancel()
		go func() {
			for {
				select {
				case <-ctx.Done():
					p.Quit()
					return
				case win := <-windows:
					cw, ch := clampSize(win.Width, win.Height)
					p.Send(tea.WindowSizeMsg{Width: cw, Height: ch})
				}
			}
		}()
		go s.watchIdle(ctx, in, p, ip)
		if _, err := p.Run(); err != nil && !errors.Is(err, tea.ErrProgramKilled) {
			s.log.Info("program ended", "remote", ip, "err", err.Error())
		}
		p.Kill()
	}
}

// clampSize bounds a client-announced terminal size (see MaxWidth).
func clampSize(w, h int) (int, int) {
	return min(max(w, 0), MaxWidth), min(max(h, 0), MaxHeight)
}

// refuse tells the client why on its terminal and ends the session.
func refuse(sess ssh.Session, msg string) {
	_, _ = io.WriteString(sess, msg+"\r\n")
	_ = sess.Exit(1)
}

// activity is the session's input, noting when the participant last typed:
// SSH's own idle timer is reset by output, and the screen outputs on every
// change in the room.
type activity struct {
	r    io.Reader
	last atomic.Int64
}

func (a *activity) touch() { a.last.Store(time.Now().UnixNano()) }

func (a *activity) Read(p []byte) (int, error) {
	n, err := a.r.Read(p)
	if n > 0 {
		a.touch()
	}
	return n, err
}

func (a *activity) idle() time.Duration { return time.Since(time.Unix(0, a.last.Load())) }

func (s *Server) watchIdle(ctx context.Context, in *activity, p *tea.Program, ip string) {
	every := min(s.cfg.IdleTimeout/4, time.Minute)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if in.idle() >= s.cfg.IdleTimeout {
				s.log.Info("idle", "remote", ip, "after", s.cfg.IdleTimeout.String())
				p.Quit()
				return
			}
		}
	}
}
