from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EventMappingRule")


@_attrs_define
class EventMappingRule:
    """
    Attributes:
        code (str): CAMEO code (2-4 digits), PLOVER TYPE or TYPE:mode, ACLED event_type
            or event_type:sub_event_type. Example: 163.
        type_ (str): A registry type, or "" for a code deliberately left unmapped. Example: sanctions.
        why (str): Why the code maps to the type (or is left unmapped). Example: registry: sanctions lists CAMEO 163
            impose embargo, boycott or sanctions.
    """

    code: str
    type_: str
    why: str

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        type_ = self.type_

        why = self.why

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "type": type_,
                "why": why,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        type_ = d.pop("type")

        why = d.pop("why")

        event_mapping_rule = cls(
            code=code,
            type_=type_,
            why=why,
        )

        return event_mapping_rule
