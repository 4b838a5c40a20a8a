from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.rank_influence_algorithm import RankInfluenceAlgorithm
from ...models.rank_influence_polarity import RankInfluencePolarity
from ...models.ranking import Ranking
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    algorithm: RankInfluenceAlgorithm | Unset = RankInfluenceAlgorithm.PAGERANK,
    weighted: bool | Unset = False,
    normalized: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    polarity: RankInfluencePolarity | Unset = RankInfluencePolarity.ALL,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    actors: list[str] | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_algorithm: str | Unset = UNSET
    if not isinstance(algorithm, Unset):
        json_algorithm = algorithm.value

    params["algorithm"] = json_algorithm

    params["weighted"] = weighted

    params["normalized"] = normalized

    json_types: list[str] | Unset = UNSET
    if not isinstance(types, Unset):
        json_types = types

    params["types"] = json_types

    params["as_of"] = as_of

    json_polarity: str | Unset = UNSET
    if not isinstance(polarity, Unset):
        json_polarity = polarity.value

    params["polarity"] = json_polarity

    params["limit"] = limit

    params["cursor"] = cursor

    json_actors: list[str] | Unset = UNSET
    if not isinstance(actors, Unset):
        json_actors = actors

    params["actors"] = json_actors

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/influence",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Ranking | None:
    if response.status_code == 200:
        response_200 = Ranking.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Ranking]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    algorithm: RankInfluenceAlgorithm | Unset = RankInfluenceAlgorithm.PAGERANK,
    weighted: bool | Unset = False,
    normalized: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    polarity: RankInfluencePolarity | Unset = RankInfluencePolarity.ALL,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    actors: list[str] | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[Problem | Ranking]:
    """Rank actors by influence

     Who matters most? Centralities over a cached projection of the (filtered) graph, defined as NetworkX
    defines them unless said otherwise: pagerank (damping 0.85, dangling mass spread uniformly),
    betweenness (exact Brandes, normalised; distance 1/weight when weighted), in_degree / out_degree
    (the distinct actors tied towards or from the actor, as NetworkX's DiGraph in/out degree of the
    projected graph; weighted: the sum of the weights), degree (the distinct actors tied in either
    direction — NetworkX's degree of the undirected graph, NOT its DiGraph degree, which counts a pair
    tied both ways twice; weighted: the sum of the weights of the actor's ties, a symmetric tie once) —
    each a plain count, or divided by n-1 with normalized=true, closeness (Wasserman-Faust improved, on
    distances towards the actor), eigenvector (in-edges); and, for the signed graph, pn (Everett and
    Borgatti 2014: PN = (I - A/(2n-2))^-1 1 with A = P - 2N on the undirected ties, structural ones
    ignored; friends raise an actor, enemies lower it, 1 is no signed tie) and signed_eigenvector
    (Bonacich and Lloyd 2004: the unit eigenvector of the largest eigenvalue of the signed adjacency,
    oriented to a non-negative sum; two hostile camps get opposite signs). Symmetric relationship types
    count both ways. The analysed graph holds the actors with at least one selected tie. Results are
    sorted by score, ties by id, each with the actor's name; an empty filtered graph gives an empty
    list. The ranking pages (limit, cursor/next_cursor) to its end; actors= reads given actors' scores
    and ranks.

    Args:
        algorithm (RankInfluenceAlgorithm | Unset):  Default: RankInfluenceAlgorithm.PAGERANK.
        weighted (bool | Unset):  Default: False.
        normalized (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        polarity (RankInfluencePolarity | Unset):  Default: RankInfluencePolarity.ALL.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        actors (list[str] | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Ranking]
    """

    kwargs = _get_kwargs(
        algorithm=algorithm,
        weighted=weighted,
        normalized=normalized,
        types=types,
        as_of=as_of,
        polarity=polarity,
        limit=limit,
        cursor=cursor,
        actors=actors,
        scenario=scenario,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    algorithm: RankInfluenceAlgorithm | Unset = RankInfluenceAlgorithm.PAGERANK,
    weighted: bool | Unset = False,
    normalized: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    polarity: RankInfluencePolarity | Unset = RankInfluencePolarity.ALL,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    actors: list[str] | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Problem | Ranking | None:
    """Rank actors by influence

     Who matters most? Centralities over a cached projection of the (filtered) graph, defined as NetworkX
    defines them unless said otherwise: pagerank (damping 0.85, dangling mass spread uniformly),
    betweenness (exact Brandes, normalised; distance 1/weight when weighted), in_degree / out_degree
    (the distinct actors tied towards or from the actor, as NetworkX's DiGraph in/out degree of the
    projected graph; weighted: the sum of the weights), degree (the distinct actors tied in either
    direction — NetworkX's degree of the undirected graph, NOT its DiGraph degree, which counts a pair
    tied both ways twice; weighted: the sum of the weights of the actor's ties, a symmetric tie once) —
    each a plain count, or divided by n-1 with normalized=true, closeness (Wasserman-Faust improved, on
    distances towards the actor), eigenvector (in-edges); and, for the signed graph, pn (Everett and
    Borgatti 2014: PN = (I - A/(2n-2))^-1 1 with A = P - 2N on the undirected ties, structural ones
    ignored; friends raise an actor, enemies lower it, 1 is no signed tie) and signed_eigenvector
    (Bonacich and Lloyd 2004: the unit eigenvector of the largest eigenvalue of the signed adjacency,
    oriented to a non-negative sum; two hostile camps get opposite signs). Symmetric relationship types
    count both ways. The analysed graph holds the actors with at least one selected tie. Results are
    sorted by score, ties by id, each with the actor's name; an empty filtered graph gives an empty
    list. The ranking pages (limit, cursor/next_cursor) to its end; actors= reads given actors' scores
    and ranks.

    Args:
        algorithm (RankInfluenceAlgorithm | Unset):  Default: RankInfluenceAlgorithm.PAGERANK.
        weighted (bool | Unset):  Default: False.
        normalized (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        polarity (RankInfluencePolarity | Unset):  Default: RankInfluencePolarity.ALL.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        actors (list[str] | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Ranking
    """

    return sync_detailed(
        client=client,
        algorithm=algorithm,
        weighted=weighted,
        normalized=normalized,
        types=types,
        as_of=as_of,
        polarity=polarity,
        limit=limit,
        cursor=cursor,
        actors=actors,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    algorithm: RankInfluenceAlgorithm | Unset = RankInfluenceAlgorithm.PAGERANK,
    weighted: bool | Unset = False,
    normalized: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    polarity: RankInfluencePolarity | Unset = RankInfluencePolarity.ALL,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    actors: list[str] | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[Problem | Ranking]:
    """Rank actors by influence

     Who matters most? Centralities over a cached projection of the (filtered) graph, defined as NetworkX
    defines them unless said otherwise: pagerank (damping 0.85, dangling mass spread uniformly),
    betweenness (exact Brandes, normalised; distance 1/weight when weighted), in_degree / out_degree
    (the distinct actors tied towards or from the actor, as NetworkX's DiGraph in/out degree of the
    projected graph; weighted: the sum of the weights), degree (the distinct actors tied in either
    direction — NetworkX's degree of the undirected graph, NOT its DiGraph degree, which counts a pair
    tied both ways twice; weighted: the sum of the weights of the actor's ties, a symmetric tie once) —
    each a plain count, or divided by n-1 with normalized=true, closeness (Wasserman-Faust improved, on
    distances towards the actor), eigenvector (in-edges); and, for the signed graph, pn (Everett and
    Borgatti 2014: PN = (I - A/(2n-2))^-1 1 with A = P - 2N on the undirected ties, structural ones
    ignored; friends raise an actor, enemies lower it, 1 is no signed tie) and signed_eigenvector
    (Bonacich and Lloyd 2004: the unit eigenvector of the largest eigenvalue of the signed adjacency,
    oriented to a non-negative sum; two hostile camps get opposite signs). Symmetric relationship types
    count both ways. The analysed graph holds the actors with at least one selected tie. Results are
    sorted by score, ties by id, each with the actor's name; an empty filtered graph gives an empty
    list. The ranking pages (limit, cursor/next_cursor) to its end; actors= reads given actors' scores
    and ranks.

    Args:
        algorithm (RankInfluenceAlgorithm | Unset):  Default: RankInfluenceAlgorithm.PAGERANK.
        weighted (bool | Unset):  Default: False.
        normalized (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        polarity (RankInfluencePolarity | Unset):  Default: RankInfluencePolarity.ALL.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        actors (list[str] | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Ranking]
    """

    kwargs = _get_kwargs(
        algorithm=algorithm,
        weighted=weighted,
        normalized=normalized,
        types=types,
        as_of=as_of,
        polarity=polarity,
        limit=limit,
        cursor=cursor,
        actors=actors,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    algorithm: RankInfluenceAlgorithm | Unset = RankInfluenceAlgorithm.PAGERANK,
    weighted: bool | Unset = False,
    normalized: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    polarity: RankInfluencePolarity | Unset = RankInfluencePolarity.ALL,
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    actors: list[str] | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Problem | Ranking | None:
    """Rank actors by influence

     Who matters most? Centralities over a cached projection of the (filtered) graph, defined as NetworkX
    defines them unless said otherwise: pagerank (damping 0.85, dangling mass spread uniformly),
    betweenness (exact Brandes, normalised; distance 1/weight when weighted), in_degree / out_degree
    (the distinct actors tied towards or from the actor, as NetworkX's DiGraph in/out degree of the
    projected graph; weighted: the sum of the weights), degree (the distinct actors tied in either
    direction — NetworkX's degree of the undirected graph, NOT its DiGraph degree, which counts a pair
    tied both ways twice; weighted: the sum of the weights of the actor's ties, a symmetric tie once) —
    each a plain count, or divided by n-1 with normalized=true, closeness (Wasserman-Faust improved, on
    distances towards the actor), eigenvector (in-edges); and, for the signed graph, pn (Everett and
    Borgatti 2014: PN = (I - A/(2n-2))^-1 1 with A = P - 2N on the undirected ties, structural ones
    ignored; friends raise an actor, enemies lower it, 1 is no signed tie) and signed_eigenvector
    (Bonacich and Lloyd 2004: the unit eigenvector of the largest eigenvalue of the signed adjacency,
    oriented to a non-negative sum; two hostile camps get opposite signs). Symmetric relationship types
    count both ways. The analysed graph holds the actors with at least one selected tie. Results are
    sorted by score, ties by id, each with the actor's name; an empty filtered graph gives an empty
    list. The ranking pages (limit, cursor/next_cursor) to its end; actors= reads given actors' scores
    and ranks.

    Args:
        algorithm (RankInfluenceAlgorithm | Unset):  Default: RankInfluenceAlgorithm.PAGERANK.
        weighted (bool | Unset):  Default: False.
        normalized (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        polarity (RankInfluencePolarity | Unset):  Default: RankInfluencePolarity.ALL.
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        actors (list[str] | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Ranking
    """

    return (
        await asyncio_detailed(
            client=client,
            algorithm=algorithm,
            weighted=weighted,
            normalized=normalized,
            types=types,
            as_of=as_of,
            polarity=polarity,
            limit=limit,
            cursor=cursor,
            actors=actors,
            scenario=scenario,
        )
    ).parsed
