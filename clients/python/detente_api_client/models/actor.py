from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.actor_kind import ActorKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actor_attributes import ActorAttributes


T = TypeVar("T", bound="Actor")


@_attrs_define
class Actor:
    """
    Attributes:
        aliases (list[str]): Other names the actor goes by (searched by q). Example: ['Islamic Republic of Iran'].
        created_at (datetime.datetime):
        id (str): Stable slug: 1-128 characters of a-z, 0-9, '-' and '_'. Example: iran.
        kind (ActorKind):  Example: state.
        name (str):  Example: Iran.
        tags (list[str]):  Example: ['jcpoa'].
        updated_at (datetime.datetime):
        attributes (ActorAttributes | Unset): Free-form JSON object (at most 16384 bytes encoded).
        country_code (str | Unset): ISO 3166-1 alpha-3 code, where one applies. Example: IRN.
        description (str | Unset):
        region (str | Unset):  Example: Middle East.
    """

    aliases: list[str]
    created_at: datetime.datetime
    id: str
    kind: ActorKind
    name: str
    tags: list[str]
    updated_at: datetime.datetime
    attributes: ActorAttributes | Unset = UNSET
    country_code: str | Unset = UNSET
    description: str | Unset = UNSET
    region: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aliases = self.aliases

        created_at = self.created_at.isoformat()

        id = self.id

        kind = self.kind.value

        name = self.name

        tags = self.tags

        updated_at = self.updated_at.isoformat()

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        country_code = self.country_code

        description = self.description

        region = self.region

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aliases": aliases,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "name": name,
                "tags": tags,
                "updated_at": updated_at,
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
        from ..models.actor_attributes import ActorAttributes  # noqa: PLC0415

        d = dict(src_dict)
        aliases = cast(list[str], d.pop("aliases"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        kind = ActorKind(d.pop("kind"))

        name = d.pop("name")

        tags = cast(list[str], d.pop("tags"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        _attributes = d.pop("attributes", UNSET)
        attributes: ActorAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = ActorAttributes.from_dict(_attributes)

        country_code = d.pop("country_code", UNSET)

        description = d.pop("description", UNSET)

        region = d.pop("region", UNSET)

        actor = cls(
            aliases=aliases,
            created_at=created_at,
            id=id,
            kind=kind,
            name=name,
            tags=tags,
            updated_at=updated_at,
            attributes=attributes,
            country_code=country_code,
            description=description,
            region=region,
        )

        actor.additional_properties = d
        return actor

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
