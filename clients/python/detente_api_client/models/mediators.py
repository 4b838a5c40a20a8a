from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.excluded_mediator import ExcludedMediator
    from ..models.mediator import Mediator


T = TypeVar("T", bound="Mediators")


@_attrs_define
class Mediators:
    """
    Attributes:
        as_of (datetime.date): The day analysed: as_of, or the server's analysis date when it was left out (mediators
            weigh active ties, so never all). Example: 2025-04-12.
        between (list[str]):  Example: ['united-states', 'iran'].
        camps (list[int]): Sizes of the two camps: each side and its cooperative neighbours.
        conflict (bool): The two sides have an active conflictual tie.
        direct (bool): The two sides have an active cooperative tie of their own.
        excluded (list[ExcludedMediator]): Disqualified candidates, by id.
        max_hops (int):  Example: 2.
        results (list[Mediator]):
        version (int):
        weighted (bool):
        next_cursor (str | Unset): Pass as cursor to get the next page of results; absent on the last page.
    """

    as_of: datetime.date
    between: list[str]
    camps: list[int]
    conflict: bool
    direct: bool
    excluded: list[ExcludedMediator]
    max_hops: int
    results: list[Mediator]
    version: int
    weighted: bool
    next_cursor: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        between = self.between

        camps = self.camps

        conflict = self.conflict

        direct = self.direct

        excluded = []
        for excluded_item_data in self.excluded:
            excluded_item = excluded_item_data.to_dict()
            excluded.append(excluded_item)

        max_hops = self.max_hops

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        version = self.version

        weighted = self.weighted

        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "between": between,
                "camps": camps,
                "conflict": conflict,
                "direct": direct,
                "excluded": excluded,
                "max_hops": max_hops,
                "results": results,
                "version": version,
                "weighted": weighted,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.excluded_mediator import ExcludedMediator  # noqa: PLC0415
        from ..models.mediator import Mediator  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        between = cast(list[str], d.pop("between"))

        camps = cast(list[int], d.pop("camps"))

        conflict = d.pop("conflict")

        direct = d.pop("direct")

        excluded = []
        _excluded = d.pop("excluded")
        for excluded_item_data in _excluded:
            excluded_item = ExcludedMediator.from_dict(excluded_item_data)

            excluded.append(excluded_item)

        max_hops = d.pop("max_hops")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = Mediator.from_dict(results_item_data)

            results.append(results_item)

        version = d.pop("version")

        weighted = d.pop("weighted")

        next_cursor = d.pop("next_cursor", UNSET)

        mediators = cls(
            as_of=as_of,
            between=between,
            camps=camps,
            conflict=conflict,
            direct=direct,
            excluded=excluded,
            max_hops=max_hops,
            results=results,
            version=version,
            weighted=weighted,
            next_cursor=next_cursor,
        )

        mediators.additional_properties = d
        return mediators

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
