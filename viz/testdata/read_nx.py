"""Reads detente's GraphML, GEXF and d3 exports with NetworkX's own readers
and checks that every actor and relationship, with its attributes, comes
back as the expectations file says.

Run by viz/consumers_test.go as `.venv/bin/python viz/testdata/read_nx.py`
with VIZ_EXPECTATIONS set to the expectations JSON that the Go test wrote
next to the exports (its "files" map names each export).
"""

import json
import os
import sys
import unittest

import networkx as nx


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


EXPECT = load(os.environ["VIZ_EXPECTATIONS"])
NODES = {n["id"]: n for n in EXPECT["nodes"]}
EDGES = {e["id"]: e for e in EXPECT["edges"]}
SYMMETRIC = sum(1 for e in EDGES.values() if e["symmetric"])


def split(s):
    return s.split("|") if s else []


class Common:
    """Checks shared by the XML formats, whose lists are '|'-joined strings."""

    def check_nodes(self, g):
        self.assertEqual(g.number_of_nodes(), len(NODES))
        for nid, want in NODES.items():
            got = g.nodes[nid]
            with self.subTest(node=nid):
                self.assertEqual(got["name"], want["name"])
                self.assertEqual(got["kind"], want["kind"])
                self.assertEqual(got.get("country_code", ""), want["country_code"])
                self.assertEqual(got.get("region", ""), want["region"])
                self.assertEqual(split(got.get("tags", "")), want["tags"])
                self.assertEqual(split(got.get("aliases", "")), want["aliases"])

    def check_edge(self, rid, u, v, data, reverse=False):
        want = EDGES[rid]
        with self.subTest(edge=rid, reverse=reverse):
            ends = (want["target"], want["source"]) if reverse else (want["source"], want["target"])
            self.assertEqual((u, v), ends)
            self.assertEqual(data["type"], want["type"])
            self.assertIsInstance(data["sign"], int)
            self.assertEqual(data["sign"], want["sign"])
            self.assertIsInstance(data["weight"], float)
            self.assertEqual(data["weight"], want["weight"])
            self.assertIsInstance(data["confidence"], float)
            self.assertEqual(data["confidence"], want["confidence"])
            self.assertIs(data["symmetric"], want["symmetric"])
            self.assertEqual(data.get("valid_from", ""), want["valid_from"])
            self.assertEqual(data.get("valid_to", ""), want["valid_to"])


class GraphML(Common, unittest.TestCase):
    def test_read_graphml(self):
        g = nx.read_graphml(EXPECT["files"]["graphml"], edge_key_type=str, force_multigraph=True)
        self.assertIsInstance(g, nx.MultiDiGraph)
        self.check_nodes(g)
        self.assertEqual(g.number_of_edges(), len(EDGES))
        seen = set()
        for u, v, key, data in g.edges(keys=True, data=True):
            self.check_edge(key, u, v, data)
            seen.add(key)
        self.assertEqual(seen, set(EDGES))
        for nid, want in NODES.items():
            self.assertEqual(g.nodes[nid]["label"], want["name"])
            # the layout's x and y: typed doubles, as Gephi's importer reads them
            self.assertEqual((g.nodes[nid]["x"], g.nodes[nid]["y"]), (want["x"], want["y"]))


class GEXF(Common, unittest.TestCase):
    # NetworkX reads no mixed graph, and a GEXF with symmetric ties is mixed
    # (their edges undirected, for Gephi: TestConsumersGephi); so NetworkX
    # reads the sample without its symmetric ties, which is declared
    # directed.
    def test_read_gexf(self):
        g = nx.read_gexf(EXPECT["files"]["gexf_directed"])
        self.assertTrue(g.is_directed())
        self.assertEqual(g.graph["mode"], "dynamic")
        self.check_nodes(g)
        for nid, want in NODES.items():
            self.assertEqual(g.nodes[nid]["label"], want["name"])
            # the layout, in GEXF 1.3's viz module
            pos = g.nodes[nid]["viz"]["position"]
            self.assertEqual((pos["x"], pos["y"]), (want["x"], want["y"]))
        directed = {rid: e for rid, e in EDGES.items() if not e["symmetric"]}
        self.assertEqual(g.number_of_edges(), len(directed))
        seen = set()
        for u, v, key, data in g.edges(keys=True, data=True):
            rid = data["id"]
            self.assertEqual(key, rid)
            want = directed[rid]
            self.check_edge(rid, u, v, data, reverse=False)
            self.assertEqual(data["label"], want["type"])
            # the validity interval is the edge's time: start/end
            if want["valid_from"]:
                self.assertEqual(data["start"], want["valid_from"])
            else:
                self.assertNotIn("start", data)
            if want["valid_to"]:
                self.assertEqual(data["end"], want["valid_to"])
            else:
                self.assertNotIn("end", data)
            seen.add(rid)
        self.assertEqual(seen, set(directed))


class D3(unittest.TestCase):
    def test_node_link_graph(self):
        data = load(EXPECT["files"]["d3"])
        g = nx.node_link_graph(data, edges="links")
        self.assertIsInstance(g, nx.MultiDiGraph)
        self.assertEqual(g.number_of_nodes(), len(NODES))
        self.assertEqual(g.number_of_edges(), len(EDGES))
        for nid, want in NODES.items():
            self.assertEqual(g.nodes[nid]["tags"], want["tags"])
            self.assertEqual(g.nodes[nid]["name"], want["name"])
            self.assertEqual((g.nodes[nid]["x"], g.nodes[nid]["y"]), (want["x"], want["y"]))
        ids = set()
        for u, v, data in g.edges(data=True):
            want = EDGES[data["id"]]
            self.assertEqual((u, v), (want["source"], want["target"]))
            self.assertEqual((data["sign"], data["weight"], data["symmetric"]), (want["sign"], want["weight"], want["symmetric"]))
            ids.add(data["id"])
        self.assertEqual(ids, set(EDGES))


if __name__ == "__main__":
    print(f"networkx {nx.__version__}, python {sys.version.split()[0]}")
    unittest.main(verbosity=2)
