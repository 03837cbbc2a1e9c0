package main

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"github.com/retrokata/retrokata/internal/sshroom"
	"github.com/retrokata/retrokata/kata"
	"github.com/retrokata/retrokata/notes"
	"github.com/retrokata/retrokata/room"
	"github.com/retrokata/retrokata/tui"
)

// pairFlags are kata's flags for pair mode (Wheel of Misfortune).
type pairFlags struct {
	pair bool
	sf   serveFlags
}

func (pf *pairFlags) add(c *cobra.Command) {
	f := c.Flags()
	f.BoolVar(&pf.pair, "pair", false, "pair mode: you are the game master; one player joins over SSH and answers")
	f.StringVar(&pf.sf.listen, "listen", "127.0.0.1:23234", "address the player joins (with --pair); another host can join only on a non-loopback address")
	f.StringVar(&pf.sf.authorizedKeys, "authorized-keys", "", "authorized_keys file: these keys join without the code (with --pair)")
}

// runPair plays kata id in pair mode: the game master's screen here, the
// player's over SSH (one session, the room's security defaults).
func (e *env) runPair(cmd *cobra.Command, id string, pf pairFlags) error {
	if id == "" {
		return usagef("Name the kata: retrokata kata ID --pair.", "kata: --pair needs a kata id")
	}
	if err := validListen(pf.sf.listen); err != nil {
		return err
	}
	lib := e.library()
	k, _ := lib.Kata(id)
	loc, err := e.location(cmd)
	if err != nil {
		return err
	}
	p := kata.NewPair(k, e.now())
	info, stopServer, err := e.startPair(p, pf.sf)
	if err != nil {
		return err
	}
	defer stopServer()
	var res tui.PairResult
	_, err = tea.NewProgram(tui.NewPairMaster(e.screens(loc, lib), p, info, &res), tea.WithContext(cmd.Context())).Run()
	if res.Saved != "" {
		fmt.Fprintf(e.stdout, "Saved %s\n", notes.Sanitize(res.Saved))
	} else if err == nil {
		fmt.Fprintln(e.stderr, "Pair kata not saved (s saves it at the debrief).")
	}
	return err
}

// startPair serves p's player over SSH, one session at a time.
func (e *env) startPair(p *kata.Pair, sf serveFlags) (tui.PairInfo, func(), error) {
	srv, err := e.startSSH("pair", sf, sshroom.Config{
		MaxSessions: 1,
		Room:        room.New(room.Config{}), // unused: the player's screen reads the pair
		NewScreen: func(*room.Guest, string) tea.Model {
			return tui.NewPairPlayer(p, true)
		},
	})
	if err != nil {
		return tui.PairInfo{}, nil, err
	}
	return tui.PairInfo{Join: srv.join, Code: srv.code, Fingerprint: srv.fingerprint}, srv.stop, nil
}
