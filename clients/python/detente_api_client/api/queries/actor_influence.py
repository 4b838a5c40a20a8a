from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.actor_influence import ActorInfluence
from ...models.actor_influence_polarity import ActorInfluencePolarity
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    id: str,
    *,
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    polarity: ActorInfluencePolarity | Unset = ActorInfluencePolarity.SIGNED,
    limit: int | Unset = 10,
    paths: int | Unset = 3,
    max_hops: int | Unset = 3,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["weighted"] = weighted

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

    params["paths"] = paths

    params["max_hops"] = max_hops

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/actors/{id}/influence".format(
            id=quote(str(id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ActorInfluence | Problem | None:
    if response.status_code == 200:
        response_200 = ActorInfluence.from_dict(response.json())

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
) -> Response[ActorInfluence | Problem]:
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
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    polarity: ActorInfluencePolarity | Unset = ActorInfluencePolarity.SIGNED,
    limit: int | Unset = 10,
    paths: int | Unset = 3,
    max_hops: int | Unset = 3,
    scenario: str | Unset = UNSET,
) -> Response[ActorInfluence | Problem]:
    """Who sways an actor, and whom it sways

     Sign-aware influence, in each direction: sways / swayed_by list who the actor sways and who sways it
    through cooperation; pressures / pressured_by who it pressures and who pressures it. A relationship
    source -> target is the source acting on the target (symmetric types act both ways). A sway channel
    is a simple path of at most max_hops ties, all cooperative (polarity +1); a pressure channel is the
    same but its last tie is conflictual (polarity -1): influence may end in one hostile tie but never
    passes through one, so "Iran —hostile_to— US —attacks→ Houthis" is no channel from Iran to the
    Houthis. Only ties whose type relays (relays in /relationship-types: alignment and material support
    — supports, allied_with, funds, arms, sponsors) may sit inside a channel; direct engagement
    (negotiates_with, mediates, appeals_to, monitors) can only be its last hop, so "Oman —mediates→ US
    —sanctions→ Iran" is no pressure of Oman on Iran. A cooperative tie passes influence on to a further
    tie only if its pair is not hostile on balance (the sum of polarity x weight, or of polarities
    unweighted, over the pair's signed ties either way is positive, as /balance reads a pair): "US
    —negotiates_with— Iran" is a direct channel, but Iran does not pressure the Houthis through the US's
    sanctions. Structural ties (polarity 0: membership, monitoring) are connections, not influence: left
    out by default (polarity=signed); polarity=all counts them as cooperative conduits (and sets
    structural); positive gives sways only, negative only direct pressure. Each ordered pair contributes
    its best tie of each sign (highest weight x confidence, then lowest id), and a channel that goes on
    past the pair its best tie of that sign whose type relays. A channel's strength is 0.5^hops (Katz
    attenuation, Katz 1953) times, when weighted (the default), the product of weight x confidence over
    its ties; an actor's score sums the strengths of all its channels of that kind (count of them), so
    the sign of a path is the product of its ties' signs as in Cartwright and Harary's structural
    balance. Each entry lists its strongest channels (at most paths), each a path with relationship ids,
    types, signs and dates, read in the direction of influence. influences / influenced_by are the older
    sign-blind reach (personalised PageRank seeded at the actor, on the graph and on the reversed graph,
    weighted like the rest), deprecated. An actor with no selected tie gets empty lists.

    Args:
        id (str):
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        as_of (str | Unset):
        polarity (ActorInfluencePolarity | Unset):  Default: ActorInfluencePolarity.SIGNED.
        limit (int | Unset):  Default: 10.
        paths (int | Unset):  Default: 3.
        max_hops (int | Unset):  Default: 3.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorInfluence | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        weighted=weighted,
        types=types,
        as_of=as_of,
        polarity=polarity,
        limit=limit,
        paths=paths,
        max_hops=max_hops,
        scenario=scenario,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    id: str,
    *,
    client: AuthenticatedClient,
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    polarity: ActorInfluencePolarity | Unset = ActorInfluencePolarity.SIGNED,
    limit: int | Unset = 10,
    paths: int | Unset = 3,
    max_hops: int | Unset = 3,
    scenario: str | Unset = UNSET,
) -> ActorInfluence | Problem | None:
    """Who sways an actor, and whom it sways

     Sign-aware influence, in each direction: sways / swayed_by list who the actor sways and who sways it
    through cooperation; pressures / pressured_by who it pressures and who pressures it. A relationship
    source -> target is the source acting on the target (symmetric types act both ways). A sway channel
    is a simple path of at most max_hops ties, all cooperative (polarity +1); a pressure channel is the
    same but its last tie is conflictual (polarity -1): influence may end in one hostile tie but never
    passes through one, so "Iran —hostile_to— US —attacks→ Houthis" is no channel from Iran to the
    Houthis. Only ties whose type relays (relays in /relationship-types: alignment and material support
    — supports, allied_with, funds, arms, sponsors) may sit inside a channel; direct engagement
    (negotiates_with, mediates, appeals_to, monitors) can only be its last hop, so "Oman —mediates→ US
    —sanctions→ Iran" is no pressure of Oman on Iran. A cooperative tie passes influence on to a further
    tie only if its pair is not hostile on balance (the sum of polarity x weight, or of polarities
    unweighted, over the pair's signed ties either way is positive, as /balance reads a pair): "US
    —negotiates_with— Iran" is a direct channel, but Iran does not pressure the Houthis through the US's
    sanctions. Structural ties (polarity 0: membership, monitoring) are connections, not influence: left
    out by default (polarity=signed); polarity=all counts them as cooperative conduits (and sets
    structural); positive gives sways only, negative only direct pressure. Each ordered pair contributes
    its best tie of each sign (highest weight x confidence, then lowest id), and a channel that goes on
    past the pair its best tie of that sign whose type relays. A channel's strength is 0.5^hops (Katz
    attenuation, Katz 1953) times, when weighted (the default), the product of weight x confidence over
    its ties; an actor's score sums the strengths of all its channels of that kind (count of them), so
    the sign of a path is the product of its ties' signs as in Cartwright and Harary's structural
    balance. Each entry lists its strongest channels (at most paths), each a path with relationship ids,
    types, signs and dates, read in the direction of influence. influences / influenced_by are the older
    sign-blind reach (personalised PageRank seeded at the actor, on the graph and on the reversed graph,
    weighted like the rest), deprecated. An actor with no selected tie gets empty lists.

    Args:
        id (str):
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        as_of (str | Unset):
        polarity (ActorInfluencePolarity | Unset):  Default: ActorInfluencePolarity.SIGNED.
        limit (int | Unset):  Default: 10.
        paths (int | Unset):  Default: 3.
        max_hops (int | Unset):  Default: 3.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorInfluence | Problem
    """

    return sync_detailed(
        id=id,
        client=client,
        weighted=weighted,
        types=types,
        as_of=as_of,
        polarity=polarity,
        limit=limit,
        paths=paths,
        max_hops=max_hops,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    id: str,
    *,
    client: AuthenticatedClient,
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    polarity: ActorInfluencePolarity | Unset = ActorInfluencePolarity.SIGNED,
    limit: int | Unset = 10,
    paths: int | Unset = 3,
    max_hops: int | Unset = 3,
    scenario: str | Unset = UNSET,
) -> Response[ActorInfluence | Problem]:
    """Who sways an actor, and whom it sways

     Sign-aware influence, in each direction: sways / swayed_by list who the actor sways and who sways it
    through cooperation; pressures / pressured_by who it pressures and who pressures it. A relationship
    source -> target is the source acting on the target (symmetric types act both ways). A sway channel
    is a simple path of at most max_hops ties, all cooperative (polarity +1); a pressure channel is the
    same but its last tie is conflictual (polarity -1): influence may end in one hostile tie but never
    passes through one, so "Iran —hostile_to— US —attacks→ Houthis" is no channel from Iran to the
    Houthis. Only ties whose type relays (relays in /relationship-types: alignment and material support
    — supports, allied_with, funds, arms, sponsors) may sit inside a channel; direct engagement
    (negotiates_with, mediates, appeals_to, monitors) can only be its last hop, so "Oman —mediates→ US
    —sanctions→ Iran" is no pressure of Oman on Iran. A cooperative tie passes influence on to a further
    tie only if its pair is not hostile on balance (the sum of polarity x weight, or of polarities
    unweighted, over the pair's signed ties either way is positive, as /balance reads a pair): "US
    —negotiates_with— Iran" is a direct channel, but Iran does not pressure the Houthis through the US's
    sanctions. Structural ties (polarity 0: membership, monitoring) are connections, not influence: left
    out by default (polarity=signed); polarity=all counts them as cooperative conduits (and sets
    structural); positive gives sways only, negative only direct pressure. Each ordered pair contributes
    its best tie of each sign (highest weight x confidence, then lowest id), and a channel that goes on
    past the pair its best tie of that sign whose type relays. A channel's strength is 0.5^hops (Katz
    attenuation, Katz 1953) times, when weighted (the default), the product of weight x confidence over
    its ties; an actor's score sums the strengths of all its channels of that kind (count of them), so
    the sign of a path is the product of its ties' signs as in Cartwright and Harary's structural
    balance. Each entry lists its strongest channels (at most paths), each a path with relationship ids,
    types, signs and dates, read in the direction of influence. influences / influenced_by are the older
    sign-blind reach (personalised PageRank seeded at the actor, on the graph and on the reversed graph,
    weighted like the rest), deprecated. An actor with no selected tie gets empty lists.

    Args:
        id (str):
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        as_of (str | Unset):
        polarity (ActorInfluencePolarity | Unset):  Default: ActorInfluencePolarity.SIGNED.
        limit (int | Unset):  Default: 10.
        paths (int | Unset):  Default: 3.
        max_hops (int | Unset):  Default: 3.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActorInfluence | Problem]
    """

    kwargs = _get_kwargs(
        id=id,
        weighted=weighted,
        types=types,
        as_of=as_of,
        polarity=polarity,
        limit=limit,
        paths=paths,
        max_hops=max_hops,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    id: str,
    *,
    client: AuthenticatedClient,
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    as_of: str | Unset = UNSET,
    polarity: ActorInfluencePolarity | Unset = ActorInfluencePolarity.SIGNED,
    limit: int | Unset = 10,
    paths: int | Unset = 3,
    max_hops: int | Unset = 3,
    scenario: str | Unset = UNSET,
) -> ActorInfluence | Problem | None:
    """Who sways an actor, and whom it sways

     Sign-aware influence, in each direction: sways / swayed_by list who the actor sways and who sways it
    through cooperation; pressures / pressured_by who it pressures and who pressures it. A relationship
    source -> target is the source acting on the target (symmetric types act both ways). A sway channel
    is a simple path of at most max_hops ties, all cooperative (polarity +1); a pressure channel is the
    same but its last tie is conflictual (polarity -1): influence may end in one hostile tie but never
    passes through one, so "Iran —hostile_to— US —attacks→ Houthis" is no channel from Iran to the
    Houthis. Only ties whose type relays (relays in /relationship-types: alignment and material support
    — supports, allied_with, funds, arms, sponsors) may sit inside a channel; direct engagement
    (negotiates_with, mediates, appeals_to, monitors) can only be its last hop, so "Oman —mediates→ US
    —sanctions→ Iran" is no pressure of Oman on Iran. A cooperative tie passes influence on to a further
    tie only if its pair is not hostile on balance (the sum of polarity x weight, or of polarities
    unweighted, over the pair's signed ties either way is positive, as /balance reads a pair): "US
    —negotiates_with— Iran" is a direct channel, but Iran does not pressure the Houthis through the US's
    sanctions. Structural ties (polarity 0: membership, monitoring) are connections, not influence: left
    out by default (polarity=signed); polarity=all counts them as cooperative conduits (and sets
    structural); positive gives sways only, negative only direct pressure. Each ordered pair contributes
    its best tie of each sign (highest weight x confidence, then lowest id), and a channel that goes on
    past the pair its best tie of that sign whose type relays. A channel's strength is 0.5^hops (Katz
    attenuation, Katz 1953) times, when weighted (the default), the product of weight x confidence over
    its ties; an actor's score sums the strengths of all its channels of that kind (count of them), so
    the sign of a path is the product of its ties' signs as in Cartwright and Harary's structural
    balance. Each entry lists its strongest channels (at most paths), each a path with relationship ids,
    types, signs and dates, read in the direction of influence. influences / influenced_by are the older
    sign-blind reach (personalised PageRank seeded at the actor, on the graph and on the reversed graph,
    weighted like the rest), deprecated. An actor with no selected tie gets empty lists.

    Args:
        id (str):
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        as_of (str | Unset):
        polarity (ActorInfluencePolarity | Unset):  Default: ActorInfluencePolarity.SIGNED.
        limit (int | Unset):  Default: 10.
        paths (int | Unset):  Default: 3.
        max_hops (int | Unset):  Default: 3.
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActorInfluence | Problem
    """

    return (
        await asyncio_detailed(
            id=id,
            client=client,
            weighted=weighted,
            types=types,
            as_of=as_of,
            polarity=polarity,
            limit=limit,
            paths=paths,
            max_hops=max_hops,
            scenario=scenario,
        )
    ).parsed
