package memstore_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/graphgen"
	"github.com/detente/detente/graph/memstore"
)

var sizes = []struct {
	name         string
	actors, rels int
}{
	{"1e4x1e5", 10_000, 100_000},
	{"1e5x1e6", 100_000, 1_000_000},
}

var loaded sync.Map // size name -> *graph.Store

// benchStore returns an in-memory store holding the generated graph.
func benchStore(b *testing.B, actors, rels int) *graph.Store {
	key := fmt.Sprint(actors, rels)
	if s, ok := loaded.Load(key); ok {
		return s.(*graph.Store)
	}
	d, err := memstore.Open("")
	if err != nil {
		b.Fatal(err)
	}
	s := graph.NewStore(d)
	if _, err := s.Import(context.Background(), graphgen.Generate(graphgen.Options{Actors: actors, Relationships: rels, Seed: 1}), false); err != nil {
		b.Fatal(err)
	}
	loaded.Store(key, s)
	return s
}

// BenchmarkPaths times each path mode on generated graphs between random
// pairs of actors, and reports the median besides Go's mean.
func BenchmarkPaths(b *testing.B) {
	modes := []graph.PathQuery{
		{Mode: graph.ModeShortest},
		{Mode: graph.ModeAllShortest, Limit: 100},
		{Mode: graph.ModeShortest, Weighted: true, MaxHops: 4},
		{Mode: graph.ModeKShortest, K: 3, MaxHops: 4},
		{Mode: graph.ModeAll, MaxHops: 2, Limit: 100},
	}
	for _, sz := range sizes {
		s := benchStore(b, sz.actors, sz.rels)
		for _, m := range modes {
			name := string(m.Mode)
			if m.Weighted {
				name += "-weighted"
			}
			b.Run(sz.name+"/"+name, func(b *testing.B) {
				r := rand.New(rand.NewPCG(7, 7))
				times := make([]time.Duration, 0, b.N)
				found := 0
				b.ReportAllocs()
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					q := m
					q.From, q.To = graphgen.ActorID(r.IntN(sz.actors)), graphgen.ActorID(r.IntN(sz.actors))
					if q.From == q.To {
						q.To = graphgen.ActorID((r.IntN(sz.actors-1) + 1 + sz.actors) % sz.actors)
					}
					t0 := time.Now()
					ps, err := s.Paths(context.Background(), q)
					times = append(times, time.Since(t0))
					if err != nil && graph.ErrorCode(err) != graph.ETOOLARGE {
						b.Fatal(err)
					}
					if len(ps) > 0 {
						found++
					}
				}
				slices.Sort(times)
				b.ReportMetric(float64(times[len(times)/2].Nanoseconds()), "median-ns")
				b.ReportMetric(float64(found)/float64(b.N), "found/op")
			})
		}
	}
}

// BenchmarkImport measures bulk import throughput and the heap the store
// keeps per relationship. dry-s is a dry run of the same batch on an empty
// store (decoding is not part of it: Batch.Prepare's checks, no write), so
// the store's own write is about the import's time minus dry-s. On a
// shared machine wall times swing with the load, so the process' CPU time
// (user+system, all threads) of each is reported too: cpu-s and dry-cpu-s.
// The heap is read after
// two collections, as cmd/detente-bench does: pages bbolt keeps in a
// sync.Pool after its commit survive one collection, and are not the
// store's.
func BenchmarkImport(b *testing.B) {
	for _, sz := range sizes {
		batch := graphgen.Generate(graphgen.Options{Actors: sz.actors, Relationships: sz.rels, Seed: 1})
		for _, durable := range []bool{false, true} {
			name := sz.name + map[bool]string{false: "/memory", true: "/bbolt"}[durable]
			b.Run(name, func(b *testing.B) {
				for i := 0; i < b.N; i++ {
					path := ""
					if durable {
						path = b.TempDir() + "/detente.db"
					}
					dry, err := memstore.Open("")
					if err != nil {
						b.Fatal(err)
					}
					t0, c0 := time.Now(), cpuTime()
					if _, err := dry.Import(context.Background(), batch, true, time.Now()); err != nil {
						b.Fatal(err)
					}
					dryRun, dryCPU := time.Since(t0), cpuTime()-c0
					dry.Close()
					before := liveHeap()
					s, err := memstore.Open(path)
					if err != nil {
						b.Fatal(err)
					}
					t0, c0 = time.Now(), cpuTime()
					if _, err := s.Import(context.Background(), batch, false, time.Now()); err != nil {
						b.Fatal(err)
					}
					elapsed, cpu := time.Since(t0), cpuTime()-c0
					after := liveHeap()
					b.ReportMetric(float64(sz.rels)/elapsed.Seconds(), "rels/s")
					b.ReportMetric(elapsed.Seconds(), "import-s")
					b.ReportMetric(dryRun.Seconds(), "dry-s")
					b.ReportMetric(cpu.Seconds(), "cpu-s")
					b.ReportMetric(dryCPU.Seconds(), "dry-cpu-s")
					b.ReportMetric(float64(after-before)/float64(sz.rels), "heap-B/rel")
					runtime.KeepAlive(s)
					s.Close()
				}
			})
		}
	}
}

func liveHeap() int64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapAlloc)
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
