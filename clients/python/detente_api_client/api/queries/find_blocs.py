from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bloc_partition import BlocPartition
from ...models.find_blocs_method import FindBlocsMethod
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    method: FindBlocsMethod | Unset = UNSET,
    k: int | Unset = UNSET,
    resolution: float | Unset = 1.0,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["weighted"] = weighted

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = types

    params["types"] = json_types

    params["as_of"] = as_of

    json_method: str | Unset = UNSET
    if not isinstance(method, Unset):
        json_method = method.value

    params["method"] = json_method

    params["k"] = k

    params["resolution"] = resolution

    params["limit"] = limit

    params["cursor"] = cursor

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/blocs",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> BlocPartition | Problem | None:
    if response.status_code == 200:
        response_200 = BlocPartition.from_dict(response.json())

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
) -> Response[BlocPartition | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    method: FindBlocsMethod | Unset = UNSET,
    k: int | Unset = UNSET,
    resolution: float | Unset = 1.0,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[BlocPartition | Problem]:
    """Which blocs form

     Who stands with whom. method=signed (the default when the selected ties include a hostile pair):
    generalised structural balance (Doreian and Mrvar 1996) — the actors with a signed tie are split
    into k blocs minimising the frustrated pairs (hostile inside a bloc, cooperative between blocs; pair
    signs as in /balance, their |net| weight when weighted), searched by relocation from 40 seeded
    random starts; without k, the blocs and their number are those of the greatest signed modularity
    (Gómez, Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution, found by Louvain on the
    positive and negative layers (the quality leidenalg optimises on two layers), so an actor joins the
    bloc of its allies and none of its enemies' unless the balance of ties says otherwise; frustration
    reports the partition's criterion, and signed_modularity the partition's signed modularity (Gómez,
    Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution. method=louvain (the default
    otherwise): communities of the cooperative ties by Louvain (Blondel et al. 2008, with the Reichardt-
    Bornholdt resolution; a fixed seed orders the nodes, so results are stable), a pair's weight being
    the sum of its positive tie weights (1 each when unweighted). Structural ties count in neither.
    Blocs are sorted by size, then by their first member.

    Args:
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        method (FindBlocsMethod | Unset):
        k (int | Unset):
        resolution (float | Unset):  Default: 1.0.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BlocPartition | Problem]
    """

    kwargs = _get_kwargs(
        weighted=weighted,
        types=types,
        as_of=as_of,
        method=method,
        k=k,
        resolution=resolution,
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
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    method: FindBlocsMethod | Unset = UNSET,
    k: int | Unset = UNSET,
    resolution: float | Unset = 1.0,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> BlocPartition | Problem | None:
    """Which blocs form

     Who stands with whom. method=signed (the default when the selected ties include a hostile pair):
    generalised structural balance (Doreian and Mrvar 1996) — the actors with a signed tie are split
    into k blocs minimising the frustrated pairs (hostile inside a bloc, cooperative between blocs; pair
    signs as in /balance, their |net| weight when weighted), searched by relocation from 40 seeded
    random starts; without k, the blocs and their number are those of the greatest signed modularity
    (Gómez, Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution, found by Louvain on the
    positive and negative layers (the quality leidenalg optimises on two layers), so an actor joins the
    bloc of its allies and none of its enemies' unless the balance of ties says otherwise; frustration
    reports the partition's criterion, and signed_modularity the partition's signed modularity (Gómez,
    Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution. method=louvain (the default
    otherwise): communities of the cooperative ties by Louvain (Blondel et al. 2008, with the Reichardt-
    Bornholdt resolution; a fixed seed orders the nodes, so results are stable), a pair's weight being
    the sum of its positive tie weights (1 each when unweighted). Structural ties count in neither.
    Blocs are sorted by size, then by their first member.

    Args:
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        method (FindBlocsMethod | Unset):
        k (int | Unset):
        resolution (float | Unset):  Default: 1.0.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BlocPartition | Problem
    """

    return sync_detailed(
        client=client,
        weighted=weighted,
        types=types,
        as_of=as_of,
        method=method,
        k=k,
        resolution=resolution,
        limit=limit,
        cursor=cursor,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    method: FindBlocsMethod | Unset = UNSET,
    k: int | Unset = UNSET,
    resolution: float | Unset = 1.0,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[BlocPartition | Problem]:
    """Which blocs form

     Who stands with whom. method=signed (the default when the selected ties include a hostile pair):
    generalised structural balance (Doreian and Mrvar 1996) — the actors with a signed tie are split
    into k blocs minimising the frustrated pairs (hostile inside a bloc, cooperative between blocs; pair
    signs as in /balance, their |net| weight when weighted), searched by relocation from 40 seeded
    random starts; without k, the blocs and their number are those of the greatest signed modularity
    (Gómez, Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution, found by Louvain on the
    positive and negative layers (the quality leidenalg optimises on two layers), so an actor joins the
    bloc of its allies and none of its enemies' unless the balance of ties says otherwise; frustration
    reports the partition's criterion, and signed_modularity the partition's signed modularity (Gómez,
    Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution. method=louvain (the default
    otherwise): communities of the cooperative ties by Louvain (Blondel et al. 2008, with the Reichardt-
    Bornholdt resolution; a fixed seed orders the nodes, so results are stable), a pair's weight being
    the sum of its positive tie weights (1 each when unweighted). Structural ties count in neither.
    Blocs are sorted by size, then by their first member.

    Args:
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        method (FindBlocsMethod | Unset):
        k (int | Unset):
        resolution (float | Unset):  Default: 1.0.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[BlocPartition | Problem]
    """

    kwargs = _get_kwargs(
        weighted=weighted,
        types=types,
        as_of=as_of,
        method=method,
        k=k,
        resolution=resolution,
        limit=limit,
        cursor=cursor,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    method: FindBlocsMethod | Unset = UNSET,
    k: int | Unset = UNSET,
    resolution: float | Unset = 1.0,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> BlocPartition | Problem | None:
    """Which blocs form

     Who stands with whom. method=signed (the default when the selected ties include a hostile pair):
    generalised structural balance (Doreian and Mrvar 1996) — the actors with a signed tie are split
    into k blocs minimising the frustrated pairs (hostile inside a bloc, cooperative between blocs; pair
    signs as in /balance, their |net| weight when weighted), searched by relocation from 40 seeded
    random starts; without k, the blocs and their number are those of the greatest signed modularity
    (Gómez, Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution, found by Louvain on the
    positive and negative layers (the quality leidenalg optimises on two layers), so an actor joins the
    bloc of its allies and none of its enemies' unless the balance of ties says otherwise; frustration
    reports the partition's criterion, and signed_modularity the partition's signed modularity (Gómez,
    Jensen and Arenas 2009; Traag and Bruggeman 2009) at the resolution. method=louvain (the default
    otherwise): communities of the cooperative ties by Louvain (Blondel et al. 2008, with the Reichardt-
    Bornholdt resolution; a fixed seed orders the nodes, so results are stable), a pair's weight being
    the sum of its positive tie weights (1 each when unweighted). Structural ties count in neither.
    Blocs are sorted by size, then by their first member.

    Args:
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        method (FindBlocsMethod | Unset):
        k (int | Unset):
        resolution (float | Unset):  Default: 1.0.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        BlocPartition | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            weighted=weighted,
            types=types,
            as_of=as_of,
            method=method,
            k=k,
            resolution=resolution,
            limit=limit,
            cursor=cursor,
            scenario=scenario,
        )
    ).parsed
