from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_counts import ImportCounts


T = TypeVar("T", bound="ImportResult")


@_attrs_define
class ImportResult:
    """
    Attributes:
        actors (ImportCounts):
        dry_run (bool): True when nothing was written (?dry_run=true).
        relationship_types (ImportCounts):
        relationships (ImportCounts):
        version (int): The graph version after the import (unchanged by a dry run).
    """

    actors: ImportCounts
    dry_run: bool
    relationship_types: ImportCounts
    relationships: ImportCounts
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actors = self.actors.to_dict()

        dry_run = self.dry_run

        relationship_types = self.relationship_types.to_dict()

        relationships = self.relationships.to_dict()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actors": actors,
                "dry_run": dry_run,
                "relationship_types": relationship_types,
                "relationships": relationships,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_counts import ImportCounts  # noqa: PLC0415

        d = dict(src_dict)
        actors = ImportCounts.from_dict(d.pop("actors"))

        dry_run = d.pop("dry_run")

        relationship_types = ImportCounts.from_dict(d.pop("relationship_types"))

        relationships = ImportCounts.from_dict(d.pop("relationships"))

        version = d.pop("version")

        import_result = cls(
            actors=actors,
            dry_run=dry_run,
            relationship_types=relationship_types,
            relationships=relationships,
            version=version,
        )

        import_result.additional_properties = d
        return import_result

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
