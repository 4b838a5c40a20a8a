from enum import StrEnum


class KeyPlayersMeasure(StrEnum):
    FRUSTRATION = "frustration"
    PRESSURE = "pressure"
    PRESSURED_BY = "pressured_by"
    SEPARATION = "separation"
    SWAY = "sway"
    SWAYED_BY = "swayed_by"

    def __str__(self) -> str:
        return str(self.value)
