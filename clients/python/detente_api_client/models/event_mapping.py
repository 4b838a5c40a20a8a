from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_mapping_plover_quads import EventMappingPloverQuads
    from ..models.event_mapping_plover_scores import EventMappingPloverScores
    from ..models.event_mapping_rule import EventMappingRule


T = TypeVar("T", bound="EventMapping")


@_attrs_define
class EventMapping:
    """
    Attributes:
        acled (list[EventMappingRule]):
        cameo (list[EventMappingRule]): The tables are required ([] maps none of a table's codes).
        plover (list[EventMappingRule]):
        about (list[str] | Unset):
        plover_quads (EventMappingPloverQuads | Unset): PLOVER quad categories (1-4) by TYPE.
        plover_scores (EventMappingPloverScores | Unset): PLOVER conflict-cooperation scores by TYPE or TYPE:mode, in
            [-10, 10].
    """

    acled: list[EventMappingRule]
    cameo: list[EventMappingRule]
    plover: list[EventMappingRule]
    about: list[str] | Unset = UNSET
    plover_quads: EventMappingPloverQuads | Unset = UNSET
    plover_scores: EventMappingPloverScores | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        acled = []
        for acled_item_data in self.acled:
            acled_item = acled_item_data.to_dict()
            acled.append(acled_item)

        cameo = []
        for cameo_item_data in self.cameo:
            cameo_item = cameo_item_data.to_dict()
            cameo.append(cameo_item)

        plover = []
        for plover_item_data in self.plover:
            plover_item = plover_item_data.to_dict()
            plover.append(plover_item)

        about: list[str] | Unset = UNSET
        if not isinstance(self.about, Unset):
            about = self.about

        plover_quads: dict[str, Any] | Unset = UNSET
        if not isinstance(self.plover_quads, Unset):
            plover_quads = self.plover_quads.to_dict()

        plover_scores: dict[str, Any] | Unset = UNSET
        if not isinstance(self.plover_scores, Unset):
            plover_scores = self.plover_scores.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "acled": acled,
                "cameo": cameo,
                "plover": plover,
            }
        )
        if about is not UNSET:
            field_dict["about"] = about
        if plover_quads is not UNSET:
            field_dict["plover_quads"] = plover_quads
        if plover_scores is not UNSET:
            field_dict["plover_scores"] = plover_scores

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_mapping_plover_quads import EventMappingPloverQuads  # noqa: PLC0415
        from ..models.event_mapping_plover_scores import EventMappingPloverScores  # noqa: PLC0415
        from ..models.event_mapping_rule import EventMappingRule  # noqa: PLC0415

        d = dict(src_dict)
        acled = []
        _acled = d.pop("acled")
        for acled_item_data in _acled:
            acled_item = EventMappingRule.from_dict(acled_item_data)

            acled.append(acled_item)

        cameo = []
        _cameo = d.pop("cameo")
        for cameo_item_data in _cameo:
            cameo_item = EventMappingRule.from_dict(cameo_item_data)

            cameo.append(cameo_item)

        plover = []
        _plover = d.pop("plover")
        for plover_item_data in _plover:
            plover_item = EventMappingRule.from_dict(plover_item_data)

            plover.append(plover_item)

        about = cast(list[str], d.pop("about", UNSET))

        _plover_quads = d.pop("plover_quads", UNSET)
        plover_quads: EventMappingPloverQuads | Unset
        if isinstance(_plover_quads, Unset):
            plover_quads = UNSET
        else:
            plover_quads = EventMappingPloverQuads.from_dict(_plover_quads)

        _plover_scores = d.pop("plover_scores", UNSET)
        plover_scores: EventMappingPloverScores | Unset
        if isinstance(_plover_scores, Unset):
            plover_scores = UNSET
        else:
            plover_scores = EventMappingPloverScores.from_dict(_plover_scores)

        event_mapping = cls(
            acled=acled,
            cameo=cameo,
            plover=plover,
            about=about,
            plover_quads=plover_quads,
            plover_scores=plover_scores,
        )

        return event_mapping
