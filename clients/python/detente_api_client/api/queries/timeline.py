import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.timeline import Timeline
from ...models.timeline_format import TimelineFormat
from ...models.timeline_measure import TimelineMeasure
from ...models.timeline_polarity import TimelinePolarity
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: TimelineFormat | Unset = TimelineFormat.JSON,
    measure: TimelineMeasure | Unset = TimelineMeasure.PAGERANK,
    from_: datetime.date,
    to: datetime.date,
    step: str,
    actors: list[str] | Unset = UNSET,
    limit: int | Unset = 10,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    polarity: TimelinePolarity | Unset = TimelinePolarity.ALL,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_measure: str | Unset = UNSET
    if not isinstance(measure, Unset):
        json_measure = measure.value

    params["measure"] = json_measure

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    params["step"] = step

    json_actors: list[str] | Unset = UNSET
    if not isinstance(actors, Unset):
        json_actors = actors

    params["actors"] = json_actors

    params["limit"] = limit

    params["weighted"] = weighted

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = types

    params["types"] = json_types

    json_polarity: str | Unset = UNSET
    if not isinstance(polarity, Unset):
        json_polarity = polarity.value

    params["polarity"] = json_polarity

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/timeline",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Timeline | None:
    if response.status_code == 200:
        response_200 = Timeline.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Timeline]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    format_: TimelineFormat | Unset = TimelineFormat.JSON,
    measure: TimelineMeasure | Unset = TimelineMeasure.PAGERANK,
    from_: datetime.date,
    to: datetime.date,
    step: str,
    actors: list[str] | Unset = UNSET,
    limit: int | Unset = 10,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    polarity: TimelinePolarity | Unset = TimelinePolarity.ALL,
    scenario: str | Unset = UNSET,
) -> Response[Problem | Timeline]:
    """How a measure moved over time

     A measure at each day from from to to, step apart (from, from+step, … while not after to; at most
    200 points). Actor measures (the centralities of /influence: pagerank, betweenness, degree,
    in_degree, out_degree, closeness, eigenvector, pn, signed_eigenvector) give each followed actor's
    score and rank among all actors that day: the actors named in actors, else the limit highest ranked
    on the last day. Graph measures: balance (the share of balanced triads), frustration (the
    frustration index) and blocs (the number of Louvain blocs of cooperative ties, with their
    modularity), as /balance and /blocs?method=louvain answer them. Every point is exactly the snapshot
    answer of its day (the same query with as_of); a point where no selected tie started or ended since
    the previous one is that answer again (unchanged), so a timeline costs one computation per change in
    the graph.

    Args:
        format_ (TimelineFormat | Unset):  Default: TimelineFormat.JSON.
        measure (TimelineMeasure | Unset):  Default: TimelineMeasure.PAGERANK.
        from_ (datetime.date):
        to (datetime.date):
        step (str):
        actors (list[str] | Unset):
        limit (int | Unset):  Default: 10.
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        polarity (TimelinePolarity | Unset):  Default: TimelinePolarity.ALL.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Timeline]
    """

    kwargs = _get_kwargs(
        format_=format_,
        measure=measure,
        from_=from_,
        to=to,
        step=step,
        actors=actors,
        limit=limit,
        weighted=weighted,
        types=types,
        polarity=polarity,
        scenario=scenario,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: TimelineFormat | Unset = TimelineFormat.JSON,
    measure: TimelineMeasure | Unset = TimelineMeasure.PAGERANK,
    from_: datetime.date,
    to: datetime.date,
    step: str,
    actors: list[str] | Unset = UNSET,
    limit: int | Unset = 10,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    polarity: TimelinePolarity | Unset = TimelinePolarity.ALL,
    scenario: str | Unset = UNSET,
) -> Problem | Timeline | None:
    """How a measure moved over time

     A measure at each day from from to to, step apart (from, from+step, … while not after to; at most
    200 points). Actor measures (the centralities of /influence: pagerank, betweenness, degree,
    in_degree, out_degree, closeness, eigenvector, pn, signed_eigenvector) give each followed actor's
    score and rank among all actors that day: the actors named in actors, else the limit highest ranked
    on the last day. Graph measures: balance (the share of balanced triads), frustration (the
    frustration index) and blocs (the number of Louvain blocs of cooperative ties, with their
    modularity), as /balance and /blocs?method=louvain answer them. Every point is exactly the snapshot
    answer of its day (the same query with as_of); a point where no selected tie started or ended since
    the previous one is that answer again (unchanged), so a timeline costs one computation per change in
    the graph.

    Args:
        format_ (TimelineFormat | Unset):  Default: TimelineFormat.JSON.
        measure (TimelineMeasure | Unset):  Default: TimelineMeasure.PAGERANK.
        from_ (datetime.date):
        to (datetime.date):
        step (str):
        actors (list[str] | Unset):
        limit (int | Unset):  Default: 10.
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        polarity (TimelinePolarity | Unset):  Default: TimelinePolarity.ALL.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Timeline
    """

    return sync_detailed(
        client=client,
        format_=format_,
        measure=measure,
        from_=from_,
        to=to,
        step=step,
        actors=actors,
        limit=limit,
        weighted=weighted,
        types=types,
        polarity=polarity,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: TimelineFormat | Unset = TimelineFormat.JSON,
    measure: TimelineMeasure | Unset = TimelineMeasure.PAGERANK,
    from_: datetime.date,
    to: datetime.date,
    step: str,
    actors: list[str] | Unset = UNSET,
    limit: int | Unset = 10,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    polarity: TimelinePolarity | Unset = TimelinePolarity.ALL,
    scenario: str | Unset = UNSET,
) -> Response[Problem | Timeline]:
    """How a measure moved over time

     A measure at each day from from to to, step apart (from, from+step, … while not after to; at most
    200 points). Actor measures (the centralities of /influence: pagerank, betweenness, degree,
    in_degree, out_degree, closeness, eigenvector, pn, signed_eigenvector) give each followed actor's
    score and rank among all actors that day: the actors named in actors, else the limit highest ranked
    on the last day. Graph measures: balance (the share of balanced triads), frustration (the
    frustration index) and blocs (the number of Louvain blocs of cooperative ties, with their
    modularity), as /balance and /blocs?method=louvain answer them. Every point is exactly the snapshot
    answer of its day (the same query with as_of); a point where no selected tie started or ended since
    the previous one is that answer again (unchanged), so a timeline costs one computation per change in
    the graph.

    Args:
        format_ (TimelineFormat | Unset):  Default: TimelineFormat.JSON.
        measure (TimelineMeasure | Unset):  Default: TimelineMeasure.PAGERANK.
        from_ (datetime.date):
        to (datetime.date):
        step (str):
        actors (list[str] | Unset):
        limit (int | Unset):  Default: 10.
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        polarity (TimelinePolarity | Unset):  Default: TimelinePolarity.ALL.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Timeline]
    """

    kwargs = _get_kwargs(
        format_=format_,
        measure=measure,
        from_=from_,
        to=to,
        step=step,
        actors=actors,
        limit=limit,
        weighted=weighted,
        types=types,
        polarity=polarity,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: TimelineFormat | Unset = TimelineFormat.JSON,
    measure: TimelineMeasure | Unset = TimelineMeasure.PAGERANK,
    from_: datetime.date,
    to: datetime.date,
    step: str,
    actors: list[str] | Unset = UNSET,
    limit: int | Unset = 10,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    polarity: TimelinePolarity | Unset = TimelinePolarity.ALL,
    scenario: str | Unset = UNSET,
) -> Problem | Timeline | None:
    """How a measure moved over time

     A measure at each day from from to to, step apart (from, from+step, … while not after to; at most
    200 points). Actor measures (the centralities of /influence: pagerank, betweenness, degree,
    in_degree, out_degree, closeness, eigenvector, pn, signed_eigenvector) give each followed actor's
    score and rank among all actors that day: the actors named in actors, else the limit highest ranked
    on the last day. Graph measures: balance (the share of balanced triads), frustration (the
    frustration index) and blocs (the number of Louvain blocs of cooperative ties, with their
    modularity), as /balance and /blocs?method=louvain answer them. Every point is exactly the snapshot
    answer of its day (the same query with as_of); a point where no selected tie started or ended since
    the previous one is that answer again (unchanged), so a timeline costs one computation per change in
    the graph.

    Args:
        format_ (TimelineFormat | Unset):  Default: TimelineFormat.JSON.
        measure (TimelineMeasure | Unset):  Default: TimelineMeasure.PAGERANK.
        from_ (datetime.date):
        to (datetime.date):
        step (str):
        actors (list[str] | Unset):
        limit (int | Unset):  Default: 10.
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        polarity (TimelinePolarity | Unset):  Default: TimelinePolarity.ALL.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Timeline
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            measure=measure,
            from_=from_,
            to=to,
            step=step,
            actors=actors,
            limit=limit,
            weighted=weighted,
            types=types,
            polarity=polarity,
            scenario=scenario,
        )
    ).parsed
