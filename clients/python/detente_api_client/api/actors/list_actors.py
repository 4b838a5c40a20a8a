from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actor_list import ActorList
from ...models.list_actors_kind import ListActorsKind
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: ListActorsKind | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    params["tag"] = tag

    params["q"] = q

    params["limit"] = limit

    params["cursor"] = cursor

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/actors",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ActorList | Problem | None:
    if response.status_code == 200:
        response_200 = ActorList.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ActorList | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: ListActorsKind | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[ActorList | Problem]:
    """List actors

     Actors ordered by id, a page at a time: pass next_cursor back as cursor until it is absent. Unknown
    parameters and invalid values are rejected with 400.

    Args:
        kind (ListActorsKind | Unset):
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorList | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        tag=tag,
        q=q,
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
    kind: ListActorsKind | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> ActorList | Problem | None:
    """List actors

     Actors ordered by id, a page at a time: pass next_cursor back as cursor until it is absent. Unknown
    parameters and invalid values are rejected with 400.

    Args:
        kind (ListActorsKind | Unset):
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorList | Problem
    """

    return sync_detailed(
        client=client,
        kind=kind,
        tag=tag,
        q=q,
        limit=limit,
        cursor=cursor,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: ListActorsKind | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[ActorList | Problem]:
    """List actors

     Actors ordered by id, a page at a time: pass next_cursor back as cursor until it is absent. Unknown
    parameters and invalid values are rejected with 400.

    Args:
        kind (ListActorsKind | Unset):
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorList | Problem]
    """

    kwargs = _get_kwargs(
        kind=kind,
        tag=tag,
        q=q,
        limit=limit,
        cursor=cursor,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: ListActorsKind | Unset = UNSET,
    tag: str | Unset = UNSET,
    q: str | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> ActorList | Problem | None:
    """List actors

     Actors ordered by id, a page at a time: pass next_cursor back as cursor until it is absent. Unknown
    parameters and invalid values are rejected with 400.

    Args:
        kind (ListActorsKind | Unset):
        tag (str | Unset):
        q (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorList | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
            tag=tag,
            q=q,
            limit=limit,
            cursor=cursor,
            scenario=scenario,
        )
    ).parsed
