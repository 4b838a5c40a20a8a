from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.mediator_channel import MediatorChannel


T = TypeVar("T", bound="Mediator")


@_attrs_define
class Mediator:
    """
    Attributes:
        access (float): Geometric mean of the strengths of its channels to the two sides, in [0, 1].
        actor (str):  Example: oman.
        brokerage (float): Share of the shortest cooperative paths between the two camps through it (Brandes' subset
            betweenness), in [0, 1].
        name (str):  Example: Oman.
        rank (int):
        reason (str): Why it is listed, in one line. Example: cooperative ties to both: mediates→United States
            (2025-04-12); mediates→Iran (2025-04-12); no conflict with either.
        score (float): access × (1 + brokerage) / 2, in [0, 1].
        sides (list[MediatorChannel]): Its channel to the first side, then to the second.
    """

    access: float
    actor: str
    brokerage: float
    name: str
    rank: int
    reason: str
    score: float
    sides: list[MediatorChannel]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access = self.access

        actor = self.actor

        brokerage = self.brokerage

        name = self.name

        rank = self.rank

        reason = self.reason

        score = self.score

        sides = []
        for sides_item_data in self.sides:
            sides_item = sides_item_data.to_dict()
            sides.append(sides_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access": access,
                "actor": actor,
                "brokerage": brokerage,
                "name": name,
                "rank": rank,
                "reason": reason,
                "score": score,
                "sides": sides,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mediator_channel import MediatorChannel  # noqa: PLC0415

        d = dict(src_dict)
        access = d.pop("access")

        actor = d.pop("actor")

        brokerage = d.pop("brokerage")

        name = d.pop("name")

        rank = d.pop("rank")

        reason = d.pop("reason")

        score = d.pop("score")

        sides = []
        _sides = d.pop("sides")
        for sides_item_data in _sides:
            sides_item = MediatorChannel.from_dict(sides_item_data)

            sides.append(sides_item)

        mediator = cls(
            access=access,
            actor=actor,
            brokerage=brokerage,
            name=name,
            rank=rank,
            reason=reason,
            score=score,
            sides=sides,
        )

        mediator.additional_properties = d
        return mediator

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
