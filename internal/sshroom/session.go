package sshroom

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2/bubbletea"
	"github.com/retrokata/retrokata/room"
	gossh "golang.org/x/crypto/ssh"
)

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
