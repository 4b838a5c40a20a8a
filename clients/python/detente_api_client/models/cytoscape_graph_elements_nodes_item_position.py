from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="CytoscapeGraphElementsNodesItemPosition")


@_attrs_define
class CytoscapeGraphElementsNodesItemPosition:
    """
    Attributes:
        x (float):
        y (float):
    """

    x: float
    y: float

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "x": x,
                "y": y,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        x = d.pop("x")

        y = d.pop("y")

        cytoscape_graph_elements_nodes_item_position = cls(
            x=x,
            y=y,
        )

        return cytoscape_graph_elements_nodes_item_position
