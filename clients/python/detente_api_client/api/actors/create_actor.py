from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actor import Actor
from ...models.actor_create import ActorCreate
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: ActorCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/actors",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Actor | Problem | None:
    if response.status_code == 201:
        response_201 = Actor.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if response.status_code == 507:
        response_507 = Problem.from_dict(response.json())

        return response_507

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Actor | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ActorCreate,
) -> Response[Actor | Problem]:
    """Create an actor

     Creates an actor. The id may be given (a slug) or is derived from the name ("Kata'ib Hezbollah" ->
    "kataib-hezbollah"). Every invalid field is reported at once with its JSON path; unknown fields,
    trailing data and bodies over 8 MiB are rejected.

    Args:
        body (ActorCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Actor | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ActorCreate,
) -> Actor | Problem | None:
    """Create an actor

     Creates an actor. The id may be given (a slug) or is derived from the name ("Kata'ib Hezbollah" ->
    "kataib-hezbollah"). Every invalid field is reported at once with its JSON path; unknown fields,
    trailing data and bodies over 8 MiB are rejected.

    Args:
        body (ActorCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Actor | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ActorCreate,
) -> Response[Actor | Problem]:
    """Create an actor

     Creates an actor. The id may be given (a slug) or is derived from the name ("Kata'ib Hezbollah" ->
    "kataib-hezbollah"). Every invalid field is reported at once with its JSON path; unknown fields,
    trailing data and bodies over 8 MiB are rejected.

    Args:
        body (ActorCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Actor | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ActorCreate,
) -> Actor | Problem | None:
    """Create an actor

     Creates an actor. The id may be given (a slug) or is derived from the name ("Kata'ib Hezbollah" ->
    "kataib-hezbollah"). Every invalid field is reported at once with its JSON path; unknown fields,
    trailing data and bodies over 8 MiB are rejected.

    Args:
        body (ActorCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Actor | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
