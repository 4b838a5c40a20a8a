from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.batch_actor_kind import BatchActorKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_actor_attributes import BatchActorAttributes


T = TypeVar("T", bound="BatchActor")


@_attrs_define
class BatchActor:
    """
    Attributes:
        kind (BatchActorKind):  Example: state.
        name (str):  Example: Iran.
        aliases (list[str] | Unset):
        attributes (BatchActorAttributes | Unset):
        country_code (str | Unset):  Example: IRN.
        created_at (datetime.datetime | Unset): Kept when given (a restored export); else set by the import.
        description (str | Unset):
        id (str | Unset): Derived from name when absent. Example: iran.
        region (str | Unset):
        tags (list[str] | Unset):
        updated_at (datetime.datetime | Unset): Kept when given (a restored export); else set by the import.
    """

    kind: BatchActorKind
    name: str
    aliases: list[str] | Unset = UNSET
    attributes: BatchActorAttributes | Unset = UNSET
    country_code: str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    description: str | Unset = UNSET
    id: str | Unset = UNSET
    region: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        name = self.name

        aliases: list[str] | Unset = UNSET
        if not isinstance(self.aliases, Unset):
            aliases = self.aliases

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        country_code = self.country_code

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        description = self.description

        id = self.id

        region = self.region

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "name": name,
            }
        )
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if description is not UNSET:
            field_dict["description"] = description
        if id is not UNSET:
            field_dict["id"] = id
        if region is not UNSET:
            field_dict["region"] = region
        if tags is not UNSET:
            field_dict["tags"] = tags
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_actor_attributes import BatchActorAttributes  # noqa: PLC0415

        d = dict(src_dict)
        kind = BatchActorKind(d.pop("kind"))

        name = d.pop("name")

        aliases = cast(list[str], d.pop("aliases", UNSET))

        _attributes = d.pop("attributes", UNSET)
        attributes: BatchActorAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = BatchActorAttributes.from_dict(_attributes)

        country_code = d.pop("country_code", UNSET)

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        description = d.pop("description", UNSET)

        id = d.pop("id", UNSET)

        region = d.pop("region", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        _updated_at = d.pop("updated_at", UNSET)
        updated_at: datetime.datetime | Unset
        if isinstance(_updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = datetime.datetime.fromisoformat(_updated_at)

        batch_actor = cls(
            kind=kind,
            name=name,
            aliases=aliases,
            attributes=attributes,
            country_code=country_code,
            created_at=created_at,
            description=description,
            id=id,
            region=region,
            tags=tags,
            updated_at=updated_at,
        )

        return batch_actor
