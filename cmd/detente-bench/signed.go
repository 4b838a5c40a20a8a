package main

import (
	"context"
	"fmt"
	"runtime"
	"time"

	"github.com/detente/detente/graph"
	"github.com/detente/detente/graph/analysis"
)

// Signed measures against their unsigned counterparts (issue 18: "signed
// blocs and PN on 10^4/10^5 within 2× the unsigned Louvain and PageRank of
// the same run").
//
// In process, on the generated graph: PageRank, PN (Everett and Borgatti
// 2014), Louvain blocs (/blocs?method=louvain) and signed blocs
// (/blocs?method=signed, k chosen by the criterion, as /blocs answers by
// default when hostile ties are selected). Each repetition of each
// measure gets a fresh projection (results are memoised per projection),
// built untimed like the analysis part's. PageRank reads the directed
// adjacency, built with the projection; PN and both bloc methods read the
// undirected view, which a projection builds on the first query that needs
// it and then shares: it is built untimed before them too (an unweighted
// degree query builds it and does nothing else; weighted and unweighted
// views of one projection share it), so each figure is the algorithm
// alone, and the view's own build is timed apart. The four measures go
// round-robin, each round in a rotated order, so the same noise falls on
// each.

type signedJob struct {
	name string
	view bool // reads the undirected view
	run  func(context.Context, *analysis.Projection) error
}

func benchSigned(ctx context.Context, r *Report, cfg *config, s *size) {
	const rounds = 7
	sec := r.section("2c. Signed measures against their unsigned counterparts (in process)",
		fmt.Sprintf("On the generated %s graph (all built-in types, so cooperative, conflictual and structural ties), in process: "+
			"PageRank and PN centrality (`Projection.Centrality`), Louvain blocs and signed blocs (`Projection.Blocs`, method louvain and signed; "+
			"signed without k: the blocs of greatest signed modularity, by Louvain on the positive and negative layers, as /blocs answers by default). "+
			"Each of %d rounds runs the four on fresh projections (built untimed), in a rotated order. "+
			"PageRank reads the directed adjacency, built with the projection; PN and both bloc methods read the projection's undirected view, "+
			"built on the first query that needs it and shared after: it is built untimed before them too, so each figure is the algorithm alone. "+
			"The *view* column times that build on its own (the first unweighted degree query, which only counts its rows), and "+
			"*(PN + view) ÷ PageRank* is what a first PN query on a fresh projection costs against PageRank. Medians.", s.Name, rounds),
		"graph", "weighted", "PageRank", "PN", "PN ÷ PageRank", "Louvain", "signed blocs", "signed ÷ Louvain", "view", "(PN + view) ÷ PageRank", "PN iterations", "signed k, frustration; Louvain blocs")

	jobs := []signedJob{
		{"pagerank", false, func(ctx context.Context, p *analysis.Projection) error {
			_, err := p.Centrality(ctx, analysis.PageRank)
			return err
		}},
		{"pn", true, func(ctx context.Context, p *analysis.Projection) error {
			_, err := p.Centrality(ctx, analysis.PN)
			return err
		}},
		{"louvain", true, func(ctx context.Context, p *analysis.Projection) error {
			_, err := p.Blocs(ctx, analysis.BlocQuery{Method: analysis.BlocsLouvain})
			return err
		}},
		{"signed", true, func(ctx context.Context, p *analysis.Projection) error {
			_, err := p.Blocs(ctx, analysis.BlocQuery{Method: analysis.BlocsSigned})
			return err
		}},
	}
	b := s.generate()
	reg := graph.NewRegistry(graph.BuiltinTypes())
	var viewT time.Duration // the view is the same weighted or not: timed on the first pass
	for _, weighted := range []bool{false, true} {
		f := analysis.Filter{Weighted: weighted}
		times := map[string][]time.Duration{}
		var view []time.Duration
		for round := range rounds {
			for i := range jobs {
				j := jobs[(i+round)%len(jobs)]
				if ctx.Err() != nil {
					return
				}
				p, err := analysis.Project(ctx, b, reg, analysis.Filter{})
				if err != nil {
					r.problem("signed: %v", err)
					return
				}
				if j.view {
					if _, err := p.Centrality(ctx, analysis.Degree); err != nil {
						r.problem("signed degree: %v", err)
						return
					}
				}
				p = p.WithWeighted(weighted)
				runtime.GC()
				t0 := time.Now()
				err = j.run(ctx, p)
				times[j.name] = append(times[j.name], time.Since(t0))
				if err != nil {
					r.problem("signed %s: %v", j.name, err)
					return
				}
			}
			if !weighted {
				p, err := analysis.Project(ctx, b, reg, f)
				if err != nil {
					r.problem("signed: %v", err)
					return
				}
				runtime.GC()
				t0 := time.Now()
				if _, err := p.Centrality(ctx, analysis.Degree); err != nil {
					r.problem("signed degree: %v", err)
					return
				}
				view = append(view, time.Since(t0))
			}
		}
		// What the answers were, from one more projection (untimed).
		p, err := analysis.Project(ctx, b, reg, f)
		if err != nil {
			r.problem("signed: %v", err)
			return
		}
		pn, err := p.Centrality(ctx, analysis.PN)
		if err != nil {
			r.problem("signed pn: %v", err)
			return
		}
		sb, err := p.Blocs(ctx, analysis.BlocQuery{Method: analysis.BlocsSigned})
		if err != nil {
			r.problem("signed blocs: %v", err)
			return
		}
		lb, err := p.Blocs(ctx, analysis.BlocQuery{Method: analysis.BlocsLouvain})
		if err != nil {
			r.problem("louvain blocs: %v", err)
			return
		}
		pr, pnT, lv, sg := medianDur(times["pagerank"]), medianDur(times["pn"]), medianDur(times["louvain"]), medianDur(times["signed"])
		logf("signed %s weighted=%v: pagerank %s, pn %s, louvain %s, signed %s", s.Name, weighted, ms(pr), ms(pnT), ms(lv), ms(sg))
		if len(view) > 0 {
			viewT = medianDur(view)
		}
		sec.row(fmt.Sprintf("%s → %d/%d", s.Name, p.Len(), p.Edges()), fmt.Sprint(weighted), ms(pr), ms(pnT), x(ratio(pnT, pr)),
			ms(lv), ms(sg), x(ratio(sg, lv)), ms(viewT), x(ratio(pnT+viewT, pr)), fmt.Sprint(pn.Iterations),
			fmt.Sprintf("k %d, %g; %d blocs", sb.K, sb.Frustration, lb.Count))
		w := ""
		if weighted {
			w = " (weighted)"
		}
		r.target("18", fmt.Sprintf("PN%s %s, detente vs its PageRank, same run", w, s.Name), ms(pnT),
			"PageRank "+ms(pr)+" → "+x(ratio(pnT, pr)), "≤ 2× PageRank", ratio(pnT, pr) <= 2)
		r.target("18", fmt.Sprintf("signed blocs%s %s, detente vs its Louvain, same run", w, s.Name), ms(sg),
			"Louvain "+ms(lv)+" → "+x(ratio(sg, lv)), "≤ 2× Louvain", ratio(sg, lv) <= 2)
	}
}
