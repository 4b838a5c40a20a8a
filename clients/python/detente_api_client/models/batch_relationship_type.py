from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.batch_relationship_type_polarity import BatchRelationshipTypePolarity
from ..types import UNSET, Unset

T = TypeVar("T", bound="BatchRelationshipType")


@_attrs_define
class BatchRelationshipType:
    """
    Attributes:
        default_weight (float):
        name (str):  Example: blockades.
        polarity (BatchRelationshipTypePolarity):
        cameo (str | Unset):
        description (str | Unset):
        goldstein (float | Unset):
        plover (str | Unset):
        plover_mode (str | Unset):
        relays (bool | Unset): As in RelationshipTypeCreate: default true for cooperative and
            structural types; an export gives it only when false on one of them.
        symmetric (bool | Unset):
    """

    default_weight: float
    name: str
    polarity: BatchRelationshipTypePolarity
    cameo: str | Unset = UNSET
    description: str | Unset = UNSET
    goldstein: float | Unset = UNSET
    plover: str | Unset = UNSET
    plover_mode: str | Unset = UNSET
    relays: bool | Unset = UNSET
    symmetric: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        default_weight = self.default_weight

        name = self.name

        polarity = self.polarity.value

        cameo = self.cameo

        description = self.description

        goldstein = self.goldstein

        plover = self.plover

        plover_mode = self.plover_mode

        relays = self.relays

        symmetric = self.symmetric

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "default_weight": default_weight,
                "name": name,
                "polarity": polarity,
            }
        )
        if cameo is not UNSET:
            field_dict["cameo"] = cameo
        if description is not UNSET:
            field_dict["description"] = description
        if goldstein is not UNSET:
            field_dict["goldstein"] = goldstein
        if plover is not UNSET:
            field_dict["plover"] = plover
        if plover_mode is not UNSET:
            field_dict["plover_mode"] = plover_mode
        if relays is not UNSET:
            field_dict["relays"] = relays
        if symmetric is not UNSET:
            field_dict["symmetric"] = symmetric

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        default_weight = d.pop("default_weight")

        name = d.pop("name")

        polarity = BatchRelationshipTypePolarity(d.pop("polarity"))

        cameo = d.pop("cameo", UNSET)

        description = d.pop("description", UNSET)

        goldstein = d.pop("goldstein", UNSET)

        plover = d.pop("plover", UNSET)

        plover_mode = d.pop("plover_mode", UNSET)

        relays = d.pop("relays", UNSET)

        symmetric = d.pop("symmetric", UNSET)

        batch_relationship_type = cls(
            default_weight=default_weight,
            name=name,
            polarity=polarity,
            cameo=cameo,
            description=description,
            goldstein=goldstein,
            plover=plover,
            plover_mode=plover_mode,
            relays=relays,
            symmetric=symmetric,
        )

        return batch_relationship_type
