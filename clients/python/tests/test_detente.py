"""The analyst layer (detente) against a live server: each answer is checked
against the raw JSON the API gives for the same question, read here with a
plain HTTP client, so the layer can neither drop, reorder nor alter what the
API said.

DETENTE_URL and DETENTE_API_KEY name a server holding the seed (detente serve
seeds an empty store) and an admin key; TestPythonClient (clients_python_test.go)
starts one per store and runs these tests.
"""

from __future__ import annotations

import math
import os
import pathlib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import Any

import httpx
import networkx as nx
import pandas as pd
import pytest

import detente

A, B = "united-states", "iran"


@pytest.fixture(scope="module")
def server() -> tuple[str, str]:
    url, key = os.environ.get("DETENTE_URL"), os.environ.get("DETENTE_API_KEY")
    if not url or not key:
        pytest.fail("DETENTE_URL and DETENTE_API_KEY must name a live server (see TestPythonClient)")
    return url, key


@pytest.fixture(scope="module")
def client(server: tuple[str, str]) -> detente.Client:
    return detente.Client(server[0], api_key=server[1])


@pytest.fixture(scope="module")
def raw(server: tuple[str, str]) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server[0] + "/api/v1", headers={"X-API-Key": server[1]}, timeout=60) as h:
        yield h


def get(raw: httpx.Client, path: str, **params: Any) -> Any:
    r = raw.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def same(a: Any, b: Any) -> bool:
    """JSON equality where a DataFrame's missing value (NaN, None) stands
    for an absent field."""
    if isinstance(a, float) and math.isnan(a):
        a = None
    return bool(a == b)


def assert_frame_is(df: pd.DataFrame, items: list[dict[str, Any]]) -> None:
    """The frame holds the items, one row each in order, every field of
    each in its column with its value (absent fields missing)."""
    assert len(df) == len(items)
    for i, (row, item) in enumerate(zip(df.to_dict("records"), items, strict=True)):
        assert set(item) <= set(df.columns), f"row {i}: columns {set(item) - set(df.columns)} missing"
        for col, v in row.items():
            assert same(v, item.get(str(col))), f"row {i} column {col}: {v!r}, the API said {item.get(str(col))!r}"


@pytest.mark.parametrize("page_size", [1, 2, 7, 1000])
def test_iter_actors_every_actor_once_in_order(client: detente.Client, raw: httpx.Client, page_size: int) -> None:
    whole = get(raw, "/actors", limit=1000)
    assert "next_cursor" not in whole or not whole["next_cursor"], "the seed fits in one page"
    want = [a["id"] for a in whole["items"]]
    got = [a["id"] for a in client.iter_actors(page_size=page_size)]
    assert len(want) > 7, "the seed spans several pages of the sizes tried"
    assert got == want


@pytest.mark.parametrize(
    "filters,params",
    [
        ({}, {}),
        ({"kind": "state"}, {"kind": "state"}),
        ({"tag": "p5"}, {"tag": "p5"}),
        ({"q": "iran"}, {"q": "iran"}),
    ],
    ids=["all", "kind", "tag", "q"],
)
def test_actors_frame_is_the_answer(
    client: detente.Client, raw: httpx.Client, filters: dict[str, str], params: dict[str, str]
) -> None:
    want = get(raw, "/actors", limit=1000, **params)["items"]
    df = client.actors(page_size=3, **filters)
    assert len(want) > 0
    assert_frame_is(df, want)
    assert {"id", "name", "kind"} <= set(df.columns)


def test_relationships_frame_is_the_answer(client: detente.Client, raw: httpx.Client) -> None:
    want = get(raw, "/relationships", limit=1000)["items"]
    assert_frame_is(client.relationships(page_size=5), want)
    typed = get(raw, "/relationships", limit=1000, type="opposes,sanctions")["items"]
    assert typed and {r["type"] for r in typed} <= {"opposes", "sanctions"}
    assert_frame_is(client.relationships(types=["opposes", "sanctions"], page_size=4), typed)


@pytest.mark.parametrize("algorithm", ["pagerank", "degree", "betweenness"])
def test_influence_frame_is_the_ranking(client: detente.Client, raw: httpx.Client, algorithm: str) -> None:
    want = get(raw, "/influence", algorithm=algorithm, limit=1000)
    assert not want.get("next_cursor")
    df = client.influence(algorithm, page_size=4)
    assert len(df) > 4, "more than one page of 4"
    assert_frame_is(df, want["results"])
    assert df["rank"].is_monotonic_increasing


def test_mediators_frame_is_the_answer(client: detente.Client, raw: httpx.Client) -> None:
    want = get(raw, "/mediators", between=f"{A},{B}", limit=1000)["results"]
    df = client.mediators(A, B, page_size=2)
    assert len(want) > 2, "more than one page of 2"
    assert_frame_is(df, want)


@pytest.mark.parametrize("method", ["signed", "louvain"])
def test_blocs_frame_is_the_membership(client: detente.Client, raw: httpx.Client, method: str) -> None:
    want = get(raw, "/blocs", method=method, limit=1000)
    df = client.blocs(method=method)
    assert list(df.columns[:3]) == ["actor", "bloc", "bloc_size"]
    assert [(r["actor"], r["bloc"]) for r in df.to_dict("records")] == [
        (m, b["id"]) for b in want["blocs"] for m in b["members"]
    ]
    assert df["actor"].is_unique
    assert (df.groupby("bloc")["actor"].count() == df.groupby("bloc")["bloc_size"].first()).all()
    assert df.attrs["method"] == want["method"] == method
    assert df.attrs["count"] == want["count"]
    # Paged a bloc at a time: the same rows.
    paged = client.blocs(method=method, page_size=1)
    assert paged.to_dict("records") == df.to_dict("records")
    # limit keeps the largest blocs: the first rows of the whole answer.
    top = client.blocs(method=method, limit=2)
    assert len(want["blocs"]) > 2, "the seed splits into more than two blocs"
    assert top.to_dict("records") == df[df["bloc"].isin([b["id"] for b in want["blocs"][:2]])].to_dict("records")


def test_balance_frame_is_the_answer(client: detente.Client, raw: httpx.Client) -> None:
    want = get(raw, "/balance", limit=1000)
    df = client.balance()
    assert_frame_is(df, want["actors"])
    assert df.attrs == {k: v for k, v in want.items() if k != "actors"}
    # Paged two actors at a time (limit also caps the triads listed): the
    # same actors, in the same order.
    assert len(want["actors"]) > 2, "more than one page of 2"
    assert_frame_is(client.balance(limit=2), want["actors"])


def test_paths_are_the_answer(client: detente.Client, raw: httpx.Client) -> None:
    for mode in ["shortest", "all_shortest", "k_shortest", "all", "temporal"]:
        want = get(raw, "/paths", **{"from": A, "to": B, "mode": mode, "max_hops": 3, "exclude": "china,russia"})
        got = client.paths(A, B, mode=mode, max_hops=3, exclude=["china", "russia"])
        assert got == want["paths"], mode
        assert got, f"{mode}: a path"


def test_to_networkx_is_the_json_graph(client: detente.Client, raw: httpx.Client) -> None:
    want = get(raw, "/graph", format="json")
    g = client.to_networkx()
    assert isinstance(g, nx.MultiDiGraph)
    symmetric = [e for e in want["edges"] if e["symmetric"]]
    assert symmetric and len(symmetric) < len(want["edges"]), "the seed has symmetric and directed ties"
    assert g.number_of_nodes() == len(want["nodes"])
    assert g.number_of_edges() == len(want["edges"]) + len(symmetric)
    for n in want["nodes"]:
        assert g.nodes[n["id"]] == {k: v for k, v in n.items() if k != "id"}
    for e in want["edges"]:
        attrs = {k: v for k, v in e.items() if k not in ("source", "target")}
        assert g.edges[e["source"], e["target"], e["id"]] == attrs
        if e["symmetric"]:
            assert g.edges[e["target"], e["source"], e["id"]] == attrs
        elif not any(
            x["id"] == e["id"] for x in want["edges"] if (x["source"], x["target"]) == (e["target"], e["source"])
        ):
            assert not g.has_edge(e["target"], e["source"], e["id"]), "a directed tie is one edge"


XML_NS = {"graphml": "http://graphml.graphdrawing.org/xmlns", "gexf": "http://gexf.net/1.3"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_xml_is_the_graph(client: detente.Client, raw: httpx.Client, fmt: str) -> None:
    # Every actor once, and every relationship an edge under its id, as
    # in the json format of the same question.
    cases: list[tuple[str, dict[str, str]]] = [
        (client.graph_xml(fmt), {}),
        (
            client.graph_xml(fmt, types=["sanctions", "attacks"], polarity="negative"),
            {"types": "sanctions,attacks", "polarity": "negative"},
        ),
    ]
    for text, params in cases:
        want = get(raw, "/graph", **params)
        assert want["edges"], "the question has an answer to compare"
        root = ET.fromstring(text)
        ns = "{" + XML_NS[fmt] + "}"
        assert root.tag == ns + fmt
        nodes = sorted(n.get("id") or "" for n in root.iter(ns + "node"))
        edges = sorted(e.get("id") or "" for e in root.iter(ns + "edge"))
        assert nodes == sorted(n["id"] for n in want["nodes"])
        assert edges == sorted(e["id"] for e in want["edges"])
    positioned = ET.fromstring(client.graph_xml("gexf", layout="force"))
    assert any(el.tag.endswith("}position") for el in positioned.iter())
    with pytest.raises(ValueError):
        client.graph_xml("json")
    with pytest.raises(detente.DetenteError) as e:
        client.graph_xml(fmt, types=["no-such-type"])
    assert e.value.status == 400 and e.value.problem["status"] == 400


def test_to_networkx_filters(client: detente.Client, raw: httpx.Client) -> None:
    want = get(raw, "/graph", format="json", types="opposes,allied_with", kind="state")
    g = client.to_networkx(types=["opposes", "allied_with"], kind=["state"])
    assert {d["type"] for _, _, d in g.edges(data=True)} <= {"opposes", "allied_with"}
    assert all(d["kind"] == "state" for _, d in g.nodes(data=True))
    assert sorted(g.nodes) == sorted(n["id"] for n in want["nodes"])
    assert g.number_of_edges() == sum(2 if e["symmetric"] else 1 for e in want["edges"])


def test_import_then_export(client: detente.Client, raw: httpx.Client) -> None:
    batch = {
        "actors": [
            {"id": "pytest-a", "name": "Pytest A", "kind": "other", "attributes": {"x": [1, None]}},
            {"id": "pytest-b", "name": "Pytest B", "kind": "other"},
        ],
        "relationships": [{"source": "pytest-a", "target": "pytest-b", "type": "allied_with"}],
    }
    dry = client.import_batch(batch, dry_run=True)
    assert dry["dry_run"] is True and dry["actors"]["created"] == 2
    assert raw.get("/actors/pytest-a").status_code == 404, "a dry run writes nothing"
    done = client.import_batch(batch)
    assert done["actors"]["created"] == 2 and done["relationships"]["created"] == 1
    exported = client.export()
    assert exported == get(raw, "/export")
    a = next(x for x in exported["actors"] if x["id"] == "pytest-a")
    assert a["attributes"] == {"x": [1, None]}
    assert any(r["source"] == "pytest-a" and r["target"] == "pytest-b" for r in exported["relationships"])


@pytest.mark.parametrize(
    "call,status",
    [
        (lambda c: c.mediators(A, "no-such-actor"), 404),
        (lambda c: c.paths(A, B, mode="shortest", k=2), 400),
    ],
    ids=["unknown actor", "k outside k_shortest"],
)
def test_problems_raise(client: detente.Client, call: Any, status: int) -> None:
    with pytest.raises(detente.DetenteError) as e:
        call(client)
    assert e.value.status == status
    assert e.value.problem["status"] == status


def test_without_a_key(server: tuple[str, str], client: detente.Client) -> None:
    # The server holds keys: a client without one sends none and is refused.
    with pytest.raises(detente.DetenteError) as e:
        detente.Client(server[0]).actors()
    assert e.value.status == 401
    assert "Authorization" not in detente.Client(server[0]).api.get_httpx_client().headers
    assert client.api.get_httpx_client().headers["Authorization"] == "Bearer " + server[1]


# A GDELT 2.0 file of 8 events (ingest's test data): US-Iran talks, among others.
GDELT = pathlib.Path(__file__).resolve().parents[3] / "ingest" / "testdata" / "gdelt2-valid.tsv"


def test_ingest_then_events(client: detente.Client, raw: httpx.Client) -> None:
    summary = client.ingest_events(GDELT, "gdelt", create_actors=True)
    assert summary["events"] == 8 and summary["errors"] == []
    again = client.ingest_events(GDELT.read_bytes(), "gdelt", create_actors=True)
    assert again["duplicates"] == 8 and again["new"] == 0, "the same file twice stores nothing new"
    want = get(raw, "/events", limit=1000)["items"]
    assert len(want) == 8
    assert_frame_is(client.events(page_size=3), want)
    ours = get(raw, "/events", limit=1000, actor=A)["items"]
    assert ours and all(A in (e.get("source"), e.get("target")) for e in ours)
    assert_frame_is(client.events(actor=A, page_size=1), ours)
