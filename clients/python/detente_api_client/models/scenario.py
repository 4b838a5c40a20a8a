from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.field_error import FieldError
    from ..models.scenario_change import ScenarioChange


T = TypeVar("T", bound="Scenario")


@_attrs_define
class Scenario:
    """
    Attributes:
        changes (list[ScenarioChange]):
        created_at (datetime.datetime):
        id (str):  Example: lift-oil-sanctions.
        name (str):  Example: The US lifts the oil sanctions.
        stale (list[FieldError]): Changes that no longer apply because the graph (or a base scenario) changed since they
            were written, each at its path as scenario-id.changes[i]; reads on the scenario leave them out.
        updated_at (datetime.datetime):
        base (str | Unset):
        description (str | Unset):
    """

    changes: list[ScenarioChange]
    created_at: datetime.datetime
    id: str
    name: str
    stale: list[FieldError]
    updated_at: datetime.datetime
    base: str | Unset = UNSET
    description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        created_at = self.created_at.isoformat()

        id = self.id

        name = self.name

        stale = []
        for stale_item_data in self.stale:
            stale_item = stale_item_data.to_dict()
            stale.append(stale_item)

        updated_at = self.updated_at.isoformat()

        base = self.base

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changes": changes,
                "created_at": created_at,
                "id": id,
                "name": name,
                "stale": stale,
                "updated_at": updated_at,
            }
        )
        if base is not UNSET:
            field_dict["base"] = base
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.field_error import FieldError  # noqa: PLC0415
        from ..models.scenario_change import ScenarioChange  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = ScenarioChange.from_dict(changes_item_data)

            changes.append(changes_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        id = d.pop("id")

        name = d.pop("name")

        stale = []
        _stale = d.pop("stale")
        for stale_item_data in _stale:
            stale_item = FieldError.from_dict(stale_item_data)

            stale.append(stale_item)

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        base = d.pop("base", UNSET)

        description = d.pop("description", UNSET)

        scenario = cls(
            changes=changes,
            created_at=created_at,
            id=id,
            name=name,
            stale=stale,
            updated_at=updated_at,
            base=base,
            description=description,
        )

        scenario.additional_properties = d
        return scenario

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
