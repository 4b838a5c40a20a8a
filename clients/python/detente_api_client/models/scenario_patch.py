from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scenario_change import ScenarioChange


T = TypeVar("T", bound="ScenarioPatch")


@_attrs_define
class ScenarioPatch:
    """
    Attributes:
        base (None | str | Unset):
        changes (list[ScenarioChange] | Unset):
        description (str | Unset):
        name (str | Unset):
    """

    base: None | str | Unset = UNSET
    changes: list[ScenarioChange] | Unset = UNSET
    description: str | Unset = UNSET
    name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        base: None | str | Unset
        if isinstance(self.base, Unset):
            base = UNSET
        else:
            base = self.base

        changes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.changes, Unset):
            changes = []
            for changes_item_data in self.changes:
                changes_item = changes_item_data.to_dict()
                changes.append(changes_item)

        description = self.description

        name = self.name

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if base is not UNSET:
            field_dict["base"] = base
        if changes is not UNSET:
            field_dict["changes"] = changes
        if description is not UNSET:
            field_dict["description"] = description
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scenario_change import ScenarioChange  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_base(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        base = _parse_base(d.pop("base", UNSET))

        _changes = d.pop("changes", UNSET)
        changes: list[ScenarioChange] | Unset = UNSET
        if _changes is not UNSET:
            changes = []
            for changes_item_data in _changes:
                changes_item = ScenarioChange.from_dict(changes_item_data)

                changes.append(changes_item)

        description = d.pop("description", UNSET)

        name = d.pop("name", UNSET)

        scenario_patch = cls(
            base=base,
            changes=changes,
            description=description,
            name=name,
        )

        return scenario_patch
