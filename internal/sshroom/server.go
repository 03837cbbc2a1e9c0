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
	"errors"
	"io"
	"log/slog"
	"net"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
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
