import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.cytoscape_graph import CytoscapeGraph
from ...models.get_neighborhood_direction import GetNeighborhoodDirection
from ...models.get_neighborhood_format import GetNeighborhoodFormat
from ...models.get_neighborhood_layout import GetNeighborhoodLayout
from ...models.get_neighborhood_polarity import GetNeighborhoodPolarity
from ...models.graph_json import GraphJSON
from ...models.graphology_graph import GraphologyGraph
from ...models.node_link_graph import NodeLinkGraph
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    depth: int | Unset = 1,
    types: list[str] | Unset = UNSET,
    direction: GetNeighborhoodDirection | Unset = GetNeighborhoodDirection.BOTH,
    as_of: datetime.date | Unset = UNSET,
    polarity: GetNeighborhoodPolarity | Unset = GetNeighborhoodPolarity.ALL,
    format_: GetNeighborhoodFormat | Unset = GetNeighborhoodFormat.JSON,
    layout: GetNeighborhoodLayout | Unset = GetNeighborhoodLayout.NONE,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["depth"] = depth

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = types

    params["types"] = json_types

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    json_polarity: str | Unset = UNSET
    if not isinstance(polarity, Unset):
        json_polarity = polarity.value

    params["polarity"] = json_polarity

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_layout: str | Unset = UNSET
    if not isinstance(layout, Unset):
        json_layout = layout.value

    params["layout"] = json_layout

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/actors/{id}/neighborhood".format(
            id=quote(str(id), safe=""),
        ),
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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
    id: str,
    *,
    client: AuthenticatedClient,
    depth: int | Unset = 1,
    types: list[str] | Unset = UNSET,
    direction: GetNeighborhoodDirection | Unset = GetNeighborhoodDirection.BOTH,
    as_of: datetime.date | Unset = UNSET,
    polarity: GetNeighborhoodPolarity | Unset = GetNeighborhoodPolarity.ALL,
    format_: GetNeighborhoodFormat | Unset = GetNeighborhoodFormat.JSON,
    layout: GetNeighborhoodLayout | Unset = GetNeighborhoodLayout.NONE,
    scenario: str | Unset = UNSET,
) -> Response[CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem]:
    """The neighbourhood of an actor

     The actor, every actor within depth ties of it, and the ties among them that pass the filters, in
    any format of /api/v1/graph. direction says which way ties may be followed from the centre
    (symmetric types both ways). At most 2000 actors: a larger neighbourhood is 400 limit-exceeded;
    lower depth or filter types.

    Args:
        id (str):
        depth (int | Unset):  Default: 1.
        types (list[str] | Unset):
        direction (GetNeighborhoodDirection | Unset):  Default: GetNeighborhoodDirection.BOTH.
        as_of (datetime.date | Unset):
        polarity (GetNeighborhoodPolarity | Unset):  Default: GetNeighborhoodPolarity.ALL.
        format_ (GetNeighborhoodFormat | Unset):  Default: GetNeighborhoodFormat.JSON.
        layout (GetNeighborhoodLayout | Unset):  Default: GetNeighborhoodLayout.NONE.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        depth=depth,
        types=types,
        direction=direction,
        as_of=as_of,
        polarity=polarity,
        format_=format_,
        layout=layout,
        scenario=scenario,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    depth: int | Unset = 1,
    types: list[str] | Unset = UNSET,
    direction: GetNeighborhoodDirection | Unset = GetNeighborhoodDirection.BOTH,
    as_of: datetime.date | Unset = UNSET,
    polarity: GetNeighborhoodPolarity | Unset = GetNeighborhoodPolarity.ALL,
    format_: GetNeighborhoodFormat | Unset = GetNeighborhoodFormat.JSON,
    layout: GetNeighborhoodLayout | Unset = GetNeighborhoodLayout.NONE,
    scenario: str | Unset = UNSET,
) -> CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem | None:
    """The neighbourhood of an actor

     The actor, every actor within depth ties of it, and the ties among them that pass the filters, in
    any format of /api/v1/graph. direction says which way ties may be followed from the centre
    (symmetric types both ways). At most 2000 actors: a larger neighbourhood is 400 limit-exceeded;
    lower depth or filter types.

    Args:
        id (str):
        depth (int | Unset):  Default: 1.
        types (list[str] | Unset):
        direction (GetNeighborhoodDirection | Unset):  Default: GetNeighborhoodDirection.BOTH.
        as_of (datetime.date | Unset):
        polarity (GetNeighborhoodPolarity | Unset):  Default: GetNeighborhoodPolarity.ALL.
        format_ (GetNeighborhoodFormat | Unset):  Default: GetNeighborhoodFormat.JSON.
        layout (GetNeighborhoodLayout | Unset):  Default: GetNeighborhoodLayout.NONE.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        depth=depth,
        types=types,
        direction=direction,
        as_of=as_of,
        polarity=polarity,
        format_=format_,
        layout=layout,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    depth: int | Unset = 1,
    types: list[str] | Unset = UNSET,
    direction: GetNeighborhoodDirection | Unset = GetNeighborhoodDirection.BOTH,
    as_of: datetime.date | Unset = UNSET,
    polarity: GetNeighborhoodPolarity | Unset = GetNeighborhoodPolarity.ALL,
    format_: GetNeighborhoodFormat | Unset = GetNeighborhoodFormat.JSON,
    layout: GetNeighborhoodLayout | Unset = GetNeighborhoodLayout.NONE,
    scenario: str | Unset = UNSET,
) -> Response[CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem]:
    """The neighbourhood of an actor

     The actor, every actor within depth ties of it, and the ties among them that pass the filters, in
    any format of /api/v1/graph. direction says which way ties may be followed from the centre
    (symmetric types both ways). At most 2000 actors: a larger neighbourhood is 400 limit-exceeded;
    lower depth or filter types.

    Args:
        id (str):
        depth (int | Unset):  Default: 1.
        types (list[str] | Unset):
        direction (GetNeighborhoodDirection | Unset):  Default: GetNeighborhoodDirection.BOTH.
        as_of (datetime.date | Unset):
        polarity (GetNeighborhoodPolarity | Unset):  Default: GetNeighborhoodPolarity.ALL.
        format_ (GetNeighborhoodFormat | Unset):  Default: GetNeighborhoodFormat.JSON.
        layout (GetNeighborhoodLayout | Unset):  Default: GetNeighborhoodLayout.NONE.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        depth=depth,
        types=types,
        direction=direction,
        as_of=as_of,
        polarity=polarity,
        format_=format_,
        layout=layout,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    depth: int | Unset = 1,
    types: list[str] | Unset = UNSET,
    direction: GetNeighborhoodDirection | Unset = GetNeighborhoodDirection.BOTH,
    as_of: datetime.date | Unset = UNSET,
    polarity: GetNeighborhoodPolarity | Unset = GetNeighborhoodPolarity.ALL,
    format_: GetNeighborhoodFormat | Unset = GetNeighborhoodFormat.JSON,
    layout: GetNeighborhoodLayout | Unset = GetNeighborhoodLayout.NONE,
    scenario: str | Unset = UNSET,
) -> CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem | None:
    """The neighbourhood of an actor

     The actor, every actor within depth ties of it, and the ties among them that pass the filters, in
    any format of /api/v1/graph. direction says which way ties may be followed from the centre
    (symmetric types both ways). At most 2000 actors: a larger neighbourhood is 400 limit-exceeded;
    lower depth or filter types.

    Args:
        id (str):
        depth (int | Unset):  Default: 1.
        types (list[str] | Unset):
        direction (GetNeighborhoodDirection | Unset):  Default: GetNeighborhoodDirection.BOTH.
        as_of (datetime.date | Unset):
        polarity (GetNeighborhoodPolarity | Unset):  Default: GetNeighborhoodPolarity.ALL.
        format_ (GetNeighborhoodFormat | Unset):  Default: GetNeighborhoodFormat.JSON.
        layout (GetNeighborhoodLayout | Unset):  Default: GetNeighborhoodLayout.NONE.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CytoscapeGraph | GraphJSON | GraphologyGraph | NodeLinkGraph | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            depth=depth,
            types=types,
            direction=direction,
            as_of=as_of,
            polarity=polarity,
            format_=format_,
            layout=layout,
            scenario=scenario,
        )
    ).parsed
