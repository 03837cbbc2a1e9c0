package sshroom

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/retrokata/retrokata/retro"
	"github.com/retrokata/retrokata/room"
)

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapInuse
}

// BenchmarkKeyToEveryOtherScreen measures, with 8 participants on
// loopback, the time from one participant's key (space: ready) to the
// moment all 7 other screens show the new ready count, each woken by the
// write itself (no polling). It also reports the heap one session takes,
// server and in-process test client together (an upper bound for the
// server's share). Run:
//
//	go test -run '^$' -bench KeyToEveryOtherScreen -benchtime 200x ./internal/sshroom/
func BenchmarkKeyToEveryOtherScreen(b *testing.B) {
	f := startWithScreens(b, 3)
	s := retro.New(time.Now(), "pay", "Sprint 42", "", 3)
	s.Goto(retro.PhaseProblems, 0)
	f.room.Publish(room.BoardOf(s, -1))
	before := heapInUse()
	cs := make([]*client, 8)
	for i := range cs {
		cs[i] = f.join(b, fmt.Sprintf("p%d", i), 80, 24)
		cs[i].waitFor("name")
		cs[i].send("\r")
	}
	for _, c := range cs {
		c.waitFor("8 joined")
	}
	time.Sleep(200 * time.Millisecond) // let first renders settle
	perSession := float64(heapInUse()-before) / float64(len(cs))
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := range b.N {
		want := fmt.Sprintf("· %d of 8 ready", (i+1)%2)
		t0 := time.Now()
		cs[0].send(" ")
		for _, c := range cs[1:] {
			if !c.scr.Await(5*time.Second, func(scr string) bool { return strings.Contains(scr, want) }) {
				b.Fatalf("a screen never showed %q:\n%s", want, c.scr.String())
			}
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "ms-p50")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "ms-p95")
	b.ReportMetric(float64(lat[len(lat)-1].Microseconds())/1000, "ms-max")
	b.ReportMetric(perSession/1024, "KiB-heap/session")
}
