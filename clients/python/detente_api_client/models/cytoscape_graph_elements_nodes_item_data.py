from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.cytoscape_graph_elements_nodes_item_data_kind import CytoscapeGraphElementsNodesItemDataKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cytoscape_graph_elements_nodes_item_data_attributes import (
        CytoscapeGraphElementsNodesItemDataAttributes,
    )


T = TypeVar("T", bound="CytoscapeGraphElementsNodesItemData")


@_attrs_define
class CytoscapeGraphElementsNodesItemData:
    """
    Attributes:
        aliases (list[str]):
        id (str):
        kind (CytoscapeGraphElementsNodesItemDataKind):
        label (str):
        name (str):
        tags (list[str]):
        attributes (CytoscapeGraphElementsNodesItemDataAttributes | Unset):
        country_code (str | Unset):
        description (str | Unset):
        region (str | Unset):
    """

    aliases: list[str]
    id: str
    kind: CytoscapeGraphElementsNodesItemDataKind
    label: str
    name: str
    tags: list[str]
    attributes: CytoscapeGraphElementsNodesItemDataAttributes | Unset = UNSET
    country_code: str | Unset = UNSET
    description: str | Unset = UNSET
    region: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        aliases = self.aliases

        id = self.id

        kind = self.kind.value

        label = self.label

        name = self.name

        tags = self.tags

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        country_code = self.country_code

        description = self.description

        region = self.region

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "aliases": aliases,
                "id": id,
                "kind": kind,
                "label": label,
                "name": name,
                "tags": tags,
            }
        )
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if description is not UNSET:
            field_dict["description"] = description
        if region is not UNSET:
            field_dict["region"] = region

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cytoscape_graph_elements_nodes_item_data_attributes import (
            CytoscapeGraphElementsNodesItemDataAttributes,  # noqa: PLC0415
        )

        d = dict(src_dict)
        aliases = cast(list[str], d.pop("aliases"))

        id = d.pop("id")

        kind = CytoscapeGraphElementsNodesItemDataKind(d.pop("kind"))

        label = d.pop("label")

        name = d.pop("name")

        tags = cast(list[str], d.pop("tags"))

        _attributes = d.pop("attributes", UNSET)
        attributes: CytoscapeGraphElementsNodesItemDataAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = CytoscapeGraphElementsNodesItemDataAttributes.from_dict(_attributes)

        country_code = d.pop("country_code", UNSET)

        description = d.pop("description", UNSET)

        region = d.pop("region", UNSET)

        cytoscape_graph_elements_nodes_item_data = cls(
            aliases=aliases,
            id=id,
            kind=kind,
            label=label,
            name=name,
            tags=tags,
            attributes=attributes,
            country_code=country_code,
            description=description,
            region=region,
        )

        return cytoscape_graph_elements_nodes_item_data
