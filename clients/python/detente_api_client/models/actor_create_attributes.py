from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.any_value_type_0_type_0 import AnyValueType0Type0
    from ..models.any_value_type_1_item_type_0_type_0 import AnyValueType1ItemType0Type0


T = TypeVar("T", bound="ActorCreateAttributes")


@_attrs_define
class ActorCreateAttributes:
    """Free-form JSON object (at most 16384 bytes encoded)."""

    additional_properties: dict[
        str,
        AnyValueType0Type0
        | bool
        | float
        | list[AnyValueType1ItemType0Type0 | bool | float | list[Any] | None | str]
        | None
        | str,
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.any_value_type_0_type_0 import AnyValueType0Type0  # noqa: PLC0415
        from ..models.any_value_type_1_item_type_0_type_0 import AnyValueType1ItemType0Type0  # noqa: PLC0415

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, AnyValueType0Type0):
                field_dict[prop_name] = prop.to_dict()
            elif isinstance(prop, list):
                field_dict[prop_name] = []
                for componentsschemas_any_value_type_1_item_data in prop:
                    componentsschemas_any_value_type_1_item: bool | dict[str, Any] | float | list[Any] | None | str
                    if isinstance(componentsschemas_any_value_type_1_item_data, AnyValueType1ItemType0Type0):
                        componentsschemas_any_value_type_1_item = componentsschemas_any_value_type_1_item_data.to_dict()
                    elif isinstance(componentsschemas_any_value_type_1_item_data, list):
                        componentsschemas_any_value_type_1_item = componentsschemas_any_value_type_1_item_data

                    else:
                        componentsschemas_any_value_type_1_item = componentsschemas_any_value_type_1_item_data
                    field_dict[prop_name].append(componentsschemas_any_value_type_1_item)

            else:
                field_dict[prop_name] = prop

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.any_value_type_0_type_0 import AnyValueType0Type0  # noqa: PLC0415
        from ..models.any_value_type_1_item_type_0_type_0 import AnyValueType1ItemType0Type0  # noqa: PLC0415

        d = dict(src_dict)
        actor_create_attributes = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> (
                AnyValueType0Type0
                | bool
                | float
                | list[AnyValueType1ItemType0Type0 | bool | float | list[Any] | None | str]
                | None
                | str
            ):
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_any_value_type_0_type_0 = AnyValueType0Type0.from_dict(data)

                    return componentsschemas_any_value_type_0_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    componentsschemas_any_value_type_1 = []
                    _componentsschemas_any_value_type_1 = data
                    for componentsschemas_any_value_type_1_item_data in _componentsschemas_any_value_type_1:

                        def _parse_componentsschemas_any_value_type_1_item(
                            data: object,
                        ) -> AnyValueType1ItemType0Type0 | bool | float | list[Any] | None | str:
                            if data is None:
                                return data
                            try:
                                if not isinstance(data, dict):
                                    raise TypeError()
                                componentsschemas_any_value_type_1_item_type_0_type_0 = (
                                    AnyValueType1ItemType0Type0.from_dict(data)
                                )

                                return componentsschemas_any_value_type_1_item_type_0_type_0
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            try:
                                if not isinstance(data, list):
                                    raise TypeError()
                                componentsschemas_any_value_type_1_item_type_1 = cast(list[Any], data)

                                return componentsschemas_any_value_type_1_item_type_1
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            return cast(AnyValueType1ItemType0Type0 | bool | float | list[Any] | None | str, data)

                        componentsschemas_any_value_type_1_item = _parse_componentsschemas_any_value_type_1_item(
                            componentsschemas_any_value_type_1_item_data
                        )

                        componentsschemas_any_value_type_1.append(componentsschemas_any_value_type_1_item)

                    return componentsschemas_any_value_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(
                    AnyValueType0Type0
                    | bool
                    | float
                    | list[AnyValueType1ItemType0Type0 | bool | float | list[Any] | None | str]
                    | None
                    | str,
                    data,
                )

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        actor_create_attributes.additional_properties = additional_properties
        return actor_create_attributes

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(
        self, key: str
    ) -> (
        AnyValueType0Type0
        | bool
        | float
        | list[AnyValueType1ItemType0Type0 | bool | float | list[Any] | None | str]
        | None
        | str
    ):
        return self.additional_properties[key]

    def __setitem__(
        self,
        key: str,
        value: AnyValueType0Type0
        | bool
        | float
        | list[AnyValueType1ItemType0Type0 | bool | float | list[Any] | None | str]
        | None
        | str,
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
