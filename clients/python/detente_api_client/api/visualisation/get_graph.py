import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cytoscape_graph import CytoscapeGraph
from ...models.get_graph_format import GetGraphFormat
from ...models.get_graph_layout import GetGraphLayout
from ...models.get_graph_polarity import GetGraphPolarity
from ...models.graph_json import GraphJSON
from ...models.graphology_graph import GraphologyGraph
from ...models.node_link_graph import NodeLinkGraph
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: GetGraphFormat | Unset = GetGraphFormat.JSON,
    layout: GetGraphLayout | Unset = GetGraphLayout.NONE,
    types: list[str] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    polarity: GetGraphPolarity | Unset = GetGraphPolarity.ALL,
    kind: list[str] | Unset = UNSET,
    actors: list[str] | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_layout: str | Unset = UNSET
    if not isinstance(layout, Unset):
        json_layout = layout.value

    params["layout"] = json_layout

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = types

    params["types"] = json_types

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    json_polarity: str | Unset = UNSET
    if not isinstance(polarity, Unset):
        json_polarity = polarity.value

    params["polarity"] = json_polarity

    json_kind: list[str] | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind

    params["kind"] = json_kind

    json_actors: list[str] | Unset = UNSET
    if not isinstance(actors, Unset):
        json_actors = actors

    params["actors"] = json_actors

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/graph",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem | None:
    if response.status_code == 200:

        def _parse_response_200(data: object) -> CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_0 = CytoscapeGraph.from_dict(data)

                return response_200_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_1 = GraphologyGraph.from_dict(data)

                return response_200_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_200_type_2 = NodeLinkGraph.from_dict(data)

                return response_200_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_200_type_3 = GraphJSON.from_dict(data)

            return response_200_type_3

        response_200 = _parse_response_200(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: GetGraphFormat | Unset = GetGraphFormat.JSON,
    layout: GetGraphLayout | Unset = GetGraphLayout.NONE,
    types: list[str] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    polarity: GetGraphPolarity | Unset = GetGraphPolarity.ALL,
    kind: list[str] | Unset = UNSET,
    actors: list[str] | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem]:
    """The graph for visualisation

     The whole graph, or the part the filters keep, in the format a frontend library or desktop tool
    reads: json (detente's node/edge lists), cytoscape (Cytoscape.js elements), graphology (graphology's
    serialised graph, for sigma.js), d3 (d3-force node-link), graphml (GraphML 1.0), gexf (GEXF 1.3,
    dynamic, with validity dates as time spells). Every format carries kind, sign, weight, confidence
    and dates as attributes. Relationships are kept when they pass types, as_of and polarity and both
    ends are kept; actors are kept when they pass kind and actors. layout=force adds a deterministic
    force-directed position to every actor (the same graph is always drawn the same way; tied actors sit
    about 100 units apart, y downwards): x and y in json, d3 and graphology's node attributes (what
    sigma.js draws from), the element's position in cytoscape (the preset layout), x and y data in
    graphml, viz:position in gexf. It is limited to 500 actors (400 limit-exceeded beyond; narrow the
    graph with the filters).

    Args:
        format_ (GetGraphFormat | Unset):  Default: GetGraphFormat.JSON.
        layout (GetGraphLayout | Unset):  Default: GetGraphLayout.NONE.
        types (list[str] | Unset):
        as_of (datetime.date | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        polarity (GetGraphPolarity | Unset):  Default: GetGraphPolarity.ALL.
        kind (list[str] | Unset):
        actors (list[str] | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        layout=layout,
        types=types,
        as_of=as_of,
        from_=from_,
        to=to,
        polarity=polarity,
        kind=kind,
        actors=actors,
        scenario=scenario,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: GetGraphFormat | Unset = GetGraphFormat.JSON,
    layout: GetGraphLayout | Unset = GetGraphLayout.NONE,
    types: list[str] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    polarity: GetGraphPolarity | Unset = GetGraphPolarity.ALL,
    kind: list[str] | Unset = UNSET,
    actors: list[str] | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem | None:
    """The graph for visualisation

     The whole graph, or the part the filters keep, in the format a frontend library or desktop tool
    reads: json (detente's node/edge lists), cytoscape (Cytoscape.js elements), graphology (graphology's
    serialised graph, for sigma.js), d3 (d3-force node-link), graphml (GraphML 1.0), gexf (GEXF 1.3,
    dynamic, with validity dates as time spells). Every format carries kind, sign, weight, confidence
    and dates as attributes. Relationships are kept when they pass types, as_of and polarity and both
    ends are kept; actors are kept when they pass kind and actors. layout=force adds a deterministic
    force-directed position to every actor (the same graph is always drawn the same way; tied actors sit
    about 100 units apart, y downwards): x and y in json, d3 and graphology's node attributes (what
    sigma.js draws from), the element's position in cytoscape (the preset layout), x and y data in
    graphml, viz:position in gexf. It is limited to 500 actors (400 limit-exceeded beyond; narrow the
    graph with the filters).

    Args:
        format_ (GetGraphFormat | Unset):  Default: GetGraphFormat.JSON.
        layout (GetGraphLayout | Unset):  Default: GetGraphLayout.NONE.
        types (list[str] | Unset):
        as_of (datetime.date | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        polarity (GetGraphPolarity | Unset):  Default: GetGraphPolarity.ALL.
        kind (list[str] | Unset):
        actors (list[str] | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem
    """

    return sync_detailed(
        client=client,
        format_=format_,
        layout=layout,
        types=types,
        as_of=as_of,
        from_=from_,
        to=to,
        polarity=polarity,
        kind=kind,
        actors=actors,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: GetGraphFormat | Unset = GetGraphFormat.JSON,
    layout: GetGraphLayout | Unset = GetGraphLayout.NONE,
    types: list[str] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    polarity: GetGraphPolarity | Unset = GetGraphPolarity.ALL,
    kind: list[str] | Unset = UNSET,
    actors: list[str] | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem]:
    """The graph for visualisation

     The whole graph, or the part the filters keep, in the format a frontend library or desktop tool
    reads: json (detente's node/edge lists), cytoscape (Cytoscape.js elements), graphology (graphology's
    serialised graph, for sigma.js), d3 (d3-force node-link), graphml (GraphML 1.0), gexf (GEXF 1.3,
    dynamic, with validity dates as time spells). Every format carries kind, sign, weight, confidence
    and dates as attributes. Relationships are kept when they pass types, as_of and polarity and both
    ends are kept; actors are kept when they pass kind and actors. layout=force adds a deterministic
    force-directed position to every actor (the same graph is always drawn the same way; tied actors sit
    about 100 units apart, y downwards): x and y in json, d3 and graphology's node attributes (what
    sigma.js draws from), the element's position in cytoscape (the preset layout), x and y data in
    graphml, viz:position in gexf. It is limited to 500 actors (400 limit-exceeded beyond; narrow the
    graph with the filters).

    Args:
        format_ (GetGraphFormat | Unset):  Default: GetGraphFormat.JSON.
        layout (GetGraphLayout | Unset):  Default: GetGraphLayout.NONE.
        types (list[str] | Unset):
        as_of (datetime.date | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        polarity (GetGraphPolarity | Unset):  Default: GetGraphPolarity.ALL.
        kind (list[str] | Unset):
        actors (list[str] | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem]
    """

    kwargs = _get_kwargs(
        format_=format_,
        layout=layout,
        types=types,
        as_of=as_of,
        from_=from_,
        to=to,
        polarity=polarity,
        kind=kind,
        actors=actors,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: GetGraphFormat | Unset = GetGraphFormat.JSON,
    layout: GetGraphLayout | Unset = GetGraphLayout.NONE,
    types: list[str] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    polarity: GetGraphPolarity | Unset = GetGraphPolarity.ALL,
    kind: list[str] | Unset = UNSET,
    actors: list[str] | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem | None:
    """The graph for visualisation

     The whole graph, or the part the filters keep, in the format a frontend library or desktop tool
    reads: json (detente's node/edge lists), cytoscape (Cytoscape.js elements), graphology (graphology's
    serialised graph, for sigma.js), d3 (d3-force node-link), graphml (GraphML 1.0), gexf (GEXF 1.3,
    dynamic, with validity dates as time spells). Every format carries kind, sign, weight, confidence
    and dates as attributes. Relationships are kept when they pass types, as_of and polarity and both
    ends are kept; actors are kept when they pass kind and actors. layout=force adds a deterministic
    force-directed position to every actor (the same graph is always drawn the same way; tied actors sit
    about 100 units apart, y downwards): x and y in json, d3 and graphology's node attributes (what
    sigma.js draws from), the element's position in cytoscape (the preset layout), x and y data in
    graphml, viz:position in gexf. It is limited to 500 actors (400 limit-exceeded beyond; narrow the
    graph with the filters).

    Args:
        format_ (GetGraphFormat | Unset):  Default: GetGraphFormat.JSON.
        layout (GetGraphLayout | Unset):  Default: GetGraphLayout.NONE.
        types (list[str] | Unset):
        as_of (datetime.date | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        polarity (GetGraphPolarity | Unset):  Default: GetGraphPolarity.ALL.
        kind (list[str] | Unset):
        actors (list[str] | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            layout=layout,
            types=types,
            as_of=as_of,
            from_=from_,
            to=to,
            polarity=polarity,
            kind=kind,
            actors=actors,
            scenario=scenario,
        )
    ).parsed
