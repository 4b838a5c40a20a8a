package analysis

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/detente/detente/graph"
)

func day(s string) *graph.Date {
	d, err := graph.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return &d
}

// dated is a relationship with confidence and dates for mediator tests.
type dated struct {
	src, dst, typ string
	w, conf       float64
	from, to      string
}

func datedBatch(ties []dated) graph.Batch {
	var plain []tie
	for _, t := range ties {
		plain = append(plain, tie{t.src, t.dst, t.typ, t.w})
	}
	b := batchOf(plain)
	for i, t := range ties {
		r := &b.Relationships[i]
		r.Confidence = t.conf
		if t.from != "" {
			r.ValidFrom = day(t.from)
		}
		if t.to != "" {
			r.ValidTo = day(t.to)
		}
	}
	return b
}

func TestMediators(t *testing.T) {
	ctx := context.Background()
	sq := func(x float64) float64 { return math.Sqrt(x) }
	cases := []struct {
		name     string
		ties     []tie
		weighted bool
		hops     int
		want     []string  // ranked candidates
		access   []float64 // their access
		brk      []float64 // their brokerage, when checked
		excluded []string
	}{
		{
			// One go-between: S = {a, m}, T = {b, m}; of the connected
			// pairs (a,b), (a,m), (m,b) only a-b runs through m.
			name: "one go-between", weighted: true,
			ties: []tie{{"a", "m", "mediates", 0.8}, {"m", "b", "allied_with", 0.5}},
			want: []string{"m"}, access: []float64{sq(0.4)}, brk: []float64{1.0 / 3},
		},
		{
			// mediation: oman (0.9, 0.8), eu (1.0, 0.5), qatar (0.5, 0.6);
			// swiss reaches iran only through usa, which a channel may
			// not cross; the usa-iran hostility is the parties' own.
			name: "mediation weighted", ties: mediation, weighted: true,
			want: []string{"oman", "eu", "qatar"}, access: []float64{sq(0.72), sq(0.5), sq(0.3)},
		},
		{
			name: "mediation unweighted", ties: mediation,
			want: []string{"eu", "oman", "qatar"}, access: []float64{1, 1, 1},
		},
		{
			// eu sanctions iran: out, whatever its ties.
			name: "conflict disqualifies", weighted: true,
			ties: append(slices.Clone(mediation), tie{"eu", "iran", "sanctions", 0.3}),
			want: []string{"oman", "qatar"}, access: []float64{sq(0.72), sq(0.3)}, excluded: []string{"eu"},
		},
		{
			// A structural tie gives no access: un only "monitors" b.
			name: "structural ties do not count", weighted: true,
			ties: []tie{{"a", "un", "allied_with", 1}, {"un", "b", "monitors", 1}, {"a", "m", "supports", 0.5}, {"m", "b", "supports", 0.5}},
			want: []string{"m"}, access: []float64{0.5},
		},
		{
			// Two hops: x reaches b through y (0.5 decay): 1 · (0.8·0.5·0.5).
			// y reaches a through x: (1·0.8·0.5) and b directly.
			name: "two-hop channel", weighted: true, hops: 2,
			ties: []tie{{"a", "x", "allied_with", 1}, {"x", "y", "allied_with", 0.8}, {"y", "b", "supports", 0.5}},
			want: []string{"x", "y"}, access: []float64{sq(0.2), sq(0.2)},
		},
		{
			name: "one hop only", weighted: true, hops: 1,
			ties: []tie{{"a", "x", "allied_with", 1}, {"x", "y", "allied_with", 0.8}, {"y", "b", "supports", 0.5}},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := batchOf(c.ties)
			p := project(t, b, Filter{Weighted: c.weighted})
			A, B := "a", "b"
			if strings.HasPrefix(c.name, "mediation") || c.name == "conflict disqualifies" {
				A, B = "usa", "iran"
			}
			m, err := p.Mediators(ctx, MediatorQuery{A: A, B: B, MaxHops: c.hops})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for i, r := range m.Results {
				got = append(got, r.Actor)
				if i < len(c.access) && !closeTo(r.Access, c.access[i]) {
					t.Errorf("%s: access %v, want %v", r.Actor, r.Access, c.access[i])
				}
				if i < len(c.brk) && !closeTo(r.Brokerage, c.brk[i]) {
					t.Errorf("%s: brokerage %v, want %v", r.Actor, r.Brokerage, c.brk[i])
				}
				if !closeTo(r.Score, r.Access*(1+r.Brokerage)/2) {
					t.Errorf("%s: score %v, access %v, brokerage %v", r.Actor, r.Score, r.Access, r.Brokerage)
				}
				for k, side := range r.Sides {
					if side.Party != [2]string{A, B}[k] || side.Actors[0] != r.Actor || side.Actors[len(side.Actors)-1] != side.Party ||
						len(side.Ties) != side.Hops || side.Hops < 1 {
						t.Errorf("%s: side %d = %+v", r.Actor, k, side)
					}
				}
				if !strings.HasSuffix(strings.Split(r.Reason, "; on ")[0], "no conflict with either") {
					t.Errorf("%s: reason %q", r.Actor, r.Reason)
				}
			}
			if !slices.Equal(got, c.want) {
				t.Errorf("mediators %v, want %v", got, c.want)
			}
			var ex []string
			for _, x := range m.Excluded {
				ex = append(ex, x.Actor)
				if len(x.Conflicts) == 0 || !strings.Contains(x.Reason, x.Conflicts[0].Type) {
					t.Errorf("excluded %s: %+v", x.Actor, x)
				}
			}
			if !slices.Equal(ex, c.excluded) {
				t.Errorf("excluded %v, want %v", ex, c.excluded)
			}
		})
	}

	p := project(t, batchOf(mediation, "nobody"), Filter{})
	// swiss reaches iran's side only through usa: two hops.
	for _, q := range []MediatorQuery{{A: "swiss", B: "iran", MaxHops: 1}, {A: "nobody", B: "usa"}} {
		m, err := p.Mediators(ctx, q)
		if err != nil || len(m.Results) != 0 || m.Results == nil || m.Excluded == nil {
			t.Errorf("%s-%s: %+v, %v; want no mediators", q.A, q.B, m, err)
		}
	}
	_, err := p.Mediators(ctx, MediatorQuery{A: "usa", B: "atlantis"})
	wantCode(t, err, graph.ENOTFOUND)
	e := wantCode(t, mustErr(p.Mediators(ctx, MediatorQuery{A: "usa", B: "usa", Limit: -1, MaxHops: MaxMediatorHops + 1})), graph.EINVALID)
	checkFields(t, e, "between", "limit", "max_hops")
}

// TestMediatorsAsOf: ties that ended before the analysis date neither give
// access nor disqualify; recency favours the tie begun closer to it.
func TestMediatorsAsOf(t *testing.T) {
	ctx := context.Background()
	ties := []dated{
		{"x", "a", "mediates", 0.5, 1, "2010-01-01", "2012-01-01"},
		{"x", "b", "mediates", 0.5, 1, "2010-01-01", "2012-01-01"},
		{"y", "a", "mediates", 0.5, 1, "", ""},
		{"y", "b", "mediates", 0.5, 1, "", ""},
		{"z", "a", "supports", 0.5, 1, "2019-01-01", ""},
		{"z", "b", "supports", 0.5, 1, "2019-01-01", ""},
		{"z", "a", "sanctions", 0.9, 1, "2000-01-01", "2005-01-01"},
	}
	cases := []struct {
		asOf     string
		want     []string
		excluded []string
	}{
		{"2003-06-01", []string{"y"}, nil},      // z's only active tie is the sanction: no access, nothing to exclude
		{"2011-06-01", []string{"x", "y"}, nil}, // x's ties are recent; z's sanction has ended
		{"2020-01-01", []string{"z", "y"}, nil}, // x's ties ended; z's began a year ago
	}
	for _, c := range cases {
		p := project(t, datedBatch(ties), Filter{AsOf: day(c.asOf), Weighted: true})
		m, err := p.Mediators(ctx, MediatorQuery{A: "a", B: "b"})
		if err != nil {
			t.Fatal(err)
		}
		var got, ex []string
		for _, r := range m.Results {
			got = append(got, r.Actor)
		}
		for _, x := range m.Excluded {
			ex = append(ex, x.Actor)
		}
		if !slices.Equal(got, c.want) || !slices.Equal(ex, c.excluded) || m.AsOf == nil || m.AsOf.String() != c.asOf {
			t.Errorf("as of %s: mediators %v excluded %v (as_of %v); want %v, %v", c.asOf, got, ex, m.AsOf, c.want, c.excluded)
		}
	}
	// The sanction in force: z is excluded once it has access too.
	ties[6].to = ""
	p := project(t, datedBatch(ties), Filter{AsOf: day("2020-01-01"), Weighted: true})
	m, err := p.Mediators(ctx, MediatorQuery{A: "a", B: "b"})
	if err != nil || len(m.Results) != 1 || m.Results[0].Actor != "y" || len(m.Excluded) != 1 || m.Excluded[0].Actor != "z" {
		t.Errorf("sanction in force: %+v, %v", m, err)
	}

	for _, c := range []struct {
		from string
		want float64
	}{{"2020-01-01", 1}, {"", RecencyFloor}, {"2018-01-01", 0.75}} {
		var from *graph.Date
		if c.from != "" {
			from = day(c.from)
		}
		if got := recency(from, day("2020-01-01")); math.Abs(got-c.want) > 1e-3 {
			t.Errorf("recency from %q = %v, want %v", c.from, got, c.want)
		}
	}
}

// TestMediatorsSignedProperty: on generated signed, dated graphs, an actor
// with an active conflictual tie to a party is never ranked (so never
// outranks anyone), and every actor with active cooperative ties to both
// and no conflict is.
func TestMediatorsSignedProperty(t *testing.T) {
	ctx := context.Background()
	coop := []string{"supports", "allied_with", "mediates", "negotiates_with", "appeals_to"}
	conf := []string{"sanctions", "opposes", "criticizes", "attacks", "hostile_to"}
	structural := []string{"member_of", "monitors"}
	rng := rand.New(rand.NewPCG(18, 2026))
	asOf := day("2020-06-01")
	for g := 0; g < 60; g++ {
		n := 5 + rng.IntN(6)
		var ties []dated
		for k := 0; k < n*3; k++ {
			u, v := rng.IntN(n), rng.IntN(n)
			if u == v {
				continue
			}
			var typ string
			switch r := rng.IntN(10); {
			case r < 6:
				typ = coop[rng.IntN(len(coop))]
			case r < 9:
				typ = conf[rng.IntN(len(conf))]
			default:
				typ = structural[rng.IntN(len(structural))]
			}
			d := dated{src: fmt.Sprintf("n%d", u), dst: fmt.Sprintf("n%d", v), typ: typ,
				w: 0.1 + 0.9*rng.Float64(), conf: 0.5 + 0.5*rng.Float64()}
			if rng.IntN(2) == 0 {
				d.from = fmt.Sprintf("%d-01-01", 2010+rng.IntN(10))
			}
			if rng.IntN(3) == 0 {
				d.to = fmt.Sprintf("%d-01-01", 2015+rng.IntN(10))
			}
			ties = append(ties, d)
		}
		b := datedBatch(ties)
		p, err := Project(ctx, b, registry, Filter{AsOf: asOf, Weighted: true})
		if err != nil || p.Len() < 2 {
			continue
		}
		A, B := p.IDs()[0], p.IDs()[1]
		m, err := p.Mediators(ctx, MediatorQuery{A: A, B: B, Limit: MaxLimit})
		if err != nil {
			t.Fatal(err)
		}
		// Independently: active ties by pair and sign.
		has := map[[2]string]map[int]bool{}
		for _, r := range b.Relationships {
			if !r.ValidOn(*asOf) {
				continue
			}
			typ, _ := registry.Get(r.Type)
			for _, k := range [][2]string{{r.Source, r.Target}, {r.Target, r.Source}} {
				if has[k] == nil {
					has[k] = map[int]bool{}
				}
				has[k][typ.Polarity] = true
			}
		}
		ranked := map[string]int{}
		for _, r := range m.Results {
			ranked[r.Actor] = r.Rank
			if has[[2]string{r.Actor, A}][-1] || has[[2]string{r.Actor, B}][-1] {
				t.Errorf("graph %d: %s ranked %d with an active conflictual tie to a party", g, r.Actor, r.Rank)
			}
		}
		for _, id := range p.IDs() {
			if id == A || id == B {
				continue
			}
			hostile := has[[2]string{id, A}][-1] || has[[2]string{id, B}][-1]
			friendly := has[[2]string{id, A}][1] && has[[2]string{id, B}][1]
			if _, ok := ranked[id]; friendly && !hostile && !ok {
				t.Errorf("graph %d: %s has cooperative ties to both and no conflict, but is not ranked", g, id)
			}
			if friendly && hostile && !slices.ContainsFunc(m.Excluded, func(x Excluded) bool { return x.Actor == id }) {
				t.Errorf("graph %d: %s is in conflict with a party but not reported excluded", g, id)
			}
		}
	}
}

// bruteSubset is subset betweenness by enumeration: every simple path
// between s and t, the shortest kept, each interior actor credited with
// its share.
func bruteSubset(adj map[int32][]int32, n int, S, T []int32) ([]float64, int) {
	bc := make([]float64, n)
	pairs := 0
	for _, s := range S {
		for _, t := range T {
			if s == t {
				continue
			}
			var paths [][]int32
			var walk func(path []int32, seen []bool)
			walk = func(path []int32, seen []bool) {
				v := path[len(path)-1]
				if v == t {
					paths = append(paths, slices.Clone(path))
					return
				}
				for _, w := range adj[v] {
					if !seen[w] {
						seen[w] = true
						walk(append(path, w), seen)
						seen[w] = false
					}
				}
			}
			seen := make([]bool, n)
			seen[s] = true
			walk([]int32{s}, seen)
			if len(paths) == 0 {
				continue
			}
			pairs++
			short := len(paths[0])
			for _, p := range paths {
				short = min(short, len(p))
			}
			var count float64
			through := make([]float64, n)
			for _, p := range paths {
				if len(p) == short {
					count++
					for _, v := range p[1 : len(p)-1] {
						through[v]++
					}
				}
			}
			for v := range bc {
				bc[v] += through[v] / count
			}
		}
	}
	return bc, pairs
}

func TestSubsetBetweenness(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(2008, 30))
	for g := 0; g < 80; g++ {
		n := 3 + rng.IntN(6)
		var ties []tie
		for k := 0; k < n*2; k++ {
			u, v := rng.IntN(n), rng.IntN(n)
			if u != v {
				typ := "allied_with"
				if rng.IntN(4) == 0 {
					typ = "sanctions" // not on the cooperative layer
				}
				ties = append(ties, tie{fmt.Sprintf("n%d", u), fmt.Sprintf("n%d", v), typ, 1})
			}
		}
		p := project(t, batchOf(ties), Filter{})
		if p.Len() == 0 {
			continue
		}
		u := p.undirected()
		l := p.medLayer()
		m := p.Len()
		adj := map[int32][]int32{}
		for v := int32(0); v < int32(m); v++ {
			for e := u.off[v]; e < u.off[v+1]; e++ {
				if l.coopRel[e] >= 0 {
					adj[v] = append(adj[v], u.nbr[e])
				}
			}
		}
		var S, T []int32
		for v := int32(0); v < int32(m); v++ {
			if rng.IntN(2) == 0 {
				S = append(S, v)
			}
			if rng.IntN(2) == 0 {
				T = append(T, v)
			}
		}
		got, pairs, err := subsetBetweenness(ctx, u, m, S, T, func(e int32) bool { return l.coopRel[e] >= 0 })
		if err != nil {
			t.Fatal(err)
		}
		want, wantPairs := bruteSubset(adj, m, S, T)
		if pairs != wantPairs {
			t.Errorf("graph %d: %d pairs, want %d", g, pairs, wantPairs)
		}
		for v := range want {
			if !closeTo(got[v], want[v]) {
				t.Errorf("graph %d (S %v, T %v): b(%s) = %v, want %v", g, S, T, p.IDs()[v], got[v], want[v])
			}
		}
	}
}

// TestMediatorsScenario: on the shipped scenario as of its cut-off, Oman
// (mediating the Muscat talks that day) is the top US–Iran mediator.
func TestMediatorsScenario(t *testing.T) {
	ctx := context.Background()
	b, asOf := scenario(t)
	p := project(t, b, Filter{AsOf: &asOf, Weighted: true})
	m, err := p.Mediators(ctx, MediatorQuery{A: "united-states", B: "iran"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range m.Results[:min(5, len(m.Results))] {
		t.Logf("%d. %s score %.4f (access %.4f, brokerage %.4f): %s", r.Rank, r.Actor, r.Score, r.Access, r.Brokerage, r.Reason)
	}
	for _, x := range m.Excluded {
		t.Logf("excluded %s: %s", x.Actor, x.Reason)
	}
	if len(m.Results) == 0 || m.Results[0].Actor != "oman" {
		t.Fatalf("top mediator: %+v, want oman", m.Results)
	}
	for _, r := range m.Results[0].Sides {
		if r.Hops != 1 || r.Ties[0].Type != "mediates" || r.Ties[0].ValidFrom == nil || r.Ties[0].ValidFrom.String() != "2025-04-12" ||
			len(r.Ties[0].Sources) == 0 {
			t.Errorf("oman's channel: %+v", r)
		}
	}
	// Through the Service, as of the cut-off by its clock.
	s := NewService(&fakeSource{version: 1, batch: b}, WithClock(func() time.Time { return asOf.Time().Add(12 * time.Hour) }))
	sm, err := s.Mediators(ctx, MediatorQuery{A: "united-states", B: "iran", Filter: Filter{Weighted: true}})
	if err != nil || sm.AsOf == nil || *sm.AsOf != asOf || len(sm.Results) == 0 || sm.Results[0].Actor != "oman" {
		t.Errorf("through the service: %+v, %v", sm, err)
	}
}

// TestMediatorsLargeCamps: camps beyond MaxBrokerageSources are sampled,
// with a fixed seed: the same answer every time, brokerage in [0, 1], and
// the one broker between the camps still on top.
func TestMediatorsLargeCamps(t *testing.T) {
	ctx := context.Background()
	var ties []tie
	for i := 0; i < 2*MaxBrokerageSources; i++ {
		ties = append(ties, tie{"a", fmt.Sprintf("x%03d", i), "allied_with", 1}, tie{"b", fmt.Sprintf("y%03d", i), "allied_with", 1})
		ties = append(ties, tie{fmt.Sprintf("x%03d", i), "m", "supports", 0.5})
	}
	ties = append(ties, tie{"m", "a", "mediates", 0.8}, tie{"m", "b", "mediates", 0.8}, tie{"y000", "m", "supports", 0.5},
		tie{"n", "a", "mediates", 0.8}, tie{"n", "b", "mediates", 0.8})
	var first Mediators
	for run := 0; run < 2; run++ {
		p := project(t, batchOf(ties), Filter{Weighted: true})
		m, err := p.Mediators(ctx, MediatorQuery{A: "a", B: "b"})
		if err != nil {
			t.Fatal(err)
		}
		if m.Camps[0] <= MaxBrokerageSources || m.Camps[1] <= MaxBrokerageSources {
			t.Fatalf("camps %v: not sampled", m.Camps)
		}
		if len(m.Results) < 2 || m.Results[0].Actor != "m" || m.Results[0].Brokerage <= m.Results[1].Brokerage {
			t.Fatalf("results %+v", m.Results)
		}
		for _, r := range m.Results {
			if r.Brokerage < 0 || r.Brokerage > 1 {
				t.Errorf("%s: brokerage %v", r.Actor, r.Brokerage)
			}
		}
		if run == 1 && (m.Results[0].Brokerage != first.Results[0].Brokerage || m.Results[1].Brokerage != first.Results[1].Brokerage) {
			t.Errorf("sampled brokerage differs between runs: %v, %v", m.Results[0].Brokerage, first.Results[0].Brokerage)
		}
		first = m
	}
}
