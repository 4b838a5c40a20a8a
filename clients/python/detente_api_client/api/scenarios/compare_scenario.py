from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.compare_scenario_polarity import CompareScenarioPolarity
from ...models.problem import Problem
from ...models.scenario_comparison import ScenarioComparison
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    with_: str | Unset = UNSET,
    measures: list[str] | Unset = UNSET,
    between: list[str] | Unset = UNSET,
    pairs: list[str] | Unset = UNSET,
    max_hops: int | Unset = UNSET,
    weighted: bool | Unset = UNSET,
    types: list[str] | Unset = UNSET,
    polarity: CompareScenarioPolarity | Unset = UNSET,
    as_of: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["with"] = with_

    json_measures: list[str] | Unset = UNSET
    if not isinstance(measures, Unset):
        json_measures = measures

    params["measures"] = json_measures

    json_between: list[str] | Unset = UNSET
    if not isinstance(between, Unset):
        json_between = between

    params["between"] = json_between

    json_pairs: list[str] | Unset = UNSET
    if not isinstance(pairs, Unset):
        json_pairs = pairs

    params["pairs"] = json_pairs

    params["max_hops"] = max_hops

    params["weighted"] = weighted

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = types

    params["types"] = json_types

    json_polarity: str | Unset = UNSET
    if not isinstance(polarity, Unset):
        json_polarity = polarity.value

    params["polarity"] = json_polarity

    params["as_of"] = as_of

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/scenarios/{id}/compare".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ScenarioComparison | None:
    if response.status_code == 200:
        response_200 = ScenarioComparison.from_dict(response.json())

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ScenarioComparison]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    with_: str | Unset = UNSET,
    measures: list[str] | Unset = UNSET,
    between: list[str] | Unset = UNSET,
    pairs: list[str] | Unset = UNSET,
    max_hops: int | Unset = UNSET,
    weighted: bool | Unset = UNSET,
    types: list[str] | Unset = UNSET,
    polarity: CompareScenarioPolarity | Unset = UNSET,
    as_of: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[Problem | ScenarioComparison]:
    """Compare a scenario with its base

     What the changes do: each measure recomputed on the scenario's graph and on the graph itself (or on
    the scenario with=), for every actor of either, with both scores and ranks and the change, largest
    |delta| first (counterfactual centrality: recomputed, not estimated). mediators ranks the go-
    betweens of between=a,b on both sides. blocs lists both sides' blocs, which split, which merged and
    who moved. balance compares the frustration index (Aref and Wilson), the balanced share of triads
    and the unbalanced triads. pairs=a:b lists the paths between two actors that the scenario opens
    (gained) and closes (lost). Filters (types, polarity, weighted, as_of) apply to both sides alike.

    Args:
        id (str):
        with_ (str | Unset):
        measures (list[str] | Unset):
        between (list[str] | Unset):
        pairs (list[str] | Unset):
        max_hops (int | Unset):
        weighted (bool | Unset):
        types (list[str] | Unset):
        polarity (CompareScenarioPolarity | Unset):
        as_of (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScenarioComparison]
    """

    kwargs = _get_kwargs(
        id=id,
        with_=with_,
        measures=measures,
        between=between,
        pairs=pairs,
        max_hops=max_hops,
        weighted=weighted,
        types=types,
        polarity=polarity,
        as_of=as_of,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    with_: str | Unset = UNSET,
    measures: list[str] | Unset = UNSET,
    between: list[str] | Unset = UNSET,
    pairs: list[str] | Unset = UNSET,
    max_hops: int | Unset = UNSET,
    weighted: bool | Unset = UNSET,
    types: list[str] | Unset = UNSET,
    polarity: CompareScenarioPolarity | Unset = UNSET,
    as_of: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Problem | ScenarioComparison | None:
    """Compare a scenario with its base

     What the changes do: each measure recomputed on the scenario's graph and on the graph itself (or on
    the scenario with=), for every actor of either, with both scores and ranks and the change, largest
    |delta| first (counterfactual centrality: recomputed, not estimated). mediators ranks the go-
    betweens of between=a,b on both sides. blocs lists both sides' blocs, which split, which merged and
    who moved. balance compares the frustration index (Aref and Wilson), the balanced share of triads
    and the unbalanced triads. pairs=a:b lists the paths between two actors that the scenario opens
    (gained) and closes (lost). Filters (types, polarity, weighted, as_of) apply to both sides alike.

    Args:
        id (str):
        with_ (str | Unset):
        measures (list[str] | Unset):
        between (list[str] | Unset):
        pairs (list[str] | Unset):
        max_hops (int | Unset):
        weighted (bool | Unset):
        types (list[str] | Unset):
        polarity (CompareScenarioPolarity | Unset):
        as_of (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScenarioComparison
    """

    return sync_detailed(
        id=id,
        client=client,
        with_=with_,
        measures=measures,
        between=between,
        pairs=pairs,
        max_hops=max_hops,
        weighted=weighted,
        types=types,
        polarity=polarity,
        as_of=as_of,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    with_: str | Unset = UNSET,
    measures: list[str] | Unset = UNSET,
    between: list[str] | Unset = UNSET,
    pairs: list[str] | Unset = UNSET,
    max_hops: int | Unset = UNSET,
    weighted: bool | Unset = UNSET,
    types: list[str] | Unset = UNSET,
    polarity: CompareScenarioPolarity | Unset = UNSET,
    as_of: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Response[Problem | ScenarioComparison]:
    """Compare a scenario with its base

     What the changes do: each measure recomputed on the scenario's graph and on the graph itself (or on
    the scenario with=), for every actor of either, with both scores and ranks and the change, largest
    |delta| first (counterfactual centrality: recomputed, not estimated). mediators ranks the go-
    betweens of between=a,b on both sides. blocs lists both sides' blocs, which split, which merged and
    who moved. balance compares the frustration index (Aref and Wilson), the balanced share of triads
    and the unbalanced triads. pairs=a:b lists the paths between two actors that the scenario opens
    (gained) and closes (lost). Filters (types, polarity, weighted, as_of) apply to both sides alike.

    Args:
        id (str):
        with_ (str | Unset):
        measures (list[str] | Unset):
        between (list[str] | Unset):
        pairs (list[str] | Unset):
        max_hops (int | Unset):
        weighted (bool | Unset):
        types (list[str] | Unset):
        polarity (CompareScenarioPolarity | Unset):
        as_of (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ScenarioComparison]
    """

    kwargs = _get_kwargs(
        id=id,
        with_=with_,
        measures=measures,
        between=between,
        pairs=pairs,
        max_hops=max_hops,
        weighted=weighted,
        types=types,
        polarity=polarity,
        as_of=as_of,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    with_: str | Unset = UNSET,
    measures: list[str] | Unset = UNSET,
    between: list[str] | Unset = UNSET,
    pairs: list[str] | Unset = UNSET,
    max_hops: int | Unset = UNSET,
    weighted: bool | Unset = UNSET,
    types: list[str] | Unset = UNSET,
    polarity: CompareScenarioPolarity | Unset = UNSET,
    as_of: str | Unset = UNSET,
    limit: int | Unset = 50,
) -> Problem | ScenarioComparison | None:
    """Compare a scenario with its base

     What the changes do: each measure recomputed on the scenario's graph and on the graph itself (or on
    the scenario with=), for every actor of either, with both scores and ranks and the change, largest
    |delta| first (counterfactual centrality: recomputed, not estimated). mediators ranks the go-
    betweens of between=a,b on both sides. blocs lists both sides' blocs, which split, which merged and
    who moved. balance compares the frustration index (Aref and Wilson), the balanced share of triads
    and the unbalanced triads. pairs=a:b lists the paths between two actors that the scenario opens
    (gained) and closes (lost). Filters (types, polarity, weighted, as_of) apply to both sides alike.

    Args:
        id (str):
        with_ (str | Unset):
        measures (list[str] | Unset):
        between (list[str] | Unset):
        pairs (list[str] | Unset):
        max_hops (int | Unset):
        weighted (bool | Unset):
        types (list[str] | Unset):
        polarity (CompareScenarioPolarity | Unset):
        as_of (str | Unset):
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ScenarioComparison
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            with_=with_,
            measures=measures,
            between=between,
            pairs=pairs,
            max_hops=max_hops,
            weighted=weighted,
            types=types,
            polarity=polarity,
            as_of=as_of,
            limit=limit,
        )
    ).parsed
