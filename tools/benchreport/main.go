// Command benchreport is scripts/bench: it builds retrokata, writes
// corpora of 100, 1,000 and 10,000 notes (fixed seed) to a temp dir, times
// the commands users run on them (median and max of several runs, wall time
// and max RSS), then runs the go test benchmarks, and prints one report.
//
//	scripts/bench            # the whole report (a few minutes)
//	scripts/bench -runs 5 -sizes 100,1000 -gobench=false
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/retrokata/retrokata/internal/testutil/corpus"
	"github.com/retrokata/retrokata/notes"
)

func main() {
	runs := flag.Int("runs", 11, "runs per command")
	sizes := flag.String("sizes", "100,1000,10000", "corpus sizes")
	gobench := flag.Bool("gobench", true, "also run the go test benchmarks")
	flag.Parse()
	if err := report(*runs, *sizes, *gobench); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

// sample is one run: wall time and max RSS in KiB (0 where unknown).
type sample struct {
	wall time.Duration
	rss  int64
}

func report(runs int, sizeList string, gobench bool) error {
	tmp, err := os.MkdirTemp("", "retrokata-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "retrokata")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command("go", "build", "-trimpath", "-o", bin, "./cmd/retrokata")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	build.Stderr = os.Stderr
	if err := build.Run(); err != nil {
		return fmt.Errorf("build: %w", err)
	}
	host, _ := os.Hostname()
	fmt.Printf("retrokata benchmark report, %s, %s/%s, %d cores (%s), %d runs per row, binary built with CGO_ENABLED=0\n\n",
		time.Now().Format("2006-01-02"), runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), host, runs)

	env := append(os.Environ(), "XDG_CACHE_HOME="+filepath.Join(tmp, "cache"), "XDG_STATE_HOME="+filepath.Join(tmp, "state"),
		"XDG_CONFIG_HOME="+filepath.Join(tmp, "config"), "NO_COLOR=1", "RETROKATA_DIR=")
	long := filepath.Join(tmp, "long", "2026-11-23-long-note.md")
	if err := writeLongNote(long); err != nil {
		return err
	}
	tw := tabwriter.NewWriter(os.Stdout, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "notes\tcommand\tmedian\tmax\tmax RSS\t")
	row := func(size, name string, s []sample) {
		if s == nil {
			fmt.Fprintf(tw, "%s\t%s\t-\t-\t-\t\n", size, name)
			return
		}
		med, mx, rss := stats(s)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", size, name, ms(med), ms(mx), mib(rss))
	}
	run := func(args ...string) []sample { return timeRuns(runs, env, args...) }
	row("-", "--version", run(bin, "--version"))
	row("-", "show (300 lines)", run(bin, "show", long))
	if glow, err := exec.LookPath("glow"); err == nil {
		row("-", "glow (same note)", run(glow, long))
	} else {
		fmt.Fprintf(tw, "-\tglow (same note)\tnot installed\t\t\t\n")
	}
	for _, f := range strings.Split(sizeList, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			return fmt.Errorf("-sizes: %q is not a number", f)
		}
		dir := filepath.Join(tmp, "corpus-"+strconv.Itoa(n))
		if err := corpus.Write(dir, n, 42); err != nil {
			return err
		}
		size := fmt.Sprintf("%d", n)
		// the first run builds the index; it is the cold cost
		cold := timeRuns(1, env, bin, "list", "--json", "--dir", dir)
		row(size, "list --json (no index)", cold)
		row(size, "list --json", run(bin, "list", "--json", "--dir", dir))
		row(size, "actions --json", run(bin, "actions", "--json", "--dir", dir))
		row(size, "stats --json", run(bin, "stats", "--json", "--dir", dir))
		row(size, "cat (the floor)", catRuns(runs, dir))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Println("\nTargets on 10,000 notes: list --json under 150 ms and 50 MiB, actions --json under 250 ms, stats --json under 200 ms.")
	if !gobench {
		return nil
	}
	fmt.Println("\ngo test benchmarks (Parse, Render, listing; one key press, Update + View, in the retro and kata screens):")
	cmd := exec.Command("go", "test", "-run", "^$", "-bench", "Parse|Render|List|Keystroke|FirstScreen", "-benchmem", "-benchtime", "2s", "./notes", "./tui")
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err = cmd.Run()
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(l, "Benchmark") || strings.HasPrefix(l, "FAIL") || strings.HasPrefix(l, "ok") {
			fmt.Println("  " + l)
		}
	}
	return err
}

// timeRuns runs a command n times and measures each run.
func timeRuns(n int, env []string, args ...string) []sample {
	var out []sample
	for range n {
		c := exec.Command(args[0], args[1:]...)
		c.Env = env
		start := time.Now()
		if err := c.Run(); err != nil {
			fmt.Fprintf(os.Stderr, "bench: %s: %v\n", strings.Join(args, " "), err)
			return nil
		}
		out = append(out, sample{time.Since(start), maxRSS(c.ProcessState)})
	}
	return out
}

// catRuns reads every file of the corpus with cat: what reading the bytes
// costs, without parsing.
func catRuns(n int, dir string) []sample {
	files, _ := filepath.Glob(filepath.Join(dir, "*.md"))
	var out []sample
	for range n {
		start := time.Now()
		var rss int64
		for i := 0; i < len(files); i += 2000 {
			c := exec.Command("cat", files[i:min(len(files), i+2000)]...)
			if err := c.Run(); err != nil {
				return nil
			}
			rss = max(rss, maxRSS(c.ProcessState))
		}
		out = append(out, sample{time.Since(start), rss})
	}
	return out
}

func stats(s []sample) (med, mx time.Duration, rss int64) {
	w := make([]time.Duration, len(s))
	for i, x := range s {
		w[i] = x.wall
		rss = max(rss, x.rss)
	}
	sort.Slice(w, func(i, j int) bool { return w[i] < w[j] })
	return w[len(w)/2], w[len(w)-1], rss
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d.Microseconds())/1000) }

func mib(kib int64) string {
	if kib == 0 {
		return "?"
	}
	return fmt.Sprintf("%.0f MiB", float64(kib)/1024)
}

// writeLongNote writes a retro note of about 300 lines.
func writeLongNote(path string) error {
	var b strings.Builder
	b.WriteString("# A long retrospective\n\n## Problems\n")
	for i := 1; b.Len() < 20000 || strings.Count(b.String(), "\n") < 280; i++ {
		fmt.Fprintf(&b, "\n### %d. Problem number %d — %d votes\n\n**What happened.** The deploy pipeline stalled on the migration step and nobody saw it for an hour.\n\n**What we learnt.**\n- Alerts need owners\n- Small changes are easier to roll back\n", i, i, i%5)
	}
	b.WriteString("\n## Actions\n- [ ] Add a canary stage (@alice, due 2026-12-01)\n")
	n := notes.Note{Meta: notes.Meta{Type: notes.TypeRetro, Title: "A long retrospective", Date: time.Date(2026, 11, 23, 14, 0, 0, 0, time.UTC), Team: "checkout"}, Body: b.String()}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, notes.Render(n), 0o644)
}
