from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.path_relationship_sign import PathRelationshipSign
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.citation import Citation


T = TypeVar("T", bound="PathRelationship")


@_attrs_define
class PathRelationship:
    """
    Attributes:
        confidence (float):  Example: 0.8.
        id (str):  Example: iran--arms--houthis.
        reversed_ (bool): True when the path walks the tie against its direction (target to source).
        sign (PathRelationshipSign): The type's polarity: 1 cooperative, -1 conflictual, 0 structural. Example: 1.
        source (str):  Example: iran.
        sources (list[Citation]):
        target (str):  Example: houthis.
        type_ (str):  Example: arms.
        weight (float):  Example: 0.8.
        note (str | Unset):
        valid_from (datetime.date | Unset):
        valid_to (datetime.date | Unset):
    """

    confidence: float
    id: str
    reversed_: bool
    sign: PathRelationshipSign
    source: str
    sources: list[Citation]
    target: str
    type_: str
    weight: float
    note: str | Unset = UNSET
    valid_from: datetime.date | Unset = UNSET
    valid_to: datetime.date | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence

        id = self.id

        reversed_ = self.reversed_

        sign = self.sign.value

        source = self.source

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        target = self.target

        type_ = self.type_

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
                "id": id,
                "reversed": reversed_,
                "sign": sign,
                "source": source,
                "sources": sources,
                "target": target,
                "type": type_,
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

        id = d.pop("id")

        reversed_ = d.pop("reversed")

        sign = PathRelationshipSign(d.pop("sign"))

        source = d.pop("source")

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = Citation.from_dict(sources_item_data)

            sources.append(sources_item)

        target = d.pop("target")

        type_ = d.pop("type")

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

        path_relationship = cls(
            confidence=confidence,
            id=id,
            reversed_=reversed_,
            sign=sign,
            source=source,
            sources=sources,
            target=target,
            type_=type_,
            weight=weight,
            note=note,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        path_relationship.additional_properties = d
        return path_relationship

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
