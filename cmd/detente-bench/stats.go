package main

import (
	"context"
	"crypto/sha256"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Lat summarises one series of latencies.
type Lat struct {
	N      int           `json:"n"`
	Errors int           `json:"errors"`
	Median time.Duration `json:"median_ns"`
	P99    time.Duration `json:"p99_ns"`
	Mean   time.Duration `json:"mean_ns"`
	Max    time.Duration `json:"max_ns"`
	// Throughput is completed requests per second of wall time.
	Throughput float64 `json:"throughput"`
}

// quantile returns the q-quantile of sorted d (nearest rank).
func quantile(sorted []time.Duration, q float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(q*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(i, 0), len(sorted)-1)]
}

func summarize(d []time.Duration, errs int, wall time.Duration) Lat {
	s := slices.Clone(d)
	slices.Sort(s)
	l := Lat{N: len(s), Errors: errs, Median: quantile(s, 0.5), P99: quantile(s, 0.99)}
	if len(s) > 0 {
		var sum time.Duration
		for _, x := range s {
			sum += x
		}
		l.Mean = sum / time.Duration(len(s))
		l.Max = s[len(s)-1]
	}
	if wall > 0 {
		l.Throughput = float64(len(s)) / wall.Seconds()
	}
	return l
}

func medianDur(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return quantile(s, 0.5)
}

func medianF(x []float64) float64 {
	s := slices.Clone(x)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// load runs a closed-loop load: clients goroutines each take the next
// request index (0, 1, 2, ...) and call do(i) until n requests are done or
// budget has passed; only requests with index >= warm are recorded (the
// first warm ones warm caches and connection pools). It returns the
// recorded latencies and the number of errors among them.
func load(ctx context.Context, clients, warm, n int, budget time.Duration, do func(ctx context.Context, i int) error) ([]time.Duration, int, time.Duration) {
	var (
		next   atomic.Int64
		errs   atomic.Int64
		mu     sync.Mutex
		all    = make([]time.Duration, 0, n)
		wg     sync.WaitGroup
		wStart = time.Now()
	)
	// warm-up, with the same concurrency, not recorded
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= warm || time.Since(wStart) > budget/4 {
					return
				}
				_ = do(ctx, i)
			}
		}()
	}
	wg.Wait()
	next.Store(int64(warm))
	deadline := time.Now().Add(budget)
	start := time.Now()
	for c := 0; c < clients; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mine := make([]time.Duration, 0, n/clients+1)
			for {
				i := int(next.Add(1) - 1)
				if i >= warm+n || time.Now().After(deadline) || ctx.Err() != nil {
					break
				}
				t0 := time.Now()
				err := do(ctx, i)
				el := time.Since(t0)
				if err != nil {
					if errs.Add(1) <= 3 {
						logf("  request %d: %v", i, err)
					}
					continue
				}
				mine = append(mine, el)
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all, int(errs.Load()), time.Since(start)
}

// yardstick is a fixed piece of single-threaded CPU work (SHA-256 of 64 MiB)
// timed at the start and the end of a run: absolute figures in the report
// can be read against it, and a large difference between the two says the
// machine was busier during the run than at its ends.
func yardstick() time.Duration {
	buf := make([]byte, 1<<20)
	for i := range buf {
		buf[i] = byte(i * 7)
	}
	var best time.Duration
	for r := 0; r < 3; r++ {
		h := sha256.New()
		t0 := time.Now()
		for i := 0; i < 64; i++ {
			h.Write(buf)
		}
		_ = h.Sum(nil)
		el := time.Since(t0)
		if best == 0 || el < best {
			best = el
		}
	}
	return best
}

func ms(d time.Duration) string {
	switch {
	case d == 0:
		return "–"
	case d < 10*time.Microsecond:
		return fmt.Sprintf("%.2f µs", float64(d)/1e3)
	case d < time.Millisecond:
		return fmt.Sprintf("%.0f µs", float64(d)/1e3)
	case d < 10*time.Millisecond:
		return fmt.Sprintf("%.2f ms", float64(d)/1e6)
	case d < time.Second:
		return fmt.Sprintf("%.1f ms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func ratio(a, b time.Duration) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
