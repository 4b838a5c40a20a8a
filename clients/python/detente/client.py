"""The analyst layer over the generated client (detente_api_client).

Every call goes through the generated functions, and the generated client
must have parsed the answer as its model; this layer only follows pages,
raises problems as exceptions and shapes answers: pandas DataFrames whose
rows are the API's items exactly as the JSON answer gives them (the JSON,
not the models' to_dict(), which rewrites timestamps), and NetworkX graphs.
"""

from __future__ import annotations

import datetime
import io
import json
import os
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

import httpx
import networkx as nx
import pandas as pd
from httpx_retries import Retry, RetryTransport

from detente_api_client import AuthenticatedClient
from detente_api_client.api.actors import list_actors
from detente_api_client.api.events import ingest_events, list_events
from detente_api_client.api.import_export import export_batch, import_batch
from detente_api_client.api.queries import (
    find_blocs,
    find_mediators,
    find_paths,
    rank_influence,
    structural_balance,
)
from detente_api_client.api.relationships import list_relationships
from detente_api_client.api.visualisation import get_graph
from detente_api_client.models import (
    ActorList,
    Balance,
    Batch,
    BlocPartition,
    EventList,
    FindBlocsMethod,
    FindPathsDirection,
    FindPathsMode,
    GetGraphFormat,
    GetGraphPolarity,
    GraphJSON,
    ImportResult,
    IngestEventsFormat,
    IngestSummary,
    ListActorsKind,
    Mediators,
    PathList,
    Problem,
    RankInfluenceAlgorithm,
    RankInfluencePolarity,
    Ranking,
    RelationshipList,
)
from detente_api_client.types import UNSET, File, Response, Unset

__all__ = ["Client", "DetenteError"]

T = TypeVar("T")

# The largest page the list operations serve (limit's maximum in the API
# description): fewer round trips, the same items in the same order.
PAGE = 1000


class DetenteError(Exception):
    """A problem answer (RFC 9457) or an unexpected status."""

    def __init__(self, status: int, problem: dict[str, Any] | None, body: bytes) -> None:
        self.status = status
        self.problem = problem or {}
        detail = self.problem.get("detail") or body[:300].decode("utf-8", "replace")
        super().__init__(f"{status}: {detail}")


def _opt(v: T | None) -> T | Unset:
    """None (the Python default) as the generated client's UNSET."""
    return UNSET if v is None else v


def _cursor(next_cursor: str | Unset | None) -> str | None:
    return next_cursor if isinstance(next_cursor, str) and next_cursor else None


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> pd.DataFrame:
    """Rows as a DataFrame with at least the columns (so an empty answer
    still has its shape)."""
    df = pd.DataFrame(rows)
    for c in columns:
        if c not in df.columns:
            df[c] = pd.Series(dtype=object)
    return df


class Client:
    """The detente API for analysts.

    >>> c = Client("http://127.0.0.1:8080", api_key="...")
    >>> c.influence().head()          # a DataFrame, every page read
    >>> g = c.to_networkx()           # a networkx.MultiDiGraph
    """

    def __init__(
        self,
        base_url: str,
        api_key: str | None = None,
        *,
        timeout: float = 60.0,
        retries: int = 5,
        max_wait: float = 30.0,
    ) -> None:
        """A client of the server at base_url.

        A GET, PUT or DELETE answered 429 (rate limited) or 503 (the store
        is busy or unreachable) is retried up to retries times, each after
        the wait the answer's Retry-After asks for (at most max_wait
        seconds); 0 retries turns that off. POSTs are never retried: the
        caller decides whether an import or an ingest goes again.
        """
        # httpx-retries: the transport that honours Retry-After, for the
        # two statuses the API answers with one. Failed connections and
        # timeouts are not retried (a query that ran out of time would
        # only run out again).
        transport = RetryTransport(
            retry=Retry(
                total=retries,
                status_forcelist=[429, 503],
                retry_on_exceptions=[],
                max_backoff_wait=max_wait,
            )
        )
        httpx_args: dict[str, Any] = {"transport": transport}
        # The generated operations take an AuthenticatedClient only.
        # Without a key (a server without DETENTE_API_KEYS) its token goes,
        # empty, under a header name the server does not read.
        if api_key:
            self.api = AuthenticatedClient(
                base_url=base_url, token=api_key, timeout=httpx.Timeout(timeout), httpx_args=httpx_args
            )
        else:
            self.api = AuthenticatedClient(
                base_url=base_url,
                token="",
                prefix="",
                auth_header_name="X-Detente-No-Key",
                timeout=httpx.Timeout(timeout),
                httpx_args=httpx_args,
            )

    # -- plumbing ---------------------------------------------------------

    @staticmethod
    def _ok(resp: Response[Any], model: type[Any]) -> dict[str, Any]:
        """The JSON answer of a call that succeeded with the model."""
        if isinstance(resp.parsed, model) and 200 <= resp.status_code < 300:
            answer: dict[str, Any] = json.loads(resp.content)
            return answer
        problem = resp.parsed.to_dict() if isinstance(resp.parsed, Problem) else None
        raise DetenteError(int(resp.status_code), problem, resp.content)

    @staticmethod
    def _pages(fetch: Callable[[str | Unset], dict[str, Any]], key: str) -> Iterator[dict[str, Any]]:
        """The items (answer[key]) of every page, from the first to the one
        without next_cursor."""
        cursor: str | Unset = UNSET
        while True:
            page = fetch(cursor)
            yield from page[key]
            c = _cursor(page.get("next_cursor"))
            if c is None:
                return
            cursor = c

    # -- actors and relationships ----------------------------------------

    def iter_actors(
        self, *, kind: str | None = None, tag: str | None = None, q: str | None = None, page_size: int = PAGE
    ) -> Iterator[dict[str, Any]]:
        """Every actor the filters keep, page after page, in the API's order."""

        def fetch(cursor: str | Unset) -> dict[str, Any]:
            return self._ok(
                list_actors.sync_detailed(
                    client=self.api,
                    kind=UNSET if kind is None else ListActorsKind(kind),
                    tag=_opt(tag),
                    q=_opt(q),
                    limit=page_size,
                    cursor=cursor,
                ),
                ActorList,
            )

        return self._pages(fetch, "items")

    def actors(self, **filters: Any) -> pd.DataFrame:
        """Actors, one row each (columns: the Actor fields), every page read."""
        return _frame(list(self.iter_actors(**filters)), ["id", "name", "kind", "aliases", "tags"])

    def iter_relationships(
        self,
        *,
        source: str | None = None,
        target: str | None = None,
        actor: str | None = None,
        types: Sequence[str] | None = None,
        as_of: datetime.date | None = None,
        page_size: int = PAGE,
    ) -> Iterator[dict[str, Any]]:
        """Every relationship the filters keep, page after page."""

        def fetch(cursor: str | Unset) -> dict[str, Any]:
            return self._ok(
                list_relationships.sync_detailed(
                    client=self.api,
                    source=_opt(source),
                    target=_opt(target),
                    actor=_opt(actor),
                    type_=UNSET if types is None else list(types),
                    as_of=_opt(as_of),
                    limit=page_size,
                    cursor=cursor,
                ),
                RelationshipList,
            )

        return self._pages(fetch, "items")

    def relationships(self, **filters: Any) -> pd.DataFrame:
        """Relationships, one row each (columns: the Relationship fields)."""
        return _frame(
            list(self.iter_relationships(**filters)), ["id", "source", "target", "type", "sign", "weight", "confidence"]
        )

    # -- events ------------------------------------------------------------

    def ingest_events(
        self,
        data: bytes | str | os.PathLike[str],
        format: str,
        *,
        strict: bool = True,
        create_actors: bool = False,
        gap_days: int = 30,
    ) -> dict[str, Any]:
        """Ingest an event file (bytes, or a path) of the format (gdelt,
        gdelt1, plover, icews, acled, aggregate); the ingest summary."""
        payload = data if isinstance(data, bytes) else open(data, "rb").read()
        r = ingest_events.sync_detailed(
            client=self.api,
            body=File(payload=io.BytesIO(payload)),
            format_=IngestEventsFormat(format),
            strict=strict,
            create_actors=create_actors,
            gap_days=gap_days,
        )
        return self._ok(r, IngestSummary)

    def iter_events(
        self,
        *,
        actor: str | None = None,
        target: str | None = None,
        type: str | None = None,
        start: datetime.date | None = None,
        end: datetime.date | None = None,
        page_size: int = PAGE,
    ) -> Iterator[dict[str, Any]]:
        """Every stored event the filters keep (start and end are the API's
        from and to), page after page."""

        def fetch(cursor: str | Unset) -> dict[str, Any]:
            return self._ok(
                list_events.sync_detailed(
                    client=self.api,
                    actor=_opt(actor),
                    target=_opt(target),
                    type_=_opt(type),
                    from_=_opt(start),
                    to=_opt(end),
                    limit=page_size,
                    cursor=cursor,
                ),
                EventList,
            )

        return self._pages(fetch, "items")

    def events(self, **filters: Any) -> pd.DataFrame:
        """Events, one row each (columns: the Event fields)."""
        return _frame(list(self.iter_events(**filters)), ["id", "date", "source", "target", "code", "type"])

    # -- analysis ----------------------------------------------------------

    def iter_influence(
        self,
        algorithm: str = "pagerank",
        *,
        weighted: bool = False,
        normalized: bool = False,
        types: Sequence[str] | None = None,
        as_of: str | None = None,
        polarity: str = "all",
        actors: Sequence[str] | None = None,
        page_size: int = PAGE,
    ) -> Iterator[dict[str, Any]]:
        """The influence ranking to its end: {actor, name, score, rank}."""

        def fetch(cursor: str | Unset) -> dict[str, Any]:
            return self._ok(
                rank_influence.sync_detailed(
                    client=self.api,
                    algorithm=RankInfluenceAlgorithm(algorithm),
                    weighted=weighted,
                    normalized=normalized,
                    types=UNSET if types is None else list(types),
                    as_of=_opt(as_of),
                    polarity=RankInfluencePolarity(polarity),
                    actors=UNSET if actors is None else list(actors),
                    limit=page_size,
                    cursor=cursor,
                ),
                Ranking,
            )

        return self._pages(fetch, "results")

    def influence(self, algorithm: str = "pagerank", **kw: Any) -> pd.DataFrame:
        """The whole ranking: columns actor, name, score, rank; best first."""
        return _frame(list(self.iter_influence(algorithm, **kw)), ["actor", "name", "score", "rank"])

    def iter_mediators(
        self,
        a: str,
        b: str,
        *,
        weighted: bool = True,
        types: Sequence[str] | None = None,
        as_of: str | None = None,
        max_hops: int = 2,
        page_size: int = PAGE,
    ) -> Iterator[dict[str, Any]]:
        """The mediator candidates between a and b, best first, to the end."""

        def fetch(cursor: str | Unset) -> dict[str, Any]:
            return self._ok(
                find_mediators.sync_detailed(
                    client=self.api,
                    between=[a, b],
                    weighted=weighted,
                    types=UNSET if types is None else list(types),
                    as_of=_opt(as_of),
                    max_hops=max_hops,
                    limit=page_size,
                    cursor=cursor,
                ),
                Mediators,
            )

        return self._pages(fetch, "results")

    def mediators(self, a: str, b: str, **kw: Any) -> pd.DataFrame:
        """Mediators between a and b: columns actor, name, rank, score,
        access, brokerage, reason (and sides, the channels)."""
        return _frame(
            list(self.iter_mediators(a, b, **kw)), ["actor", "name", "rank", "score", "access", "brokerage", "reason"]
        )

    def blocs(
        self,
        *,
        method: str | None = None,
        k: int | None = None,
        weighted: bool = False,
        types: Sequence[str] | None = None,
        as_of: str | None = None,
        resolution: float = 1.0,
        limit: int | None = None,
        page_size: int = PAGE,
    ) -> pd.DataFrame:
        """Bloc membership: one row per actor (columns actor, bloc, bloc_size)
        of every bloc (paged to the end), or of the largest `limit`, in the
        API's order of blocs and members. The partition's figures (method,
        count, modularity, frustration, ...) are in the frame's attrs."""
        size = page_size if limit is None else min(limit, page_size)

        def fetch(cursor: str | Unset) -> dict[str, Any]:
            return self._ok(
                find_blocs.sync_detailed(
                    client=self.api,
                    method=UNSET if method is None else FindBlocsMethod(method),
                    k=_opt(k),
                    weighted=weighted,
                    types=UNSET if types is None else list(types),
                    as_of=_opt(as_of),
                    resolution=resolution,
                    limit=size,
                    cursor=cursor,
                ),
                BlocPartition,
            )

        first: dict[str, Any] = {}
        blocs: list[dict[str, Any]] = []

        def pages(cursor: str | Unset) -> dict[str, Any]:
            page = fetch(cursor)
            if not first:
                first.update({k: v for k, v in page.items() if k not in ("blocs", "next_cursor")})
            return page

        for b in self._pages(pages, "blocs"):
            blocs.append(b)
            if limit is not None and len(blocs) == limit:
                break
        rows = [{"actor": m, "bloc": b["id"], "bloc_size": b["size"]} for b in blocs for m in b["members"]]
        df = _frame(rows, ["actor", "bloc", "bloc_size"])
        df.attrs = {k: v for k, v in first.items()}
        return df

    def balance(
        self,
        *,
        weighted: bool = False,
        types: Sequence[str] | None = None,
        as_of: str | None = None,
        limit: int = 1000,
    ) -> pd.DataFrame:
        """Structural balance per actor (columns actor, name, unbalanced,
        triads) of every actor in an unbalanced triad (paged to the end),
        most unbalanced first; the network's figures (ratio, counts,
        frustration, the first `limit` unbalanced triads, ...) are in the
        frame's attrs."""
        first: dict[str, Any] = {}

        def fetch(cursor: str | Unset) -> dict[str, Any]:
            page = self._ok(
                structural_balance.sync_detailed(
                    client=self.api,
                    weighted=weighted,
                    types=UNSET if types is None else list(types),
                    as_of=_opt(as_of),
                    limit=limit,
                    cursor=cursor,
                ),
                Balance,
            )
            if not first:
                first.update({k: v for k, v in page.items() if k not in ("actors", "next_cursor")})
            return page

        df = _frame(list(self._pages(fetch, "actors")), ["actor", "name", "unbalanced", "triads"])
        df.attrs = {k: v for k, v in first.items()}
        return df

    def paths(
        self,
        source: str,
        target: str,
        *,
        mode: str = "shortest",
        k: int | None = None,
        max_hops: int = 6,
        types: Sequence[str] | None = None,
        exclude: Sequence[str] | None = None,
        direction: str = "both",
        weighted: bool = False,
        as_of: str | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        """Paths from source to target, as the API gives them (actors,
        relationships, hops, cost, sign, ...)."""
        d = self._ok(
            find_paths.sync_detailed(
                client=self.api,
                from_=source,
                to=target,
                mode=FindPathsMode(mode),
                k=_opt(k),
                max_hops=max_hops,
                types=UNSET if types is None else list(types),
                exclude=UNSET if exclude is None else list(exclude),
                direction=FindPathsDirection(direction),
                weighted=weighted,
                as_of=_opt(as_of),
                limit=limit,
            ),
            PathList,
        )
        paths: list[dict[str, Any]] = d["paths"]
        return paths

    # -- the graph, import and export ------------------------------------

    def graph(
        self,
        *,
        types: Sequence[str] | None = None,
        as_of: datetime.date | None = None,
        polarity: str = "all",
        kind: Sequence[str] | None = None,
        actors: Sequence[str] | None = None,
    ) -> dict[str, Any]:
        """The graph in detente's json format: {nodes: [...], edges: [...]}."""
        resp = get_graph.sync_detailed(
            client=self.api,
            format_=GetGraphFormat.JSON,
            types=UNSET if types is None else list(types),
            as_of=_opt(as_of),
            polarity=GetGraphPolarity(polarity),
            kind=UNSET if kind is None else list(kind),
            actors=UNSET if actors is None else list(actors),
        )
        return self._ok(resp, GraphJSON)

    def graph_xml(
        self,
        format: str = "gexf",
        *,
        layout: str = "none",
        types: Sequence[str] | None = None,
        as_of: datetime.date | None = None,
        polarity: str = "all",
        kind: Sequence[str] | None = None,
        actors: Sequence[str] | None = None,
    ) -> str:
        """The graph as GraphML or GEXF text, for Gephi, yEd or Cytoscape
        desktop (layout="force" adds positions).

        openapi-python-client reads one media type per answer (JSON here),
        so this request goes through the generated client's own httpx
        client: its base URL, key and retries."""
        if format not in ("graphml", "gexf"):
            raise ValueError(f"format {format!r}: graph_xml reads graphml or gexf; graph() reads json")
        params: dict[str, str] = {"format": format, "layout": layout, "polarity": polarity}
        for name, values in (("types", types), ("kind", kind), ("actors", actors)):
            if values is not None:
                params[name] = ",".join(values)
        if as_of is not None:
            params["as_of"] = as_of.isoformat()
        resp = self.api.get_httpx_client().get("/api/v1/graph", params=params)
        if resp.status_code != 200:
            problem: dict[str, Any] | None = None
            if resp.headers.get("content-type", "").startswith("application/problem+json"):
                problem = resp.json()
            raise DetenteError(resp.status_code, problem, resp.content)
        return resp.text

    def to_networkx(self, **filters: Any) -> nx.MultiDiGraph[str]:
        """The graph (filters as in graph()) as a networkx.MultiDiGraph.

        Nodes are actor ids with the actor's fields as attributes; each
        relationship is an edge keyed by its id with its fields as
        attributes (type, sign, weight, confidence, dates, symmetric, ...).
        A symmetric relationship (allied_with, negotiates_with, ...) holds
        both ways, so it is two edges, source->target and target->source,
        under the same key and attributes: a directed walk then sees it
        from either end, as the API's analyses do. So the graph has
        len(edges) + (symmetric edges) edges."""
        return graph_to_networkx(self.graph(**filters))

    def export(self) -> dict[str, Any]:
        """The whole store as an import batch (actors, relationships, types)."""
        return self._ok(export_batch.sync_detailed(client=self.api), Batch)

    def import_batch(self, batch: dict[str, Any], *, dry_run: bool = False) -> dict[str, Any]:
        """Import a batch (the export's shape); the counts of what changed."""
        r = import_batch.sync_detailed(client=self.api, body=Batch.from_dict(batch), dry_run=dry_run)
        return self._ok(r, ImportResult)


def graph_to_networkx(g: dict[str, Any]) -> nx.MultiDiGraph[str]:
    """detente's json graph format as a MultiDiGraph (see Client.to_networkx)."""
    out: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for n in g["nodes"]:
        out.add_node(n["id"], **{k: v for k, v in n.items() if k != "id"})
    for e in g["edges"]:
        attrs = {k: v for k, v in e.items() if k not in ("source", "target")}
        out.add_edge(e["source"], e["target"], key=e["id"], **attrs)
        if e.get("symmetric"):
            out.add_edge(e["target"], e["source"], key=e["id"], **attrs)
    return out
