from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.path import Path


T = TypeVar("T", bound="PairComparison")


@_attrs_define
class PairComparison:
    """
    Attributes:
        base_paths (int):
        from_ (str):  Example: russia.
        gained (list[Path]): Paths on the scenario only, then on the base only (shortest first; at most limit each).
        lost (list[Path]):
        scenario_paths (int):
        to (str):  Example: houthis.
    """

    base_paths: int
    from_: str
    gained: list[Path]
    lost: list[Path]
    scenario_paths: int
    to: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_paths = self.base_paths

        from_ = self.from_

        gained = []
        for gained_item_data in self.gained:
            gained_item = gained_item_data.to_dict()
            gained.append(gained_item)

        lost = []
        for lost_item_data in self.lost:
            lost_item = lost_item_data.to_dict()
            lost.append(lost_item)

        scenario_paths = self.scenario_paths

        to = self.to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_paths": base_paths,
                "from": from_,
                "gained": gained,
                "lost": lost,
                "scenario_paths": scenario_paths,
                "to": to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.path import Path  # noqa: PLC0415

        d = dict(src_dict)
        base_paths = d.pop("base_paths")

        from_ = d.pop("from")

        gained = []
        _gained = d.pop("gained")
        for gained_item_data in _gained:
            gained_item = Path.from_dict(gained_item_data)

            gained.append(gained_item)

        lost = []
        _lost = d.pop("lost")
        for lost_item_data in _lost:
            lost_item = Path.from_dict(lost_item_data)

            lost.append(lost_item)

        scenario_paths = d.pop("scenario_paths")

        to = d.pop("to")

        pair_comparison = cls(
            base_paths=base_paths,
            from_=from_,
            gained=gained,
            lost=lost,
            scenario_paths=scenario_paths,
            to=to,
        )

        pair_comparison.additional_properties = d
        return pair_comparison

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
