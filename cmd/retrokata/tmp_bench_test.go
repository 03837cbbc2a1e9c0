package main

import (
	"testing"
)

func BenchmarkTmpList(b *testing.B) {
	for b.Loop() {
		runCLIWith(b, func(e *env) { e.xdg.CacheHome = "/root/.cache" }, "list", "--json", "--dir", "/tmp/corpus")
	}
}
