from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation


T = TypeVar("T", bound="RelationshipCreate")


@_attrs_define
class RelationshipCreate:
    """
    Attributes:
        source (str):  Example: united-states.
        target (str):  Example: iran.
        type_ (str): A name registered in /api/v1/relationship-types. Example: sanctions.
        confidence (float | Unset): In [0, 1]; defaults to 1 (asserted). Example: 0.8.
        id (str | Unset): Optional; derived from source, type, target and valid_from when absent ("united-states--
            sanctions--iran--2018-05-08"), so that a retried create lands on the same id.
        note (str | Unset):
        sources (list[Citation] | Unset): At most 100 citations.
        valid_from (datetime.date | Unset):  Example: 2018-05-08.
        valid_to (datetime.date | Unset): Not before valid_from.
        weight (float | Unset): In (0, 1]; defaults to the type's default_weight. Example: 0.9.
    """

    source: str
    target: str
    type_: str
    confidence: float | Unset = UNSET
    id: str | Unset = UNSET
    note: str | Unset = UNSET
    sources: list[Citation] | Unset = UNSET
    valid_from: datetime.date | Unset = UNSET
    valid_to: datetime.date | Unset = UNSET
    weight: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        target = self.target

        type_ = self.type_

        confidence = self.confidence

        id = self.id

        note = self.note

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        valid_from: str | Unset = UNSET
        if not isinstance(self.valid_from, Unset):
            valid_from = self.valid_from.isoformat()

        valid_to: str | Unset = UNSET
        if not isinstance(self.valid_to, Unset):
            valid_to = self.valid_to.isoformat()

        weight = self.weight

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "source": source,
                "target": target,
                "type": type_,
            }
        )
        if confidence is not UNSET:
            field_dict["confidence"] = confidence
        if id is not UNSET:
            field_dict["id"] = id
        if note is not UNSET:
            field_dict["note"] = note
        if sources is not UNSET:
            field_dict["sources"] = sources
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if weight is not UNSET:
            field_dict["weight"] = weight

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.citation import Citation  # noqa: PLC0415

        d = dict(src_dict)
        source = d.pop("source")

        target = d.pop("target")

        type_ = d.pop("type")

        confidence = d.pop("confidence", UNSET)

        id = d.pop("id", UNSET)

        note = d.pop("note", UNSET)

        _sources = d.pop("sources", UNSET)
        sources: list[Citation] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = Citation.from_dict(sources_item_data)

                sources.append(sources_item)

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

        weight = d.pop("weight", UNSET)

        relationship_create = cls(
            source=source,
            target=target,
            type_=type_,
            confidence=confidence,
            id=id,
            note=note,
            sources=sources,
            valid_from=valid_from,
            valid_to=valid_to,
            weight=weight,
        )

        return relationship_create
