package sshroom

import (
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/keygen"
	gossh "golang.org/x/crypto/ssh"

	"github.com/retrokata/retrokata/room"
)

func TestTwoParticipantsShareTheRoom(t *testing.T) {
	f := start(t, nil)
	alice := f.join(t, "alice", 60, 12)
	alice.waitFor("you:alice", "joined:1", "size:60x12")
	bob := f.join(t, "bob", 50, 10)
	bob.waitFor("you:bob", "joined:2", "size:50x10")
	alice.waitFor("joined:2")
	alice.send("+")
	bob.waitFor("hidden:1")
	if err := bob.sess.WindowChange(15, 70); err != nil {
		t.Fatal(err)
	}
	bob.waitFor("size:70x15")
	bob.send("q")
	bob.waitDone()
	alice.waitFor("joined:1")
	log := f.log.String()
	for _, want := range []string{"msg=connect", "method=keyboard-interactive ok=true", "msg=session", "msg=\"session end\""} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
	if strings.Contains(log, testCode) || strings.Contains(log, "card") {
		t.Errorf("the log holds the code or a card:\n%s", log)
	}
}

func TestNoCodeNoServer(t *testing.T) {
	// with no auth handler, the SSH library lets anyone in: never start so
	for _, code := range []string{"", "short"} {
		_, err := New(Config{JoinCode: code, HostKeyPath: filepath.Join(t.TempDir(), "k"), Room: room.New(room.Config{}),
			NewScreen: func(*room.Guest, string) tea.Model { return nil }})
		if err == nil {
			t.Fatalf("a server started with join code %q", code)
		}
	}
}

func TestWrongCodePasswordAndNoneAreRefused(t *testing.T) {
	f := start(t, nil)
	var asked atomic.Int32
	wrong := gossh.RetryableAuthMethod(gossh.KeyboardInteractive(func(_, _ string, q []string, _ []bool) ([]string, error) {
		asked.Add(1)
		return []string{"guess-guess"}, nil
	}), 10)
	if _, err := f.dial("mallory", wrong); err == nil || !strings.Contains(err.Error(), "authenticat") {
		t.Fatalf("wrong code: %v", err)
	}
	if n := asked.Load(); n > MaxAuthTries {
		t.Fatalf("asked for the code %d times on one connection", n)
	}
	if _, err := f.dial("mallory", gossh.Password(testCode)); err == nil {
		t.Fatal("password auth accepted")
	}
	if _, err := f.dial("mallory", []gossh.AuthMethod{}...); err == nil {
		t.Fatal("none auth accepted")
	}
	if c, err := f.dial("ok", codeAuth(" K3FQ7X2MWA ")); err != nil { // case, spaces and dashes do not matter
		t.Fatalf("the right code typed loosely: %v", err)
	} else {
		c.Close()
	}
}

func TestAuthorizedKeyEntersWithoutCode(t *testing.T) {
	dir := t.TempDir()
	k, err := keygen.New(filepath.Join(dir, "carol"), keygen.WithKeyType(keygen.Ed25519))
	if err != nil {
		t.Fatal(err)
	}
	keys := filepath.Join(dir, "authorized_keys")
	os.WriteFile(keys, []byte("# the team\n\n"+k.AuthorizedKey()+"\n"), 0o600)
	f := start(t, func(c *Config) { c.AuthorizedKeys = keys })
	cl, err := f.dial("carol", gossh.PublicKeys(k.Signer()))
	if err != nil {
		t.Fatalf("authorized key refused: %v", err)
	}
	cl.Close()
	other, _ := keygen.New("", keygen.WithKeyType(keygen.Ed25519))
	if _, err := f.dial("eve", gossh.PublicKeys(other.Signer())); err == nil {
		t.Fatal("an unknown key entered")
	}
	if log := f.log.String(); !strings.Contains(log, gossh.FingerprintSHA256(k.PublicKey())) || !strings.Contains(log, "method=publickey ok=true") {
		t.Fatalf("the log lacks the key's fingerprint:\n%s", log)
	}
	empty := filepath.Join(dir, "empty")
	os.WriteFile(empty, []byte("# nobody\n"), 0o600)
	if _, err := New(Config{JoinCode: testCode, AuthorizedKeys: empty, HostKeyPath: filepath.Join(dir, "hk"), Room: room.New(room.Config{}),
		NewScreen: func(*room.Guest, string) tea.Model { return nil }}); err == nil || !strings.Contains(err.Error(), empty) {
		t.Fatalf("an authorized_keys file without keys: %v", err)
	}
}

func TestHostKeyIsPrivateAndStable(t *testing.T) {
	p := filepath.Join(t.TempDir(), "d", HostKeyName)
	_, fp1, err := HostKey(p)
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(p)
	if info.Mode().Perm() != 0o600 {
		t.Fatalf("host key mode %v", info.Mode().Perm())
	}
	os.Chmod(p, 0o644)
	_, fp2, _ := HostKey(p)
	info, _ = os.Stat(p)
	if fp1 != fp2 || !strings.HasPrefix(fp1, "SHA256:") || info.Mode().Perm() != 0o600 {
		t.Fatalf("second load: %s %s %v", fp1, fp2, info.Mode().Perm())
	}
}

func TestNoPTYExecSubsystemAndForwardingAreRefused(t *testing.T) {
	f := start(t, nil)
	c, err := f.dial("script")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	s, _ := c.NewSession()
	var out strings.Builder
	s.Stdout = &out
	if err := s.Shell(); err != nil { // a shell without a PTY
		t.Fatal(err)
	}
	if err := s.Wait(); err == nil || !strings.Contains(out.String(), "PTY") {
		t.Fatalf("no PTY: %q %v", out.String(), err)
	}
	s, _ = c.NewSession()
	s.RequestPty("xterm", 24, 80, nil)
	if out, err := s.CombinedOutput("cat /etc/passwd"); err == nil {
		t.Fatalf("exec accepted: %q", out)
	}
	s, _ = c.NewSession()
	if err := s.RequestSubsystem("sftp"); err == nil {
		t.Fatal("the sftp subsystem was accepted")
	}
	if conn, err := c.Dial("tcp", f.addr); err == nil {
		conn.Close()
		t.Fatal("local port forwarding accepted")
	}
	if l, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		l.Close()
		t.Fatal("remote port forwarding accepted")
	}
	if n := f.room.Snapshot("").Joined; n != 0 {
		t.Fatalf("%d joined through refused sessions", n)
	}
}

// countingCode answers want to every question (retrying up to tries
// times on the connection) and counts the questions.
func countingCode(n *atomic.Int32, want string, tries int) gossh.AuthMethod {
	return gossh.RetryableAuthMethod(gossh.KeyboardInteractive(func(_, _ string, q []string, _ []bool) ([]string, error) {
		n.Add(int32(len(q)))
		a := make([]string, len(q))
		for i := range a {
			a[i] = want
		}
		return a, nil
	}), tries)
}

func TestWrongCodesAreRateLimitedPerIP(t *testing.T) {
	f := start(t, func(c *Config) { c.FailedCodes, c.FailedEvery, c.SlowTry = 2, time.Hour, time.Hour })
	var asked atomic.Int32
	for range 2 {
		if _, err := f.dial("mallory", countingCode(&asked, "wrong-wrong", 1)); err == nil {
			t.Fatal("wrong code accepted")
		}
	}
	if _, err := f.dial("mallory", countingCode(&asked, "wrong-wrong", 3)); err == nil {
		t.Fatal("wrong code accepted")
	}
	if n := asked.Load(); n != 2 {
		t.Fatalf("asked for a code %d times with a limit of 2", n)
	}
	if !strings.Contains(f.log.String(), "too many wrong join codes") {
		t.Fatalf("log:\n%s", f.log.String())
	}
}

// Everyone on the default loopback address shares 127.0.0.1: someone
// guessing a code every few seconds must not keep the right one out.
func TestGuessingDoesNotLockOutTheRightCode(t *testing.T) {
	f := start(t, func(c *Config) { c.FailedCodes, c.FailedEvery, c.SlowTry = 2, time.Hour, 50*time.Millisecond })
	var asked atomic.Int32
	for range 4 {
		if _, err := f.dial("mallory", countingCode(&asked, "wrong-wrong", 10)); err == nil {
			t.Fatal("wrong code accepted")
		}
	}
	// the first connection: 2 tries in the burst and its slow one; then
	// one slow try per connection
	if n := asked.Load(); n != 2+1+3 {
		t.Fatalf("asked %d times", n)
	}
	c, err := f.dial("ana", codeAuth(testCode))
	if err != nil {
		t.Fatalf("the right code was locked out by someone guessing: %v", err)
	}
	c.Close()
}

// Concurrent connections each took a free try between the check and the
// count: 19 wrong codes got through a limit of 5.
func TestConcurrentWrongCodesRespectTheLimit(t *testing.T) {
	f := start(t, func(c *Config) {
		c.FailedCodes, c.FailedEvery, c.SlowTry, c.ConnBurst = 5, time.Hour, time.Hour, 100
	})
	var asked atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if c, err := f.dial("mallory", countingCode(&asked, "wrong-wrong", 3)); err == nil {
				c.Close()
				t.Error("wrong code accepted")
			}
		}()
	}
	wg.Wait()
	if n := asked.Load(); n > 5 {
		t.Fatalf("%d wrong codes tried with a limit of 5", n)
	}
}

func TestLimitTableIsBoundedAndKeepsWhoFails(t *testing.T) {
	lt := newLimitTable(time.Hour, 2)
	lt.max = 64
	lt.take("198.51.100.0/24")
	lt.take("198.51.100.0/24")
	for i := range 4100 { // flooding from many sources
		lt.take(fmt.Sprintf("10.%d.%d.0/24", i/256, i%256))
	}
	if n := lt.len(); n > 64 {
		t.Fatalf("%d entries with a bound of 64", n)
	}
	if lt.take("198.51.100.0/24") {
		t.Fatal("the flood reset the limit of a source that keeps failing")
	}
	for _, tc := range [][2]string{{"203.0.113.7:5", "203.0.113.0/24"}, {"[2001:db8:1:2:3:4:5:6]:22", "2001:db8:1:2::/64"}} {
		a, _ := net.ResolveTCPAddr("tcp", tc[0])
		if got := sourceKey(a); got != tc[1] {
			t.Errorf("%s: key %s, want %s", tc[0], got, tc[1])
		}
	}
}

func TestConnectionsAreRateLimitedPerIP(t *testing.T) {
	f := start(t, func(c *Config) { c.ConnBurst, c.ConnEvery = 3, time.Hour })
	for i := range 3 {
		c, err := f.dial("a")
		if err != nil {
			t.Fatalf("connection %d: %v", i, err)
		}
		c.Close()
	}
	if c, err := f.dial("a"); err == nil {
		c.Close()
		t.Fatal("a fourth connection within the limit's window")
	}
}

func TestRoomIsFull(t *testing.T) {
	f := start(t, func(c *Config) { c.MaxSessions = 2 })
	f.join(t, "a", 40, 12).waitFor("joined:1")
	f.join(t, "b", 40, 12).waitFor("joined:2")
	c := f.join(t, "c", 40, 12)
	c.waitDone()
	if !strings.Contains(c.scr.String(), "The room is full") {
		t.Fatalf("third session: %q", c.scr.String())
	}
	if n := f.srv.Sessions(); n != 2 {
		t.Fatalf("%d sessions", n)
	}
}

func TestEscapeSequencesInUserNames(t *testing.T) {
	f := start(t, nil)
	evil := "\x1b]0;owned\x07ev\x1b[2Jil\x1b[31m"
	c := f.join(t, evil, 60, 12)
	c.waitFor("you:evil", "joined:1")
	log := f.log.String()
	if strings.ContainsAny(log, "\x1b\x07") || !strings.Contains(log, "user=evil") {
		t.Fatalf("the log holds the user name's escapes: %q", log)
	}
}

func TestInputIdleDisconnectsDespiteOutput(t *testing.T) {
	f := start(t, func(c *Config) { c.IdleTimeout = time.Second })
	c := f.join(t, "sleepy", 40, 12)
	c.waitFor("joined:1")
	stop := make(chan struct{})
	defer close(stop)
	go func() { // the room keeps changing: the screen keeps writing
		g := f.room.NewGuest()
		g.Join("busy")
		for {
			select {
			case <-stop:
				return
			case <-time.After(50 * time.Millisecond):
				g.SetReady(true)
				g.SetReady(false)
			}
		}
	}()
	c.waitDone()
	if !strings.Contains(f.log.String(), "msg=idle") {
		t.Fatalf("log:\n%s", f.log.String())
	}
}

func TestSilentConnectionsAreDroppedAfterTheHandshakeTimeout(t *testing.T) {
	f := start(t, func(c *Config) { c.Handshake = 300 * time.Millisecond })
	conn, err := net.Dial("tcp", f.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := io.Copy(io.Discard, conn); err != nil { // ends at EOF when the server hangs up
		t.Fatalf("the server kept a silent connection open: %v", err)
	}
}

func TestSessionsEndAtTheMaximumTime(t *testing.T) {
	f := start(t, func(c *Config) { c.MaxTimeout = 800 * time.Millisecond })
	c := f.join(t, "long", 40, 12)
	c.waitFor("joined:1")
	go func() { // typing does not extend the maximum
		for range 30 {
			time.Sleep(100 * time.Millisecond)
			io.WriteString(c.in, "x")
		}
	}()
	c.waitDone()
}

func TestHugeTerminalIsClamped(t *testing.T) {
	// a 5000x5000 terminal made the renderer allocate width×height cells
	// in the facilitator's process until it died
	f := start(t, nil)
	c := f.joinSized(t, "big", 5000, 5000, 80, 24)
	c.waitFor("you:big", fmt.Sprintf("size:%dx%d", MaxWidth, MaxHeight))
	if err := c.sess.WindowChange(100000, 100000); err != nil {
		t.Fatal(err)
	}
	c.send("+") // a change after the resize, so the size line is redrawn
	c.waitFor("hidden:1", fmt.Sprintf("size:%dx%d", MaxWidth, MaxHeight))
	c.send("q")
	c.waitDone()
	deadline := time.Now().Add(10 * time.Second)
	for f.srv.Sessions() != 0 || f.room.Facilitator().Joined != 0 {
		if time.Now().After(deadline) {
			t.Fatalf("session not released: %d open, %d joined", f.srv.Sessions(), f.room.Facilitator().Joined)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// ssh -N logs in and opens no session: such connections held a socket
// for the 4 h maximum, outside the session cap.
func TestConnectionsWithoutASessionAreClosed(t *testing.T) {
	f := start(t, func(c *Config) { c.Handshake = 200 * time.Millisecond })
	c, err := f.dial("idle")
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a connection without a session stayed open")
	}
	if !strings.Contains(f.log.String(), "why=\"no session\"") {
		t.Fatalf("log:\n%s", f.log.String())
	}
	// a room session keeps its connection past that time
	p := f.join(t, "ana", 40, 12)
	p.waitFor("you:ana")
	time.Sleep(600 * time.Millisecond)
	p.send("+")
	p.waitFor("hidden:1")
}

// from= and expiry-time= were ignored: a key limited to another network,
// or expired, still entered. Keys with options the room does not support
// are skipped, and the log says so.
func TestAuthorizedKeyOptionsAreHonoured(t *testing.T) {
	dir := t.TempDir()
	newKey := func(name string) *keygen.SSHKeyPair {
		k, err := keygen.New(filepath.Join(dir, name), keygen.WithKeyType(keygen.Ed25519))
		if err != nil {
			t.Fatal(err)
		}
		return k
	}
	here, elsewhere, expired, later, command, negated := newKey("here"), newKey("elsewhere"), newKey("expired"), newKey("later"), newKey("command"), newKey("negated")
	lines := []string{
		`from="10.0.0.0/8,192.168.*" ` + elsewhere.AuthorizedKey(),
		`from="127.0.0.*",no-port-forwarding ` + here.AuthorizedKey(),
		`expiry-time="20200101" ` + expired.AuthorizedKey(),
		`expiry-time="29991231235959Z",restrict ` + later.AuthorizedKey(),
		`command="/bin/sh" ` + command.AuthorizedKey(),
		`from="127.0.0.0/8,!127.0.0.1" ` + negated.AuthorizedKey(),
	}
	keys := filepath.Join(dir, "authorized_keys")
	os.WriteFile(keys, []byte(strings.Join(lines, "\n")+"\n"), 0o600)
	f := start(t, func(c *Config) { c.AuthorizedKeys = keys })
	for _, tc := range []struct {
		name string
		k    *keygen.SSHKeyPair
		ok   bool
	}{{"here", here, true}, {"later", later, true}, {"elsewhere", elsewhere, false}, {"expired", expired, false}, {"command", command, false}, {"negated", negated, false}} {
		c, err := f.dial(tc.name, gossh.PublicKeys(tc.k.Signer()))
		if (err == nil) != tc.ok {
			t.Errorf("%s: entered %v (%v)", tc.name, err == nil, err)
		}
		if c != nil {
			c.Close()
		}
	}
	log := f.log.String()
	for _, want := range []string{"option command is not supported", "expired 2020-01-01", "key not allowed from here or expired"} {
		if !strings.Contains(log, want) {
			t.Errorf("log lacks %q:\n%s", want, log)
		}
	}
}

// A session's program, its goroutines and buffers go when it ends: many
// sessions one after the other leave nothing running.
func TestEndedSessionsLeaveNothingRunning(t *testing.T) {
	f := start(t, nil)
	warm := f.join(t, "warm", 500, 200)
	warm.waitFor("you:warm")
	warm.send("q")
	warm.waitDone()
	waitUntil(t, "no session", func() bool { return f.srv.Sessions() == 0 })
	base := runtime.NumGoroutine()
	for i := range 5 {
		c := f.join(t, fmt.Sprintf("p%d", i), 500, 200)
		c.waitFor(fmt.Sprintf("you:p%d", i))
		c.send("q")
		c.waitDone()
		c.sess.Close()
		c.c.Close()
	}
	waitUntil(t, "goroutines of ended sessions to end", func() bool {
		return f.srv.Sessions() == 0 && runtime.NumGoroutine() <= base+2
	})
}
