package sshroom

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"github.com/retrokata/retrokata/internal/testutil/vtscreen"
	"github.com/retrokata/retrokata/room"
)

const testCode = "k3fq7-x2mwa"

// lockedBuffer is the server's log, read by tests while it is written.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

type fixture struct {
	srv     *Server
	room    *room.Room
	addr    string
	hostPub gossh.PublicKey
	log     *lockedBuffer
}

// echoScreen is a minimal participant screen for the adapter's tests: it
// joins as the SSH user and shows the room's counts and its own size.
type echoScreen struct {
	g    *room.Guest
	v    room.View
	w, h int
	err  string
}

func (m *echoScreen) Init() tea.Cmd { return nil }

func (m *echoScreen) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case room.Changed:
		m.v = m.g.Snapshot()
	case tea.WindowSizeMsg:
		m.w, m.h = msg.Width, msg.Height
	case tea.KeyPressMsg:
		switch msg.Code {
		case 'q':
			return m, tea.Quit
		case '+':
			if err := m.g.AddCard("card", ""); err != nil {
				m.err = err.Error()
			}
		}
	}
	return m, nil
}

func (m *echoScreen) View() tea.View {
	v := tea.NewView(fmt.Sprintf("you:%s\njoined:%d\nhidden:%d\nsize:%dx%d\n%s", m.g.Name(), m.v.Joined, m.v.Hidden, m.w, m.h, m.err))
	v.AltScreen = true
	return v
}

func start(t testing.TB, adjust func(*Config)) *fixture {
	t.Helper()
	r := room.New(room.Config{})
	logBuf := &lockedBuffer{}
	cfg := Config{
		Addr:        "127.0.0.1:0",
		HostKeyPath: filepath.Join(t.TempDir(), HostKeyName),
		JoinCode:    testCode,
		Room:        r,
		Log:         logBuf,
		NewScreen: func(g *room.Guest, user string) tea.Model {
			_ = g.Join(user)
			return &echoScreen{g: g}
		},
	}
	if adjust != nil {
		adjust(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0") // loopback only
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		if err := s.Serve(l); err != nil {
			t.Errorf("serve: %v", err)
		}
	}()
	t.Cleanup(func() { _ = s.Close() })
	pemPub, err := gossh.ParsePublicKey(mustSigner(t, cfg.HostKeyPath).PublicKey().Marshal())
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{srv: s, room: cfg.Room, addr: l.Addr().String(), hostPub: pemPub, log: logBuf}
}

func mustSigner(t testing.TB, path string) gossh.Signer {
	t.Helper()
	pem, _, err := HostKey(path)
	if err != nil {
		t.Fatal(err)
	}
	sg, err := gossh.ParsePrivateKey(pem)
	if err != nil {
		t.Fatal(err)
	}
	return sg
}

func codeAuth(code string) gossh.AuthMethod {
	return gossh.KeyboardInteractive(func(_, _ string, q []string, _ []bool) ([]string, error) {
		a := make([]string, len(q))
		for i := range a {
			a[i] = code
		}
		return a, nil
	})
}

func (f *fixture) dial(user string, auth ...gossh.AuthMethod) (*gossh.Client, error) {
	if auth == nil {
		auth = []gossh.AuthMethod{codeAuth(testCode)}
	}
	return gossh.Dial("tcp", f.addr, &gossh.ClientConfig{
		User:            user,
		Auth:            auth,
		HostKeyCallback: gossh.FixedHostKey(f.hostPub),
		Timeout:         5 * time.Second,
	})
}

// client is a participant's terminal: a session with a PTY whose output
// is replayed on a virtual screen.
type client struct {
	t    testing.TB
	c    *gossh.Client
	sess *gossh.Session
	in   io.WriteCloser
	scr  *vtscreen.Screen
	done chan struct{}
}

func (f *fixture) join(t testing.TB, user string, w, h int) *client {
	t.Helper()
	return f.joinSized(t, user, w, h, w, h)
}

// joinSized announces a w×h terminal but replays the output on a vw×vh
// screen (a client may lie about its size).
func (f *fixture) joinSized(t testing.TB, user string, w, h, vw, vh int) *client {
	t.Helper()
	c, err := f.dial(user)
	if err != nil {
		t.Fatalf("%s: dial: %v", user, err)
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", h, w, gossh.TerminalModes{gossh.ECHO: 0}); err != nil {
		t.Fatal(err)
	}
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	cl := &client{t: t, c: c, sess: sess, in: in, scr: vtscreen.New(vw, vh), done: make(chan struct{})}
	go func() { _, _ = io.Copy(cl.scr, out); close(cl.done) }()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = sess.Close(); _ = c.Close() })
	return cl
}

func (c *client) send(s string) {
	if _, err := io.WriteString(c.in, s); err != nil {
		c.t.Fatal(err)
	}
}

// waitLimit bounds a wait for a screen: long, because under -race on two
// loaded cores eight sessions redraw slowly; a wait that succeeds returns
// at once, so it costs nothing when all is well.
const waitLimit = 30 * time.Second

// waitFor waits until every string in want is on the screen.
func (c *client) waitFor(want ...string) string {
	c.t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		scr := c.scr.String()
		ok := true
		for _, w := range want {
			ok = ok && strings.Contains(scr, w)
		}
		if ok {
			return scr
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("the screen never showed %q; it shows:\n%s", want, scr)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (c *client) waitDone() {
	c.t.Helper()
	select {
	case <-c.done:
	case <-time.After(waitLimit):
		c.t.Fatalf("session did not end; screen:\n%s", c.scr.String())
	}
}
