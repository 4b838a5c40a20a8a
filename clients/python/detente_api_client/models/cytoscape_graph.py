from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.cytoscape_graph_elements import CytoscapeGraphElements


T = TypeVar("T", bound="CytoscapeGraph")


@_attrs_define
class CytoscapeGraph:
    """Cytoscape.js elements JSON (format=cytoscape), as cytoscape({elements}) and cy.json() accept.

    Attributes:
        elements (CytoscapeGraphElements):
    """

    elements: CytoscapeGraphElements

    def to_dict(self) -> dict[str, Any]:
        elements = self.elements.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "elements": elements,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cytoscape_graph_elements import CytoscapeGraphElements  # noqa: PLC0415

        d = dict(src_dict)
        elements = CytoscapeGraphElements.from_dict(d.pop("elements"))

        cytoscape_graph = cls(
            elements=elements,
        )

        return cytoscape_graph
