from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TriadCounts")


@_attrs_define
class TriadCounts:
    """
    Attributes:
        nnn (int):
        pnn (int):
        ppn (int):
        ppp (int):
    """

    nnn: int
    pnn: int
    ppn: int
    ppp: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        nnn = self.nnn

        pnn = self.pnn

        ppn = self.ppn

        ppp = self.ppp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "nnn": nnn,
                "pnn": pnn,
                "ppn": ppn,
                "ppp": ppp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        nnn = d.pop("nnn")

        pnn = d.pop("pnn")

        ppn = d.pop("ppn")

        ppp = d.pop("ppp")

        triad_counts = cls(
            nnn=nnn,
            pnn=pnn,
            ppn=ppn,
            ppp=ppp,
        )

        triad_counts.additional_properties = d
        return triad_counts

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
