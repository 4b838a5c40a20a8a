from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.ingest_events_format import IngestEventsFormat
from ...models.ingest_summary import IngestSummary
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File,
    format_: IngestEventsFormat,
    strict: bool | Unset = True,
    create_actors: bool | Unset = False,
    gap_days: int | Unset = 30,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_format_ = format_.value
    params["format"] = json_format_

    params["strict"] = strict

    params["create_actors"] = create_actors

    params["gap_days"] = gap_days

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/events",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IngestSummary | Problem | None:
    if response.status_code == 200:
        response_200 = IngestSummary.from_dict(response.json())

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
) -> Response[IngestSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: IngestEventsFormat,
    strict: bool | Unset = True,
    create_actors: bool | Unset = False,
    gap_days: int | Unset = 30,
) -> Response[IngestSummary | Problem]:
    """Ingest an event file

     Reads a file of coded events (the body) as detente ingest does: stores its events (idempotent by the
    source's id), resolves their actors, maps their codes and folds them into derived relationships, and
    answers the same summary. By default the first malformed row refuses the file with 400, naming its
    line and column, and nothing is written; with strict=false malformed rows are skipped and counted. A
    file of another format is refused with 400 at once. Bodies over 64 MiB are rejected with 413; the
    request has the server's --import-timeout (default 10m).

    Args:
        format_ (IngestEventsFormat):
        strict (bool | Unset):  Default: True.
        create_actors (bool | Unset):  Default: False.
        gap_days (int | Unset):  Default: 30.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IngestSummary | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        format_=format_,
        strict=strict,
        create_actors=create_actors,
        gap_days=gap_days,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: IngestEventsFormat,
    strict: bool | Unset = True,
    create_actors: bool | Unset = False,
    gap_days: int | Unset = 30,
) -> IngestSummary | Problem | None:
    """Ingest an event file

     Reads a file of coded events (the body) as detente ingest does: stores its events (idempotent by the
    source's id), resolves their actors, maps their codes and folds them into derived relationships, and
    answers the same summary. By default the first malformed row refuses the file with 400, naming its
    line and column, and nothing is written; with strict=false malformed rows are skipped and counted. A
    file of another format is refused with 400 at once. Bodies over 64 MiB are rejected with 413; the
    request has the server's --import-timeout (default 10m).

    Args:
        format_ (IngestEventsFormat):
        strict (bool | Unset):  Default: True.
        create_actors (bool | Unset):  Default: False.
        gap_days (int | Unset):  Default: 30.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IngestSummary | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        format_=format_,
        strict=strict,
        create_actors=create_actors,
        gap_days=gap_days,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: IngestEventsFormat,
    strict: bool | Unset = True,
    create_actors: bool | Unset = False,
    gap_days: int | Unset = 30,
) -> Response[IngestSummary | Problem]:
    """Ingest an event file

     Reads a file of coded events (the body) as detente ingest does: stores its events (idempotent by the
    source's id), resolves their actors, maps their codes and folds them into derived relationships, and
    answers the same summary. By default the first malformed row refuses the file with 400, naming its
    line and column, and nothing is written; with strict=false malformed rows are skipped and counted. A
    file of another format is refused with 400 at once. Bodies over 64 MiB are rejected with 413; the
    request has the server's --import-timeout (default 10m).

    Args:
        format_ (IngestEventsFormat):
        strict (bool | Unset):  Default: True.
        create_actors (bool | Unset):  Default: False.
        gap_days (int | Unset):  Default: 30.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IngestSummary | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        format_=format_,
        strict=strict,
        create_actors=create_actors,
        gap_days=gap_days,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
    format_: IngestEventsFormat,
    strict: bool | Unset = True,
    create_actors: bool | Unset = False,
    gap_days: int | Unset = 30,
) -> IngestSummary | Problem | None:
    """Ingest an event file

     Reads a file of coded events (the body) as detente ingest does: stores its events (idempotent by the
    source's id), resolves their actors, maps their codes and folds them into derived relationships, and
    answers the same summary. By default the first malformed row refuses the file with 400, naming its
    line and column, and nothing is written; with strict=false malformed rows are skipped and counted. A
    file of another format is refused with 400 at once. Bodies over 64 MiB are rejected with 413; the
    request has the server's --import-timeout (default 10m).

    Args:
        format_ (IngestEventsFormat):
        strict (bool | Unset):  Default: True.
        create_actors (bool | Unset):  Default: False.
        gap_days (int | Unset):  Default: 30.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IngestSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            format_=format_,
            strict=strict,
            create_actors=create_actors,
            gap_days=gap_days,
        )
    ).parsed
