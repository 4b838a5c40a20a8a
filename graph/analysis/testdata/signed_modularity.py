#!/usr/bin/env python3
"""Signed modularity of given partitions, by leidenalg (TestSignedModularityLeiden).

Reads {"cases": [{"n", "pos": [[i, j, w]], "neg": [[i, j, w]],
"membership": [bloc of each vertex], "gamma"}]} on standard input; writes,
per case, the partition's signed modularity (Gomez, Jensen and Arenas 2009;
Traag and Bruggeman 2009)

    Q = (q+ - q-) / (2w+ + 2w-)

where q+- is the quality leidenalg's RBConfigurationVertexPartition gives
the partition on the positive (negative) layer at resolution gamma,
sum_ij (A_ij - gamma k_i k_j / 2m) delta(c_i, c_j), and 2w+- twice the
layer's total weight. With gamma = 1 it also gives the same from
ModularityVertexPartition (each layer's ordinary modularity, weighted by
its share of the weight) as a cross-check, and the signed modularity of
the partition leidenalg itself finds on the two layers (layer weights 1 and
-1, the negative-layer recipe of leidenalg's documentation), for comparison.
"""
import json
import sys

import igraph as ig
import leidenalg as la


def layer(n, edges):
    g = ig.Graph(n=n, edges=[(i, j) for i, j, _ in edges])
    return g, [w for _, _, w in edges]


def main():
    out = []
    for c in json.load(sys.stdin)["cases"]:
        n, gamma, membership = c["n"], c["gamma"], c["membership"]
        gp, wp = layer(n, c["pos"])
        gn, wn = layer(n, c["neg"])
        m2 = 2 * sum(wp) + 2 * sum(wn)
        qp = la.RBConfigurationVertexPartition(gp, initial_membership=membership, weights=wp,
                                               resolution_parameter=gamma).quality()
        qn = la.RBConfigurationVertexPartition(gn, initial_membership=membership, weights=wn,
                                               resolution_parameter=gamma).quality()
        res = {"quality": (qp - qn) / m2 if m2 else 0.0}
        if gamma == 1:
            mp = la.ModularityVertexPartition(gp, initial_membership=membership, weights=wp).quality() if wp else 0.0
            mn = la.ModularityVertexPartition(gn, initial_membership=membership, weights=wn).quality() if wn else 0.0
            res["modularity"] = (2 * sum(wp) * mp - 2 * sum(wn) * mn) / m2 if m2 else 0.0
        pp = la.RBConfigurationVertexPartition(gp, weights=wp, resolution_parameter=gamma)
        pn = la.RBConfigurationVertexPartition(gn, weights=wn, resolution_parameter=gamma)
        opt = la.Optimiser()
        opt.set_rng_seed(1)
        opt.optimise_partition_multiplex([pp, pn], layer_weights=[1, -1])
        res["leiden"] = (pp.quality() - pn.quality()) / m2 if m2 else 0.0
        res["leiden_blocs"] = len(set(pp.membership))
        out.append(res)
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
