// Command retrokata runs Dev+Ops retrospectives and DevOps katas in the
// terminal and keeps them as markdown notes.
package main

import (
	"context"
	"os"
	"runtime/debug"
	"runtime/pprof"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"
)

func main() {
	// RETROKATA_CPUPROFILE=file writes a pprof CPU profile of the run, to
	// find where time goes on a big notes dir (see scripts/bench).
	if p := os.Getenv("RETROKATA_CPUPROFILE"); p != "" {
		if f, err := os.Create(p); err == nil && pprof.StartCPUProfile(f) == nil {
			code := run(context.Background(), newEnv())
			pprof.StopCPUProfile()
			f.Close()
			os.Exit(code)
		}
	}
	os.Exit(run(context.Background(), newEnv()))
}

// run executes the command tree and returns the process exit code.
func run(ctx context.Context, e *env) int {
	e.guardOutput()
	root := newRootCmd(e)
	root.SetArgs(append([]string{}, e.args...)) // never nil: cobra would read os.Args
	// Help and version go through a writer that drops fang's padding;
	// commands write their data to e.stdout untouched.
	help := &trimWriter{w: e.stdout}
	root.SetOut(help)
	var failed error
	keepRunErrors(root, &failed)
	err := fang.Execute(ctx, root,
		fang.WithVersion(version()),
		fang.WithErrorHandler(printError),
		fang.WithoutManpage(), // ours is listed in --help and keeps paragraphs whole
	)
	if err == nil && failed != nil {
		err = failed
		printError(e.stderr, fang.Styles{}, err)
	}
	if ferr := help.Flush(); err == nil {
		err = ferr
	}
	return exitCode(err)
}

// keepRunErrors makes every command hand its error to *failed and return
// nil to fang, which then never reaches its error path: before calling the
// error handler, fang asks the terminal for its background colour, and
// after a full-screen program (a retro ended by SIGHUP, say) that read can
// wait forever. run prints the error itself, in the same words.
func keepRunErrors(c *cobra.Command, failed *error) {
	if run := c.RunE; run != nil {
		c.RunE = func(cmd *cobra.Command, a []string) error {
			if err := run(cmd, a); err != nil {
				*failed = err
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		keepRunErrors(sub, failed)
	}
}

// version is the module version from the build info, or "dev" for a build
// from a checkout.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return "dev"
	}
	return info.Main.Version
}
