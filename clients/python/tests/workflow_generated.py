"""The issue's workflow through the generated client alone (detente_api_client),
with its default settings: every call is the generated function as it is, so a
call that fails here is a fault of the API description or the server, never one
to work around in the client.

    python workflow_generated.py BASE_URL API_KEY

The server must hold the seed (detente serve seeds an empty store) and an admin
key. Each step checks the answer against what the request asked; the first
failed check ends the run with a non-zero status and says which step. Run by
TestPythonClient (clients_python_test.go) on the embedded store and on Neo4j.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

from detente_api_client import AuthenticatedClient
from detente_api_client.api.actors import create_actor, delete_actor, get_actor, list_actors, update_actor
from detente_api_client.api.import_export import export_batch, import_batch
from detente_api_client.api.queries import (
    find_blocs,
    find_mediators,
    find_paths,
    rank_influence,
    structural_balance,
)
from detente_api_client.api.relationships import create_relationship, delete_relationship, get_relationship
from detente_api_client.api.visualisation import get_graph, get_neighborhood
from detente_api_client.models import (
    Actor,
    ActorCreate,
    ActorCreateKind,
    ActorList,
    ActorPatch,
    Balance,
    Batch,
    BlocPartition,
    CytoscapeGraph,
    FindPathsMode,
    GetGraphFormat,
    GetNeighborhoodFormat,
    GraphJSON,
    GraphologyGraph,
    ImportResult,
    Mediators,
    NodeLinkGraph,
    PathList,
    Problem,
    Ranking,
    Relationship,
    RelationshipCreate,
)
from detente_api_client.types import UNSET, Response, Unset

T = TypeVar("T")

# The seed's actors and ties the steps lean on (seed/): a hostile pair with
# mediators between them, and types present on paths between them.
A, B = "united-states", "iran"
NEW = "py-workflow-state"


class Failed(Exception):
    pass


def check(cond: bool, what: str) -> None:
    if not cond:
        raise Failed(what)


def ok(resp: Response[T | Problem | Any], model: type[T], status: int = 200) -> T:
    """The parsed answer of a call that must succeed with status."""
    if resp.status_code != status or not isinstance(resp.parsed, model):
        raise Failed(f"want {status} {model.__name__}, got {int(resp.status_code)}: {resp.content[:500]!r}")
    return resp.parsed


def problem(resp: Response[Any], status: int) -> Problem:
    """The problem of a call that must fail with status."""
    if resp.status_code != status or not isinstance(resp.parsed, Problem):
        raise Failed(f"want problem {status}, got {int(resp.status_code)}: {resp.content[:500]!r}")
    return resp.parsed


def cursor_of(next_cursor: str | Unset | None) -> str | None:
    return next_cursor if isinstance(next_cursor, str) and next_cursor else None


def pages(fetch: Callable[[str | Unset], tuple[list[T], str | Unset | None]]) -> Iterator[list[T]]:
    """Every page from the first to the one without next_cursor."""
    cursor: str | Unset = UNSET
    for _ in range(10_000):
        items, nxt = fetch(cursor)
        yield items
        c = cursor_of(nxt)
        if c is None:
            return
        cursor = c
    raise Failed("more than 10000 pages: the cursor does not advance")


def step_list_actors(c: AuthenticatedClient) -> list[str]:
    def fetch(cursor: str | Unset) -> tuple[list[Actor], str | Unset | None]:
        page = ok(list_actors.sync_detailed(client=c, limit=3, cursor=cursor), ActorList)
        check(len(page.items) <= 3, "a page holds at most limit actors")
        return page.items, page.next_cursor

    paged = [a.id for p in pages(fetch) for a in p]
    whole = ok(list_actors.sync_detailed(client=c, limit=1000), ActorList)
    check(cursor_of(whole.next_cursor) is None, "the seed fits in one page of 1000")
    check(paged == [a.id for a in whole.items], "pages of 3 give every actor once, in the order of one page")
    check(len(paged) > 6, "the seed has more than two pages of actors")
    return paged


def step_create_read_update(c: AuthenticatedClient) -> None:
    body = ActorCreate.from_dict(
        {
            "id": NEW,
            "name": "Py Workflow",
            "kind": ActorCreateKind.STATE.value,
            "attributes": {"n": 1, "l": [1, None, "x"]},
        }
    )
    created = ok(create_actor.sync_detailed(client=c, body=body), Actor, 201)
    check(created.id == NEW and created.kind.value == "state", "the created actor is the one sent")
    problem(create_actor.sync_detailed(client=c, body=body), 409)

    got = get_actor.sync_detailed(NEW, client=c)
    actor = ok(got, Actor)
    check(actor.to_dict()["attributes"] == {"n": 1, "l": [1, None, "x"]}, f"attributes read back: {actor.to_dict()}")
    etag = got.headers.get("ETag")
    check(bool(etag), "a read actor has an ETag")
    assert etag is not None

    upd = update_actor.sync_detailed(NEW, client=c, body=ActorPatch(description="updated"), if_match=etag)
    updated = ok(upd, Actor)
    check(updated.description == "updated", "the update took")
    check(upd.headers.get("ETag") not in (None, etag), "the update changed the ETag")
    # The old ETag no longer matches: the precondition fails, nothing changes.
    problem(update_actor.sync_detailed(NEW, client=c, body=ActorPatch(description="stale"), if_match=etag), 412)
    check(
        ok(get_actor.sync_detailed(NEW, client=c), Actor).description == "updated", "a failed If-Match changes nothing"
    )

    rel = RelationshipCreate.from_dict({"source": NEW, "target": B, "type": "opposes"})
    r = ok(create_relationship.sync_detailed(client=c, body=rel), Relationship, 201)
    check((r.source, r.target, r.type_) == (NEW, B, "opposes"), "the created relationship is the one sent")


def step_paths(c: AuthenticatedClient) -> None:
    # Multi-value filters: two types, two excluded actors (the generated
    # client sends an array as the parameter repeated).
    types = ["opposes", "sanctions", "negotiates_with", "mediates", "allied_with"]
    exclude = ["china", "russia"]
    for mode in FindPathsMode:
        k: int | Unset = 3 if mode == FindPathsMode.K_SHORTEST else UNSET
        pl = ok(
            find_paths.sync_detailed(client=c, from_=A, to=B, mode=mode, k=k, types=types, exclude=exclude, max_hops=3),
            PathList,
        )
        check(len(pl.paths) > 0, f"mode {mode.value}: a path from {A} to {B}")
        for p in pl.paths:
            check(p.actors[0] == A and p.actors[-1] == B, f"mode {mode.value}: a path runs from {A} to {B}")
            check(
                p.hops == len(p.actors) - 1 == len(p.relationships), f"mode {mode.value}: hops, actors and ties agree"
            )
            check(not set(p.actors) & set(exclude), f"mode {mode.value}: no excluded actor on {p.actors}")
            check({r.type_ for r in p.relationships} <= set(types), f"mode {mode.value}: only the asked types")


def step_influence(c: AuthenticatedClient) -> None:
    def fetch(cursor: str | Unset) -> tuple[list[Any], str | Unset | None]:
        r = ok(rank_influence.sync_detailed(client=c, limit=4, cursor=cursor), Ranking)
        return r.results, r.next_cursor

    paged = [(s.actor, s.rank) for p in pages(fetch) for s in p]
    whole = ok(rank_influence.sync_detailed(client=c, limit=1000), Ranking)
    check(paged == [(s.actor, s.rank) for s in whole.results], "pages of 4 give the one-page ranking")
    # Competition ranks ("1224"): an actor's rank is 1 + the number of
    # actors with a greater score.
    scores = [s.score for p in pages(fetch) for s in p]
    check(
        [r for _, r in paged] == [1 + sum(x > s for x in scores) for s in scores],
        "each rank is 1 + the number of greater scores",
    )
    check(len(paged) > 4, "the ranking has more than one page of 4")


def step_mediators(c: AuthenticatedClient) -> None:
    def fetch(cursor: str | Unset) -> tuple[list[Any], str | Unset | None]:
        m = ok(find_mediators.sync_detailed(client=c, between=[A, B], limit=2, cursor=cursor), Mediators)
        check(m.between == [A, B], "the answer names the pair asked")
        return m.results, m.next_cursor

    paged = [m.actor for p in pages(fetch) for m in p]
    whole = ok(find_mediators.sync_detailed(client=c, between=[A, B], limit=1000), Mediators)
    check(len(paged) > 0, "the seed has mediators between the pair")
    check(paged == [m.actor for m in whole.results], "pages of 2 give the one-page list")
    check(A not in paged and B not in paged, "neither side mediates itself")


def step_blocs_balance(c: AuthenticatedClient) -> None:
    bp = ok(find_blocs.sync_detailed(client=c), BlocPartition)
    members = [m for b in bp.blocs for m in b.members]
    check(len(members) == len(set(members)), "no actor in two blocs")
    check(all(b.size == len(b.members) for b in bp.blocs), "a bloc's size is its member count")
    check(bp.count == len(bp.blocs), "count is the number of blocs")

    bal = ok(structural_balance.sync_detailed(client=c), Balance)
    check(bal.balanced + bal.unbalanced == bal.triads, "every triad balanced or not")
    counts = bal.counts.to_dict()
    check(sum(int(v) for v in counts.values()) == bal.triads, f"the triad counts {counts} add up to {bal.triads}")


# The model the generated client must parse each JSON format's answer as
# (the 200 answer is oneOf them).
JSON_MODELS: dict[str, type[Any]] = {
    "json": GraphJSON,
    "cytoscape": CytoscapeGraph,
    "graphology": GraphologyGraph,
    "d3": NodeLinkGraph,
}


def json_graph_counts(g: Any) -> tuple[int, int]:
    """Nodes and edges of a parsed JSON graph format."""
    if isinstance(g, GraphJSON):
        return len(g.nodes), len(g.edges)
    if isinstance(g, CytoscapeGraph):
        return len(g.elements.nodes), len(g.elements.edges)
    if isinstance(g, GraphologyGraph):
        return len(g.nodes), len(g.edges)
    if isinstance(g, NodeLinkGraph):
        return len(g.nodes), len(g.links)
    raise Failed(f"not a graph model: {type(g).__name__}")


XML_ROOTS = {
    "graphml": "{http://graphml.graphdrawing.org/xmlns}graphml",
    "gexf": "{http://gexf.net/1.3}gexf",
}


def step_graph(c: AuthenticatedClient) -> None:
    want_nodes = len(ok(list_actors.sync_detailed(client=c, limit=1000), ActorList).items)
    # One edge per relationship in every JSON format (the json export's count).
    want_edges = len(ok(get_graph.sync_detailed(client=c), GraphJSON).edges)
    for fmt in GetGraphFormat:
        if fmt.value in XML_ROOTS:
            # openapi-python-client models one media type per answer (the
            # JSON object here): the XML formats are read through the
            # generated client's own httpx client, its base URL and key.
            resp = c.get_httpx_client().get("/api/v1/graph", params={"format": fmt.value})
            check(resp.status_code == 200, f"{fmt.value}: {resp.status_code}")
            check(resp.headers["content-type"].startswith(f"application/{fmt.value}+xml"), f"{fmt.value}: media type")
            root = ET.fromstring(resp.content)
            check(root.tag.lower() == XML_ROOTS[fmt.value].lower(), f"{fmt.value}: root element {root.tag}")
            nodes = [e for e in root.iter() if e.tag.endswith("}node")]
            check(len(nodes) == want_nodes, f"{fmt.value}: {len(nodes)} nodes, want {want_nodes}")
            continue
        model = JSON_MODELS[fmt.value]
        g = ok(get_graph.sync_detailed(client=c, format_=fmt), model)
        n, m = json_graph_counts(g)
        check(n == want_nodes, f"{fmt.value}: {n} nodes, want {want_nodes}")
        check(m == want_edges, f"{fmt.value}: {m} edges, want {want_edges}")
        # An empty graph (the seed has no company) is still its format:
        # the oneOf's alternatives are told apart by their keys alone.
        empty = ok(get_graph.sync_detailed(client=c, format_=fmt, kind=["company"]), model)
        check(json_graph_counts(empty) == (0, 0), f"{fmt.value}: the graph of companies is empty")
    for nfmt in GetNeighborhoodFormat:
        if nfmt.value in XML_ROOTS:
            continue
        nb = ok(get_neighborhood.sync_detailed(B, client=c, format_=nfmt, depth=1), JSON_MODELS[nfmt.value])
        check(json_graph_counts(nb)[0] > 1, f"neighbourhood {nfmt.value}: the centre and its neighbours")
    nbj = ok(get_neighborhood.sync_detailed(B, client=c, depth=1), GraphJSON)
    check(B in [x.id for x in nbj.nodes], "the neighbourhood holds its centre")


def step_import_export_delete(c: AuthenticatedClient) -> None:
    batch = Batch.from_dict(
        {
            "actors": [
                {"id": "py-import-a", "name": "Import A", "kind": "other"},
                {"id": "py-import-b", "name": "Import B", "kind": "other"},
            ],
            "relationships": [{"source": "py-import-a", "target": "py-import-b", "type": "allied_with"}],
        }
    )
    dry = ok(import_batch.sync_detailed(client=c, body=batch, dry_run=True), ImportResult)
    check(dry.dry_run is True, "a dry run says so")
    problem(get_actor.sync_detailed("py-import-a", client=c), 404)
    res = ok(import_batch.sync_detailed(client=c, body=batch), ImportResult)
    check(res.to_dict()["actors"]["created"] == 2, f"two actors created: {res.to_dict()}")

    exp = ok(export_batch.sync_detailed(client=c), Batch)
    ids = {a.id for a in exp.actors}
    check({"py-import-a", "py-import-b", NEW} <= ids, "the export holds the imported and created actors")
    rels = [r for r in exp.relationships if r.source == "py-import-a"]
    check(len(rels) == 1 and rels[0].target == "py-import-b", "the export holds the imported relationship")

    # Delete: a relationship, then an actor with If-Match (its ties go with
    # cascade), then nothing is left of them.
    rid = rels[0].id
    check(isinstance(rid, str), "an exported relationship has an id")
    assert isinstance(rid, str)
    r = delete_relationship.sync_detailed(rid, client=c)
    check(r.status_code == 204, f"delete relationship: {int(r.status_code)}")
    problem(get_relationship.sync_detailed(rid, client=c), 404)
    etag = get_actor.sync_detailed(NEW, client=c).headers["ETag"]
    problem(delete_actor.sync_detailed(NEW, client=c, cascade=True, if_match='"stale"'), 412)
    r = delete_actor.sync_detailed(NEW, client=c, cascade=True, if_match=etag)
    check(r.status_code == 204, f"delete actor: {int(r.status_code)} {r.content[:300]!r}")
    problem(get_actor.sync_detailed(NEW, client=c), 404)


STEPS: list[tuple[str, Callable[[AuthenticatedClient], object]]] = [
    ("list actors with paging", step_list_actors),
    ("create, read, update with If-Match", step_create_read_update),
    ("paths in every mode with multi-value filters", step_paths),
    ("influence with paging", step_influence),
    ("mediators with paging", step_mediators),
    ("blocs and balance", step_blocs_balance),
    ("the graph in every format", step_graph),
    ("import, export, delete", step_import_export_delete),
]


def main() -> int:
    base, key = sys.argv[1], sys.argv[2]
    client = AuthenticatedClient(base_url=base, token=key)
    for name, step in STEPS:
        try:
            step(client)
        except Failed as e:
            print(f"FAIL {name}: {e}")
            return 1
        print(f"ok   {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
