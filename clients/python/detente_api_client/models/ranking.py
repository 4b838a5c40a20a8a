from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.score import Score


T = TypeVar("T", bound="Ranking")


@_attrs_define
class Ranking:
    """
    Attributes:
        actors (int): Actors and relationships (as projected edges) in the analysed graph.
        algorithm (str):  Example: pagerank.
        as_of (str): The day analysed (YYYY-MM-DD), or all: every tie, whenever valid. Example: 2025-04-12.
        converged (bool):
        edges (int):
        results (list[Score]):
        version (int): The graph version the ranking was computed on.
        weighted (bool):
        iterations (int | Unset): Power iterations run (pagerank, eigenvector).
        next_cursor (str | Unset): Pass as cursor to get the next page of the ranking; absent on the last page. A write
            between pages re-ranks: a cursor whose actor has left the ranking is a 400.
        normalized (bool | Unset):
        unranked (list[str] | Unset): With actors=: the asked-for actors that are not in the analysed graph (no selected
            tie).
    """

    actors: int
    algorithm: str
    as_of: str
    converged: bool
    edges: int
    results: list[Score]
    version: int
    weighted: bool
    iterations: int | Unset = UNSET
    next_cursor: str | Unset = UNSET
    normalized: bool | Unset = UNSET
    unranked: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actors = self.actors

        algorithm = self.algorithm

        as_of = self.as_of

        converged = self.converged

        edges = self.edges

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        version = self.version

        weighted = self.weighted

        iterations = self.iterations

        next_cursor = self.next_cursor

        normalized = self.normalized

        unranked: list[str] | Unset = UNSET
        if not isinstance(self.unranked, Unset):
            unranked = self.unranked

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actors": actors,
                "algorithm": algorithm,
                "as_of": as_of,
                "converged": converged,
                "edges": edges,
                "results": results,
                "version": version,
                "weighted": weighted,
            }
        )
        if iterations is not UNSET:
            field_dict["iterations"] = iterations
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if normalized is not UNSET:
            field_dict["normalized"] = normalized
        if unranked is not UNSET:
            field_dict["unranked"] = unranked

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.score import Score  # noqa: PLC0415

        d = dict(src_dict)
        actors = d.pop("actors")

        algorithm = d.pop("algorithm")

        as_of = d.pop("as_of")

        converged = d.pop("converged")

        edges = d.pop("edges")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = Score.from_dict(results_item_data)

            results.append(results_item)

        version = d.pop("version")

        weighted = d.pop("weighted")

        iterations = d.pop("iterations", UNSET)

        next_cursor = d.pop("next_cursor", UNSET)

        normalized = d.pop("normalized", UNSET)

        unranked = cast(list[str], d.pop("unranked", UNSET))

        ranking = cls(
            actors=actors,
            algorithm=algorithm,
            as_of=as_of,
            converged=converged,
            edges=edges,
            results=results,
            version=version,
            weighted=weighted,
            iterations=iterations,
            next_cursor=next_cursor,
            normalized=normalized,
            unranked=unranked,
        )

        ranking.additional_properties = d
        return ranking

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
