from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.evidence_path import EvidencePath


T = TypeVar("T", bound="Influence")


@_attrs_define
class Influence:
    """
    Attributes:
        actor (str):  Example: houthis.
        name (str):  Example: Houthis.
        paths (list[EvidencePath]):
        rank (int):
        score (float):
    """

    actor: str
    name: str
    paths: list[EvidencePath]
    rank: int
    score: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        name = self.name

        paths = []
        for paths_item_data in self.paths:
            paths_item = paths_item_data.to_dict()
            paths.append(paths_item)

        rank = self.rank

        score = self.score

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "name": name,
                "paths": paths,
                "rank": rank,
                "score": score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evidence_path import EvidencePath  # noqa: PLC0415

        d = dict(src_dict)
        actor = d.pop("actor")

        name = d.pop("name")

        paths = []
        _paths = d.pop("paths")
        for paths_item_data in _paths:
            paths_item = EvidencePath.from_dict(paths_item_data)

            paths.append(paths_item)

        rank = d.pop("rank")

        score = d.pop("score")

        influence = cls(
            actor=actor,
            name=name,
            paths=paths,
            rank=rank,
            score=score,
        )

        influence.additional_properties = d
        return influence

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
