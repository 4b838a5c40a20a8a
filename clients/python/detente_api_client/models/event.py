from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Event")


@_attrs_define
class Event:
    """
    Attributes:
        code (str): The event's code as coded: CAMEO, PLOVER type, ACLED event_type. Example: 036.
        date (datetime.date):  Example: 2025-04-05.
        format_ (str): The format it was read as (gdelt, gdelt1, plover, icews, acled). Example: gdelt.
        id (str): The format and the source's own id: "gdelt:1100000001". Example: gdelt:1100000001.
        source_id (str): The source's own event id (GLOBALEVENTID, id, Event ID, event_id_cnty). Example: 1100000001.
        actor1_code (str | Unset):  Example: USAGOV.
        actor1_name (str | Unset):  Example: UNITED STATES.
        actor2_code (str | Unset):  Example: IRNGOV.
        actor2_name (str | Unset):  Example: IRAN.
        mentions (int | Unset):
        quad (int | Unset): QuadClass, 1-4, when coded.
        relationship (str | Unset): The derived relationship the event folded into, when it did. Example: evt-gdelt--
            iran--negotiates_with--united-states--2025-04-05.
        score (float | Unset): Goldstein scale, ICEWS intensity or PLOVER score, -10 to 10, when coded.
        source (str | Unset): The actor the first side resolved to, when it did. Example: united-states.
        sources (int | Unset):
        target (str | Unset): The actor the second side resolved to, when it did. Example: iran.
        text (str | Unset):
        type_ (str | Unset): The relationship type the mapping derives from the code, when it maps. Example:
            negotiates_with.
        url (str | Unset): The source article.
    """

    code: str
    date: datetime.date
    format_: str
    id: str
    source_id: str
    actor1_code: str | Unset = UNSET
    actor1_name: str | Unset = UNSET
    actor2_code: str | Unset = UNSET
    actor2_name: str | Unset = UNSET
    mentions: int | Unset = UNSET
    quad: int | Unset = UNSET
    relationship: str | Unset = UNSET
    score: float | Unset = UNSET
    source: str | Unset = UNSET
    sources: int | Unset = UNSET
    target: str | Unset = UNSET
    text: str | Unset = UNSET
    type_: str | Unset = UNSET
    url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        date = self.date.isoformat()

        format_ = self.format_

        id = self.id

        source_id = self.source_id

        actor1_code = self.actor1_code

        actor1_name = self.actor1_name

        actor2_code = self.actor2_code

        actor2_name = self.actor2_name

        mentions = self.mentions

        quad = self.quad

        relationship = self.relationship

        score = self.score

        source = self.source

        sources = self.sources

        target = self.target

        text = self.text

        type_ = self.type_

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "date": date,
                "format": format_,
                "id": id,
                "source_id": source_id,
            }
        )
        if actor1_code is not UNSET:
            field_dict["actor1_code"] = actor1_code
        if actor1_name is not UNSET:
            field_dict["actor1_name"] = actor1_name
        if actor2_code is not UNSET:
            field_dict["actor2_code"] = actor2_code
        if actor2_name is not UNSET:
            field_dict["actor2_name"] = actor2_name
        if mentions is not UNSET:
            field_dict["mentions"] = mentions
        if quad is not UNSET:
            field_dict["quad"] = quad
        if relationship is not UNSET:
            field_dict["relationship"] = relationship
        if score is not UNSET:
            field_dict["score"] = score
        if source is not UNSET:
            field_dict["source"] = source
        if sources is not UNSET:
            field_dict["sources"] = sources
        if target is not UNSET:
            field_dict["target"] = target
        if text is not UNSET:
            field_dict["text"] = text
        if type_ is not UNSET:
            field_dict["type"] = type_
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        date = datetime.date.fromisoformat(d.pop("date"))

        format_ = d.pop("format")

        id = d.pop("id")

        source_id = d.pop("source_id")

        actor1_code = d.pop("actor1_code", UNSET)

        actor1_name = d.pop("actor1_name", UNSET)

        actor2_code = d.pop("actor2_code", UNSET)

        actor2_name = d.pop("actor2_name", UNSET)

        mentions = d.pop("mentions", UNSET)

        quad = d.pop("quad", UNSET)

        relationship = d.pop("relationship", UNSET)

        score = d.pop("score", UNSET)

        source = d.pop("source", UNSET)

        sources = d.pop("sources", UNSET)

        target = d.pop("target", UNSET)

        text = d.pop("text", UNSET)

        type_ = d.pop("type", UNSET)

        url = d.pop("url", UNSET)

        event = cls(
            code=code,
            date=date,
            format_=format_,
            id=id,
            source_id=source_id,
            actor1_code=actor1_code,
            actor1_name=actor1_name,
            actor2_code=actor2_code,
            actor2_name=actor2_name,
            mentions=mentions,
            quad=quad,
            relationship=relationship,
            score=score,
            source=source,
            sources=sources,
            target=target,
            text=text,
            type_=type_,
            url=url,
        )

        event.additional_properties = d
        return event

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
