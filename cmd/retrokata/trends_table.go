package main

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/retrokata/retrokata/retro"
)

// trendsColumn is one column of the per-retro table; drop ranks the
// columns left out first when the terminal is narrow (0: never).
type trendsColumn struct {
	head  string
	drop  int
	left  bool // text, aligned left; numbers are aligned right
	cells []string
}

// retrosTable lays out the per-retro rows in w columns: the columns that do
// not fit are left out (problems first, then carried, dropped, ROTI, done),
// and the title takes what is left, cut with "…".
func retrosTable(rs []retro.RetroTrend, w int) []string {
	oneTeam := true
	for _, r := range rs {
		oneTeam = oneTeam && strings.EqualFold(r.Team, rs[0].Team)
	}
	cols := []trendsColumn{
		{head: "DATE", left: true},
		{head: "TEAM", left: true, drop: 5},
		{head: "AGREED"},
		{head: "DONE", drop: 4},
		{head: "DROP", drop: 3},
		{head: "CARRIED", drop: 2},
		{head: "OPEN"},
		{head: "DONE%"},
		{head: "ROTI", drop: 3},
		{head: "PROBLEMS", drop: 1},
	}
	if oneTeam {
		cols[1].drop = -1 // the heading names the team
	}
	for _, r := range rs {
		roti := "-"
		if r.ROTI != nil {
			roti = fmt.Sprintf("%.1f", *r.ROTI)
		}
		row := []string{r.Date.Format("2006-01-02"), clean(r.Team), fmt.Sprint(r.Agreed), fmt.Sprint(r.Done), fmt.Sprint(r.Dropped),
			fmt.Sprint(r.Carried), fmt.Sprint(r.Open), percent(r.CompletionRate()), roti, fmt.Sprint(r.Problems)}
		for i := range cols {
			cols[i].cells = append(cols[i].cells, row[i])
		}
	}
	widths := func(cs []trendsColumn) (total int) {
		for _, c := range cs {
			cw := len(c.head)
			for _, s := range c.cells {
				cw = max(cw, ansi.StringWidth(s))
			}
			total += cw + 2
		}
		return total
	}
	// the title wants room to be read: at least 20 cells on a usual terminal
	minTitle := max(8, min(20, w/4))
	keep := cols[:0:0]
	for _, c := range cols {
		if c.drop >= 0 {
			keep = append(keep, c)
		}
	}
	for rank := 1; rank <= 5 && widths(keep)+minTitle > w; rank++ {
		next := keep[:0:0]
		for _, c := range keep {
			if c.drop != rank {
				next = append(next, c)
			}
		}
		keep = next
	}
	titleW := max(1, w-widths(keep))
	cw := make([]int, len(keep))
	for i, c := range keep {
		cw[i] = len(c.head)
		for _, s := range c.cells {
			cw[i] = max(cw[i], ansi.StringWidth(s))
		}
	}
	line := func(cell func(i int) string, title string) string {
		var b strings.Builder
		for i, c := range keep {
			s := cell(i)
			pad := strings.Repeat(" ", cw[i]-ansi.StringWidth(s))
			if c.left {
				b.WriteString(s + pad)
			} else {
				b.WriteString(pad + s)
			}
			b.WriteString("  ")
		}
		b.WriteString(ansi.Truncate(title, titleW, "…"))
		return strings.TrimRight(b.String(), " ")
	}
	out := []string{line(func(i int) string { return keep[i].head }, "TITLE")}
	for n, r := range rs {
		out = append(out, line(func(i int) string { return keep[i].cells[n] }, clean(r.Title)))
	}
	return out
}
