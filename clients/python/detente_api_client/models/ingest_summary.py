from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_counts import ImportCounts
    from ..models.ingest_summary_actors import IngestSummaryActors
    from ..models.ingest_tally import IngestTally


T = TypeVar("T", bound="IngestSummary")


@_attrs_define
class IngestSummary:
    """
    Attributes:
        actors (IngestSummaryActors):
        conflicts (list[str]): Derived ids a relationship not derived from events holds: left alone.
        duplicates (int): Events the store held already, or repeated in the file.
        errors (list[str]): The first 100 malformed rows, each with its line and column.
        events (int): Well-formed events read.
        folded (int):
        new (int): Events the store did not hold, now stored.
        one_sided (int):
        relationships (ImportCounts):
        self_ties (int):
        skipped (int): Malformed rows, skipped (strict=false).
        unmapped (list[IngestTally]):
        unresolved (list[IngestTally]):
        unresolved_total (int):
    """

    actors: IngestSummaryActors
    conflicts: list[str]
    duplicates: int
    errors: list[str]
    events: int
    folded: int
    new: int
    one_sided: int
    relationships: ImportCounts
    self_ties: int
    skipped: int
    unmapped: list[IngestTally]
    unresolved: list[IngestTally]
    unresolved_total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actors = self.actors.to_dict()

        conflicts = self.conflicts

        duplicates = self.duplicates

        errors = self.errors

        events = self.events

        folded = self.folded

        new = self.new

        one_sided = self.one_sided

        relationships = self.relationships.to_dict()

        self_ties = self.self_ties

        skipped = self.skipped

        unmapped = []
        for unmapped_item_data in self.unmapped:
            unmapped_item = unmapped_item_data.to_dict()
            unmapped.append(unmapped_item)

        unresolved = []
        for unresolved_item_data in self.unresolved:
            unresolved_item = unresolved_item_data.to_dict()
            unresolved.append(unresolved_item)

        unresolved_total = self.unresolved_total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actors": actors,
                "conflicts": conflicts,
                "duplicates": duplicates,
                "errors": errors,
                "events": events,
                "folded": folded,
                "new": new,
                "one_sided": one_sided,
                "relationships": relationships,
                "self_ties": self_ties,
                "skipped": skipped,
                "unmapped": unmapped,
                "unresolved": unresolved,
                "unresolved_total": unresolved_total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_counts import ImportCounts  # noqa: PLC0415
        from ..models.ingest_summary_actors import IngestSummaryActors  # noqa: PLC0415
        from ..models.ingest_tally import IngestTally  # noqa: PLC0415

        d = dict(src_dict)
        actors = IngestSummaryActors.from_dict(d.pop("actors"))

        conflicts = cast(list[str], d.pop("conflicts"))

        duplicates = d.pop("duplicates")

        errors = cast(list[str], d.pop("errors"))

        events = d.pop("events")

        folded = d.pop("folded")

        new = d.pop("new")

        one_sided = d.pop("one_sided")

        relationships = ImportCounts.from_dict(d.pop("relationships"))

        self_ties = d.pop("self_ties")

        skipped = d.pop("skipped")

        unmapped = []
        _unmapped = d.pop("unmapped")
        for unmapped_item_data in _unmapped:
            unmapped_item = IngestTally.from_dict(unmapped_item_data)

            unmapped.append(unmapped_item)

        unresolved = []
        _unresolved = d.pop("unresolved")
        for unresolved_item_data in _unresolved:
            unresolved_item = IngestTally.from_dict(unresolved_item_data)

            unresolved.append(unresolved_item)

        unresolved_total = d.pop("unresolved_total")

        ingest_summary = cls(
            actors=actors,
            conflicts=conflicts,
            duplicates=duplicates,
            errors=errors,
            events=events,
            folded=folded,
            new=new,
            one_sided=one_sided,
            relationships=relationships,
            self_ties=self_ties,
            skipped=skipped,
            unmapped=unmapped,
            unresolved=unresolved,
            unresolved_total=unresolved_total,
        )

        ingest_summary.additional_properties = d
        return ingest_summary

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
