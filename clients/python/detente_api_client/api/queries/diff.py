import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.diff import Diff
from ...models.diff_measure import DiffMeasure
from ...models.diff_polarity import DiffPolarity
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: datetime.date,
    to: datetime.date,
    measure: DiffMeasure | Unset = UNSET,
    limit: int | Unset = 50,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    polarity: DiffPolarity | Unset = DiffPolarity.ALL,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to = to.isoformat()
    params["to"] = json_to

    json_measure: str | Unset = UNSET
    if not isinstance(measure, Unset):
        json_measure = measure.value

    params["measure"] = json_measure

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
        "url": "/api/v1/diff",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Diff | Problem | None:
    if response.status_code == 200:
        response_200 = Diff.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Diff | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    measure: DiffMeasure | Unset = UNSET,
    limit: int | Unset = 50,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    polarity: DiffPolarity | Unset = DiffPolarity.ALL,
    scenario: str | Unset = UNSET,
) -> Response[Diff | Problem]:
    """What changed between two days

     Among the selected ties: which formed between from and to, which ended, which actors joined the
    analysed graph (a selected tie valid on to and none on from) and which left it; with measure (a
    centrality of /influence), every actor's score and rank on both days — the snapshot answers of
    /influence with as_of=from and as_of=to — and the change, largest first. Each list is cut at limit;
    the totals count them all.

    Args:
        from_ (datetime.date):
        to (datetime.date):
        measure (DiffMeasure | Unset):
        limit (int | Unset):  Default: 50.
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        polarity (DiffPolarity | Unset):  Default: DiffPolarity.ALL.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Diff | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        measure=measure,
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
    from_: datetime.date,
    to: datetime.date,
    measure: DiffMeasure | Unset = UNSET,
    limit: int | Unset = 50,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    polarity: DiffPolarity | Unset = DiffPolarity.ALL,
    scenario: str | Unset = UNSET,
) -> Diff | Problem | None:
    """What changed between two days

     Among the selected ties: which formed between from and to, which ended, which actors joined the
    analysed graph (a selected tie valid on to and none on from) and which left it; with measure (a
    centrality of /influence), every actor's score and rank on both days — the snapshot answers of
    /influence with as_of=from and as_of=to — and the change, largest first. Each list is cut at limit;
    the totals count them all.

    Args:
        from_ (datetime.date):
        to (datetime.date):
        measure (DiffMeasure | Unset):
        limit (int | Unset):  Default: 50.
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        polarity (DiffPolarity | Unset):  Default: DiffPolarity.ALL.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Diff | Problem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        measure=measure,
        limit=limit,
        weighted=weighted,
        types=types,
        polarity=polarity,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: datetime.date,
    to: datetime.date,
    measure: DiffMeasure | Unset = UNSET,
    limit: int | Unset = 50,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    polarity: DiffPolarity | Unset = DiffPolarity.ALL,
    scenario: str | Unset = UNSET,
) -> Response[Diff | Problem]:
    """What changed between two days

     Among the selected ties: which formed between from and to, which ended, which actors joined the
    analysed graph (a selected tie valid on to and none on from) and which left it; with measure (a
    centrality of /influence), every actor's score and rank on both days — the snapshot answers of
    /influence with as_of=from and as_of=to — and the change, largest first. Each list is cut at limit;
    the totals count them all.

    Args:
        from_ (datetime.date):
        to (datetime.date):
        measure (DiffMeasure | Unset):
        limit (int | Unset):  Default: 50.
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        polarity (DiffPolarity | Unset):  Default: DiffPolarity.ALL.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Diff | Problem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        measure=measure,
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
    from_: datetime.date,
    to: datetime.date,
    measure: DiffMeasure | Unset = UNSET,
    limit: int | Unset = 50,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    polarity: DiffPolarity | Unset = DiffPolarity.ALL,
    scenario: str | Unset = UNSET,
) -> Diff | Problem | None:
    """What changed between two days

     Among the selected ties: which formed between from and to, which ended, which actors joined the
    analysed graph (a selected tie valid on to and none on from) and which left it; with measure (a
    centrality of /influence), every actor's score and rank on both days — the snapshot answers of
    /influence with as_of=from and as_of=to — and the change, largest first. Each list is cut at limit;
    the totals count them all.

    Args:
        from_ (datetime.date):
        to (datetime.date):
        measure (DiffMeasure | Unset):
        limit (int | Unset):  Default: 50.
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        polarity (DiffPolarity | Unset):  Default: DiffPolarity.ALL.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Diff | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            measure=measure,
            limit=limit,
            weighted=weighted,
            types=types,
            polarity=polarity,
            scenario=scenario,
        )
    ).parsed
