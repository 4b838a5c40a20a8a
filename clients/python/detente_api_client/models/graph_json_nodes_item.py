from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.graph_json_nodes_item_kind import GraphJSONNodesItemKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graph_json_nodes_item_attributes import GraphJSONNodesItemAttributes


T = TypeVar("T", bound="GraphJSONNodesItem")


@_attrs_define
class GraphJSONNodesItem:
    """
    Attributes:
        aliases (list[str]):
        id (str):
        kind (GraphJSONNodesItemKind):
        name (str):
        tags (list[str]):
        attributes (GraphJSONNodesItemAttributes | Unset):
        country_code (str | Unset):
        description (str | Unset):
        region (str | Unset):
        x (float | Unset):
        y (float | Unset):
    """

    aliases: list[str]
    id: str
    kind: GraphJSONNodesItemKind
    name: str
    tags: list[str]
    attributes: GraphJSONNodesItemAttributes | Unset = UNSET
    country_code: str | Unset = UNSET
    description: str | Unset = UNSET
    region: str | Unset = UNSET
    x: float | Unset = UNSET
    y: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        aliases = self.aliases

        id = self.id

        kind = self.kind.value

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
                "id": id,
                "kind": kind,
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
        from ..models.graph_json_nodes_item_attributes import GraphJSONNodesItemAttributes  # noqa: PLC0415

        d = dict(src_dict)
        aliases = cast(list[str], d.pop("aliases"))

        id = d.pop("id")

        kind = GraphJSONNodesItemKind(d.pop("kind"))

        name = d.pop("name")

        tags = cast(list[str], d.pop("tags"))

        _attributes = d.pop("attributes", UNSET)
        attributes: GraphJSONNodesItemAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = GraphJSONNodesItemAttributes.from_dict(_attributes)

        country_code = d.pop("country_code", UNSET)

        description = d.pop("description", UNSET)

        region = d.pop("region", UNSET)

        x = d.pop("x", UNSET)

        y = d.pop("y", UNSET)

        graph_json_nodes_item = cls(
            aliases=aliases,
            id=id,
            kind=kind,
            name=name,
            tags=tags,
            attributes=attributes,
            country_code=country_code,
            description=description,
            region=region,
            x=x,
            y=y,
        )

        return graph_json_nodes_item
