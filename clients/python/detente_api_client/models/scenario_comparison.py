from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.balance_comparison import BalanceComparison
    from ..models.bloc_comparison import BlocComparison
    from ..models.measure_comparison import MeasureComparison
    from ..models.pair_comparison import PairComparison


T = TypeVar("T", bound="ScenarioComparison")


@_attrs_define
class ScenarioComparison:
    """
    Attributes:
        as_of (str): The day analysed (YYYY-MM-DD), or all. Example: 2025-04-12.
        measures (list[MeasureComparison]):
        scenario (str):  Example: lift-oil-sanctions.
        weighted (bool):
        balance (BalanceComparison | Unset):
        blocs (BlocComparison | Unset):
        pairs (list[PairComparison] | Unset): One per pair of pairs=, in the order given.
        with_ (str | Unset): What it is compared with: a scenario id, or empty for the graph itself.
    """

    as_of: str
    measures: list[MeasureComparison]
    scenario: str
    weighted: bool
    balance: BalanceComparison | Unset = UNSET
    blocs: BlocComparison | Unset = UNSET
    pairs: list[PairComparison] | Unset = UNSET
    with_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of

        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        scenario = self.scenario

        weighted = self.weighted

        balance: dict[str, Any] | Unset = UNSET
        if not isinstance(self.balance, Unset):
            balance = self.balance.to_dict()

        blocs: dict[str, Any] | Unset = UNSET
        if not isinstance(self.blocs, Unset):
            blocs = self.blocs.to_dict()

        pairs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.pairs, Unset):
            pairs = []
            for pairs_item_data in self.pairs:
                pairs_item = pairs_item_data.to_dict()
                pairs.append(pairs_item)

        with_ = self.with_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "measures": measures,
                "scenario": scenario,
                "weighted": weighted,
            }
        )
        if balance is not UNSET:
            field_dict["balance"] = balance
        if blocs is not UNSET:
            field_dict["blocs"] = blocs
        if pairs is not UNSET:
            field_dict["pairs"] = pairs
        if with_ is not UNSET:
            field_dict["with"] = with_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.balance_comparison import BalanceComparison  # noqa: PLC0415
        from ..models.bloc_comparison import BlocComparison  # noqa: PLC0415
        from ..models.measure_comparison import MeasureComparison  # noqa: PLC0415
        from ..models.pair_comparison import PairComparison  # noqa: PLC0415

        d = dict(src_dict)
        as_of = d.pop("as_of")

        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = MeasureComparison.from_dict(measures_item_data)

            measures.append(measures_item)

        scenario = d.pop("scenario")

        weighted = d.pop("weighted")

        _balance = d.pop("balance", UNSET)
        balance: BalanceComparison | Unset
        if isinstance(_balance, Unset):
            balance = UNSET
        else:
            balance = BalanceComparison.from_dict(_balance)

        _blocs = d.pop("blocs", UNSET)
        blocs: BlocComparison | Unset
        if isinstance(_blocs, Unset):
            blocs = UNSET
        else:
            blocs = BlocComparison.from_dict(_blocs)

        _pairs = d.pop("pairs", UNSET)
        pairs: list[PairComparison] | Unset = UNSET
        if _pairs is not UNSET:
            pairs = []
            for pairs_item_data in _pairs:
                pairs_item = PairComparison.from_dict(pairs_item_data)

                pairs.append(pairs_item)

        with_ = d.pop("with", UNSET)

        scenario_comparison = cls(
            as_of=as_of,
            measures=measures,
            scenario=scenario,
            weighted=weighted,
            balance=balance,
            blocs=blocs,
            pairs=pairs,
            with_=with_,
        )

        scenario_comparison.additional_properties = d
        return scenario_comparison

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
