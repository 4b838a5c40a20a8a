#!/usr/bin/env python3
"""Generate reference graphs and NetworkX's values for package analysis.

Run from anywhere:  python3 graph/analysis/testdata/gen/gen.py
Needs only NetworkX (pure-Python code paths: no numpy or scipy). It writes
graph/analysis/testdata/random-*.json; the Go tests read those files and
never run Python.

The graphs are directed projections built exactly as package analysis
documents them:

  * an asymmetric relationship u->v is the edge u->v; a symmetric one
    (allied_with, negotiates_with, hostile_to) is both u->v and v->u;
  * parallel relationships on one ordered pair combine into one edge whose
    flow weight is the SUM of their weights (PageRank, eigenvector,
    in/out-degree) and whose distance is 1/MAX weight (betweenness,
    closeness: the best single tie);
  * unweighted measures see one edge per ordered pair (a DiGraph);
  * degree is the undirected view: distinct neighbours (unweighted), or the
    sum of the weights of every relationship the actor is party to, each
    relationship once (weighted);
  * the nodes are the endpoints of the selected relationships.

Values are computed with tight tolerances (NetworkX's defaults stop with an
error of ~1e-6; the Go side must agree to 1e-6 relative).
"""
import json
import os
import random
from itertools import combinations

import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
TYPES_JSON = os.path.join(OUT, "..", "..", "types.json")

with open(TYPES_JSON) as f:
    TYPES = {t["name"]: t for t in json.load(f)}

TIGHT = dict(tol=1e-15, max_iter=100000)


def rel_weight(r, weighted):
    return r["weight"] if weighted else 1.0


def select(rels, flt):
    out = []
    for r in rels:
        t = TYPES[r["type"]]
        if flt.get("types") and r["type"] not in flt["types"]:
            continue
        pol = flt.get("polarity", "all")
        if pol == "positive" and t["polarity"] != 1:
            continue
        if pol == "negative" and t["polarity"] != -1:
            continue
        asof = flt.get("as_of")
        if asof:
            if r.get("valid_from") and asof < r["valid_from"]:
                continue
            if r.get("valid_to") and r["valid_to"] < asof:
                continue
        out.append(r)
    return out


def directed_edges(rels):
    for r in rels:
        yield r["source"], r["target"], r
        if TYPES[r["type"]]["symmetric"]:
            yield r["target"], r["source"], r


def projections(rels):
    flow = nx.DiGraph()
    dist = nx.DiGraph()
    for u, v, r in directed_edges(rels):
        w = r["weight"]
        if flow.has_edge(u, v):
            flow[u][v]["weight"] += w
            best = max(dist[u][v]["best"], w)
            dist[u][v]["best"] = best
            dist[u][v]["dist"] = 1.0 / best
        else:
            flow.add_edge(u, v, weight=w)
            dist.add_edge(u, v, best=w, dist=1.0 / w)
    return flow, dist


def degree(rels, weighted):
    if weighted:
        m = nx.MultiGraph()
        for r in rels:
            m.add_edge(r["source"], r["target"], weight=r["weight"])
        return dict(m.degree(weight="weight"))
    g = nx.Graph()
    for r in rels:
        g.add_edge(r["source"], r["target"])
    return dict(g.degree())


def balance(rels, weighted):
    net = {}
    for r in rels:
        p = TYPES[r["type"]]["polarity"]
        if p == 0:
            continue
        key = tuple(sorted((r["source"], r["target"])))
        net[key] = net.get(key, 0.0) + p * rel_weight(r, weighted)
    sign = {k: (1 if v > 0 else -1) for k, v in net.items() if v != 0}
    nbr = {}
    for a, b in sign:
        nbr.setdefault(a, set()).add(b)
        nbr.setdefault(b, set()).add(a)
    counts = {"ppp": 0, "ppn": 0, "pnn": 0, "nnn": 0}
    per = {}
    for a in sorted(nbr):
        for b in sorted(x for x in nbr[a] if x > a):
            for c in sorted(x for x in nbr[a] & nbr[b] if x > b):
                neg = sum(1 for k in ((a, b), (a, c), (b, c)) if sign[k] < 0)
                key = ["ppp", "ppn", "pnn", "nnn"][neg]
                counts[key] += 1
                if neg % 2 == 1:
                    for x in (a, b, c):
                        per[x] = per.get(x, 0) + 1
    return {"counts": counts, "unbalanced_by_actor": per}


def mediators(rels, a, b, weighted):
    """Share of the strength of positive paths of <= 3 hops between a and b
    (undirected; pair weight = best single positive tie) carried by each
    actor tied positively to both a and b."""
    pw = {}
    for r in rels:
        if TYPES[r["type"]]["polarity"] != 1:
            continue
        key = frozenset((r["source"], r["target"]))
        pw[key] = max(pw.get(key, 0.0), rel_weight(r, weighted))
    g = nx.Graph()
    for k, w in pw.items():
        u, v = tuple(k)
        g.add_edge(u, v, w=w)
    if a not in g or b not in g:
        return {"total": 0.0, "paths": 0, "scores": {}}
    total, npaths, carried = 0.0, 0, {}
    for path in nx.all_simple_paths(g, a, b, cutoff=3):
        s = 1.0
        for x, y in zip(path, path[1:]):
            s *= g[x][y]["w"]
        total += s
        npaths += 1
        for m in path[1:-1]:
            carried[m] = carried.get(m, 0.0) + s
    cands = set(g[a]) & set(g[b])
    return {
        "total": total,
        "paths": npaths,
        "scores": {m: carried.get(m, 0.0) / total for m in sorted(cands)},
    }


def busiest_pairs(rels, k):
    """The k pairs of actors with the most common positive neighbours."""
    nbr = {}
    for r in rels:
        if TYPES[r["type"]]["polarity"] == 1:
            nbr.setdefault(r["source"], set()).add(r["target"])
            nbr.setdefault(r["target"], set()).add(r["source"])
    scored = sorted(((-len(nbr[a] & nbr[b]), a, b) for a, b in combinations(sorted(nbr), 2)))
    return [[a, b] for _, a, b in scored[:k]]


def expected(rels, flt, ppr_actors, med_pairs):
    sel = select(rels, flt)
    weighted = flt.get("weighted", False)
    flow, dist = projections(sel)
    w = "weight" if weighted else None
    d = "dist" if weighted else None
    exp = {
        "nodes": flow.number_of_nodes(),
        "edges": flow.number_of_edges(),
        "pagerank": _pagerank_python(flow, weight=w, **TIGHT) if len(flow) else {},
        "eigenvector": nx.eigenvector_centrality(flow, weight=w, tol=1e-14, max_iter=100000) if len(flow) else {},
        "betweenness": nx.betweenness_centrality(dist, weight=d, normalized=True),
        "closeness": nx.closeness_centrality(dist, distance=d),
        "in_degree": dict(flow.in_degree(weight=w)),
        "out_degree": dict(flow.out_degree(weight=w)),
        "degree": degree(sel, weighted),
    }
    exp["ppr"] = []
    for a in ppr_actors:
        if a not in flow:
            continue
        exp["ppr"].append({
            "actor": a,
            "influences": _pagerank_python(flow, personalization={a: 1}, weight=w, **TIGHT),
            "influenced_by": _pagerank_python(flow.reverse(copy=True), personalization={a: 1}, weight=w, **TIGHT),
        })
    if flt.get("polarity", "all") == "all":
        exp["balance"] = balance(sel, weighted)
    if med_pairs == "auto":
        med_pairs = busiest_pairs(sel, 2)
    exp["mediators"] = [
        dict(between=[a, b], **mediators(sel, a, b, weighted)) for a, b in med_pairs
    ]
    return exp


def make_graph(name, seed, n, m, weights, dated=False, parallel=0.0, isolated=3):
    rnd = random.Random(seed)
    ids = ["n%03d" % i for i in range(n)]
    # a mix of symmetric and asymmetric types of every polarity
    types = ["supports", "allied_with", "negotiates_with", "funds", "arms",
             "sanctions", "criticizes", "hostile_to", "member_of", "mediates"]
    tw = [4, 3, 2, 2, 2, 2, 2, 2, 1, 1]
    active = ids[: n - isolated]  # the last few actors have no relationships
    rels, pairs = [], set()
    # preferential-ish choice of endpoints so that degrees spread out
    hubs = [x for x in active for _ in range(1 + (rnd.random() < 0.1) * 6)]

    def rel(u, v, t):
        r = {"id": "r%05d" % len(rels), "source": u, "target": v, "type": t,
             "weight": weights(rnd), "confidence": 0.8}
        if dated:
            if rnd.random() < 0.5:
                r["valid_from"] = "%04d-%02d-01" % (rnd.randint(2005, 2020), rnd.randint(1, 12))
            if rnd.random() < 0.3:
                y = int(r.get("valid_from", "2005")[:4]) + rnd.randint(0, 8)
                r["valid_to"] = "%04d-%02d-28" % (y, rnd.randint(1, 12))
        rels.append(r)
        return r

    while len(rels) < m:
        u, v = rnd.choice(hubs), rnd.choice(hubs)
        if u == v:
            continue
        key = frozenset((u, v))
        if key in pairs and rnd.random() >= parallel:
            continue
        pairs.add(key)
        rel(u, v, rnd.choices(types, tw)[0])
    return ids, rels


def write(name, ids, rels, cases, note):
    doc = {"name": name, "note": note, "generated_with": "networkx " + nx.__version__,
           "actors": ids, "relationships": rels, "cases": []}
    for c in cases:
        doc["cases"].append({"filter": c["filter"],
                             "expected": expected(rels, c["filter"], c["ppr"], c.get("mediators", "auto"))})
    path = os.path.join(OUT, name + ".json")
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", path, len(ids), "actors", len(rels), "relationships")


def main():
    # A: unique pairs, continuous weights (1/w inexact: few equal-length paths).
    ids, rels = make_graph("random-a", 1, 200, 700, lambda r: round(r.uniform(0.05, 1.0), 3))
    write("random-a", ids, rels, [
        {"filter": {"polarity": "all"}, "ppr": ["n000", "n042"], "mediators": "auto"},
        {"filter": {"polarity": "all", "weighted": True}, "ppr": ["n000", "n042"], "mediators": "auto"},
        {"filter": {"types": ["supports", "allied_with", "arms", "sanctions"], "weighted": True}, "ppr": ["n010"]},
        {"filter": {"polarity": "negative"}, "ppr": ["n005"], "mediators": []},
        {"filter": {"polarity": "positive", "weighted": True}, "ppr": [], "mediators": "auto"},
    ], "unique pairs; weights uniform in [0.05, 1] rounded to 3 places")

    # B: dated relationships, weights in {0.25, 0.5, 1}: many equal-cost
    # weighted shortest paths, so path counting must treat ties exactly.
    ids, rels = make_graph("random-b", 2, 180, 650, lambda r: r.choice([0.25, 0.5, 1.0]), dated=True)
    write("random-b", ids, rels, [
        {"filter": {"as_of": "2015-06-01"}, "ppr": ["n001"]},
        {"filter": {"as_of": "2015-06-01", "weighted": True}, "ppr": ["n001"]},
        {"filter": {"as_of": "2019-01-01", "polarity": "positive", "weighted": True}, "ppr": ["n004"],
         "mediators": "auto"},
        {"filter": {"weighted": True}, "ppr": [], "mediators": "auto"},
    ], "dated relationships; weights in {0.25, 0.5, 1}")

    # C: parallel relationships on the same pair (symmetric over asymmetric,
    # several types): tests how the projection combines them.
    ids, rels = make_graph("random-c", 3, 150, 600, lambda r: round(r.uniform(0.1, 1.0), 2), parallel=0.35)
    write("random-c", ids, rels, [
        {"filter": {}, "ppr": ["n002"], "mediators": "auto"},
        {"filter": {"weighted": True}, "ppr": ["n002"], "mediators": "auto"},
    ], "parallel relationships between the same pair, some symmetric")


if __name__ == "__main__":
    main()
