from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.batch import Batch
from ...models.import_result import ImportResult
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: Batch,
    dry_run: bool | Unset = False,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/import",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ImportResult | Problem | None:
    if response.status_code == 200:
        response_200 = ImportResult.from_dict(response.json())

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
) -> Response[ImportResult | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: Batch,
    dry_run: bool | Unset = False,
) -> Response[ImportResult | Problem]:
    """Import a batch

     Upserts relationship types, actors and relationships by id, all or nothing. Records get the defaults
    of the create endpoints (actor id from the name; relationship id derived, weight from the type,
    confidence 1); timestamps in the batch are kept, so an export restores exactly. Relationships may
    reference actors in the batch or already stored, and types in the batch or registered. Every problem
    comes back at once, each with its JSON path ($.relationships[3].weight), and then nothing is
    written. With dry_run=true the batch is validated and counted but not written. A batch that would
    add or change relationship types needs an admin key (types already registered as given are fine with
    a write key). Bodies over 64 MiB are rejected with 413. The request has the server's --import-
    timeout (default 10m), not --query-timeout. On Neo4j a batch of more than 20000 records is written
    in several transactions: it is still validated in full first and undone if it fails, but while it is
    written other writes get 503 and reads see its progress (README, "Large imports on Neo4j").

    Args:
        dry_run (bool | Unset):  Default: False.
        body (Batch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: Batch,
    dry_run: bool | Unset = False,
) -> ImportResult | Problem | None:
    """Import a batch

     Upserts relationship types, actors and relationships by id, all or nothing. Records get the defaults
    of the create endpoints (actor id from the name; relationship id derived, weight from the type,
    confidence 1); timestamps in the batch are kept, so an export restores exactly. Relationships may
    reference actors in the batch or already stored, and types in the batch or registered. Every problem
    comes back at once, each with its JSON path ($.relationships[3].weight), and then nothing is
    written. With dry_run=true the batch is validated and counted but not written. A batch that would
    add or change relationship types needs an admin key (types already registered as given are fine with
    a write key). Bodies over 64 MiB are rejected with 413. The request has the server's --import-
    timeout (default 10m), not --query-timeout. On Neo4j a batch of more than 20000 records is written
    in several transactions: it is still validated in full first and undone if it fails, but while it is
    written other writes get 503 and reads see its progress (README, "Large imports on Neo4j").

    Args:
        dry_run (bool | Unset):  Default: False.
        body (Batch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        dry_run=dry_run,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: Batch,
    dry_run: bool | Unset = False,
) -> Response[ImportResult | Problem]:
    """Import a batch

     Upserts relationship types, actors and relationships by id, all or nothing. Records get the defaults
    of the create endpoints (actor id from the name; relationship id derived, weight from the type,
    confidence 1); timestamps in the batch are kept, so an export restores exactly. Relationships may
    reference actors in the batch or already stored, and types in the batch or registered. Every problem
    comes back at once, each with its JSON path ($.relationships[3].weight), and then nothing is
    written. With dry_run=true the batch is validated and counted but not written. A batch that would
    add or change relationship types needs an admin key (types already registered as given are fine with
    a write key). Bodies over 64 MiB are rejected with 413. The request has the server's --import-
    timeout (default 10m), not --query-timeout. On Neo4j a batch of more than 20000 records is written
    in several transactions: it is still validated in full first and undone if it fails, but while it is
    written other writes get 503 and reads see its progress (README, "Large imports on Neo4j").

    Args:
        dry_run (bool | Unset):  Default: False.
        body (Batch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportResult | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: Batch,
    dry_run: bool | Unset = False,
) -> ImportResult | Problem | None:
    """Import a batch

     Upserts relationship types, actors and relationships by id, all or nothing. Records get the defaults
    of the create endpoints (actor id from the name; relationship id derived, weight from the type,
    confidence 1); timestamps in the batch are kept, so an export restores exactly. Relationships may
    reference actors in the batch or already stored, and types in the batch or registered. Every problem
    comes back at once, each with its JSON path ($.relationships[3].weight), and then nothing is
    written. With dry_run=true the batch is validated and counted but not written. A batch that would
    add or change relationship types needs an admin key (types already registered as given are fine with
    a write key). Bodies over 64 MiB are rejected with 413. The request has the server's --import-
    timeout (default 10m), not --query-timeout. On Neo4j a batch of more than 20000 records is written
    in several transactions: it is still validated in full first and undone if it fails, but while it is
    written other writes get 503 and reads see its progress (README, "Large imports on Neo4j").

    Args:
        dry_run (bool | Unset):  Default: False.
        body (Batch):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportResult | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dry_run=dry_run,
        )
    ).parsed
