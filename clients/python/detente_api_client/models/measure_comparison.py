from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.scenario_score import ScenarioScore


T = TypeVar("T", bound="MeasureComparison")


@_attrs_define
class MeasureComparison:
    """
    Attributes:
        actors (list[ScenarioScore]): Every actor of either graph, largest |delta| first, then by id; at most limit.
        measure (str):  Example: pagerank.
        total (int):
    """

    actors: list[ScenarioScore]
    measure: str
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actors = []
        for actors_item_data in self.actors:
            actors_item = actors_item_data.to_dict()
            actors.append(actors_item)

        measure = self.measure

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actors": actors,
                "measure": measure,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scenario_score import ScenarioScore  # noqa: PLC0415

        d = dict(src_dict)
        actors = []
        _actors = d.pop("actors")
        for actors_item_data in _actors:
            actors_item = ScenarioScore.from_dict(actors_item_data)

            actors.append(actors_item)

        measure = d.pop("measure")

        total = d.pop("total")

        measure_comparison = cls(
            actors=actors,
            measure=measure,
            total=total,
        )

        measure_comparison.additional_properties = d
        return measure_comparison

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
