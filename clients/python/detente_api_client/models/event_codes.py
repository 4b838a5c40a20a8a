from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventCodes")


@_attrs_define
class EventCodes:
    """
    Attributes:
        acled (list[str] | Unset):
        cameo (list[str] | Unset):  Example: ['163', '1631'].
        plover (list[str] | Unset):  Example: ['SANCTION'].
    """

    acled: list[str] | Unset = UNSET
    cameo: list[str] | Unset = UNSET
    plover: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        acled: list[str] | Unset = UNSET
        if not isinstance(self.acled, Unset):
            acled = self.acled

        cameo: list[str] | Unset = UNSET
        if not isinstance(self.cameo, Unset):
            cameo = self.cameo

        plover: list[str] | Unset = UNSET
        if not isinstance(self.plover, Unset):
            plover = self.plover

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if acled is not UNSET:
            field_dict["acled"] = acled
        if cameo is not UNSET:
            field_dict["cameo"] = cameo
        if plover is not UNSET:
            field_dict["plover"] = plover

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        acled = cast(list[str], d.pop("acled", UNSET))

        cameo = cast(list[str], d.pop("cameo", UNSET))

        plover = cast(list[str], d.pop("plover", UNSET))

        event_codes = cls(
            acled=acled,
            cameo=cameo,
            plover=plover,
        )

        event_codes.additional_properties = d
        return event_codes

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
