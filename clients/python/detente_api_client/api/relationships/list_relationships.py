import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.relationship_list import RelationshipList
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    source: str | Unset = UNSET,
    target: str | Unset = UNSET,
    actor: str | Unset = UNSET,
    type_: list[str] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["source"] = source

    params["target"] = target

    params["actor"] = actor

    json_type_: list[str] | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_

    params["type"] = json_type_

    json_as_of: str | Unset = UNSET
    if not isinstance(as_of, Unset):
        json_as_of = as_of.isoformat()
    params["as_of"] = json_as_of

    params["limit"] = limit

    params["cursor"] = cursor

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/relationships",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RelationshipList | None:
    if response.status_code == 200:
        response_200 = RelationshipList.from_dict(response.json())

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
) -> Response[Problem | RelationshipList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    source: str | Unset = UNSET,
    target: str | Unset = UNSET,
    actor: str | Unset = UNSET,
    type_: list[str] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[Problem | RelationshipList]:
    """List relationships

     Relationships ordered by id, a page at a time: pass next_cursor back as cursor until it is absent.
    type takes a comma-separated list of registered type names; an unregistered one is a 400 that lists
    the registered names.

    Args:
        source (str | Unset):
        target (str | Unset):
        actor (str | Unset):
        type_ (list[str] | Unset):
        as_of (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RelationshipList]
    """

    kwargs = _get_kwargs(
        source=source,
        target=target,
        actor=actor,
        type_=type_,
        as_of=as_of,
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
    source: str | Unset = UNSET,
    target: str | Unset = UNSET,
    actor: str | Unset = UNSET,
    type_: list[str] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Problem | RelationshipList | None:
    """List relationships

     Relationships ordered by id, a page at a time: pass next_cursor back as cursor until it is absent.
    type takes a comma-separated list of registered type names; an unregistered one is a 400 that lists
    the registered names.

    Args:
        source (str | Unset):
        target (str | Unset):
        actor (str | Unset):
        type_ (list[str] | Unset):
        as_of (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RelationshipList
    """

    return sync_detailed(
        client=client,
        source=source,
        target=target,
        actor=actor,
        type_=type_,
        as_of=as_of,
        limit=limit,
        cursor=cursor,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    source: str | Unset = UNSET,
    target: str | Unset = UNSET,
    actor: str | Unset = UNSET,
    type_: list[str] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[Problem | RelationshipList]:
    """List relationships

     Relationships ordered by id, a page at a time: pass next_cursor back as cursor until it is absent.
    type takes a comma-separated list of registered type names; an unregistered one is a 400 that lists
    the registered names.

    Args:
        source (str | Unset):
        target (str | Unset):
        actor (str | Unset):
        type_ (list[str] | Unset):
        as_of (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RelationshipList]
    """

    kwargs = _get_kwargs(
        source=source,
        target=target,
        actor=actor,
        type_=type_,
        as_of=as_of,
        limit=limit,
        cursor=cursor,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    source: str | Unset = UNSET,
    target: str | Unset = UNSET,
    actor: str | Unset = UNSET,
    type_: list[str] | Unset = UNSET,
    as_of: datetime.date | Unset = UNSET,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Problem | RelationshipList | None:
    """List relationships

     Relationships ordered by id, a page at a time: pass next_cursor back as cursor until it is absent.
    type takes a comma-separated list of registered type names; an unregistered one is a 400 that lists
    the registered names.

    Args:
        source (str | Unset):
        target (str | Unset):
        actor (str | Unset):
        type_ (list[str] | Unset):
        as_of (datetime.date | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RelationshipList
    """

    return (
        await asyncio_detailed(
            client=client,
            source=source,
            target=target,
            actor=actor,
            type_=type_,
            as_of=as_of,
            limit=limit,
            cursor=cursor,
            scenario=scenario,
        )
    ).parsed
