from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.key_players_kind import KeyPlayersKind
from ..models.key_players_measure import KeyPlayersMeasure
from ..models.key_players_op import KeyPlayersOp
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.key_player_pick import KeyPlayerPick
    from ..models.key_player_set import KeyPlayerSet
    from ..models.scenario_change import ScenarioChange


T = TypeVar("T", bound="KeyPlayers")


@_attrs_define
class KeyPlayers:
    """
    Attributes:
        approximate (bool): Some value was a bound, not the measure.
        as_of (str): The day analysed (YYYY-MM-DD), or all. Example: 2025-04-12.
        base (float): The measure on the graph as it is, and with every pick.
        candidates (int): Ties or actors tried at each step, and how many times the measure was computed.
        changes (list[ScenarioChange]): The scenario of the picks, ready for POST /api/v1/scenarios: its graph measures
            final.
        evaluations (int):
        exhausted (bool): Fewer picks than k: no remaining candidate lowers the measure.
        final (float):
        k (int):
        kind (KeyPlayersKind):
        measure (KeyPlayersMeasure):  Example: sway.
        op (KeyPlayersOp):
        picks (list[KeyPlayerPick]):
        version (int):
        weighted (bool):
        exact (KeyPlayerSet | Unset):
        max_hops (int | Unset):
        other (str | Unset):
        target (str | Unset):  Example: iran.
    """

    approximate: bool
    as_of: str
    base: float
    candidates: int
    changes: list[ScenarioChange]
    evaluations: int
    exhausted: bool
    final: float
    k: int
    kind: KeyPlayersKind
    measure: KeyPlayersMeasure
    op: KeyPlayersOp
    picks: list[KeyPlayerPick]
    version: int
    weighted: bool
    exact: KeyPlayerSet | Unset = UNSET
    max_hops: int | Unset = UNSET
    other: str | Unset = UNSET
    target: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        approximate = self.approximate

        as_of = self.as_of

        base = self.base

        candidates = self.candidates

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        evaluations = self.evaluations

        exhausted = self.exhausted

        final = self.final

        k = self.k

        kind = self.kind.value

        measure = self.measure.value

        op = self.op.value

        picks = []
        for picks_item_data in self.picks:
            picks_item = picks_item_data.to_dict()
            picks.append(picks_item)

        version = self.version

        weighted = self.weighted

        exact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.exact, Unset):
            exact = self.exact.to_dict()

        max_hops = self.max_hops

        other = self.other

        target = self.target

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "approximate": approximate,
                "as_of": as_of,
                "base": base,
                "candidates": candidates,
                "changes": changes,
                "evaluations": evaluations,
                "exhausted": exhausted,
                "final": final,
                "k": k,
                "kind": kind,
                "measure": measure,
                "op": op,
                "picks": picks,
                "version": version,
                "weighted": weighted,
            }
        )
        if exact is not UNSET:
            field_dict["exact"] = exact
        if max_hops is not UNSET:
            field_dict["max_hops"] = max_hops
        if other is not UNSET:
            field_dict["other"] = other
        if target is not UNSET:
            field_dict["target"] = target

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.key_player_pick import KeyPlayerPick  # noqa: PLC0415
        from ..models.key_player_set import KeyPlayerSet  # noqa: PLC0415
        from ..models.scenario_change import ScenarioChange  # noqa: PLC0415

        d = dict(src_dict)
        approximate = d.pop("approximate")

        as_of = d.pop("as_of")

        base = d.pop("base")

        candidates = d.pop("candidates")

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = ScenarioChange.from_dict(changes_item_data)

            changes.append(changes_item)

        evaluations = d.pop("evaluations")

        exhausted = d.pop("exhausted")

        final = d.pop("final")

        k = d.pop("k")

        kind = KeyPlayersKind(d.pop("kind"))

        measure = KeyPlayersMeasure(d.pop("measure"))

        op = KeyPlayersOp(d.pop("op"))

        picks = []
        _picks = d.pop("picks")
        for picks_item_data in _picks:
            picks_item = KeyPlayerPick.from_dict(picks_item_data)

            picks.append(picks_item)

        version = d.pop("version")

        weighted = d.pop("weighted")

        _exact = d.pop("exact", UNSET)
        exact: KeyPlayerSet | Unset
        if isinstance(_exact, Unset):
            exact = UNSET
        else:
            exact = KeyPlayerSet.from_dict(_exact)

        max_hops = d.pop("max_hops", UNSET)

        other = d.pop("other", UNSET)

        target = d.pop("target", UNSET)

        key_players = cls(
            approximate=approximate,
            as_of=as_of,
            base=base,
            candidates=candidates,
            changes=changes,
            evaluations=evaluations,
            exhausted=exhausted,
            final=final,
            k=k,
            kind=kind,
            measure=measure,
            op=op,
            picks=picks,
            version=version,
            weighted=weighted,
            exact=exact,
            max_hops=max_hops,
            other=other,
            target=target,
        )

        key_players.additional_properties = d
        return key_players

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
