from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cytoscape_graph_elements_nodes_item_data import CytoscapeGraphElementsNodesItemData
    from ..models.cytoscape_graph_elements_nodes_item_position import CytoscapeGraphElementsNodesItemPosition


T = TypeVar("T", bound="CytoscapeGraphElementsNodesItem")


@_attrs_define
class CytoscapeGraphElementsNodesItem:
    """
    Attributes:
        classes (str):
        data (CytoscapeGraphElementsNodesItemData):
        position (CytoscapeGraphElementsNodesItemPosition | Unset):
    """

    classes: str
    data: CytoscapeGraphElementsNodesItemData
    position: CytoscapeGraphElementsNodesItemPosition | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        classes = self.classes

        data = self.data.to_dict()

        position: dict[str, Any] | Unset = UNSET
        if not isinstance(self.position, Unset):
            position = self.position.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "classes": classes,
                "data": data,
            }
        )
        if position is not UNSET:
            field_dict["position"] = position

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cytoscape_graph_elements_nodes_item_data import CytoscapeGraphElementsNodesItemData  # noqa: PLC0415
        from ..models.cytoscape_graph_elements_nodes_item_position import CytoscapeGraphElementsNodesItemPosition  # noqa: PLC0415

        d = dict(src_dict)
        classes = d.pop("classes")

        data = CytoscapeGraphElementsNodesItemData.from_dict(d.pop("data"))

        _position = d.pop("position", UNSET)
        position: CytoscapeGraphElementsNodesItemPosition | Unset
        if isinstance(_position, Unset):
            position = UNSET
        else:
            position = CytoscapeGraphElementsNodesItemPosition.from_dict(_position)

        cytoscape_graph_elements_nodes_item = cls(
            classes=classes,
            data=data,
            position=position,
        )

        return cytoscape_graph_elements_nodes_item
