from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Citation")


@_attrs_define
class Citation:
    """
    Attributes:
        title (str):  Example: Joint Comprehensive Plan of Action.
        published (datetime.date | Unset): Publication date, YYYY-MM-DD. Example: 2015-07-14.
        quote (str | Unset):
        url (str | Unset): An http or https URL. Example: https://www.state.gov/iran-deal.
    """

    title: str
    published: datetime.date | Unset = UNSET
    quote: str | Unset = UNSET
    url: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        published: str | Unset = UNSET
        if not isinstance(self.published, Unset):
            published = self.published.isoformat()

        quote = self.quote

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if published is not UNSET:
            field_dict["published"] = published
        if quote is not UNSET:
            field_dict["quote"] = quote
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        _published = d.pop("published", UNSET)
        published: datetime.date | Unset
        if isinstance(_published, Unset):
            published = UNSET
        else:
            published = datetime.date.fromisoformat(_published)

        quote = d.pop("quote", UNSET)

        url = d.pop("url", UNSET)

        citation = cls(
            title=title,
            published=published,
            quote=quote,
            url=url,
        )

        return citation
