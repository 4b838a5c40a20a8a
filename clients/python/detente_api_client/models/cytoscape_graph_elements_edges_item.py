from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.cytoscape_graph_elements_edges_item_data import CytoscapeGraphElementsEdgesItemData


T = TypeVar("T", bound="CytoscapeGraphElementsEdgesItem")


@_attrs_define
class CytoscapeGraphElementsEdgesItem:
    """
    Attributes:
        classes (str):
        data (CytoscapeGraphElementsEdgesItemData):
    """

    classes: str
    data: CytoscapeGraphElementsEdgesItemData

    def to_dict(self) -> dict[str, Any]:
        classes = self.classes

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "classes": classes,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cytoscape_graph_elements_edges_item_data import CytoscapeGraphElementsEdgesItemData  # noqa: PLC0415

        d = dict(src_dict)
        classes = d.pop("classes")

        data = CytoscapeGraphElementsEdgesItemData.from_dict(d.pop("data"))

        cytoscape_graph_elements_edges_item = cls(
            classes=classes,
            data=data,
        )

        return cytoscape_graph_elements_edges_item
