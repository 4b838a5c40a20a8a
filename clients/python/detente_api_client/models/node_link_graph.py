from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.node_link_graph_graph import NodeLinkGraphGraph
    from ..models.node_link_graph_links_item import NodeLinkGraphLinksItem
    from ..models.node_link_graph_nodes_item import NodeLinkGraphNodesItem


T = TypeVar("T", bound="NodeLinkGraph")


@_attrs_define
class NodeLinkGraph:
    """d3-force's node-link JSON (format=d3), also read by NetworkX's node_link_graph(data, edges="links").

    Attributes:
        directed (bool):
        graph (NodeLinkGraphGraph):
        links (list[NodeLinkGraphLinksItem]):
        multigraph (bool):
        nodes (list[NodeLinkGraphNodesItem]):
    """

    directed: bool
    graph: NodeLinkGraphGraph
    links: list[NodeLinkGraphLinksItem]
    multigraph: bool
    nodes: list[NodeLinkGraphNodesItem]

    def to_dict(self) -> dict[str, Any]:
        directed = self.directed

        graph = self.graph.to_dict()

        links = []
        for links_item_data in self.links:
            links_item = links_item_data.to_dict()
            links.append(links_item)

        multigraph = self.multigraph

        nodes = []
        for nodes_item_data in self.nodes:
            nodes_item = nodes_item_data.to_dict()
            nodes.append(nodes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "directed": directed,
                "graph": graph,
                "links": links,
                "multigraph": multigraph,
                "nodes": nodes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.node_link_graph_graph import NodeLinkGraphGraph  # noqa: PLC0415
        from ..models.node_link_graph_links_item import NodeLinkGraphLinksItem  # noqa: PLC0415
        from ..models.node_link_graph_nodes_item import NodeLinkGraphNodesItem  # noqa: PLC0415

        d = dict(src_dict)
        directed = d.pop("directed")

        graph = NodeLinkGraphGraph.from_dict(d.pop("graph"))

        links = []
        _links = d.pop("links")
        for links_item_data in _links:
            links_item = NodeLinkGraphLinksItem.from_dict(links_item_data)

            links.append(links_item)

        multigraph = d.pop("multigraph")

        nodes = []
        _nodes = d.pop("nodes")
        for nodes_item_data in _nodes:
            nodes_item = NodeLinkGraphNodesItem.from_dict(nodes_item_data)

            nodes.append(nodes_item)

        node_link_graph = cls(
            directed=directed,
            graph=graph,
            links=links,
            multigraph=multigraph,
            nodes=nodes,
        )

        return node_link_graph
