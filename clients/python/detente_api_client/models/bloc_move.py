from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BlocMove")


@_attrs_define
class BlocMove:
    """
    Attributes:
        actor (str):  Example: oman.
        from_ (int): Bloc ids on the base and on the scenario (each side's own numbering; 0: in no bloc there).
        name (str):  Example: Oman.
        to (int):
    """

    actor: str
    from_: int
    name: str
    to: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        from_ = self.from_

        name = self.name

        to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "from": from_,
                "name": name,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        from_ = d.pop("from")

        name = d.pop("name")

        to = d.pop("to")

        bloc_move = cls(
            actor=actor,
            from_=from_,
            name=name,
            to=to,
        )

        bloc_move.additional_properties = d
        return bloc_move

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
