from enum import StrEnum


class KeyPlayersOp(StrEnum):
    FLIP = "flip"
    REMOVE = "remove"

    def __str__(self) -> str:
        return str(self.value)
