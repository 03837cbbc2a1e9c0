package notes_test

import (
	"math/rand"
	"testing"
	"time"

	"github.com/retrokata/retrokata/internal/testutil/corpus"
	"github.com/retrokata/retrokata/notes"
)

func BenchmarkParse(b *testing.B) {
	data := notes.Render(corpus.Note(rand.New(rand.NewSource(1)), 1))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := notes.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	n := corpus.Note(rand.New(rand.NewSource(1)), 1)
	b.ReportAllocs()
	for b.Loop() {
		notes.Render(n)
	}
}

func BenchmarkList1000(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, 1000, 42); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := notes.List(dir, notes.Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListIndexed10000 lists 10,000 notes with a warm index: what
// `retrokata list` costs on a big repository when few notes changed.
func BenchmarkListIndexed10000(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, 10000, 42); err != nil {
		b.Fatal(err)
	}
	// Notes whose ctime is under 2 s old are indexed as racy and checked
	// by content hash at each listing; a real repository's notes are older.
	time.Sleep(2 * time.Second)
	x := notes.Lister{CacheDir: b.TempDir()}
	if _, err := x.List(dir, notes.Filter{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.List(dir, notes.Filter{}); err != nil {
			b.Fatal(err)
		}
	}
}
