from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.mediator_tie import MediatorTie


T = TypeVar("T", bound="MediatorChannel")


@_attrs_define
class MediatorChannel:
    """
    Attributes:
        actors (list[str]): The candidate first, the party last. Example: ['oman', 'iran'].
        hops (int):  Example: 1.
        party (str):  Example: iran.
        strength (float): Product of the ties' strengths, halved for every intermediary. Example: 0.63.
        ties (list[MediatorTie]): The strongest active cooperative relationship of each pair, in path order.
    """

    actors: list[str]
    hops: int
    party: str
    strength: float
    ties: list[MediatorTie]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actors = self.actors

        hops = self.hops

        party = self.party

        strength = self.strength

        ties = []
        for ties_item_data in self.ties:
            ties_item = ties_item_data.to_dict()
            ties.append(ties_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actors": actors,
                "hops": hops,
                "party": party,
                "strength": strength,
                "ties": ties,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.mediator_tie import MediatorTie  # noqa: PLC0415

        d = dict(src_dict)
        actors = cast(list[str], d.pop("actors"))

        hops = d.pop("hops")

        party = d.pop("party")

        strength = d.pop("strength")

        ties = []
        _ties = d.pop("ties")
        for ties_item_data in _ties:
            ties_item = MediatorTie.from_dict(ties_item_data)

            ties.append(ties_item)

        mediator_channel = cls(
            actors=actors,
            hops=hops,
            party=party,
            strength=strength,
            ties=ties,
        )

        mediator_channel.additional_properties = d
        return mediator_channel

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
