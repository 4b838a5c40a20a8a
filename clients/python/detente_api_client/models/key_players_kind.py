from enum import StrEnum


class KeyPlayersKind(StrEnum):
    ACTORS = "actors"
    TIES = "ties"

    def __str__(self) -> str:
        return str(self.value)
