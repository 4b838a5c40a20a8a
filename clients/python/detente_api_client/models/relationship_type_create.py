from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.relationship_type_create_polarity import RelationshipTypeCreatePolarity
from ..types import UNSET, Unset

T = TypeVar("T", bound="RelationshipTypeCreate")


@_attrs_define
class RelationshipTypeCreate:
    """
    Attributes:
        default_weight (float): In (0, 1]. Example: 0.7.
        name (str): snake_case: a-z, 0-9 and '_', starting with a letter, at most 63 characters. Example: blockades.
        polarity (RelationshipTypeCreatePolarity): +1 cooperative, -1 conflictual, 0 structural. Example: -1.
        cameo (str | Unset):
        description (str | Unset):
        goldstein (float | Unset): In [-10, 10].
        plover (str | Unset):
        plover_mode (str | Unset):
        relays (bool | Unset): Whether a tie of this type passes influence on along a channel
            (alignment, material support) or only engages its target directly
            (talks, mediation: false). Default: true for cooperative and
            structural types; a conflictual type never relays (true is refused).
        symmetric (bool | Unset): Whether the tie runs both ways; default false.
    """

    default_weight: float
    name: str
    polarity: RelationshipTypeCreatePolarity
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

        polarity = RelationshipTypeCreatePolarity(d.pop("polarity"))

        cameo = d.pop("cameo", UNSET)

        description = d.pop("description", UNSET)

        goldstein = d.pop("goldstein", UNSET)

        plover = d.pop("plover", UNSET)

        plover_mode = d.pop("plover_mode", UNSET)

        relays = d.pop("relays", UNSET)

        symmetric = d.pop("symmetric", UNSET)

        relationship_type_create = cls(
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

        return relationship_type_create
