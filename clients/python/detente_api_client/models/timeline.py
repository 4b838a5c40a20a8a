from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.timeline_point import TimelinePoint


T = TypeVar("T", bound="Timeline")


@_attrs_define
class Timeline:
    """
    Attributes:
        from_ (datetime.date):  Example: 2015-01-01.
        measure (str):  Example: pagerank.
        points (list[TimelinePoint]):
        step (str):  Example: 1y.
        to (datetime.date):  Example: 2025-04-12.
        version (int): Graph version the answer was computed on. Example: 42.
        actors (list[str] | Unset): Actor measures: the actors followed. Example: ['iran', 'united-states'].
    """

    from_: datetime.date
    measure: str
    points: list[TimelinePoint]
    step: str
    to: datetime.date
    version: int
    actors: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.isoformat()

        measure = self.measure

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        step = self.step

        to = self.to.isoformat()

        version = self.version

        actors: list[str] | Unset = UNSET
        if not isinstance(self.actors, Unset):
            actors = self.actors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "measure": measure,
                "points": points,
                "step": step,
                "to": to,
                "version": version,
            }
        )
        if actors is not UNSET:
            field_dict["actors"] = actors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.timeline_point import TimelinePoint  # noqa: PLC0415

        d = dict(src_dict)
        from_ = datetime.date.fromisoformat(d.pop("from"))

        measure = d.pop("measure")

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = TimelinePoint.from_dict(points_item_data)

            points.append(points_item)

        step = d.pop("step")

        to = datetime.date.fromisoformat(d.pop("to"))

        version = d.pop("version")

        actors = cast(list[str], d.pop("actors", UNSET))

        timeline = cls(
            from_=from_,
            measure=measure,
            points=points,
            step=step,
            to=to,
            version=version,
            actors=actors,
        )

        timeline.additional_properties = d
        return timeline

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
