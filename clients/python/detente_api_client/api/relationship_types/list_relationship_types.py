from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.relationship_type_list import RelationshipTypeList
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/relationship-types",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | RelationshipTypeList | None:
    if response.status_code == 200:
        response_200 = RelationshipTypeList.from_dict(response.json())

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
) -> Response[Problem | RelationshipTypeList]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RelationshipTypeList]:
    """List relationship types

     The registry: the built-in types (see RELATIONSHIP_TYPES.md; mapped to CAMEO/Goldstein and PLOVER)
    and those users added, ordered by name. Each type lists under event_codes the event codes that the
    event mapping in use (GET /event-mapping) maps to it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RelationshipTypeList]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> Problem | RelationshipTypeList | None:
    """List relationship types

     The registry: the built-in types (see RELATIONSHIP_TYPES.md; mapped to CAMEO/Goldstein and PLOVER)
    and those users added, ordered by name. Each type lists under event_codes the event codes that the
    event mapping in use (GET /event-mapping) maps to it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RelationshipTypeList
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[Problem | RelationshipTypeList]:
    """List relationship types

     The registry: the built-in types (see RELATIONSHIP_TYPES.md; mapped to CAMEO/Goldstein and PLOVER)
    and those users added, ordered by name. Each type lists under event_codes the event codes that the
    event mapping in use (GET /event-mapping) maps to it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | RelationshipTypeList]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> Problem | RelationshipTypeList | None:
    """List relationship types

     The registry: the built-in types (see RELATIONSHIP_TYPES.md; mapped to CAMEO/Goldstein and PLOVER)
    and those users added, ordered by name. Each type lists under event_codes the event codes that the
    event mapping in use (GET /event-mapping) maps to it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | RelationshipTypeList
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
