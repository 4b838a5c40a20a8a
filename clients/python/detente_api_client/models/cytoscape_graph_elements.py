from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.cytoscape_graph_elements_edges_item import CytoscapeGraphElementsEdgesItem
    from ..models.cytoscape_graph_elements_nodes_item import CytoscapeGraphElementsNodesItem


T = TypeVar("T", bound="CytoscapeGraphElements")


@_attrs_define
class CytoscapeGraphElements:
    """
    Attributes:
        edges (list[CytoscapeGraphElementsEdgesItem]):
        nodes (list[CytoscapeGraphElementsNodesItem]):
    """

    edges: list[CytoscapeGraphElementsEdgesItem]
    nodes: list[CytoscapeGraphElementsNodesItem]

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
        from ..models.cytoscape_graph_elements_edges_item import CytoscapeGraphElementsEdgesItem  # noqa: PLC0415
        from ..models.cytoscape_graph_elements_nodes_item import CytoscapeGraphElementsNodesItem  # noqa: PLC0415

        d = dict(src_dict)
        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = CytoscapeGraphElementsEdgesItem.from_dict(edges_item_data)

            edges.append(edges_item)

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = CytoscapeGraphElementsNodesItem.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        cytoscape_graph_elements = cls(
            edges=edges,
            nodes=nodes,
        )

        return cytoscape_graph_elements
