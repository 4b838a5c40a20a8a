from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.relationship import Relationship
    from ..models.score_change import ScoreChange


T = TypeVar("T", bound="Diff")


@_attrs_define
class Diff:
    """
    Attributes:
        actors_joined (list[str]): Actors with a selected tie valid on to and none on from, and the reverse; at most
            limit each.
        actors_left (list[str]):
        ended (list[Relationship]): Ties whose last day fell on or after from and before to (valid_to in [from, to)), by
            id, at most limit.
        ended_total (int):  Example: 1.
        formed (list[Relationship]): Ties that began after from and by to (valid_from in (from, to]), by id, at most
            limit.
        formed_total (int):  Example: 3.
        from_ (datetime.date):  Example: 2018-05-07.
        to (datetime.date):  Example: 2018-05-09.
        version (int): Graph version the answer was computed on. Example: 42.
        changes (list[ScoreChange] | Unset): With measure: every actor of either day's graph, largest change first, at
            most limit.
        changes_total (int | Unset):
    """

    actors_joined: list[str]
    actors_left: list[str]
    ended: list[Relationship]
    ended_total: int
    formed: list[Relationship]
    formed_total: int
    from_: datetime.date
    to: datetime.date
    version: int
    changes: list[ScoreChange] | Unset = UNSET
    changes_total: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actors_joined = self.actors_joined

        actors_left = self.actors_left

        ended = []
        for ended_item_data in self.ended:
            ended_item = ended_item_data.to_dict()
            ended.append(ended_item)

        ended_total = self.ended_total

        formed = []
        for formed_item_data in self.formed:
            formed_item = formed_item_data.to_dict()
            formed.append(formed_item)

        formed_total = self.formed_total

        from_ = self.from_.isoformat()

        to = self.to.isoformat()

        version = self.version

        changes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.changes, Unset):
            changes = []
            for changes_item_data in self.changes:
                changes_item = changes_item_data.to_dict()
                changes.append(changes_item)

        changes_total = self.changes_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actors_joined": actors_joined,
                "actors_left": actors_left,
                "ended": ended,
                "ended_total": ended_total,
                "formed": formed,
                "formed_total": formed_total,
                "from": from_,
                "to": to,
                "version": version,
            }
        )
        if changes is not UNSET:
            field_dict["changes"] = changes
        if changes_total is not UNSET:
            field_dict["changes_total"] = changes_total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.relationship import Relationship  # noqa: PLC0415
        from ..models.score_change import ScoreChange  # noqa: PLC0415

        d = dict(src_dict)
        actors_joined = cast(list[str], d.pop("actors_joined"))

        actors_left = cast(list[str], d.pop("actors_left"))

        ended = []
        _ended = d.pop("ended")
        for ended_item_data in _ended:
            ended_item = Relationship.from_dict(ended_item_data)

            ended.append(ended_item)

        ended_total = d.pop("ended_total")

        formed = []
        _formed = d.pop("formed")
        for formed_item_data in _formed:
            formed_item = Relationship.from_dict(formed_item_data)

            formed.append(formed_item)

        formed_total = d.pop("formed_total")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        to = datetime.date.fromisoformat(d.pop("to"))

        version = d.pop("version")

        _changes = d.pop("changes", UNSET)
        changes: list[ScoreChange] | Unset = UNSET
        if _changes is not UNSET:
            changes = []
            for changes_item_data in _changes:
                changes_item = ScoreChange.from_dict(changes_item_data)

                changes.append(changes_item)

        changes_total = d.pop("changes_total", UNSET)

        diff = cls(
            actors_joined=actors_joined,
            actors_left=actors_left,
            ended=ended,
            ended_total=ended_total,
            formed=formed,
            formed_total=formed_total,
            from_=from_,
            to=to,
            version=version,
            changes=changes,
            changes_total=changes_total,
        )

        diff.additional_properties = d
        return diff

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
