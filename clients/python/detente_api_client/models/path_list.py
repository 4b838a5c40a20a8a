from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.path import Path


T = TypeVar("T", bound="PathList")


@_attrs_define
class PathList:
    """
    Attributes:
        as_of (str): The day analysed (YYYY-MM-DD), or all: every tie, a path's ties having coexisted. Example:
            2025-04-12.
        paths (list[Path]):
        truncated (bool): More paths match than limit let through (raise limit, or narrow the query).
    """

    as_of: str
    paths: list[Path]
    truncated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of

        paths = []
        for paths_item_data in self.paths:
            paths_item = paths_item_data.to_dict()
            paths.append(paths_item)

        truncated = self.truncated

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "paths": paths,
                "truncated": truncated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.path import Path  # noqa: PLC0415

        d = dict(src_dict)
        as_of = d.pop("as_of")

        paths = []
        _paths = d.pop("paths")
        for paths_item_data in _paths:
            paths_item = Path.from_dict(paths_item_data)

            paths.append(paths_item)

        truncated = d.pop("truncated")

        path_list = cls(
            as_of=as_of,
            paths=paths,
            truncated=truncated,
        )

        path_list.additional_properties = d
        return path_list

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
