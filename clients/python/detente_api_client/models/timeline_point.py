from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.timeline_point_details import TimelinePointDetails
    from ..models.timeline_point_ranks import TimelinePointRanks
    from ..models.timeline_point_values import TimelinePointValues


T = TypeVar("T", bound="TimelinePoint")


@_attrs_define
class TimelinePoint:
    """
    Attributes:
        as_of (datetime.date):  Example: 2020-01-01.
        unchanged (bool): True when no selected tie started or ended since the previous point: the previous answer, not
            computed again.
        details (TimelinePointDetails | Unset): Graph measures: what else the measure reports (balance: triads,
            unbalanced; frustration: lower_bound, exact as 1 or 0; blocs: modularity).
        ranks (TimelinePointRanks | Unset): Actor measures: each followed actor's rank among all actors that day.
        value (float | Unset): Graph measures: the value that day (balance: ratio of balanced triads; frustration: the
            frustration index; blocs: the number of Louvain blocs).
        values (TimelinePointValues | Unset): Actor measures: each followed actor's score that day (an actor with no
            selected tie that day is absent).
    """

    as_of: datetime.date
    unchanged: bool
    details: TimelinePointDetails | Unset = UNSET
    ranks: TimelinePointRanks | Unset = UNSET
    value: float | Unset = UNSET
    values: TimelinePointValues | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        unchanged = self.unchanged

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        ranks: dict[str, Any] | Unset = UNSET
        if not isinstance(self.ranks, Unset):
            ranks = self.ranks.to_dict()

        value = self.value

        values: dict[str, Any] | Unset = UNSET
        if not isinstance(self.values, Unset):
            values = self.values.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "unchanged": unchanged,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details
        if ranks is not UNSET:
            field_dict["ranks"] = ranks
        if value is not UNSET:
            field_dict["value"] = value
        if values is not UNSET:
            field_dict["values"] = values

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_point_details import TimelinePointDetails  # noqa: PLC0415
        from ..models.timeline_point_ranks import TimelinePointRanks  # noqa: PLC0415
        from ..models.timeline_point_values import TimelinePointValues  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        unchanged = d.pop("unchanged")

        _details = d.pop("details", UNSET)
        details: TimelinePointDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = TimelinePointDetails.from_dict(_details)

        _ranks = d.pop("ranks", UNSET)
        ranks: TimelinePointRanks | Unset
        if isinstance(_ranks, Unset):
            ranks = UNSET
        else:
            ranks = TimelinePointRanks.from_dict(_ranks)

        value = d.pop("value", UNSET)

        _values = d.pop("values", UNSET)
        values: TimelinePointValues | Unset
        if isinstance(_values, Unset):
            values = UNSET
        else:
            values = TimelinePointValues.from_dict(_values)

        timeline_point = cls(
            as_of=as_of,
            unchanged=unchanged,
            details=details,
            ranks=ranks,
            value=value,
            values=values,
        )

        timeline_point.additional_properties = d
        return timeline_point

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
