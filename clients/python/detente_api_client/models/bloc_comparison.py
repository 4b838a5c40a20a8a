from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bloc_comparison_base_method import BlocComparisonBaseMethod
from ..models.bloc_comparison_scenario_method import BlocComparisonScenarioMethod

if TYPE_CHECKING:
    from ..models.bloc import Bloc
    from ..models.bloc_move import BlocMove


T = TypeVar("T", bound="BlocComparison")


@_attrs_define
class BlocComparison:
    """
    Attributes:
        base (list[Bloc]):
        base_method (BlocComparisonBaseMethod):
        merged (list[int]): Scenario blocs in which two or more base blocs go on.
        moved (list[BlocMove]): Actors not in a bloc continuing theirs, by id.
        scenario (list[Bloc]):
        scenario_method (BlocComparisonScenarioMethod):
        split (list[int]): Base blocs that two or more scenario blocs continue.
    """

    base: list[Bloc]
    base_method: BlocComparisonBaseMethod
    merged: list[int]
    moved: list[BlocMove]
    scenario: list[Bloc]
    scenario_method: BlocComparisonScenarioMethod
    split: list[int]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        base = []
        for base_item_data in self.base:
            base_item = base_item_data.to_dict()
            base.append(base_item)

        base_method = self.base_method.value

        merged = self.merged

        moved = []
        for moved_item_data in self.moved:
            moved_item = moved_item_data.to_dict()
            moved.append(moved_item)

        scenario = []
        for scenario_item_data in self.scenario:
            scenario_item = scenario_item_data.to_dict()
            scenario.append(scenario_item)

        scenario_method = self.scenario_method.value

        split = self.split

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "base": base,
                "base_method": base_method,
                "merged": merged,
                "moved": moved,
                "scenario": scenario,
                "scenario_method": scenario_method,
                "split": split,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bloc import Bloc  # noqa: PLC0415
        from ..models.bloc_move import BlocMove  # noqa: PLC0415

        d = dict(src_dict)
        base = []
        _base = d.pop("base")
        for base_item_data in _base:
            base_item = Bloc.from_dict(base_item_data)

            base.append(base_item)

        base_method = BlocComparisonBaseMethod(d.pop("base_method"))

        merged = cast(list[int], d.pop("merged"))

        moved = []
        _moved = d.pop("moved")
        for moved_item_data in _moved:
            moved_item = BlocMove.from_dict(moved_item_data)

            moved.append(moved_item)

        scenario = []
        _scenario = d.pop("scenario")
        for scenario_item_data in _scenario:
            scenario_item = Bloc.from_dict(scenario_item_data)

            scenario.append(scenario_item)

        scenario_method = BlocComparisonScenarioMethod(d.pop("scenario_method"))

        split = cast(list[int], d.pop("split"))

        bloc_comparison = cls(
            base=base,
            base_method=base_method,
            merged=merged,
            moved=moved,
            scenario=scenario,
            scenario_method=scenario_method,
            split=split,
        )

        bloc_comparison.additional_properties = d
        return bloc_comparison

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
