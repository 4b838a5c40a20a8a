from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.influence import Influence
    from ..models.signed_influence import SignedInfluence


T = TypeVar("T", bound="ActorInfluence")


@_attrs_define
class ActorInfluence:
    """
    Attributes:
        actor (str):  Example: iran.
        as_of (str): The day analysed (YYYY-MM-DD), or all: every tie, whenever valid. Example: 2025-04-12.
        attenuation (float): The Katz attenuation each hop of a channel costs (0.5). Example: 0.5.
        influenced_by (list[Influence]): Deprecated: sign-blind reach; read swayed_by and pressured_by. Who reaches the
            actor: personalised PageRank seeded at the actor on the reversed graph.
        influences (list[Influence]): Deprecated: sign-blind reach (a hostile tie counts as influence); read sways and
            pressures. Whom the actor reaches: personalised PageRank seeded at the actor, following ties source -> target.
        max_hops (int): The longest channel counted (max_hops). Example: 3.
        name (str):  Example: Iran.
        pressured_by (list[SignedInfluence]): Who pressures the actor: channels to the actor of cooperative ties ending
            in one conflictual tie on the actor.
        pressures (list[SignedInfluence]): Whom the actor pressures: channels from the actor of cooperative ties ending
            in one conflictual tie.
        structural (bool): Structural (polarity 0) ties were counted as cooperative conduits (only with polarity=all).
        swayed_by (list[SignedInfluence]): Who sways the actor: channels to the actor made only of cooperative ties.
        sways (list[SignedInfluence]): Whom the actor sways: channels from the actor made only of cooperative ties.
        truncated (bool): The channel enumeration hit its bound: scores may be short.
        version (int):
        weighted (bool):
    """

    actor: str
    as_of: str
    attenuation: float
    influenced_by: list[Influence]
    influences: list[Influence]
    max_hops: int
    name: str
    pressured_by: list[SignedInfluence]
    pressures: list[SignedInfluence]
    structural: bool
    swayed_by: list[SignedInfluence]
    sways: list[SignedInfluence]
    truncated: bool
    version: int
    weighted: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        actor = self.actor

        as_of = self.as_of

        attenuation = self.attenuation

        influenced_by = []
        for influenced_by_item_data in self.influenced_by:
            influenced_by_item = influenced_by_item_data.to_dict()
            influenced_by.append(influenced_by_item)

        influences = []
        for influences_item_data in self.influences:
            influences_item = influences_item_data.to_dict()
            influences.append(influences_item)

        max_hops = self.max_hops

        name = self.name

        pressured_by = []
        for pressured_by_item_data in self.pressured_by:
            pressured_by_item = pressured_by_item_data.to_dict()
            pressured_by.append(pressured_by_item)

        pressures = []
        for pressures_item_data in self.pressures:
            pressures_item = pressures_item_data.to_dict()
            pressures.append(pressures_item)

        structural = self.structural

        swayed_by = []
        for swayed_by_item_data in self.swayed_by:
            swayed_by_item = swayed_by_item_data.to_dict()
            swayed_by.append(swayed_by_item)

        sways = []
        for sways_item_data in self.sways:
            sways_item = sways_item_data.to_dict()
            sways.append(sways_item)

        truncated = self.truncated

        version = self.version

        weighted = self.weighted

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "actor": actor,
                "as_of": as_of,
                "attenuation": attenuation,
                "influenced_by": influenced_by,
                "influences": influences,
                "max_hops": max_hops,
                "name": name,
                "pressured_by": pressured_by,
                "pressures": pressures,
                "structural": structural,
                "swayed_by": swayed_by,
                "sways": sways,
                "truncated": truncated,
                "version": version,
                "weighted": weighted,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.influence import Influence  # noqa: PLC0415
        from ..models.signed_influence import SignedInfluence  # noqa: PLC0415

        d = dict(src_dict)
        actor = d.pop("actor")

        as_of = d.pop("as_of")

        attenuation = d.pop("attenuation")

        influenced_by = []
        _influenced_by = d.pop("influenced_by")
        for influenced_by_item_data in _influenced_by:
            influenced_by_item = Influence.from_dict(influenced_by_item_data)

            influenced_by.append(influenced_by_item)

        influences = []
        _influences = d.pop("influences")
        for influences_item_data in _influences:
            influences_item = Influence.from_dict(influences_item_data)

            influences.append(influences_item)

        max_hops = d.pop("max_hops")

        name = d.pop("name")

        pressured_by = []
        _pressured_by = d.pop("pressured_by")
        for pressured_by_item_data in _pressured_by:
            pressured_by_item = SignedInfluence.from_dict(pressured_by_item_data)

            pressured_by.append(pressured_by_item)

        pressures = []
        _pressures = d.pop("pressures")
        for pressures_item_data in _pressures:
            pressures_item = SignedInfluence.from_dict(pressures_item_data)

            pressures.append(pressures_item)

        structural = d.pop("structural")

        swayed_by = []
        _swayed_by = d.pop("swayed_by")
        for swayed_by_item_data in _swayed_by:
            swayed_by_item = SignedInfluence.from_dict(swayed_by_item_data)

            swayed_by.append(swayed_by_item)

        sways = []
        _sways = d.pop("sways")
        for sways_item_data in _sways:
            sways_item = SignedInfluence.from_dict(sways_item_data)

            sways.append(sways_item)

        truncated = d.pop("truncated")

        version = d.pop("version")

        weighted = d.pop("weighted")

        actor_influence = cls(
            actor=actor,
            as_of=as_of,
            attenuation=attenuation,
            influenced_by=influenced_by,
            influences=influences,
            max_hops=max_hops,
            name=name,
            pressured_by=pressured_by,
            pressures=pressures,
            structural=structural,
            swayed_by=swayed_by,
            sways=sways,
            truncated=truncated,
            version=version,
            weighted=weighted,
        )

        actor_influence.additional_properties = d
        return actor_influence

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
