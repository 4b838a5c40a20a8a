#!/usr/bin/env python3
"""Peers of detente's graph/analysis for `make bench` (cmd/detente-bench).

Times PageRank or betweenness in NetworkX or python-igraph on the edge list
the driver wrote: the directed projection graph/analysis builds (symmetric
relationship types in both directions, parallel relationships combined:
"sum" is the summed weight PageRank uses, "best" the highest single weight,
whose inverse is betweenness' edge length). Loading the graph is not timed;
each repetition times the algorithm call alone (and, for igraph's
betweenness, the O(n) normalisation NetworkX and detente do inside theirs).

Definitions, as in detente (graph/analysis/centrality.go, brandes.go):
  pagerank     damping 0.85, dangling mass spread uniformly, out-weights
               normalised; NetworkX stops on the same rule as detente
               (L1 change < N * tol) and is given detente's tol, 1e-13.
  betweenness  exact (all sources), normalised by 1/((n-1)(n-2)) as
               NetworkX does for a directed graph; weighted: length 1/best.

Output: one JSON object on stdout; the scores (indexed like the edge list's
nodes, i.e. detente's sorted actor ids) go to --scores for the driver to
compare with detente's.
"""
import argparse
import json
import sys
import time


def read_edges(path):
    with open(path) as f:
        n, m = map(int, f.readline().split())
        us, vs, sums, bests = [], [], [], []
        for line in f:
            u, v, s, b = line.split()
            us.append(int(u))
            vs.append(int(v))
            sums.append(float(s))
            bests.append(float(b))
    assert len(us) == m, (len(us), m)
    return n, us, vs, sums, bests


def networkx_runner(args, n, us, vs, sums, bests):
    import networkx as nx

    G = nx.DiGraph()
    G.add_nodes_from(range(n))
    G.add_edges_from(
        (u, v, {"one": 1.0, "w": s, "d": 1.0 / b}) for u, v, s, b in zip(us, vs, sums, bests)
    )
    version = nx.__version__
    if args.alg == "pagerank":
        weight = "w" if args.weighted else "one"
        if args.impl == "scipy":
            # nx.pagerank itself: its default implementation needs SciPy.
            def run():
                return nx.pagerank(G, alpha=0.85, tol=1e-13, max_iter=1000, weight=weight)

            version += " (nx.pagerank, SciPy)"
        else:
            # NetworkX's pure-Python reference implementation: nx.pagerank
            # calls the SciPy one, and SciPy is not among the pinned test
            # tools. Same definition and stopping rule. (weight=None would
            # break its stochastic_graph call, hence an all-ones attribute.)
            from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

            def run():
                return _pagerank_python(G, alpha=0.85, tol=1e-13, max_iter=1000, weight=weight)

            version += " (pure-Python _pagerank_python)"
    else:
        weight = "d" if args.weighted else None

        def run():
            return nx.betweenness_centrality(G, normalized=True, weight=weight)

    def scores(res):
        return [res[i] for i in range(n)]

    return version, run, scores


def igraph_runner(args, n, us, vs, sums, bests):
    import igraph as ig

    g = ig.Graph(n=n, edges=list(zip(us, vs)), directed=True)
    g.es["w"] = sums
    g.es["d"] = [1.0 / b for b in bests]
    version = ig.__version__
    if args.alg == "pagerank":
        weights = "w" if args.weighted else None

        def run():
            return g.pagerank(directed=True, damping=0.85, weights=weights, implementation="prpack")
    else:
        weights = "d" if args.weighted else None
        scale = 1.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0

        def run():
            return [x * scale for x in g.betweenness(directed=True, weights=weights)]

    return version, run, list


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--edges", required=True)
    ap.add_argument("--lib", choices=["networkx", "igraph"], required=True)
    ap.add_argument("--alg", choices=["pagerank", "betweenness"], required=True)
    ap.add_argument("--impl", choices=["python", "scipy"], default="python",
                    help="NetworkX PageRank: the pure-Python reference or nx.pagerank (SciPy)")
    ap.add_argument("--weighted", action="store_true")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--budget", type=float, default=60.0,
                    help="stop repeating once this many seconds were spent (at least one run)")
    ap.add_argument("--scores", help="write the last run's scores here (JSON list)")
    args = ap.parse_args()

    n, us, vs, sums, bests = read_edges(args.edges)
    make = networkx_runner if args.lib == "networkx" else igraph_runner
    version, run, scores = make(args, n, us, vs, sums, bests)

    times, res, spent = [], None, 0.0
    for _ in range(args.reps):
        t0 = time.perf_counter()
        res = run()
        el = time.perf_counter() - t0
        times.append(el)
        spent += el
        if spent > args.budget:
            break
    if args.scores:
        with open(args.scores, "w") as f:
            json.dump(scores(res), f)
    json.dump({"lib": args.lib, "version": version, "alg": args.alg, "weighted": args.weighted,
               "n": n, "m": len(us), "times": times,
               "python": sys.version.split()[0]}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
