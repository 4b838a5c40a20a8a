from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.graphology_graph_nodes_item_attributes_kind import GraphologyGraphNodesItemAttributesKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graphology_graph_nodes_item_attributes_attributes import GraphologyGraphNodesItemAttributesAttributes


T = TypeVar("T", bound="GraphologyGraphNodesItemAttributes")


@_attrs_define
class GraphologyGraphNodesItemAttributes:
    """
    Attributes:
        aliases (list[str]):
        kind (GraphologyGraphNodesItemAttributesKind):
        label (str):
        name (str):
        tags (list[str]):
        attributes (GraphologyGraphNodesItemAttributesAttributes | Unset):
        country_code (str | Unset):
        description (str | Unset):
        region (str | Unset):
        x (float | Unset):
        y (float | Unset):
    """

    aliases: list[str]
    kind: GraphologyGraphNodesItemAttributesKind
    label: str
    name: str
    tags: list[str]
    attributes: GraphologyGraphNodesItemAttributesAttributes | Unset = UNSET
    country_code: str | Unset = UNSET
    description: str | Unset = UNSET
    region: str | Unset = UNSET
    x: float | Unset = UNSET
    y: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        aliases = self.aliases

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

        x = self.x

        y = self.y

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "aliases": aliases,
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
        if x is not UNSET:
            field_dict["x"] = x
        if y is not UNSET:
            field_dict["y"] = y

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graphology_graph_nodes_item_attributes_attributes import (
            GraphologyGraphNodesItemAttributesAttributes,  # noqa: PLC0415
        )

        d = dict(src_dict)
        aliases = cast(list[str], d.pop("aliases"))

        kind = GraphologyGraphNodesItemAttributesKind(d.pop("kind"))

        label = d.pop("label")

        name = d.pop("name")

        tags = cast(list[str], d.pop("tags"))

        _attributes = d.pop("attributes", UNSET)
        attributes: GraphologyGraphNodesItemAttributesAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = GraphologyGraphNodesItemAttributesAttributes.from_dict(_attributes)

        country_code = d.pop("country_code", UNSET)

        description = d.pop("description", UNSET)

        region = d.pop("region", UNSET)

        x = d.pop("x", UNSET)

        y = d.pop("y", UNSET)

        graphology_graph_nodes_item_attributes = cls(
            aliases=aliases,
            kind=kind,
            label=label,
            name=name,
            tags=tags,
            attributes=attributes,
            country_code=country_code,
            description=description,
            region=region,
            x=x,
            y=y,
        )

        return graphology_graph_nodes_item_attributes
