from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.relationship import Relationship


T = TypeVar("T", bound="KeyPlayerPick")


@_attrs_define
class KeyPlayerPick:
    """
    Attributes:
        after (float):
        before (float): The measure with the earlier picks, then with this one too.
        cumulative (float): after − base: this pick's and the earlier ones' effect.
        delta (float): after − before: this pick's marginal effect (negative: a reduction).
        id (str): The relationship's id (kind ties) or the actor's (kind actors). Example: iran--sponsors--hezbollah.
        label (str): The actor's name, or the tie as a path reads it. Example: Iran —sponsors→ Hezbollah.
        rank (int):  Example: 1.
        flip_to (str | Unset): op flip: the type the tie takes, the registered type of the opposite sign and the same
            symmetry whose Goldstein score is nearest the negated one. Example: opposes.
        relationship (Relationship | Unset):
    """

    after: float
    before: float
    cumulative: float
    delta: float
    id: str
    label: str
    rank: int
    flip_to: str | Unset = UNSET
    relationship: Relationship | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        after = self.after

        before = self.before

        cumulative = self.cumulative

        delta = self.delta

        id = self.id

        label = self.label

        rank = self.rank

        flip_to = self.flip_to

        relationship: dict[str, Any] | Unset = UNSET
        if not isinstance(self.relationship, Unset):
            relationship = self.relationship.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "after": after,
                "before": before,
                "cumulative": cumulative,
                "delta": delta,
                "id": id,
                "label": label,
                "rank": rank,
            }
        )
        if flip_to is not UNSET:
            field_dict["flip_to"] = flip_to
        if relationship is not UNSET:
            field_dict["relationship"] = relationship

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.relationship import Relationship  # noqa: PLC0415

        d = dict(src_dict)
        after = d.pop("after")

        before = d.pop("before")

        cumulative = d.pop("cumulative")

        delta = d.pop("delta")

        id = d.pop("id")

        label = d.pop("label")

        rank = d.pop("rank")

        flip_to = d.pop("flip_to", UNSET)

        _relationship = d.pop("relationship", UNSET)
        relationship: Relationship | Unset
        if isinstance(_relationship, Unset):
            relationship = UNSET
        else:
            relationship = Relationship.from_dict(_relationship)

        key_player_pick = cls(
            after=after,
            before=before,
            cumulative=cumulative,
            delta=delta,
            id=id,
            label=label,
            rank=rank,
            flip_to=flip_to,
            relationship=relationship,
        )

        key_player_pick.additional_properties = d
        return key_player_pick

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
