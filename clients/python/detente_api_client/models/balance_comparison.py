from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BalanceComparison")


@_attrs_define
class BalanceComparison:
    """
    Attributes:
        base_frustration (int): Frustration index (least ties to remove for balance) on each, and the change.
        base_ratio (float): Share of balanced triads on each.
        base_unbalanced (int): Unbalanced triads on each.
        exact (bool):
        frustration_delta (int):
        scenario_frustration (int):
        scenario_ratio (float):
        scenario_unbalanced (int):
    """

    base_frustration: int
    base_ratio: float
    base_unbalanced: int
    exact: bool
    frustration_delta: int
    scenario_frustration: int
    scenario_ratio: float
    scenario_unbalanced: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base_frustration = self.base_frustration

        base_ratio = self.base_ratio

        base_unbalanced = self.base_unbalanced

        exact = self.exact

        frustration_delta = self.frustration_delta

        scenario_frustration = self.scenario_frustration

        scenario_ratio = self.scenario_ratio

        scenario_unbalanced = self.scenario_unbalanced

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base_frustration": base_frustration,
                "base_ratio": base_ratio,
                "base_unbalanced": base_unbalanced,
                "exact": exact,
                "frustration_delta": frustration_delta,
                "scenario_frustration": scenario_frustration,
                "scenario_ratio": scenario_ratio,
                "scenario_unbalanced": scenario_unbalanced,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        base_frustration = d.pop("base_frustration")

        base_ratio = d.pop("base_ratio")

        base_unbalanced = d.pop("base_unbalanced")

        exact = d.pop("exact")

        frustration_delta = d.pop("frustration_delta")

        scenario_frustration = d.pop("scenario_frustration")

        scenario_ratio = d.pop("scenario_ratio")

        scenario_unbalanced = d.pop("scenario_unbalanced")

        balance_comparison = cls(
            base_frustration=base_frustration,
            base_ratio=base_ratio,
            base_unbalanced=base_unbalanced,
            exact=exact,
            frustration_delta=frustration_delta,
            scenario_frustration=scenario_frustration,
            scenario_ratio=scenario_ratio,
            scenario_unbalanced=scenario_unbalanced,
        )

        balance_comparison.additional_properties = d
        return balance_comparison

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
