from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScenarioScore")


@_attrs_define
class ScenarioScore:
    """
    Attributes:
        actor (str):  Example: iran.
        base (float | None): Score and rank on the base (null: not in the base's analysed graph).
        base_rank (int | None):
        delta (float): scenario − base, a missing score counting as 0.
        name (str):  Example: Iran.
        scenario (float | None): Score and rank on the scenario (null: not in its analysed graph).
        scenario_rank (int | None):
    """

    actor: str
    base: float | None
    base_rank: int | None
    delta: float
    name: str
    scenario: float | None
    scenario_rank: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        base: float | None
        base = self.base

        base_rank: int | None
        base_rank = self.base_rank

        delta = self.delta

        name = self.name

        scenario: float | None
        scenario = self.scenario

        scenario_rank: int | None
        scenario_rank = self.scenario_rank

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "base": base,
                "base_rank": base_rank,
                "delta": delta,
                "name": name,
                "scenario": scenario,
                "scenario_rank": scenario_rank,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        def _parse_base(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        base = _parse_base(d.pop("base"))

        def _parse_base_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        base_rank = _parse_base_rank(d.pop("base_rank"))

        delta = d.pop("delta")

        name = d.pop("name")

        def _parse_scenario(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        scenario = _parse_scenario(d.pop("scenario"))

        def _parse_scenario_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        scenario_rank = _parse_scenario_rank(d.pop("scenario_rank"))

        scenario_score = cls(
            actor=actor,
            base=base,
            base_rank=base_rank,
            delta=delta,
            name=name,
            scenario=scenario,
            scenario_rank=scenario_rank,
        )

        scenario_score.additional_properties = d
        return scenario_score

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
