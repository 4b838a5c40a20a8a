from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actor_balance import ActorBalance
    from ..models.frustration import Frustration
    from ..models.triad import Triad
    from ..models.triad_counts import TriadCounts


T = TypeVar("T", bound="Balance")


@_attrs_define
class Balance:
    """
    Attributes:
        actors (list[ActorBalance]): The actors in unbalanced triads, most first, then by id: a page of actors_total.
        actors_total (int):
        ambivalent (int):
        as_of (str): The day analysed (YYYY-MM-DD), or all: every tie, whenever valid. Example: 2025-04-12.
        balanced (int):
        counts (TriadCounts):
        frustration (Frustration):
        pairs (int):
        ratio (float): Balanced triads over all triads (1 when there are none).
        triads (int):
        truncated (bool):
        unbalanced (int):
        unbalanced_triads (list[Triad]):
        version (int):
        walk_index (float | None): Estrada and Benzi's walk-based balance index tr exp(A) / tr exp(|A|) on the signed
            pairs (1 when balanced, towards 0 as imbalance grows); null when a connected component has more than 500 actors.
        weighted (bool):
        next_cursor (str | Unset): Pass as cursor to get the next page of actors; absent on the last page.
    """

    actors: list[ActorBalance]
    actors_total: int
    ambivalent: int
    as_of: str
    balanced: int
    counts: TriadCounts
    frustration: Frustration
    pairs: int
    ratio: float
    triads: int
    truncated: bool
    unbalanced: int
    unbalanced_triads: list[Triad]
    version: int
    walk_index: float | None
    weighted: bool
    next_cursor: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actors = []
        for actors_item_data in self.actors:
            actors_item = actors_item_data.to_dict()
            actors.append(actors_item)

        actors_total = self.actors_total

        ambivalent = self.ambivalent

        as_of = self.as_of

        balanced = self.balanced

        counts = self.counts.to_dict()

        frustration = self.frustration.to_dict()

        pairs = self.pairs

        ratio = self.ratio

        triads = self.triads

        truncated = self.truncated

        unbalanced = self.unbalanced

        unbalanced_triads = []
        for unbalanced_triads_item_data in self.unbalanced_triads:
            unbalanced_triads_item = unbalanced_triads_item_data.to_dict()
            unbalanced_triads.append(unbalanced_triads_item)

        version = self.version

        walk_index: float | None
        walk_index = self.walk_index

        weighted = self.weighted

        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actors": actors,
                "actors_total": actors_total,
                "ambivalent": ambivalent,
                "as_of": as_of,
                "balanced": balanced,
                "counts": counts,
                "frustration": frustration,
                "pairs": pairs,
                "ratio": ratio,
                "triads": triads,
                "truncated": truncated,
                "unbalanced": unbalanced,
                "unbalanced_triads": unbalanced_triads,
                "version": version,
                "walk_index": walk_index,
                "weighted": weighted,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_balance import ActorBalance  # noqa: PLC0415
        from ..models.frustration import Frustration  # noqa: PLC0415
        from ..models.triad import Triad  # noqa: PLC0415
        from ..models.triad_counts import TriadCounts  # noqa: PLC0415

        d = dict(src_dict)
        actors = []
        _actors = d.pop("actors")
        for actors_item_data in _actors:
            actors_item = ActorBalance.from_dict(actors_item_data)

            actors.append(actors_item)

        actors_total = d.pop("actors_total")

        ambivalent = d.pop("ambivalent")

        as_of = d.pop("as_of")

        balanced = d.pop("balanced")

        counts = TriadCounts.from_dict(d.pop("counts"))

        frustration = Frustration.from_dict(d.pop("frustration"))

        pairs = d.pop("pairs")

        ratio = d.pop("ratio")

        triads = d.pop("triads")

        truncated = d.pop("truncated")

        unbalanced = d.pop("unbalanced")

        unbalanced_triads = []
        _unbalanced_triads = d.pop("unbalanced_triads")
        for unbalanced_triads_item_data in _unbalanced_triads:
            unbalanced_triads_item = Triad.from_dict(unbalanced_triads_item_data)

            unbalanced_triads.append(unbalanced_triads_item)

        version = d.pop("version")

        def _parse_walk_index(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        walk_index = _parse_walk_index(d.pop("walk_index"))

        weighted = d.pop("weighted")

        next_cursor = d.pop("next_cursor", UNSET)

        balance = cls(
            actors=actors,
            actors_total=actors_total,
            ambivalent=ambivalent,
            as_of=as_of,
            balanced=balanced,
            counts=counts,
            frustration=frustration,
            pairs=pairs,
            ratio=ratio,
            triads=triads,
            truncated=truncated,
            unbalanced=unbalanced,
            unbalanced_triads=unbalanced_triads,
            version=version,
            walk_index=walk_index,
            weighted=weighted,
            next_cursor=next_cursor,
        )

        balance.additional_properties = d
        return balance

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
