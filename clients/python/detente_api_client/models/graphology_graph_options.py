from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.graphology_graph_options_type import GraphologyGraphOptionsType

T = TypeVar("T", bound="GraphologyGraphOptions")


@_attrs_define
class GraphologyGraphOptions:
    """
    Attributes:
        allow_self_loops (bool):
        multi (bool):
        type_ (GraphologyGraphOptionsType):
    """

    allow_self_loops: bool
    multi: bool
    type_: GraphologyGraphOptionsType

    def to_dict(self) -> dict[str, Any]:
        allow_self_loops = self.allow_self_loops

        multi = self.multi

        type_ = self.type_.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "allowSelfLoops": allow_self_loops,
                "multi": multi,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        allow_self_loops = d.pop("allowSelfLoops")

        multi = d.pop("multi")

        type_ = GraphologyGraphOptionsType(d.pop("type"))

        graphology_graph_options = cls(
            allow_self_loops=allow_self_loops,
            multi=multi,
            type_=type_,
        )

        return graphology_graph_options
