from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ScoreChange")


@_attrs_define
class ScoreChange:
    """
    Attributes:
        actor (str):  Example: iran.
        change (float): to_score − from_score, a missing score counting as 0. Example: -0.012.
        from_rank (int | None):
        from_score (float | None): Score and rank on from (null: the actor had no selected tie that day).
        to_rank (int | None):
        to_score (float | None): Score and rank on to (null: no selected tie that day).
    """

    actor: str
    change: float
    from_rank: int | None
    from_score: float | None
    to_rank: int | None
    to_score: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        change = self.change

        from_rank: int | None
        from_rank = self.from_rank

        from_score: float | None
        from_score = self.from_score

        to_rank: int | None
        to_rank = self.to_rank

        to_score: float | None
        to_score = self.to_score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "change": change,
                "from_rank": from_rank,
                "from_score": from_score,
                "to_rank": to_rank,
                "to_score": to_score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        actor = d.pop("actor")

        change = d.pop("change")

        def _parse_from_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        from_rank = _parse_from_rank(d.pop("from_rank"))

        def _parse_from_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        from_score = _parse_from_score(d.pop("from_score"))

        def _parse_to_rank(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        to_rank = _parse_to_rank(d.pop("to_rank"))

        def _parse_to_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        to_score = _parse_to_score(d.pop("to_score"))

        score_change = cls(
            actor=actor,
            change=change,
            from_rank=from_rank,
            from_score=from_score,
            to_rank=to_rank,
            to_score=to_score,
        )

        score_change.additional_properties = d
        return score_change

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
