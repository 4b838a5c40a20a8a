from enum import StrEnum


class GetGraphLayout(StrEnum):
    FORCE = "force"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
