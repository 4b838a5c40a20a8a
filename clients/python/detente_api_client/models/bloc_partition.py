from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bloc_partition_method import BlocPartitionMethod
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bloc import Bloc


T = TypeVar("T", bound="BlocPartition")


@_attrs_define
class BlocPartition:
    """
    Attributes:
        actors (int):
        as_of (str): The day analysed (YYYY-MM-DD), or all: every tie, whenever valid. Example: 2025-04-12.
        blocs (list[Bloc]):
        count (int): Blocs in all; blocs lists a page of them.
        frustration (float): signed: the criterion the blocs minimise, hostile pairs inside a bloc plus cooperative
            pairs between blocs (their |net| weight when weighted); louvain: 0. Example: 3.
        method (BlocPartitionMethod): How the blocs were found: signed (allies together, enemies apart) or louvain
            (communities of the cooperative ties). Example: signed.
        modularity (float): Newman-Girvan modularity of the partition.
        resolution (float):
        version (int):
        weighted (bool):
        k (int | Unset): signed: the number of blocs, given or chosen by the criterion. Example: 2.
        next_cursor (str | Unset): Pass as cursor to get the next page of blocs; absent on the last page. Bloc ids are
            positions in one answer: after a write the cursor is refused (400) and paging starts again.
        signed_modularity (float | Unset): signed only: the partition's signed modularity (Gómez, Jensen and Arenas
            2009; Traag and Bruggeman 2009) at the resolution, on the signed pairs (|net| weight when weighted, else 1): Q =
            (2w+ Q+ − 2w− Q−)/(2w+ + 2w−), Q± the modularity of the allied and of the hostile pairs under the same blocs and
            2w± their total weights; high when allies share blocs and enemies do not. The quality leidenalg gives the same
            partition on a positive and a negative layer. Example: 0.43.
    """

    actors: int
    as_of: str
    blocs: list[Bloc]
    count: int
    frustration: float
    method: BlocPartitionMethod
    modularity: float
    resolution: float
    version: int
    weighted: bool
    k: int | Unset = UNSET
    next_cursor: str | Unset = UNSET
    signed_modularity: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actors = self.actors

        as_of = self.as_of

        blocs = []
        for blocs_item_data in self.blocs:
            blocs_item = blocs_item_data.to_dict()
            blocs.append(blocs_item)

        count = self.count

        frustration = self.frustration

        method = self.method.value

        modularity = self.modularity

        resolution = self.resolution

        version = self.version

        weighted = self.weighted

        k = self.k

        next_cursor = self.next_cursor

        signed_modularity = self.signed_modularity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actors": actors,
                "as_of": as_of,
                "blocs": blocs,
                "count": count,
                "frustration": frustration,
                "method": method,
                "modularity": modularity,
                "resolution": resolution,
                "version": version,
                "weighted": weighted,
            }
        )
        if k is not UNSET:
            field_dict["k"] = k
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor
        if signed_modularity is not UNSET:
            field_dict["signed_modularity"] = signed_modularity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bloc import Bloc  # noqa: PLC0415

        d = dict(src_dict)
        actors = d.pop("actors")

        as_of = d.pop("as_of")

        blocs = []
        _blocs = d.pop("blocs")
        for blocs_item_data in _blocs:
            blocs_item = Bloc.from_dict(blocs_item_data)

            blocs.append(blocs_item)

        count = d.pop("count")

        frustration = d.pop("frustration")

        method = BlocPartitionMethod(d.pop("method"))

        modularity = d.pop("modularity")

        resolution = d.pop("resolution")

        version = d.pop("version")

        weighted = d.pop("weighted")

        k = d.pop("k", UNSET)

        next_cursor = d.pop("next_cursor", UNSET)

        signed_modularity = d.pop("signed_modularity", UNSET)

        bloc_partition = cls(
            actors=actors,
            as_of=as_of,
            blocs=blocs,
            count=count,
            frustration=frustration,
            method=method,
            modularity=modularity,
            resolution=resolution,
            version=version,
            weighted=weighted,
            k=k,
            next_cursor=next_cursor,
            signed_modularity=signed_modularity,
        )

        bloc_partition.additional_properties = d
        return bloc_partition

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
