from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation


T = TypeVar("T", bound="BatchRelationship")


@_attrs_define
class BatchRelationship:
    """
    Attributes:
        source (str):  Example: united-states.
        target (str):  Example: iran.
        type_ (str): Registered, or defined in the same batch. Example: sanctions.
        confidence (float | Unset): In [0, 1]; defaults to 1.
        created_at (datetime.datetime | Unset): Kept when given (a restored export); else set by the import.
        id (str | Unset): Derived from source, type, target and valid_from when absent.
        note (str | Unset):
        sources (list[Citation] | Unset):
        updated_at (datetime.datetime | Unset): Kept when given (a restored export); else set by the import.
        valid_from (datetime.date | Unset):
        valid_to (datetime.date | Unset):
        weight (float | Unset): In (0, 1]; defaults to the type's default_weight.
    """

    source: str
    target: str
    type_: str
    confidence: float | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    id: str | Unset = UNSET
    note: str | Unset = UNSET
    sources: list[Citation] | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    valid_from: datetime.date | Unset = UNSET
    valid_to: datetime.date | Unset = UNSET
    weight: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        source = self.source

        target = self.target

        type_ = self.type_

        confidence = self.confidence

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        id = self.id

        note = self.note

        sources: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sources, Unset):
            sources = []
            for sources_item_data in self.sources:
                sources_item = sources_item_data.to_dict()
                sources.append(sources_item)

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

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
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if id is not UNSET:
            field_dict["id"] = id
        if note is not UNSET:
            field_dict["note"] = note
        if sources is not UNSET:
            field_dict["sources"] = sources
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
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

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        id = d.pop("id", UNSET)

        note = d.pop("note", UNSET)

        _sources = d.pop("sources", UNSET)
        sources: list[Citation] | Unset = UNSET
        if _sources is not UNSET:
            sources = []
            for sources_item_data in _sources:
                sources_item = Citation.from_dict(sources_item_data)

                sources.append(sources_item)

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

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

        batch_relationship = cls(
            source=source,
            target=target,
            type_=type_,
            confidence=confidence,
            created_at=created_at,
            id=id,
            note=note,
            sources=sources,
            updated_at=updated_at,
            valid_from=valid_from,
            valid_to=valid_to,
            weight=weight,
        )

        return batch_relationship
