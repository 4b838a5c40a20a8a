from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_mapping import EventMapping
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: EventMapping,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/event-mapping",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> EventMapping | Problem | None:
    if response.status_code == 200:
        response_200 = EventMapping.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

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
) -> Response[EventMapping | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: EventMapping,
    if_match: str | Unset = UNSET,
) -> Response[EventMapping | Problem]:
    """Replace the event mapping

     Replaces the event mapping whole (the format GET answers). It is checked whole, every problem at its
    JSON path ($.cameo[3].type): codes well formed (CAMEO 2-4 digits, PLOVER TYPE or TYPE:mode) and
    listed once, types in the registry (or "" to leave a code unmapped), a reason for every rule, no
    code mapped across the cooperation-conflict divide (a CAMEO quad class 1-2 code to a conflictual
    type, or the reverse), PLOVER scores in [-10, 10] and quads 1-4. Stored durably beside the graph
    (the graph's version does not change); the next POST /events and detente ingest use it. Existing
    derived ties are not re-derived. With If-Match the write applies only while the mapping in use has
    that entity tag (else 412). Needs an admin key when the server has keys.

    Args:
        if_match (str | Unset):
        body (EventMapping):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventMapping | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: EventMapping,
    if_match: str | Unset = UNSET,
) -> EventMapping | Problem | None:
    """Replace the event mapping

     Replaces the event mapping whole (the format GET answers). It is checked whole, every problem at its
    JSON path ($.cameo[3].type): codes well formed (CAMEO 2-4 digits, PLOVER TYPE or TYPE:mode) and
    listed once, types in the registry (or "" to leave a code unmapped), a reason for every rule, no
    code mapped across the cooperation-conflict divide (a CAMEO quad class 1-2 code to a conflictual
    type, or the reverse), PLOVER scores in [-10, 10] and quads 1-4. Stored durably beside the graph
    (the graph's version does not change); the next POST /events and detente ingest use it. Existing
    derived ties are not re-derived. With If-Match the write applies only while the mapping in use has
    that entity tag (else 412). Needs an admin key when the server has keys.

    Args:
        if_match (str | Unset):
        body (EventMapping):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventMapping | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: EventMapping,
    if_match: str | Unset = UNSET,
) -> Response[EventMapping | Problem]:
    """Replace the event mapping

     Replaces the event mapping whole (the format GET answers). It is checked whole, every problem at its
    JSON path ($.cameo[3].type): codes well formed (CAMEO 2-4 digits, PLOVER TYPE or TYPE:mode) and
    listed once, types in the registry (or "" to leave a code unmapped), a reason for every rule, no
    code mapped across the cooperation-conflict divide (a CAMEO quad class 1-2 code to a conflictual
    type, or the reverse), PLOVER scores in [-10, 10] and quads 1-4. Stored durably beside the graph
    (the graph's version does not change); the next POST /events and detente ingest use it. Existing
    derived ties are not re-derived. With If-Match the write applies only while the mapping in use has
    that entity tag (else 412). Needs an admin key when the server has keys.

    Args:
        if_match (str | Unset):
        body (EventMapping):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EventMapping | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: EventMapping,
    if_match: str | Unset = UNSET,
) -> EventMapping | Problem | None:
    """Replace the event mapping

     Replaces the event mapping whole (the format GET answers). It is checked whole, every problem at its
    JSON path ($.cameo[3].type): codes well formed (CAMEO 2-4 digits, PLOVER TYPE or TYPE:mode) and
    listed once, types in the registry (or "" to leave a code unmapped), a reason for every rule, no
    code mapped across the cooperation-conflict divide (a CAMEO quad class 1-2 code to a conflictual
    type, or the reverse), PLOVER scores in [-10, 10] and quads 1-4. Stored durably beside the graph
    (the graph's version does not change); the next POST /events and detente ingest use it. Existing
    derived ties are not re-derived. With If-Match the write applies only while the mapping in use has
    that entity tag (else 412). Needs an admin key when the server has keys.

    Args:
        if_match (str | Unset):
        body (EventMapping):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EventMapping | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
