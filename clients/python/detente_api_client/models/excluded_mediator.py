from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.mediator_tie import MediatorTie


T = TypeVar("T", bound="ExcludedMediator")


@_attrs_define
class ExcludedMediator:
    """
    Attributes:
        actor (str):  Example: european-union.
        conflicts (list[MediatorTie]): Its strongest active conflictual tie to each side it is in conflict with.
        name (str):  Example: European Union.
        reason (str):  Example: conflictual tie with a party: sanctions→Iran (2022-10-20).
    """

    actor: str
    conflicts: list[MediatorTie]
    name: str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        conflicts = []
        for conflicts_item_data in self.conflicts:
            conflicts_item = conflicts_item_data.to_dict()
            conflicts.append(conflicts_item)

        name = self.name

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "conflicts": conflicts,
                "name": name,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mediator_tie import MediatorTie  # noqa: PLC0415

        d = dict(src_dict)
        actor = d.pop("actor")

        conflicts = []
        _conflicts = d.pop("conflicts")
        for conflicts_item_data in _conflicts:
            conflicts_item = MediatorTie.from_dict(conflicts_item_data)

            conflicts.append(conflicts_item)

        name = d.pop("name")

        reason = d.pop("reason")

        excluded_mediator = cls(
            actor=actor,
            conflicts=conflicts,
            name=name,
            reason=reason,
        )

        excluded_mediator.additional_properties = d
        return excluded_mediator

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
