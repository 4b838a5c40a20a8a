from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.graph_json_edges_item import GraphJSONEdgesItem
    from ..models.graph_json_nodes_item import GraphJSONNodesItem


T = TypeVar("T", bound="GraphJSON")


@_attrs_define
class GraphJSON:
    """detente's own format (format=json): node and edge lists.

    Attributes:
        edges (list[GraphJSONEdgesItem]):
        nodes (list[GraphJSONNodesItem]):
    """

    edges: list[GraphJSONEdgesItem]
    nodes: list[GraphJSONNodesItem]

    def to_dict(self) -> dict[str, Any]:
        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "edges": edges,
                "nodes": nodes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graph_json_edges_item import GraphJSONEdgesItem  # noqa: PLC0415
        from ..models.graph_json_nodes_item import GraphJSONNodesItem  # noqa: PLC0415

        d = dict(src_dict)
        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = GraphJSONEdgesItem.from_dict(edges_item_data)

            edges.append(edges_item)

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = GraphJSONNodesItem.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        graph_json = cls(
            edges=edges,
            nodes=nodes,
        )

        return graph_json
