from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation


T = TypeVar("T", bound="MediatorTie")


@_attrs_define
class MediatorTie:
    """
    Attributes:
        confidence (float): How sure the sources make us, in [0, 1]. Example: 1.
        created_at (datetime.datetime):
        id (str):  Example: united-states--sanctions--iran--2018-05-08.
        recency (float): 0.5 + 0.5 · 2^(-years since valid_from / 2) as of the analysis date; 0.5 when undated. Example:
            1.
        sign (int): The polarity of its type: 1 cooperative, -1 conflictual. Example: 1.
        source (str):  Example: united-states.
        sources (list[Citation]):
        strength (float): weight × confidence × recency (1 when weighted=false); 0 for a conflictual tie. Example: 0.63.
        target (str):  Example: iran.
        type_ (str): A name registered in /api/v1/relationship-types. Example: sanctions.
        updated_at (datetime.datetime):
        weight (float): Strength of the tie, in (0, 1]. Example: 0.9.
        note (str | Unset):
        valid_from (datetime.date | Unset): First day the tie holds (YYYY-MM-DD); absent: since always. Example:
            2018-05-08.
        valid_to (datetime.date | Unset): Last day the tie holds (YYYY-MM-DD); absent: still holds.
    """

    confidence: float
    created_at: datetime.datetime
    id: str
    recency: float
    sign: int
    source: str
    sources: list[Citation]
    strength: float
    target: str
    type_: str
    updated_at: datetime.datetime
    weight: float
    note: str | Unset = UNSET
    valid_from: datetime.date | Unset = UNSET
    valid_to: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence

        created_at = self.created_at.isoformat()

        id = self.id

        recency = self.recency

        sign = self.sign

        source = self.source

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        strength = self.strength

        target = self.target

        type_ = self.type_

        updated_at = self.updated_at.isoformat()

        weight = self.weight

        note = self.note

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
                "confidence": confidence,
                "created_at": created_at,
                "id": id,
                "recency": recency,
                "sign": sign,
                "source": source,
                "sources": sources,
                "strength": strength,
                "target": target,
                "type": type_,
                "updated_at": updated_at,
                "weight": weight,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415

        d = dict(src_dict)
        confidence = d.pop("confidence")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        recency = d.pop("recency")

        sign = d.pop("sign")

        source = d.pop("source")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = Citation.from_dict(sources_item_data)

            sources.append(sources_item)

        strength = d.pop("strength")

        target = d.pop("target")

        type_ = d.pop("type")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        weight = d.pop("weight")

        note = d.pop("note", UNSET)

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

        mediator_tie = cls(
            confidence=confidence,
            created_at=created_at,
            id=id,
            recency=recency,
            sign=sign,
            source=source,
            sources=sources,
            strength=strength,
            target=target,
            type_=type_,
            updated_at=updated_at,
            weight=weight,
            note=note,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        mediator_tie.additional_properties = d
        return mediator_tie

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
