from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.mediators import Mediators
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    between: list[str],
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    max_hops: int | Unset = 2,
    limit: int | Unset = 10,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_between = between

    params["between"] = json_between

    params["weighted"] = weighted

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = types

    params["types"] = json_types

    params["as_of"] = as_of

    params["max_hops"] = max_hops

    params["limit"] = limit

    params["cursor"] = cursor

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/mediators",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Mediators | Problem | None:
    if response.status_code == 200:
        response_200 = Mediators.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Mediators | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    between: list[str],
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    max_hops: int | Unset = 2,
    limit: int | Unset = 10,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[Mediators | Problem]:
    """Who could mediate between two actors

     Candidates with active cooperative access to both sides, as of the analysis date (as_of, default
    today UTC): only ties valid that day count, structural types (member_of, monitors) never. A
    candidate needs a cooperative channel to each side — a direct tie, or a cooperative path of at most
    max_hops hops not through the other side — and no active conflictual tie (sanctions, attacks,
    opposes, criticizes, ...) with either: such actors are listed under excluded with the tie, not
    ranked. A tie's strength is weight × confidence × recency (recency 0.5 + 0.5·2^(-years since
    valid_from / 2), 0.5 when undated), or 1 with weighted=false; a channel's strength is the product of
    its ties' strengths, halved for every intermediary. access is the geometric mean of the two
    channels' strengths; brokerage is Brandes' (2008) subset betweenness from A's camp (A and its
    cooperative neighbours) to B's camp on the cooperative ties without the A–B pair, as a share of the
    connected camp-to-camp pairs. score = access × (1 + brokerage) / 2. Each candidate shows its channel
    to each side (relationships with their sources) and a one-line reason.

    Args:
        between (list[str]):
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        as_of (str | Unset):
        max_hops (int | Unset):  Default: 2.
        limit (int | Unset):  Default: 10.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Mediators | Problem]
    """

    kwargs = _get_kwargs(
        between=between,
        weighted=weighted,
        types=types,
        as_of=as_of,
        max_hops=max_hops,
        limit=limit,
        cursor=cursor,
        scenario=scenario,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    between: list[str],
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    max_hops: int | Unset = 2,
    limit: int | Unset = 10,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Mediators | Problem | None:
    """Who could mediate between two actors

     Candidates with active cooperative access to both sides, as of the analysis date (as_of, default
    today UTC): only ties valid that day count, structural types (member_of, monitors) never. A
    candidate needs a cooperative channel to each side — a direct tie, or a cooperative path of at most
    max_hops hops not through the other side — and no active conflictual tie (sanctions, attacks,
    opposes, criticizes, ...) with either: such actors are listed under excluded with the tie, not
    ranked. A tie's strength is weight × confidence × recency (recency 0.5 + 0.5·2^(-years since
    valid_from / 2), 0.5 when undated), or 1 with weighted=false; a channel's strength is the product of
    its ties' strengths, halved for every intermediary. access is the geometric mean of the two
    channels' strengths; brokerage is Brandes' (2008) subset betweenness from A's camp (A and its
    cooperative neighbours) to B's camp on the cooperative ties without the A–B pair, as a share of the
    connected camp-to-camp pairs. score = access × (1 + brokerage) / 2. Each candidate shows its channel
    to each side (relationships with their sources) and a one-line reason.

    Args:
        between (list[str]):
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        as_of (str | Unset):
        max_hops (int | Unset):  Default: 2.
        limit (int | Unset):  Default: 10.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Mediators | Problem
    """

    return sync_detailed(
        client=client,
        between=between,
        weighted=weighted,
        types=types,
        as_of=as_of,
        max_hops=max_hops,
        limit=limit,
        cursor=cursor,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    between: list[str],
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    max_hops: int | Unset = 2,
    limit: int | Unset = 10,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[Mediators | Problem]:
    """Who could mediate between two actors

     Candidates with active cooperative access to both sides, as of the analysis date (as_of, default
    today UTC): only ties valid that day count, structural types (member_of, monitors) never. A
    candidate needs a cooperative channel to each side — a direct tie, or a cooperative path of at most
    max_hops hops not through the other side — and no active conflictual tie (sanctions, attacks,
    opposes, criticizes, ...) with either: such actors are listed under excluded with the tie, not
    ranked. A tie's strength is weight × confidence × recency (recency 0.5 + 0.5·2^(-years since
    valid_from / 2), 0.5 when undated), or 1 with weighted=false; a channel's strength is the product of
    its ties' strengths, halved for every intermediary. access is the geometric mean of the two
    channels' strengths; brokerage is Brandes' (2008) subset betweenness from A's camp (A and its
    cooperative neighbours) to B's camp on the cooperative ties without the A–B pair, as a share of the
    connected camp-to-camp pairs. score = access × (1 + brokerage) / 2. Each candidate shows its channel
    to each side (relationships with their sources) and a one-line reason.

    Args:
        between (list[str]):
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        as_of (str | Unset):
        max_hops (int | Unset):  Default: 2.
        limit (int | Unset):  Default: 10.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Mediators | Problem]
    """

    kwargs = _get_kwargs(
        between=between,
        weighted=weighted,
        types=types,
        as_of=as_of,
        max_hops=max_hops,
        limit=limit,
        cursor=cursor,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    between: list[str],
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    max_hops: int | Unset = 2,
    limit: int | Unset = 10,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Mediators | Problem | None:
    """Who could mediate between two actors

     Candidates with active cooperative access to both sides, as of the analysis date (as_of, default
    today UTC): only ties valid that day count, structural types (member_of, monitors) never. A
    candidate needs a cooperative channel to each side — a direct tie, or a cooperative path of at most
    max_hops hops not through the other side — and no active conflictual tie (sanctions, attacks,
    opposes, criticizes, ...) with either: such actors are listed under excluded with the tie, not
    ranked. A tie's strength is weight × confidence × recency (recency 0.5 + 0.5·2^(-years since
    valid_from / 2), 0.5 when undated), or 1 with weighted=false; a channel's strength is the product of
    its ties' strengths, halved for every intermediary. access is the geometric mean of the two
    channels' strengths; brokerage is Brandes' (2008) subset betweenness from A's camp (A and its
    cooperative neighbours) to B's camp on the cooperative ties without the A–B pair, as a share of the
    connected camp-to-camp pairs. score = access × (1 + brokerage) / 2. Each candidate shows its channel
    to each side (relationships with their sources) and a one-line reason.

    Args:
        between (list[str]):
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        as_of (str | Unset):
        max_hops (int | Unset):  Default: 2.
        limit (int | Unset):  Default: 10.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Mediators | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            between=between,
            weighted=weighted,
            types=types,
            as_of=as_of,
            max_hops=max_hops,
            limit=limit,
            cursor=cursor,
            scenario=scenario,
        )
    ).parsed
