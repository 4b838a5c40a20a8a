from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.graphology_graph_attributes import GraphologyGraphAttributes
    from ..models.graphology_graph_edges_item import GraphologyGraphEdgesItem
    from ..models.graphology_graph_nodes_item import GraphologyGraphNodesItem
    from ..models.graphology_graph_options import GraphologyGraphOptions


T = TypeVar("T", bound="GraphologyGraph")


@_attrs_define
class GraphologyGraph:
    """graphology's serialised graph (format=graphology), as Graph.from() and graph.import() accept; sigma.js renders it.

    Attributes:
        attributes (GraphologyGraphAttributes):
        edges (list[GraphologyGraphEdgesItem]):
        nodes (list[GraphologyGraphNodesItem]):
        options (GraphologyGraphOptions):
    """

    attributes: GraphologyGraphAttributes
    edges: list[GraphologyGraphEdgesItem]
    nodes: list[GraphologyGraphNodesItem]
    options: GraphologyGraphOptions

    def to_dict(self) -> dict[str, Any]:
        attributes = self.attributes.to_dict()

        edges = []
        for edges_item_data in self.edges:
            edges_item = edges_item_data.to_dict()
            edges.append(edges_item)

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        options = self.options.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "attributes": attributes,
                "edges": edges,
                "nodes": nodes,
                "options": options,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graphology_graph_attributes import GraphologyGraphAttributes  # noqa: PLC0415
        from ..models.graphology_graph_edges_item import GraphologyGraphEdgesItem  # noqa: PLC0415
        from ..models.graphology_graph_nodes_item import GraphologyGraphNodesItem  # noqa: PLC0415
        from ..models.graphology_graph_options import GraphologyGraphOptions  # noqa: PLC0415

        d = dict(src_dict)
        attributes = GraphologyGraphAttributes.from_dict(d.pop("attributes"))

        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:
            edges_item = GraphologyGraphEdgesItem.from_dict(edges_item_data)

            edges.append(edges_item)

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = GraphologyGraphNodesItem.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        options = GraphologyGraphOptions.from_dict(d.pop("options"))

        graphology_graph = cls(
            attributes=attributes,
            edges=edges,
            nodes=nodes,
            options=options,
        )

        return graphology_graph
