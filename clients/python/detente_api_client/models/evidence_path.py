from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.evidence_path_sign import EvidencePathSign
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.path_relationship import PathRelationship


T = TypeVar("T", bound="EvidencePath")


@_attrs_define
class EvidencePath:
    """
    Attributes:
        actors (list[str]):  Example: ['united-states', 'iran', 'houthis'].
        cost (float): Sum of 1/weight over the ties when weighted=true, else the hop count. Example: 2.
        explanation (str): The path in words, e.g. "United States —sanctions→ Iran —arms→ Houthis". Example: United
            States —sanctions→ Iran —arms→ Houthis.
        hops (int):  Example: 2.
        names (list[str]):  Example: ['United States', 'Iran', 'Houthis'].
        relationships (list[PathRelationship]):
        sign (EvidencePathSign): Product of the ties' signs: -1 means the ends stand opposed along this chain (the enemy
            of my friend). Example: -1.
        strength (float): Product of the tie weights along the path.
        times (list[datetime.date] | Unset): mode=temporal only: the day each tie is used, in path order (null: open,
            any day up to the next bound for earliest_arrival and fewest_hops, from the previous one for latest_departure);
            valid_from and valid_to are then the first and last of them.
        valid_from (datetime.date | Unset): The days on which all of the path's ties were valid (open ends omitted): a
            path is only an answer if they coexisted.
        valid_to (datetime.date | Unset):
    """

    actors: list[str]
    cost: float
    explanation: str
    hops: int
    names: list[str]
    relationships: list[PathRelationship]
    sign: EvidencePathSign
    strength: float
    times: list[datetime.date] | Unset = UNSET
    valid_from: datetime.date | Unset = UNSET
    valid_to: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actors = self.actors

        cost = self.cost

        explanation = self.explanation

        hops = self.hops

        names = self.names

        relationships = []
        for relationships_item_data in self.relationships:
            relationships_item = relationships_item_data.to_dict()
            relationships.append(relationships_item)

        sign = self.sign.value

        strength = self.strength

        times: list[str] | Unset = UNSET
        if not isinstance(self.times, Unset):
            times = []
            for times_item_data in self.times:
                times_item = times_item_data.isoformat()
                times.append(times_item)

        valid_from: str | Unset = UNSET
        if not isinstance(self.valid_from, Unset):
            valid_from = self.valid_from.isoformat()

        valid_to: str | Unset = UNSET
        if not isinstance(self.valid_to, Unset):
            valid_to = self.valid_to.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actors": actors,
                "cost": cost,
                "explanation": explanation,
                "hops": hops,
                "names": names,
                "relationships": relationships,
                "sign": sign,
                "strength": strength,
            }
        )
        if times is not UNSET:
            field_dict["times"] = times
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.path_relationship import PathRelationship  # noqa: PLC0415

        d = dict(src_dict)
        actors = cast(list[str], d.pop("actors"))

        cost = d.pop("cost")

        explanation = d.pop("explanation")

        hops = d.pop("hops")

        names = cast(list[str], d.pop("names"))

        relationships = []
        _relationships = d.pop("relationships")
        for relationships_item_data in _relationships:
            relationships_item = PathRelationship.from_dict(relationships_item_data)

            relationships.append(relationships_item)

        sign = EvidencePathSign(d.pop("sign"))

        strength = d.pop("strength")

        _times = d.pop("times", UNSET)
        times: list[datetime.date] | Unset = UNSET
        if _times is not UNSET:
            times = []
            for times_item_data in _times:
                times_item = datetime.date.fromisoformat(times_item_data)

                times.append(times_item)

        _valid_from = d.pop("valid_from", UNSET)
        valid_from: datetime.date | Unset
        if isinstance(_valid_from, Unset):
            valid_from = UNSET
        else:
            valid_from = datetime.date.fromisoformat(_valid_from)

        _valid_to = d.pop("valid_to", UNSET)
        valid_to: datetime.date | Unset
        if isinstance(_valid_to, Unset):
            valid_to = UNSET
        else:
            valid_to = datetime.date.fromisoformat(_valid_to)

        evidence_path = cls(
            actors=actors,
            cost=cost,
            explanation=explanation,
            hops=hops,
            names=names,
            relationships=relationships,
            sign=sign,
            strength=strength,
            times=times,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        evidence_path.additional_properties = d
        return evidence_path

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
