from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.scenario import Scenario
from ...models.scenario_create import ScenarioCreate
from ...types import Response


def _get_kwargs(
    *,
    body: ScenarioCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/scenarios",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Scenario | None:
    if response.status_code == 201:
        response_201 = Scenario.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Scenario]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ScenarioCreate,
) -> Response[Problem | Scenario]:
    """Create a what-if scenario

     Stores a list of changes over the graph (or over another scenario, base), without copying the graph.
    Every read that takes scenario= then answers on the graph with the changes applied in order. Each
    change is checked against the base as it is now: a change naming a missing record, adding one that
    exists or a tie to a missing actor is a 400 naming it. Removing an actor removes its ties. Writing a
    scenario does not change the graph or its version.

    Args:
        body (ScenarioCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Scenario]
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
    body: ScenarioCreate,
) -> Problem | Scenario | None:
    """Create a what-if scenario

     Stores a list of changes over the graph (or over another scenario, base), without copying the graph.
    Every read that takes scenario= then answers on the graph with the changes applied in order. Each
    change is checked against the base as it is now: a change naming a missing record, adding one that
    exists or a tie to a missing actor is a 400 naming it. Removing an actor removes its ties. Writing a
    scenario does not change the graph or its version.

    Args:
        body (ScenarioCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Scenario
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ScenarioCreate,
) -> Response[Problem | Scenario]:
    """Create a what-if scenario

     Stores a list of changes over the graph (or over another scenario, base), without copying the graph.
    Every read that takes scenario= then answers on the graph with the changes applied in order. Each
    change is checked against the base as it is now: a change naming a missing record, adding one that
    exists or a tie to a missing actor is a 400 naming it. Removing an actor removes its ties. Writing a
    scenario does not change the graph or its version.

    Args:
        body (ScenarioCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Scenario]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ScenarioCreate,
) -> Problem | Scenario | None:
    """Create a what-if scenario

     Stores a list of changes over the graph (or over another scenario, base), without copying the graph.
    Every read that takes scenario= then answers on the graph with the changes applied in order. Each
    change is checked against the base as it is now: a change naming a missing record, adding one that
    exists or a tie to a missing actor is a 400 naming it. Removing an actor removes its ties. Writing a
    scenario does not change the graph or its version.

    Args:
        body (ScenarioCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Scenario
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
