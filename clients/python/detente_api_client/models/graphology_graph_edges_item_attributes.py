from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.graphology_graph_edges_item_attributes_sign import GraphologyGraphEdgesItemAttributesSign
from ..types import UNSET, Unset

T = TypeVar("T", bound="GraphologyGraphEdgesItemAttributes")


@_attrs_define
class GraphologyGraphEdgesItemAttributes:
    """
    Attributes:
        confidence (float):
        label (str):
        relationship_type (str):
        sign (GraphologyGraphEdgesItemAttributesSign):
        symmetric (bool):
        weight (float):
        valid_from (datetime.date | Unset):
        valid_to (datetime.date | Unset):
    """

    confidence: float
    label: str
    relationship_type: str
    sign: GraphologyGraphEdgesItemAttributesSign
    symmetric: bool
    weight: float
    valid_from: datetime.date | Unset = UNSET
    valid_to: datetime.date | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence

        label = self.label

        relationship_type = self.relationship_type

        sign = self.sign.value

        symmetric = self.symmetric

        weight = self.weight

        valid_from: str | Unset = UNSET
        if not isinstance(self.valid_from, Unset):
            valid_from = self.valid_from.isoformat()

        valid_to: str | Unset = UNSET
        if not isinstance(self.valid_to, Unset):
            valid_to = self.valid_to.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "confidence": confidence,
                "label": label,
                "relationship_type": relationship_type,
                "sign": sign,
                "symmetric": symmetric,
                "weight": weight,
            }
        )
        if valid_from is not UNSET:
            field_dict["valid_from"] = valid_from
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        confidence = d.pop("confidence")

        label = d.pop("label")

        relationship_type = d.pop("relationship_type")

        sign = GraphologyGraphEdgesItemAttributesSign(d.pop("sign"))

        symmetric = d.pop("symmetric")

        weight = d.pop("weight")

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

        graphology_graph_edges_item_attributes = cls(
            confidence=confidence,
            label=label,
            relationship_type=relationship_type,
            sign=sign,
            symmetric=symmetric,
            weight=weight,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        return graphology_graph_edges_item_attributes
