from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ActorBalance")


@_attrs_define
class ActorBalance:
    """
    Attributes:
        actor (str):
        name (str):
        triads (int):
        unbalanced (int):
    """

    actor: str
    name: str
    triads: int
    unbalanced: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        name = self.name

        triads = self.triads

        unbalanced = self.unbalanced

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "name": name,
                "triads": triads,
                "unbalanced": unbalanced,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        name = d.pop("name")

        triads = d.pop("triads")

        unbalanced = d.pop("unbalanced")

        actor_balance = cls(
            actor=actor,
            name=name,
            triads=triads,
            unbalanced=unbalanced,
        )

        actor_balance.additional_properties = d
        return actor_balance

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
