from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.key_players import KeyPlayers
from ...models.key_players_kind import KeyPlayersKind
from ...models.key_players_measure import KeyPlayersMeasure
from ...models.key_players_op import KeyPlayersOp
from ...models.key_players_polarity import KeyPlayersPolarity
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    measure: KeyPlayersMeasure,
    target: str | Unset = UNSET,
    other: str | Unset = UNSET,
    k: int | Unset = 3,
    kind: KeyPlayersKind | Unset = KeyPlayersKind.TIES,
    op: KeyPlayersOp | Unset = KeyPlayersOp.REMOVE,
    exact: bool | Unset = False,
    max_hops: int | Unset = 3,
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    polarity: KeyPlayersPolarity | Unset = UNSET,
    as_of: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_measure = measure.value
    params["measure"] = json_measure

    params["target"] = target

    params["other"] = other

    params["k"] = k

    json_kind: str | Unset = UNSET
    if not isinstance(kind, Unset):
        json_kind = kind.value

    params["kind"] = json_kind

    json_op: str | Unset = UNSET
    if not isinstance(op, Unset):
        json_op = op.value

    params["op"] = json_op

    params["exact"] = exact

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

    params["scenario"] = scenario

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/keyplayers",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> KeyPlayers | Problem | None:
    if response.status_code == 200:
        response_200 = KeyPlayers.from_dict(response.json())

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
) -> Response[KeyPlayers | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    measure: KeyPlayersMeasure,
    target: str | Unset = UNSET,
    other: str | Unset = UNSET,
    k: int | Unset = 3,
    kind: KeyPlayersKind | Unset = KeyPlayersKind.TIES,
    op: KeyPlayersOp | Unset = KeyPlayersOp.REMOVE,
    exact: bool | Unset = False,
    max_hops: int | Unset = 3,
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    polarity: KeyPlayersPolarity | Unset = UNSET,
    as_of: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[KeyPlayers | Problem]:
    """Key players: the ties or actors that matter most to a measure

     The k ties (or actors) whose removal — or, op=flip, a tie's sign change — most lowers a measure: an
    actor's total sway or pressure (what it exerts), swayed_by / pressured_by (what it receives),
    separation (how strongly target and other are linked by cooperative channels), or the frustration
    index of the signed graph. Borgatti's key-player problem (Borgatti 2006, KPP-Neg) on detente's sign-
    aware measures, by forward greedy search: each pick is the candidate that lowers the value most
    given the earlier picks (ties: lowest id), with its marginal effect; exact=true also searches every
    set of at most k (at most 20000 sets). Every value is the measure on the graph without the picked
    items, computed by the code that answers /actors/{id}/influence and /balance; changes is the
    scenario of the picks, ready for POST /api/v1/scenarios. Candidates are the items within reach of
    target (at most 500, else 400 limit-exceeded).

    Args:
        measure (KeyPlayersMeasure):
        target (str | Unset):
        other (str | Unset):
        k (int | Unset):  Default: 3.
        kind (KeyPlayersKind | Unset):  Default: KeyPlayersKind.TIES.
        op (KeyPlayersOp | Unset):  Default: KeyPlayersOp.REMOVE.
        exact (bool | Unset):  Default: False.
        max_hops (int | Unset):  Default: 3.
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        polarity (KeyPlayersPolarity | Unset):
        as_of (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeyPlayers | Problem]
    """

    kwargs = _get_kwargs(
        measure=measure,
        target=target,
        other=other,
        k=k,
        kind=kind,
        op=op,
        exact=exact,
        max_hops=max_hops,
        weighted=weighted,
        types=types,
        polarity=polarity,
        as_of=as_of,
        scenario=scenario,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    measure: KeyPlayersMeasure,
    target: str | Unset = UNSET,
    other: str | Unset = UNSET,
    k: int | Unset = 3,
    kind: KeyPlayersKind | Unset = KeyPlayersKind.TIES,
    op: KeyPlayersOp | Unset = KeyPlayersOp.REMOVE,
    exact: bool | Unset = False,
    max_hops: int | Unset = 3,
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    polarity: KeyPlayersPolarity | Unset = UNSET,
    as_of: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> KeyPlayers | Problem | None:
    """Key players: the ties or actors that matter most to a measure

     The k ties (or actors) whose removal — or, op=flip, a tie's sign change — most lowers a measure: an
    actor's total sway or pressure (what it exerts), swayed_by / pressured_by (what it receives),
    separation (how strongly target and other are linked by cooperative channels), or the frustration
    index of the signed graph. Borgatti's key-player problem (Borgatti 2006, KPP-Neg) on detente's sign-
    aware measures, by forward greedy search: each pick is the candidate that lowers the value most
    given the earlier picks (ties: lowest id), with its marginal effect; exact=true also searches every
    set of at most k (at most 20000 sets). Every value is the measure on the graph without the picked
    items, computed by the code that answers /actors/{id}/influence and /balance; changes is the
    scenario of the picks, ready for POST /api/v1/scenarios. Candidates are the items within reach of
    target (at most 500, else 400 limit-exceeded).

    Args:
        measure (KeyPlayersMeasure):
        target (str | Unset):
        other (str | Unset):
        k (int | Unset):  Default: 3.
        kind (KeyPlayersKind | Unset):  Default: KeyPlayersKind.TIES.
        op (KeyPlayersOp | Unset):  Default: KeyPlayersOp.REMOVE.
        exact (bool | Unset):  Default: False.
        max_hops (int | Unset):  Default: 3.
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        polarity (KeyPlayersPolarity | Unset):
        as_of (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeyPlayers | Problem
    """

    return sync_detailed(
        client=client,
        measure=measure,
        target=target,
        other=other,
        k=k,
        kind=kind,
        op=op,
        exact=exact,
        max_hops=max_hops,
        weighted=weighted,
        types=types,
        polarity=polarity,
        as_of=as_of,
        scenario=scenario,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    measure: KeyPlayersMeasure,
    target: str | Unset = UNSET,
    other: str | Unset = UNSET,
    k: int | Unset = 3,
    kind: KeyPlayersKind | Unset = KeyPlayersKind.TIES,
    op: KeyPlayersOp | Unset = KeyPlayersOp.REMOVE,
    exact: bool | Unset = False,
    max_hops: int | Unset = 3,
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    polarity: KeyPlayersPolarity | Unset = UNSET,
    as_of: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> Response[KeyPlayers | Problem]:
    """Key players: the ties or actors that matter most to a measure

     The k ties (or actors) whose removal — or, op=flip, a tie's sign change — most lowers a measure: an
    actor's total sway or pressure (what it exerts), swayed_by / pressured_by (what it receives),
    separation (how strongly target and other are linked by cooperative channels), or the frustration
    index of the signed graph. Borgatti's key-player problem (Borgatti 2006, KPP-Neg) on detente's sign-
    aware measures, by forward greedy search: each pick is the candidate that lowers the value most
    given the earlier picks (ties: lowest id), with its marginal effect; exact=true also searches every
    set of at most k (at most 20000 sets). Every value is the measure on the graph without the picked
    items, computed by the code that answers /actors/{id}/influence and /balance; changes is the
    scenario of the picks, ready for POST /api/v1/scenarios. Candidates are the items within reach of
    target (at most 500, else 400 limit-exceeded).

    Args:
        measure (KeyPlayersMeasure):
        target (str | Unset):
        other (str | Unset):
        k (int | Unset):  Default: 3.
        kind (KeyPlayersKind | Unset):  Default: KeyPlayersKind.TIES.
        op (KeyPlayersOp | Unset):  Default: KeyPlayersOp.REMOVE.
        exact (bool | Unset):  Default: False.
        max_hops (int | Unset):  Default: 3.
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        polarity (KeyPlayersPolarity | Unset):
        as_of (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[KeyPlayers | Problem]
    """

    kwargs = _get_kwargs(
        measure=measure,
        target=target,
        other=other,
        k=k,
        kind=kind,
        op=op,
        exact=exact,
        max_hops=max_hops,
        weighted=weighted,
        types=types,
        polarity=polarity,
        as_of=as_of,
        scenario=scenario,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    measure: KeyPlayersMeasure,
    target: str | Unset = UNSET,
    other: str | Unset = UNSET,
    k: int | Unset = 3,
    kind: KeyPlayersKind | Unset = KeyPlayersKind.TIES,
    op: KeyPlayersOp | Unset = KeyPlayersOp.REMOVE,
    exact: bool | Unset = False,
    max_hops: int | Unset = 3,
    weighted: bool | Unset = True,
    types: list[str] | Unset = UNSET,
    polarity: KeyPlayersPolarity | Unset = UNSET,
    as_of: str | Unset = UNSET,
    scenario: str | Unset = UNSET,
) -> KeyPlayers | Problem | None:
    """Key players: the ties or actors that matter most to a measure

     The k ties (or actors) whose removal — or, op=flip, a tie's sign change — most lowers a measure: an
    actor's total sway or pressure (what it exerts), swayed_by / pressured_by (what it receives),
    separation (how strongly target and other are linked by cooperative channels), or the frustration
    index of the signed graph. Borgatti's key-player problem (Borgatti 2006, KPP-Neg) on detente's sign-
    aware measures, by forward greedy search: each pick is the candidate that lowers the value most
    given the earlier picks (ties: lowest id), with its marginal effect; exact=true also searches every
    set of at most k (at most 20000 sets). Every value is the measure on the graph without the picked
    items, computed by the code that answers /actors/{id}/influence and /balance; changes is the
    scenario of the picks, ready for POST /api/v1/scenarios. Candidates are the items within reach of
    target (at most 500, else 400 limit-exceeded).

    Args:
        measure (KeyPlayersMeasure):
        target (str | Unset):
        other (str | Unset):
        k (int | Unset):  Default: 3.
        kind (KeyPlayersKind | Unset):  Default: KeyPlayersKind.TIES.
        op (KeyPlayersOp | Unset):  Default: KeyPlayersOp.REMOVE.
        exact (bool | Unset):  Default: False.
        max_hops (int | Unset):  Default: 3.
        weighted (bool | Unset):  Default: True.
        types (list[str] | Unset):
        polarity (KeyPlayersPolarity | Unset):
        as_of (str | Unset):
        scenario (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        KeyPlayers | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            measure=measure,
            target=target,
            other=other,
            k=k,
            kind=kind,
            op=op,
            exact=exact,
            max_hops=max_hops,
            weighted=weighted,
            types=types,
            polarity=polarity,
            as_of=as_of,
            scenario=scenario,
        )
    ).parsed
