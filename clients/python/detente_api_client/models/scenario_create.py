from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.scenario_change import ScenarioChange


T = TypeVar("T", bound="ScenarioCreate")


@_attrs_define
class ScenarioCreate:
    """
    Attributes:
        changes (list[ScenarioChange]):
        name (str):  Example: The US lifts the oil sanctions.
        base (str | Unset): The scenario this one stacks on; absent: the graph itself.
        description (str | Unset):
        id (str | Unset): Derived from name when absent. Example: lift-oil-sanctions.
    """

    changes: list[ScenarioChange]
    name: str
    base: str | Unset = UNSET
    description: str | Unset = UNSET
    id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        name = self.name

        base = self.base

        description = self.description

        id = self.id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "changes": changes,
                "name": name,
            }
        )
        if base is not UNSET:
            field_dict["base"] = base
        if description is not UNSET:
            field_dict["description"] = description
        if id is not UNSET:
            field_dict["id"] = id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.scenario_change import ScenarioChange  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = ScenarioChange.from_dict(changes_item_data)

            changes.append(changes_item)

        name = d.pop("name")

        base = d.pop("base", UNSET)

        description = d.pop("description", UNSET)

        id = d.pop("id", UNSET)

        scenario_create = cls(
            changes=changes,
            name=name,
            base=base,
            description=description,
            id=id,
        )

        return scenario_create
