from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.relationship_type_polarity import RelationshipTypePolarity
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_codes import EventCodes


T = TypeVar("T", bound="RelationshipType")


@_attrs_define
class RelationshipType:
    """
    Attributes:
        builtin (bool): Shipped with detente (true) or added by users (false).
        default_weight (float): Weight of a relationship of this type created without one. Example: 0.8.
        description (str):
        name (str):  Example: sanctions.
        polarity (RelationshipTypePolarity): +1 cooperative, -1 conflictual, 0 structural. Example: -1.
        relays (bool): Whether a tie of this type passes influence on along a sway or
            pressure channel (GET /actors/{id}/influence), i.e. may be a
            channel's intermediate hop. Alignment and material support relay
            (supports, allied_with, funds, arms, sponsors); direct engagement
            (negotiates_with, mediates, appeals_to, monitors) reaches its target
            but relays nothing, so it can only be a channel's last hop; a
            conflictual type never relays. Example: False.
        symmetric (bool): Whether the tie runs both ways.
        cameo (str | Unset):  Example: 163.
        event_codes (EventCodes | Unset):
        goldstein (float | Unset): Goldstein score, in [-10, 10]. Example: -8.
        plover (str | Unset):  Example: SANCTION.
        plover_mode (str | Unset):
    """

    builtin: bool
    default_weight: float
    description: str
    name: str
    polarity: RelationshipTypePolarity
    relays: bool
    symmetric: bool
    cameo: str | Unset = UNSET
    event_codes: EventCodes | Unset = UNSET
    goldstein: float | Unset = UNSET
    plover: str | Unset = UNSET
    plover_mode: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        builtin = self.builtin

        default_weight = self.default_weight

        description = self.description

        name = self.name

        polarity = self.polarity.value

        relays = self.relays

        symmetric = self.symmetric

        cameo = self.cameo

        event_codes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.event_codes, Unset):
            event_codes = self.event_codes.to_dict()

        goldstein = self.goldstein

        plover = self.plover

        plover_mode = self.plover_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "builtin": builtin,
                "default_weight": default_weight,
                "description": description,
                "name": name,
                "polarity": polarity,
                "relays": relays,
                "symmetric": symmetric,
            }
        )
        if cameo is not UNSET:
            field_dict["cameo"] = cameo
        if event_codes is not UNSET:
            field_dict["event_codes"] = event_codes
        if goldstein is not UNSET:
            field_dict["goldstein"] = goldstein
        if plover is not UNSET:
            field_dict["plover"] = plover
        if plover_mode is not UNSET:
            field_dict["plover_mode"] = plover_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_codes import EventCodes  # noqa: PLC0415

        d = dict(src_dict)
        builtin = d.pop("builtin")

        default_weight = d.pop("default_weight")

        description = d.pop("description")

        name = d.pop("name")

        polarity = RelationshipTypePolarity(d.pop("polarity"))

        relays = d.pop("relays")

        symmetric = d.pop("symmetric")

        cameo = d.pop("cameo", UNSET)

        _event_codes = d.pop("event_codes", UNSET)
        event_codes: EventCodes | Unset
        if isinstance(_event_codes, Unset):
            event_codes = UNSET
        else:
            event_codes = EventCodes.from_dict(_event_codes)

        goldstein = d.pop("goldstein", UNSET)

        plover = d.pop("plover", UNSET)

        plover_mode = d.pop("plover_mode", UNSET)

        relationship_type = cls(
            builtin=builtin,
            default_weight=default_weight,
            description=description,
            name=name,
            polarity=polarity,
            relays=relays,
            symmetric=symmetric,
            cameo=cameo,
            event_codes=event_codes,
            goldstein=goldstein,
            plover=plover,
            plover_mode=plover_mode,
        )

        relationship_type.additional_properties = d
        return relationship_type

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
