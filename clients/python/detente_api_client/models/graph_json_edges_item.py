from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.graph_json_edges_item_sign import GraphJSONEdgesItemSign
from ..types import UNSET, Unset

T = TypeVar("T", bound="GraphJSONEdgesItem")


@_attrs_define
class GraphJSONEdgesItem:
    """
    Attributes:
        confidence (float):
        id (str):
        sign (GraphJSONEdgesItemSign):
        source (str):
        symmetric (bool):
        target (str):
        type_ (str):
        weight (float):
        valid_from (datetime.date | Unset):
        valid_to (datetime.date | Unset):
    """

    confidence: float
    id: str
    sign: GraphJSONEdgesItemSign
    source: str
    symmetric: bool
    target: str
    type_: str
    weight: float
    valid_from: datetime.date | Unset = UNSET
    valid_to: datetime.date | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        confidence = self.confidence

        id = self.id

        sign = self.sign.value

        source = self.source

        symmetric = self.symmetric

        target = self.target

        type_ = self.type_

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
                "id": id,
                "sign": sign,
                "source": source,
                "symmetric": symmetric,
                "target": target,
                "type": type_,
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

        id = d.pop("id")

        sign = GraphJSONEdgesItemSign(d.pop("sign"))

        source = d.pop("source")

        symmetric = d.pop("symmetric")

        target = d.pop("target")

        type_ = d.pop("type")

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

        graph_json_edges_item = cls(
            confidence=confidence,
            id=id,
            sign=sign,
            source=source,
            symmetric=symmetric,
            target=target,
            type_=type_,
            weight=weight,
            valid_from=valid_from,
            valid_to=valid_to,
        )

        return graph_json_edges_item
