package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/retrokata/retrokata/internal/sshroom"
	"github.com/retrokata/retrokata/room"
	"github.com/retrokata/retrokata/tui"
)

// serveFlags are retro's flags for a live room.
type serveFlags struct {
	serve          bool
	listen         string
	authorizedKeys string
}

// startRoom opens the SSH room for a retro. stop closes it.
func (e *env) startRoom(sf serveFlags, dots int) (info *tui.RoomInfo, stop func(), err error) {
	r := room.New(room.Config{Dots: dots})
	srv, err := e.startSSH("room", sf, sshroom.Config{
		Room: r,
		NewScreen: func(g *room.Guest, user string) tea.Model {
			return tui.NewParticipant(g, user, true)
		},
	})
	if err != nil {
		return nil, nil, err
	}
	return &tui.RoomInfo{Room: r, Join: srv.join, Code: srv.code, Fingerprint: srv.fingerprint}, srv.stop, nil
}

// sshServer is a running SSH server of a room or a pair kata.
type sshServer struct {
	join        string // the command that joins it: "ssh -p 23234 host"
	code        string
	fingerprint string
	stop        func()
}

// startSSH serves cfg (its room, screens and session cap) over SSH: a new
// join code, the host key from the data dir, the log in the state dir,
// --listen and --authorized-keys. what names it in errors.
func (e *env) startSSH(what string, sf serveFlags, cfg sshroom.Config) (sshServer, error) {
	code, err := sshroom.NewJoinCode()
	if err != nil {
		return sshServer{}, err
	}
	logDir := filepath.Join(e.xdg.StateHome, "retrokata")
	if err := os.MkdirAll(logDir, 0o700); err != nil {
		return sshServer{}, fmt.Errorf("%s log dir: %w", what, err)
	}
	logFile, err := os.OpenFile(filepath.Join(logDir, sshroom.LogName), os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return sshServer{}, withHint(fmt.Errorf("%s log: %w", what, err), "Make "+logDir+" writable, or set XDG_STATE_HOME.")
	}
	cfg.Addr = sf.listen
	cfg.HostKeyPath = filepath.Join(e.xdg.DataHome, "retrokata", sshroom.HostKeyName)
	cfg.JoinCode = code
	cfg.AuthorizedKeys = sf.authorizedKeys
	cfg.Log = logFile
	srv, err := sshroom.New(cfg)
	if err != nil {
		logFile.Close()
		return sshServer{}, withHint(fmt.Errorf("%s: %w", what, err), "Check --authorized-keys, or run without it.")
	}
	l, err := srv.Listen()
	if err != nil {
		logFile.Close()
		return sshServer{}, withHint(fmt.Errorf("%s: listen on %s: %w", what, sf.listen, err), "Pick another address with --listen 127.0.0.1:PORT.")
	}
	go func() { _ = srv.Serve(l) }()
	host, port, _ := net.SplitHostPort(l.Addr().String())
	if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
		if h, err := os.Hostname(); err == nil {
			host = h
		}
	}
	join := "ssh -p " + port + " " + host
	if port == "22" {
		join = "ssh " + host
	}
	stop := func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		_ = srv.Close()
		logFile.Close()
	}
	return sshServer{join: join, code: code, fingerprint: srv.Fingerprint(), stop: stop}, nil
}

// validListen checks --listen is host:port.
func validListen(addr string) error {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return usagef("Use --listen 127.0.0.1:23234, for example.", "retro: --listen %q: %v", addr, err)
	}
	if n, err := strconv.Atoi(port); err != nil || n < 0 || n > 65535 {
		return usagef("Use --listen 127.0.0.1:23234, for example.", "retro: --listen %q: bad port", addr)
	}
	return nil
}
