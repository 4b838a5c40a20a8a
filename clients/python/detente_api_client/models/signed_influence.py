from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.channel_path import ChannelPath


T = TypeVar("T", bound="SignedInfluence")


@_attrs_define
class SignedInfluence:
    """
    Attributes:
        actor (str):  Example: united-states.
        channels (list[ChannelPath]): The strongest channels (at most paths of them): strongest first, then fewer hops.
        count (int): How many channels the score sums.
        name (str):  Example: United States.
        rank (int):
        score (float): Sum of the strengths of all this actor's channels of this kind.
    """

    actor: str
    channels: list[ChannelPath]
    count: int
    name: str
    rank: int
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        channels = []
        for channels_item_data in self.channels:
            channels_item = channels_item_data.to_dict()
            channels.append(channels_item)

        count = self.count

        name = self.name

        rank = self.rank

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "channels": channels,
                "count": count,
                "name": name,
                "rank": rank,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.channel_path import ChannelPath  # noqa: PLC0415

        d = dict(src_dict)
        actor = d.pop("actor")

        channels = []
        _channels = d.pop("channels")
        for channels_item_data in _channels:
            channels_item = ChannelPath.from_dict(channels_item_data)

            channels.append(channels_item)

        count = d.pop("count")

        name = d.pop("name")

        rank = d.pop("rank")

        score = d.pop("score")

        signed_influence = cls(
            actor=actor,
            channels=channels,
            count=count,
            name=name,
            rank=rank,
            score=score,
        )

        signed_influence.additional_properties = d
        return signed_influence

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
