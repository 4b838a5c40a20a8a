from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.graphology_graph_edges_item_attributes import GraphologyGraphEdgesItemAttributes


T = TypeVar("T", bound="GraphologyGraphEdgesItem")


@_attrs_define
class GraphologyGraphEdgesItem:
    """
    Attributes:
        attributes (GraphologyGraphEdgesItemAttributes):
        key (str):
        source (str):
        target (str):
        undirected (bool):
    """

    attributes: GraphologyGraphEdgesItemAttributes
    key: str
    source: str
    target: str
    undirected: bool

    def to_dict(self) -> dict[str, Any]:
        attributes = self.attributes.to_dict()

        key = self.key

        source = self.source

        target = self.target

        undirected = self.undirected

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "attributes": attributes,
                "key": key,
                "source": source,
                "target": target,
                "undirected": undirected,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graphology_graph_edges_item_attributes import GraphologyGraphEdgesItemAttributes  # noqa: PLC0415

        d = dict(src_dict)
        attributes = GraphologyGraphEdgesItemAttributes.from_dict(d.pop("attributes"))

        key = d.pop("key")

        source = d.pop("source")

        target = d.pop("target")

        undirected = d.pop("undirected")

        graphology_graph_edges_item = cls(
            attributes=attributes,
            key=key,
            source=source,
            target=target,
            undirected=undirected,
        )

        return graphology_graph_edges_item
