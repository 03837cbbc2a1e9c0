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

// startRoom opens the SSH room for a retro: a new join code, the host key
// from the data dir, the log in the state dir. stop closes it.
func (e *env) startRoom(sf serveFlags, dots int) (info *tui.RoomInfo, stop func(), err error) {
	code, err := sshroom.NewJoinCode()
	if err != nil {
		return nil, nil, err
	}
	logDir := filepath.Join(e.xdg.StateHome, "retrokata")
	if err := os.MkdirAll(logDir, 0o700); err != nil {
		return nil, nil, fmt.Errorf("room log dir: %w", err)
	}
	logPath := filepath.Join(logDir, sshroom.LogName)
	logFile, err := os.OpenFile(logPath, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, nil, withHint(fmt.Errorf("room log: %w", err), "Make "+logDir+" writable, or set XDG_STATE_HOME.")
	}
	r := room.New(room.Config{Dots: dots})
	srv, err := sshroom.New(sshroom.Config{
		Addr:           sf.listen,
		HostKeyPath:    filepath.Join(e.xdg.DataHome, "retrokata", sshroom.HostKeyName),
		JoinCode:       code,
		AuthorizedKeys: sf.authorizedKeys,
		Log:            logFile,
		Room:           r,
		NewScreen: func(g *room.Guest, user string) tea.Model {
			return tui.NewParticipant(g, user, true)
		},
	})
	if err != nil {
		logFile.Close()
		return nil, nil, withHint(fmt.Errorf("room: %w", err), "Check --authorized-keys, or run without it.")
	}
	l, err := srv.Listen()
	if err != nil {
		logFile.Close()
		return nil, nil, withHint(fmt.Errorf("room: listen on %s: %w", sf.listen, err), "Pick another address with --listen 127.0.0.1:PORT.")
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
	info = &tui.RoomInfo{Room: r, Join: join, Code: code, Fingerprint: srv.Fingerprint()}
	stop = func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
		_ = srv.Close()
		logFile.Close()
	}
	return info, stop, nil
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
