from enum import StrEnum


class GraphologyGraphOptionsType(StrEnum):
    MIXED = "mixed"

    def __str__(self) -> str:
        return str(self.value)
