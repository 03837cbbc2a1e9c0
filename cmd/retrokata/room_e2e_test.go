package main

import (
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/internal/testutil/tmuxtest"
)

// A live room in real terminals: the facilitator runs retro --serve, two
// people join with plain ssh (one with the join code, one with a listed
// key), write cards nobody else sees, the facilitator reveals them, and
// the saved note holds both cards and no name.
func TestRoomWithTwoRealSSHClients(t *testing.T) {
	for _, b := range []string{"ssh", "ssh-keygen"} {
		if _, err := exec.LookPath(b); err != nil {
			if os.Getenv("CI") != "" {
				t.Fatalf("%s is missing: .ci/run installs openssh-client", b)
			}
			t.Skipf("%s not installed", b)
		}
	}
	home, env := isolatedEnv(t)
	dir := filepath.Join(home, "notes")
	key := filepath.Join(home, "id_bob")
	if out, err := exec.Command("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key).CombinedOutput(); err != nil {
		t.Fatalf("ssh-keygen: %v %s", err, out)
	}
	pub, _ := os.ReadFile(key + ".pub")
	keys := filepath.Join(home, "authorized_keys")
	os.WriteFile(keys, pub, 0o600)
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	_, port, _ := net.SplitHostPort(addr)

	fac := tmuxtest.Start(t, tmuxtest.Options{Width: 100, Height: 30, Env: env, Dir: home},
		binPath, "retro", "--serve", "--listen", addr, "--authorized-keys", keys, "--dir", dir, "--team", "pay", "--dots", "2")
	scr := fac.WaitFor("join code:", 10*time.Second)
	m := regexp.MustCompile(`(?m)^join code: (\S+)`).FindStringSubmatch(scr)
	if m == nil || !strings.Contains(scr, "ssh -p "+port+" 127.0.0.1") || !strings.Contains(scr, "SHA256:") {
		t.Fatalf("the facilitator's screen:\n%s", scr)
	}
	code := m[1]
	sshArgs := func(user string, extra ...string) []string {
		return append(append([]string{"ssh", "-p", port, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
			"-o", "LogLevel=ERROR"}, extra...), user+"@127.0.0.1")
	}
	alice := tmuxtest.Start(t, tmuxtest.Options{Width: 60, Height: 16, Env: env, Dir: home},
		sshArgs("alice", "-o", "PubkeyAuthentication=no", "-o", "PreferredAuthentications=keyboard-interactive")...)
	alice.WaitFor("Join code:", 10*time.Second)
	alice.Type(code)
	alice.Keys("Enter")
	alice.WaitFor("Your name", 10*time.Second)
	alice.Keys("Enter")
	bob := tmuxtest.Start(t, tmuxtest.Options{Width: 40, Height: 12, Env: env, Dir: home},
		sshArgs("bob", "-i", key, "-o", "PasswordAuthentication=no", "-o", "KbdInteractiveAuthentication=no")...)
	bob.WaitFor("Your name", 10*time.Second)
	bob.Keys("Enter")
	fac.WaitFor("2 joined", 10*time.Second)

	fac.Keys("Escape")
	fac.WaitFor("tab next phase", 5*time.Second)
	fac.Keys("Tab")
	fac.WaitFor("Previous actions", 5*time.Second)
	fac.Keys("Tab") // to Problems
	fac.WaitFor("No problems yet", 5*time.Second)
	for _, p := range []struct {
		s    *tmuxtest.Session
		card string
	}{{alice, "Deploy froze"}, {bob, "Flaky tests"}} {
		p.s.Keys("a")
		p.s.Type(p.card)
		p.s.Keys("Enter")
		p.s.Type("it happened")
		p.s.Keys("Enter")
		p.s.WaitFor(p.card, 5*time.Second)
	}
	scr = fac.WaitFor("2 hidden card(s)", 10*time.Second)
	if strings.Contains(scr, "Deploy froze") || strings.Contains(bob.Screen(), "Deploy froze") || strings.Contains(alice.Screen(), "Flaky tests") {
		t.Fatalf("an unrevealed card shows elsewhere:\n%s\n%s\n%s", scr, alice.Screen(), bob.Screen())
	}
	fac.Keys("R")
	fac.WaitFor("Flaky tests", 10*time.Second)
	fac.WaitFor("Deploy froze", 10*time.Second)
	bob.WaitFor("Cards revealed", 10*time.Second)
	alice.WaitFor("Flaky tests", 10*time.Second)

	// vote, discuss the first problem, the second, a warning (neither is
	// discussed), actions, close
	fac.Keys("Tab", "Tab", "Tab", "Tab", "Tab", "Tab")
	fac.WaitFor("s save", 10*time.Second)
	fac.Keys("s")
	if code := fac.WaitExit(15 * time.Second); code != 0 {
		t.Fatalf("retro exit %d:\n%s", code, fac.Screen())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	if len(files) != 1 {
		t.Fatalf("notes written: %v", files)
	}
	note, _ := os.ReadFile(files[0])
	if !strings.Contains(string(note), "Deploy froze") || !strings.Contains(string(note), "Flaky tests") ||
		strings.Contains(string(note), "alice") || strings.Contains(string(note), "bob") {
		t.Fatalf("note:\n%s", note)
	}
	log, _ := os.ReadFile(filepath.Join(home, "state", "retrokata", "room.log"))
	if !strings.Contains(string(log), "method=publickey ok=true") || !strings.Contains(string(log), "method=keyboard-interactive ok=true") ||
		strings.Contains(string(log), "Deploy froze") || strings.Contains(string(log), code) {
		t.Fatalf("room log:\n%s", log)
	}
	if info, err := os.Stat(filepath.Join(home, "data", "retrokata", "ssh_host_ed25519")); err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("host key: %v %v", err, info)
	}
}
