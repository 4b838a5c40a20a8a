from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..models.scenario_change_op import ScenarioChangeOp
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.batch_actor import BatchActor
    from ..models.batch_relationship import BatchRelationship
    from ..models.relationship_patch import RelationshipPatch


T = TypeVar("T", bound="ScenarioChange")


@_attrs_define
class ScenarioChange:
    """
    Attributes:
        op (ScenarioChangeOp):  Example: remove_relationship.
        actor (BatchActor | Unset):
        id (str | Unset):  Example: united-states--sanctions--iran--2018-11-05.
        patch (RelationshipPatch | Unset):
        relationship (BatchRelationship | Unset):
    """

    op: ScenarioChangeOp
    actor: BatchActor | Unset = UNSET
    id: str | Unset = UNSET
    patch: RelationshipPatch | Unset = UNSET
    relationship: BatchRelationship | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        op = self.op.value

        actor: dict[str, Any] | Unset = UNSET
        if not isinstance(self.actor, Unset):
            actor = self.actor.to_dict()

        id = self.id

        patch: dict[str, Any] | Unset = UNSET
        if not isinstance(self.patch, Unset):
            patch = self.patch.to_dict()

        relationship: dict[str, Any] | Unset = UNSET
        if not isinstance(self.relationship, Unset):
            relationship = self.relationship.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "op": op,
            }
        )
        if actor is not UNSET:
            field_dict["actor"] = actor
        if id is not UNSET:
            field_dict["id"] = id
        if patch is not UNSET:
            field_dict["patch"] = patch
        if relationship is not UNSET:
            field_dict["relationship"] = relationship

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.batch_actor import BatchActor  # noqa: PLC0415
        from ..models.batch_relationship import BatchRelationship  # noqa: PLC0415
        from ..models.relationship_patch import RelationshipPatch  # noqa: PLC0415

        d = dict(src_dict)
        op = ScenarioChangeOp(d.pop("op"))

        _actor = d.pop("actor", UNSET)
        actor: BatchActor | Unset
        if isinstance(_actor, Unset):
            actor = UNSET
        else:
            actor = BatchActor.from_dict(_actor)

        id = d.pop("id", UNSET)

        _patch = d.pop("patch", UNSET)
        patch: RelationshipPatch | Unset
        if isinstance(_patch, Unset):
            patch = UNSET
        else:
            patch = RelationshipPatch.from_dict(_patch)

        _relationship = d.pop("relationship", UNSET)
        relationship: BatchRelationship | Unset
        if isinstance(_relationship, Unset):
            relationship = UNSET
        else:
            relationship = BatchRelationship.from_dict(_relationship)

        scenario_change = cls(
            op=op,
            actor=actor,
            id=id,
            patch=patch,
            relationship=relationship,
        )

        return scenario_change
