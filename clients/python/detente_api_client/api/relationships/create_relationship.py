from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.relationship import Relationship
from ...models.relationship_create import RelationshipCreate
from ...types import Response


def _get_kwargs(
    *,
    body: RelationshipCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/relationships",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Relationship | None:
    if response.status_code == 201:
        response_201 = Relationship.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | Relationship]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RelationshipCreate,
) -> Response[Problem | Relationship]:
    """Create a relationship

     Creates a relationship between two existing actors. weight defaults to the type's default_weight,
    confidence to 1 (asserted), id to source--type--target[--valid_from]. Every invalid field is
    reported at once with its JSON path, including an unregistered type and a missing endpoint actor.

    Args:
        body (RelationshipCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Relationship]
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
    body: RelationshipCreate,
) -> Problem | Relationship | None:
    """Create a relationship

     Creates a relationship between two existing actors. weight defaults to the type's default_weight,
    confidence to 1 (asserted), id to source--type--target[--valid_from]. Every invalid field is
    reported at once with its JSON path, including an unregistered type and a missing endpoint actor.

    Args:
        body (RelationshipCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Relationship
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RelationshipCreate,
) -> Response[Problem | Relationship]:
    """Create a relationship

     Creates a relationship between two existing actors. weight defaults to the type's default_weight,
    confidence to 1 (asserted), id to source--type--target[--valid_from]. Every invalid field is
    reported at once with its JSON path, including an unregistered type and a missing endpoint actor.

    Args:
        body (RelationshipCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Relationship]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RelationshipCreate,
) -> Problem | Relationship | None:
    """Create a relationship

     Creates a relationship between two existing actors. weight defaults to the type's default_weight,
    confidence to 1 (asserted), id to source--type--target[--valid_from]. Every invalid field is
    reported at once with its JSON path, including an unregistered type and a missing endpoint actor.

    Args:
        body (RelationshipCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Relationship
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
