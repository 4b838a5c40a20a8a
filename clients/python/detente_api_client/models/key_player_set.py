from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.key_player_item import KeyPlayerItem
    from ..models.scenario_change import ScenarioChange


T = TypeVar("T", bound="KeyPlayerSet")


@_attrs_define
class KeyPlayerSet:
    """
    Attributes:
        changes (list[ScenarioChange]): The scenario of this set, ready for POST /api/v1/scenarios.
        delta (float): value − base.
        members (list[KeyPlayerItem]):
        sets (int): Sets evaluated.
        value (float):
    """

    changes: list[ScenarioChange]
    delta: float
    members: list[KeyPlayerItem]
    sets: int
    value: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        delta = self.delta

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        sets = self.sets

        value = self.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changes": changes,
                "delta": delta,
                "members": members,
                "sets": sets,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.key_player_item import KeyPlayerItem  # noqa: PLC0415
        from ..models.scenario_change import ScenarioChange  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = ScenarioChange.from_dict(changes_item_data)

            changes.append(changes_item)

        delta = d.pop("delta")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = KeyPlayerItem.from_dict(members_item_data)

            members.append(members_item)

        sets = d.pop("sets")

        value = d.pop("value")

        key_player_set = cls(
            changes=changes,
            delta=delta,
            members=members,
            sets=sets,
            value=value,
        )

        key_player_set.additional_properties = d
        return key_player_set

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
