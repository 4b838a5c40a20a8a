from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Frustration")


@_attrs_define
class Frustration:
    """
    Attributes:
        camps (list[list[str]]): Two arrays, the two camps (actor ids, sorted) of a split that frustrates index
            relationships: every actor with a signed relationship, each connected component's larger side in the first camp.
        exact (bool): index is proven minimal (the search finished within its budget).
        frustrated (list[str]): The relationships that split frustrates (positive between the camps, negative within
            one), by id, up to limit.
        index (int): The number of relationships the camps frustrate: the minimum when exact, otherwise an upper bound.
        lower_bound (int): A proven lower bound on the minimum (equal to index when exact).
        truncated (bool): The limit cut the frustrated list.
    """

    camps: list[list[str]]
    exact: bool
    frustrated: list[str]
    index: int
    lower_bound: int
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        camps = []
        for camps_item_data in self.camps:
            camps_item = camps_item_data

            camps.append(camps_item)

        exact = self.exact

        frustrated = self.frustrated

        index = self.index

        lower_bound = self.lower_bound

        truncated = self.truncated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "camps": camps,
                "exact": exact,
                "frustrated": frustrated,
                "index": index,
                "lower_bound": lower_bound,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        camps = []
        _camps = d.pop("camps")
        for camps_item_data in _camps:
            camps_item = cast(list[str], camps_item_data)

            camps.append(camps_item)

        exact = d.pop("exact")

        frustrated = cast(list[str], d.pop("frustrated"))

        index = d.pop("index")

        lower_bound = d.pop("lower_bound")

        truncated = d.pop("truncated")

        frustration = cls(
            camps=camps,
            exact=exact,
            frustrated=frustrated,
            index=index,
            lower_bound=lower_bound,
            truncated=truncated,
        )

        frustration.additional_properties = d
        return frustration

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
