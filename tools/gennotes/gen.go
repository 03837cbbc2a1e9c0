// Command gennotes writes a corpus of realistic notes (retros and katas,
// about 2 KB each, fixed seed) for benchmarks:
//
//	go run ./tools/gennotes -n 10000 -dir /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/retrokata/retrokata/internal/testutil/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of notes")
	dir := flag.String("dir", "", "directory to write into (created)")
	seed := flag.Int64("seed", 42, "random seed")
	flag.Parse()
	if *dir == "" {
		fmt.Fprintln(os.Stderr, "gennotes: -dir is required")
		os.Exit(2)
	}
	if err := corpus.Write(*dir, *n, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gennotes:", err)
		os.Exit(1)
	}
}
