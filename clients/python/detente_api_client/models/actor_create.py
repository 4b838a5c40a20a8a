from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.actor_create_kind import ActorCreateKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actor_create_attributes import ActorCreateAttributes


T = TypeVar("T", bound="ActorCreate")


@_attrs_define
class ActorCreate:
    """
    Attributes:
        kind (ActorCreateKind):  Example: state.
        name (str):  Example: Iran.
        aliases (list[str] | Unset): At most 100 entries of at most 200 bytes.
        attributes (ActorCreateAttributes | Unset): Free-form JSON object (at most 16384 bytes encoded).
        country_code (str | Unset): ISO 3166-1 alpha-3 code, upper case. Example: IRN.
        description (str | Unset):
        id (str | Unset): Optional stable slug (1-128 characters of a-z, 0-9, '-', '_'); derived from name when absent
            ("Kata'ib Hezbollah" -> "kataib-hezbollah"). Example: iran.
        region (str | Unset):  Example: Middle East.
        tags (list[str] | Unset): At most 100 entries of at most 200 bytes.
    """

    kind: ActorCreateKind
    name: str
    aliases: list[str] | Unset = UNSET
    attributes: ActorCreateAttributes | Unset = UNSET
    country_code: str | Unset = UNSET
    description: str | Unset = UNSET
    id: str | Unset = UNSET
    region: str | Unset = UNSET
    tags: list[str] | Unset = UNSET

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

        description = self.description

        id = self.id

        region = self.region

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

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
        if description is not UNSET:
            field_dict["description"] = description
        if id is not UNSET:
            field_dict["id"] = id
        if region is not UNSET:
            field_dict["region"] = region
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_create_attributes import ActorCreateAttributes  # noqa: PLC0415

        d = dict(src_dict)
        kind = ActorCreateKind(d.pop("kind"))

        name = d.pop("name")

        aliases = cast(list[str], d.pop("aliases", UNSET))

        _attributes = d.pop("attributes", UNSET)
        attributes: ActorCreateAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = ActorCreateAttributes.from_dict(_attributes)

        country_code = d.pop("country_code", UNSET)

        description = d.pop("description", UNSET)

        id = d.pop("id", UNSET)

        region = d.pop("region", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))

        actor_create = cls(
            kind=kind,
            name=name,
            aliases=aliases,
            attributes=attributes,
            country_code=country_code,
            description=description,
            id=id,
            region=region,
            tags=tags,
        )

        return actor_create
