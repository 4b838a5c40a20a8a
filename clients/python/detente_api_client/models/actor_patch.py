from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.actor_patch_kind import ActorPatchKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actor_patch_attributes import ActorPatchAttributes


T = TypeVar("T", bound="ActorPatch")


@_attrs_define
class ActorPatch:
    """
    Attributes:
        aliases (list[str] | None | Unset): The optional fields: null removes the value (RFC 7396).
        attributes (ActorPatchAttributes | Unset): Merged into the current attributes (RFC 7396): a key set to null is
            removed.
        country_code (None | str | Unset):
        description (None | str | Unset):
        kind (ActorPatchKind | Unset):
        name (str | Unset):
        region (None | str | Unset):
        tags (list[str] | None | Unset):
    """

    aliases: list[str] | None | Unset = UNSET
    attributes: ActorPatchAttributes | Unset = UNSET
    country_code: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    kind: ActorPatchKind | Unset = UNSET
    name: str | Unset = UNSET
    region: None | str | Unset = UNSET
    tags: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        aliases: list[str] | None | Unset
        if isinstance(self.aliases, Unset):
            aliases = UNSET
        elif isinstance(self.aliases, list):
            aliases = self.aliases

        else:
            aliases = self.aliases

        attributes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.attributes, Unset):
            attributes = self.attributes.to_dict()

        country_code: None | str | Unset
        if isinstance(self.country_code, Unset):
            country_code = UNSET
        else:
            country_code = self.country_code

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        name = self.name

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        tags: list[str] | None | Unset
        if isinstance(self.tags, Unset):
            tags = UNSET
        elif isinstance(self.tags, list):
            tags = self.tags

        else:
            tags = self.tags

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if aliases is not UNSET:
            field_dict["aliases"] = aliases
        if attributes is not UNSET:
            field_dict["attributes"] = attributes
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if description is not UNSET:
            field_dict["description"] = description
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if region is not UNSET:
            field_dict["region"] = region
        if tags is not UNSET:
            field_dict["tags"] = tags

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_patch_attributes import ActorPatchAttributes  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_aliases(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                aliases_type_0 = cast(list[str], data)

                return aliases_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        aliases = _parse_aliases(d.pop("aliases", UNSET))

        _attributes = d.pop("attributes", UNSET)
        attributes: ActorPatchAttributes | Unset
        if isinstance(_attributes, Unset):
            attributes = UNSET
        else:
            attributes = ActorPatchAttributes.from_dict(_attributes)

        def _parse_country_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        country_code = _parse_country_code(d.pop("country_code", UNSET))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        _kind = d.pop("kind", UNSET)
        kind: ActorPatchKind | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = ActorPatchKind(_kind)

        name = d.pop("name", UNSET)

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_tags(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                tags_type_0 = cast(list[str], data)

                return tags_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        tags = _parse_tags(d.pop("tags", UNSET))

        actor_patch = cls(
            aliases=aliases,
            attributes=attributes,
            country_code=country_code,
            description=description,
            kind=kind,
            name=name,
            region=region,
            tags=tags,
        )

        return actor_patch
