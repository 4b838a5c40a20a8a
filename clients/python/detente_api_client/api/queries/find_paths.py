import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.find_paths_direction import FindPathsDirection
from ...models.find_paths_mode import FindPathsMode
from ...models.find_paths_order import FindPathsOrder
from ...models.path_list import PathList
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: str,
    to: str,
    mode: FindPathsMode | Unset = FindPathsMode.SHORTEST,
    order: FindPathsOrder | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    k: int | Unset = UNSET,
    max_hops: int | Unset = 6,
    types: list[str] | Unset = UNSET,
    direction: FindPathsDirection | Unset = FindPathsDirection.BOTH,
    as_of: str | Unset = UNSET,
    min_confidence: float | Unset = 0.0,
    exclude: list[str] | Unset = UNSET,
    weighted: bool | Unset = False,
    limit: int | Unset = 100,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    json_mode: str | Unset = UNSET
    if not isinstance(mode, Unset):
        json_mode = mode.value

    params["mode"] = json_mode

    json_order: str | Unset = UNSET
    if not isinstance(order, Unset):
        json_order = order.value

    params["order"] = json_order

    json_start: str | Unset = UNSET
    if not isinstance(start, Unset):
        json_start = start.isoformat()
    params["start"] = json_start

    json_end: str | Unset = UNSET
    if not isinstance(end, Unset):
        json_end = end.isoformat()
    params["end"] = json_end

    params["k"] = k

    params["max_hops"] = max_hops

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = types

    params["types"] = json_types

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction.value

    params["direction"] = json_direction

    params["as_of"] = as_of

    params["min_confidence"] = min_confidence

    json_exclude: list[str] | Unset = UNSET
    if not isinstance(exclude, Unset):
        json_exclude = exclude

    params["exclude"] = json_exclude

    params["weighted"] = weighted

    params["limit"] = limit

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/paths",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PathList | Problem | None:
    if response.status_code == 200:
        response_200 = PathList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PathList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    mode: FindPathsMode | Unset = FindPathsMode.SHORTEST,
    order: FindPathsOrder | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    k: int | Unset = UNSET,
    max_hops: int | Unset = 6,
    types: list[str] | Unset = UNSET,
    direction: FindPathsDirection | Unset = FindPathsDirection.BOTH,
    as_of: str | Unset = UNSET,
    min_confidence: float | Unset = 0.0,
    exclude: list[str] | Unset = UNSET,
    weighted: bool | Unset = False,
    limit: int | Unset = 100,
    scenario: str | Unset = UNSET,
) -> Response[PathList | Problem]:
    """Find paths between two actors

     How is one actor connected to another? Modes: shortest (one path), all_shortest (every path of least
    cost), k_shortest (the k cheapest loopless paths, Yen-style), all (every simple path up to
    max_hops), temporal (time-respecting paths: ties usable on days t1 ≤ t2 ≤ … within their validity
    and within start..end, so influence could have travelled along them in the order the ties held —
    Holme and Saramäki, Temporal networks, 2012; ranked by order: earliest_arrival, latest_departure or
    fewest_hops; each path gives the day each tie is used in times; a temporal path's ties need not have
    coexisted, and as_of does not apply). Costs are hops, or the sum of 1/weight with weighted=true.
    Symmetric relationship types are walked both ways whatever the direction. k_shortest lists its paths
    cheapest first (then fewer hops, actor ids, relationship ids: Yen's order); all_shortest and all by
    hops, then cost, then actor ids, then relationship ids. Costs within a relative 1e-9 of each other
    are equal, here and in betweenness and closeness. No path is 200 with an empty list. Limits:
    max_hops at most 10, k at most 100, limit at most 1000, at most 100000 candidate paths per query
    (beyond: 400 limit-exceeded) and the server's query time budget (beyond: 503 with Retry-After).

    Args:
        from_ (str):
        to (str):
        mode (FindPathsMode | Unset):  Default: FindPathsMode.SHORTEST.
        order (FindPathsOrder | Unset):
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        k (int | Unset):
        max_hops (int | Unset):  Default: 6.
        types (list[str] | Unset):
        direction (FindPathsDirection | Unset):  Default: FindPathsDirection.BOTH.
        as_of (str | Unset):
        min_confidence (float | Unset):  Default: 0.0.
        exclude (list[str] | Unset):
        weighted (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 100.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PathList | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        mode=mode,
        order=order,
        start=start,
        end=end,
        k=k,
        max_hops=max_hops,
        types=types,
        direction=direction,
        as_of=as_of,
        min_confidence=min_confidence,
        exclude=exclude,
        weighted=weighted,
        limit=limit,
        scenario=scenario,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    mode: FindPathsMode | Unset = FindPathsMode.SHORTEST,
    order: FindPathsOrder | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    k: int | Unset = UNSET,
    max_hops: int | Unset = 6,
    types: list[str] | Unset = UNSET,
    direction: FindPathsDirection | Unset = FindPathsDirection.BOTH,
    as_of: str | Unset = UNSET,
    min_confidence: float | Unset = 0.0,
    exclude: list[str] | Unset = UNSET,
    weighted: bool | Unset = False,
    limit: int | Unset = 100,
    scenario: str | Unset = UNSET,
) -> PathList | Problem | None:
    """Find paths between two actors

     How is one actor connected to another? Modes: shortest (one path), all_shortest (every path of least
    cost), k_shortest (the k cheapest loopless paths, Yen-style), all (every simple path up to
    max_hops), temporal (time-respecting paths: ties usable on days t1 ≤ t2 ≤ … within their validity
    and within start..end, so influence could have travelled along them in the order the ties held —
    Holme and Saramäki, Temporal networks, 2012; ranked by order: earliest_arrival, latest_departure or
    fewest_hops; each path gives the day each tie is used in times; a temporal path's ties need not have
    coexisted, and as_of does not apply). Costs are hops, or the sum of 1/weight with weighted=true.
    Symmetric relationship types are walked both ways whatever the direction. k_shortest lists its paths
    cheapest first (then fewer hops, actor ids, relationship ids: Yen's order); all_shortest and all by
    hops, then cost, then actor ids, then relationship ids. Costs within a relative 1e-9 of each other
    are equal, here and in betweenness and closeness. No path is 200 with an empty list. Limits:
    max_hops at most 10, k at most 100, limit at most 1000, at most 100000 candidate paths per query
    (beyond: 400 limit-exceeded) and the server's query time budget (beyond: 503 with Retry-After).

    Args:
        from_ (str):
        to (str):
        mode (FindPathsMode | Unset):  Default: FindPathsMode.SHORTEST.
        order (FindPathsOrder | Unset):
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        k (int | Unset):
        max_hops (int | Unset):  Default: 6.
        types (list[str] | Unset):
        direction (FindPathsDirection | Unset):  Default: FindPathsDirection.BOTH.
        as_of (str | Unset):
        min_confidence (float | Unset):  Default: 0.0.
        exclude (list[str] | Unset):
        weighted (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 100.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PathList | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        mode=mode,
        order=order,
        start=start,
        end=end,
        k=k,
        max_hops=max_hops,
        types=types,
        direction=direction,
        as_of=as_of,
        min_confidence=min_confidence,
        exclude=exclude,
        weighted=weighted,
        limit=limit,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    mode: FindPathsMode | Unset = FindPathsMode.SHORTEST,
    order: FindPathsOrder | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    k: int | Unset = UNSET,
    max_hops: int | Unset = 6,
    types: list[str] | Unset = UNSET,
    direction: FindPathsDirection | Unset = FindPathsDirection.BOTH,
    as_of: str | Unset = UNSET,
    min_confidence: float | Unset = 0.0,
    exclude: list[str] | Unset = UNSET,
    weighted: bool | Unset = False,
    limit: int | Unset = 100,
    scenario: str | Unset = UNSET,
) -> Response[PathList | Problem]:
    """Find paths between two actors

     How is one actor connected to another? Modes: shortest (one path), all_shortest (every path of least
    cost), k_shortest (the k cheapest loopless paths, Yen-style), all (every simple path up to
    max_hops), temporal (time-respecting paths: ties usable on days t1 ≤ t2 ≤ … within their validity
    and within start..end, so influence could have travelled along them in the order the ties held —
    Holme and Saramäki, Temporal networks, 2012; ranked by order: earliest_arrival, latest_departure or
    fewest_hops; each path gives the day each tie is used in times; a temporal path's ties need not have
    coexisted, and as_of does not apply). Costs are hops, or the sum of 1/weight with weighted=true.
    Symmetric relationship types are walked both ways whatever the direction. k_shortest lists its paths
    cheapest first (then fewer hops, actor ids, relationship ids: Yen's order); all_shortest and all by
    hops, then cost, then actor ids, then relationship ids. Costs within a relative 1e-9 of each other
    are equal, here and in betweenness and closeness. No path is 200 with an empty list. Limits:
    max_hops at most 10, k at most 100, limit at most 1000, at most 100000 candidate paths per query
    (beyond: 400 limit-exceeded) and the server's query time budget (beyond: 503 with Retry-After).

    Args:
        from_ (str):
        to (str):
        mode (FindPathsMode | Unset):  Default: FindPathsMode.SHORTEST.
        order (FindPathsOrder | Unset):
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        k (int | Unset):
        max_hops (int | Unset):  Default: 6.
        types (list[str] | Unset):
        direction (FindPathsDirection | Unset):  Default: FindPathsDirection.BOTH.
        as_of (str | Unset):
        min_confidence (float | Unset):  Default: 0.0.
        exclude (list[str] | Unset):
        weighted (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 100.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PathList | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        mode=mode,
        order=order,
        start=start,
        end=end,
        k=k,
        max_hops=max_hops,
        types=types,
        direction=direction,
        as_of=as_of,
        min_confidence=min_confidence,
        exclude=exclude,
        weighted=weighted,
        limit=limit,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    mode: FindPathsMode | Unset = FindPathsMode.SHORTEST,
    order: FindPathsOrder | Unset = UNSET,
    start: datetime.date | Unset = UNSET,
    end: datetime.date | Unset = UNSET,
    k: int | Unset = UNSET,
    max_hops: int | Unset = 6,
    types: list[str] | Unset = UNSET,
    direction: FindPathsDirection | Unset = FindPathsDirection.BOTH,
    as_of: str | Unset = UNSET,
    min_confidence: float | Unset = 0.0,
    exclude: list[str] | Unset = UNSET,
    weighted: bool | Unset = False,
    limit: int | Unset = 100,
    scenario: str | Unset = UNSET,
) -> PathList | Problem | None:
    """Find paths between two actors

     How is one actor connected to another? Modes: shortest (one path), all_shortest (every path of least
    cost), k_shortest (the k cheapest loopless paths, Yen-style), all (every simple path up to
    max_hops), temporal (time-respecting paths: ties usable on days t1 ≤ t2 ≤ … within their validity
    and within start..end, so influence could have travelled along them in the order the ties held —
    Holme and Saramäki, Temporal networks, 2012; ranked by order: earliest_arrival, latest_departure or
    fewest_hops; each path gives the day each tie is used in times; a temporal path's ties need not have
    coexisted, and as_of does not apply). Costs are hops, or the sum of 1/weight with weighted=true.
    Symmetric relationship types are walked both ways whatever the direction. k_shortest lists its paths
    cheapest first (then fewer hops, actor ids, relationship ids: Yen's order); all_shortest and all by
    hops, then cost, then actor ids, then relationship ids. Costs within a relative 1e-9 of each other
    are equal, here and in betweenness and closeness. No path is 200 with an empty list. Limits:
    max_hops at most 10, k at most 100, limit at most 1000, at most 100000 candidate paths per query
    (beyond: 400 limit-exceeded) and the server's query time budget (beyond: 503 with Retry-After).

    Args:
        from_ (str):
        to (str):
        mode (FindPathsMode | Unset):  Default: FindPathsMode.SHORTEST.
        order (FindPathsOrder | Unset):
        start (datetime.date | Unset):
        end (datetime.date | Unset):
        k (int | Unset):
        max_hops (int | Unset):  Default: 6.
        types (list[str] | Unset):
        direction (FindPathsDirection | Unset):  Default: FindPathsDirection.BOTH.
        as_of (str | Unset):
        min_confidence (float | Unset):  Default: 0.0.
        exclude (list[str] | Unset):
        weighted (bool | Unset):  Default: False.
        limit (int | Unset):  Default: 100.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PathList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            mode=mode,
            order=order,
            start=start,
            end=end,
            k=k,
            max_hops=max_hops,
            types=types,
            direction=direction,
            as_of=as_of,
            min_confidence=min_confidence,
            exclude=exclude,
            weighted=weighted,
            limit=limit,
            scenario=scenario,
        )
    ).parsed
