from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_actor import BatchActor
    from ..models.batch_relationship import BatchRelationship
    from ..models.batch_relationship_type import BatchRelationshipType


T = TypeVar("T", bound="Batch")


@_attrs_define
class Batch:
    """
    Attributes:
        actors (list[BatchActor]):
        relationships (list[BatchRelationship]):
        relationship_types (list[BatchRelationshipType] | Unset): User-defined relationship types (built-in ones are
            never exported and cannot be redefined).
    """

    actors: list[BatchActor]
    relationships: list[BatchRelationship]
    relationship_types: list[BatchRelationshipType] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        actors = []
        for actors_item_data in self.actors:
            actors_item = actors_item_data.to_dict()
            actors.append(actors_item)

        relationships = []
        for relationships_item_data in self.relationships:
            relationships_item = relationships_item_data.to_dict()
            relationships.append(relationships_item)

        relationship_types: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.relationship_types, Unset):
            relationship_types = []
            for relationship_types_item_data in self.relationship_types:
                relationship_types_item = relationship_types_item_data.to_dict()
                relationship_types.append(relationship_types_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "actors": actors,
                "relationships": relationships,
            }
        )
        if relationship_types is not UNSET:
            field_dict["relationship_types"] = relationship_types

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_actor import BatchActor  # noqa: PLC0415
        from ..models.batch_relationship import BatchRelationship  # noqa: PLC0415
        from ..models.batch_relationship_type import BatchRelationshipType  # noqa: PLC0415

        d = dict(src_dict)
        actors = []
        _actors = d.pop("actors")
        for actors_item_data in _actors:
            actors_item = BatchActor.from_dict(actors_item_data)

            actors.append(actors_item)

        relationships = []
        _relationships = d.pop("relationships")
        for relationships_item_data in _relationships:
            relationships_item = BatchRelationship.from_dict(relationships_item_data)

            relationships.append(relationships_item)

        _relationship_types = d.pop("relationship_types", UNSET)
        relationship_types: list[BatchRelationshipType] | Unset = UNSET
        if _relationship_types is not UNSET:
            relationship_types = []
            for relationship_types_item_data in _relationship_types:
                relationship_types_item = BatchRelationshipType.from_dict(relationship_types_item_data)

                relationship_types.append(relationship_types_item)

        batch = cls(
            actors=actors,
            relationships=relationships,
            relationship_types=relationship_types,
        )

        return batch
