from enum import StrEnum


class GetNeighborhoodLayout(StrEnum):
    FORCE = "force"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
