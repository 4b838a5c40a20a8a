from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.balance import Balance
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    weighted: bool | Unset = False,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
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

    params["limit"] = limit

    params["cursor"] = cursor

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/balance",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Balance | Problem | None:
    if response.status_code == 200:
        response_200 = Balance.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Balance | Problem]:
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
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[Balance | Problem]:
    """Structural balance: which triangles are unstable, and how far the graph is from two camps

     Structural balance of the signed graph (Heider; Cartwright and Harary): ties read without direction,
    structural (polarity 0) types ignored; a pair's sign is the sign of the sum of its ties' polarities
    (times weights when weighted), and pairs whose ties cancel are counted as ambivalent and left out.
    Triads +++ and +-- are balanced ("the enemy of my enemy is my friend"), ++- and --- unbalanced.
    Gives the counts, the balance ratio, each actor's unbalanced triads, and the unbalanced triads
    themselves (up to limit, in id order). Two global measures follow. frustration is the frustration
    index (Aref and Wilson 2018): the least number of signed relationships, each counted on its own
    whatever weighted says (a pair with p positive and q negative ones costs q if its actors share a
    camp, p if not), whose removal splits the signed actors into two camps with every positive tie
    within a camp and every negative one between them; with such camps and the relationships they
    frustrate (up to limit, by id). It is computed exactly by a branch-and-bound per connected
    component, within a budget of search states; a component beyond it (or of more than 1000 signed
    pairs) keeps a heuristic split (greedy, then single-actor moves), exact is false and lower_bound is
    a packing of negative cycles (each needs one of its relationships removed). walk_index is Estrada
    and Benzi's (2014) walk-based index tr exp(A) / tr exp(|A|) over the signed pairs: closed walks of
    every length weighted by 1/length!, the negative ones counted against; 1 when balanced, null when a
    connected component has more than 500 actors.

    Args:
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Balance | Problem]
    """

    kwargs = _get_kwargs(
        weighted=weighted,
        types=types,
        as_of=as_of,
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
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Balance | Problem | None:
    """Structural balance: which triangles are unstable, and how far the graph is from two camps

     Structural balance of the signed graph (Heider; Cartwright and Harary): ties read without direction,
    structural (polarity 0) types ignored; a pair's sign is the sign of the sum of its ties' polarities
    (times weights when weighted), and pairs whose ties cancel are counted as ambivalent and left out.
    Triads +++ and +-- are balanced ("the enemy of my enemy is my friend"), ++- and --- unbalanced.
    Gives the counts, the balance ratio, each actor's unbalanced triads, and the unbalanced triads
    themselves (up to limit, in id order). Two global measures follow. frustration is the frustration
    index (Aref and Wilson 2018): the least number of signed relationships, each counted on its own
    whatever weighted says (a pair with p positive and q negative ones costs q if its actors share a
    camp, p if not), whose removal splits the signed actors into two camps with every positive tie
    within a camp and every negative one between them; with such camps and the relationships they
    frustrate (up to limit, by id). It is computed exactly by a branch-and-bound per connected
    component, within a budget of search states; a component beyond it (or of more than 1000 signed
    pairs) keeps a heuristic split (greedy, then single-actor moves), exact is false and lower_bound is
    a packing of negative cycles (each needs one of its relationships removed). walk_index is Estrada
    and Benzi's (2014) walk-based index tr exp(A) / tr exp(|A|) over the signed pairs: closed walks of
    every length weighted by 1/length!, the negative ones counted against; 1 when balanced, null when a
    connected component has more than 500 actors.

    Args:
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Balance | Problem
    """

    return sync_detailed(
        client=client,
        weighted=weighted,
        types=types,
        as_of=as_of,
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
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[Balance | Problem]:
    """Structural balance: which triangles are unstable, and how far the graph is from two camps

     Structural balance of the signed graph (Heider; Cartwright and Harary): ties read without direction,
    structural (polarity 0) types ignored; a pair's sign is the sign of the sum of its ties' polarities
    (times weights when weighted), and pairs whose ties cancel are counted as ambivalent and left out.
    Triads +++ and +-- are balanced ("the enemy of my enemy is my friend"), ++- and --- unbalanced.
    Gives the counts, the balance ratio, each actor's unbalanced triads, and the unbalanced triads
    themselves (up to limit, in id order). Two global measures follow. frustration is the frustration
    index (Aref and Wilson 2018): the least number of signed relationships, each counted on its own
    whatever weighted says (a pair with p positive and q negative ones costs q if its actors share a
    camp, p if not), whose removal splits the signed actors into two camps with every positive tie
    within a camp and every negative one between them; with such camps and the relationships they
    frustrate (up to limit, by id). It is computed exactly by a branch-and-bound per connected
    component, within a budget of search states; a component beyond it (or of more than 1000 signed
    pairs) keeps a heuristic split (greedy, then single-actor moves), exact is false and lower_bound is
    a packing of negative cycles (each needs one of its relationships removed). walk_index is Estrada
    and Benzi's (2014) walk-based index tr exp(A) / tr exp(|A|) over the signed pairs: closed walks of
    every length weighted by 1/length!, the negative ones counted against; 1 when balanced, null when a
    connected component has more than 500 actors.

    Args:
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Balance | Problem]
    """

    kwargs = _get_kwargs(
        weighted=weighted,
        types=types,
        as_of=as_of,
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
    limit: int | Unset = 50,
    cursor: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Balance | Problem | None:
    """Structural balance: which triangles are unstable, and how far the graph is from two camps

     Structural balance of the signed graph (Heider; Cartwright and Harary): ties read without direction,
    structural (polarity 0) types ignored; a pair's sign is the sign of the sum of its ties' polarities
    (times weights when weighted), and pairs whose ties cancel are counted as ambivalent and left out.
    Triads +++ and +-- are balanced ("the enemy of my enemy is my friend"), ++- and --- unbalanced.
    Gives the counts, the balance ratio, each actor's unbalanced triads, and the unbalanced triads
    themselves (up to limit, in id order). Two global measures follow. frustration is the frustration
    index (Aref and Wilson 2018): the least number of signed relationships, each counted on its own
    whatever weighted says (a pair with p positive and q negative ones costs q if its actors share a
    camp, p if not), whose removal splits the signed actors into two camps with every positive tie
    within a camp and every negative one between them; with such camps and the relationships they
    frustrate (up to limit, by id). It is computed exactly by a branch-and-bound per connected
    component, within a budget of search states; a component beyond it (or of more than 1000 signed
    pairs) keeps a heuristic split (greedy, then single-actor moves), exact is false and lower_bound is
    a packing of negative cycles (each needs one of its relationships removed). walk_index is Estrada
    and Benzi's (2014) walk-based index tr exp(A) / tr exp(|A|) over the signed pairs: closed walks of
    every length weighted by 1/length!, the negative ones counted against; 1 when balanced, null when a
    connected component has more than 500 actors.

    Args:
        weighted (bool | Unset):  Default: False.
        types (list[str] | Unset):
        as_of (str | Unset):
        limit (int | Unset):  Default: 50.
        cursor (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Balance | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            weighted=weighted,
            types=types,
            as_of=as_of,
            limit=limit,
            cursor=cursor,
            scenario=scenario,
        )
    ).parsed
