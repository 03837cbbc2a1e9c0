// Command retrokata runs Dev+Ops retrospectives and DevOps katas in the
// terminal and keeps them as markdown notes.
package main

import (
	"context"
	"os"
	"runtime/debug"

	"charm.land/fang/v2"
)

func main() {
	os.Exit(run(context.Background(), newEnv()))
}

// run executes the command tree and returns the process exit code.
func run(ctx context.Context, e *env) int {
	root := newRootCmd(e)
	root.SetArgs(append([]string{}, e.args...)) // never nil: cobra would read os.Args
	err := fang.Execute(ctx, root,
		fang.WithVersion(version()),
		fang.WithErrorHandler(printError),
	)
	return exitCode(err)
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
