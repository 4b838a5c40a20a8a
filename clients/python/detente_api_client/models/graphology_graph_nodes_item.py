from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.graphology_graph_nodes_item_attributes import GraphologyGraphNodesItemAttributes


T = TypeVar("T", bound="GraphologyGraphNodesItem")


@_attrs_define
class GraphologyGraphNodesItem:
    """
    Attributes:
        attributes (GraphologyGraphNodesItemAttributes):
        key (str):
    """

    attributes: GraphologyGraphNodesItemAttributes
    key: str

    def to_dict(self) -> dict[str, Any]:
        attributes = self.attributes.to_dict()

        key = self.key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "attributes": attributes,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graphology_graph_nodes_item_attributes import GraphologyGraphNodesItemAttributes  # noqa: PLC0415

        d = dict(src_dict)
        attributes = GraphologyGraphNodesItemAttributes.from_dict(d.pop("attributes"))

        key = d.pop("key")

        graphology_graph_nodes_item = cls(
            attributes=attributes,
            key=key,
        )

        return graphology_graph_nodes_item
