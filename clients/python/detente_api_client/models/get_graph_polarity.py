from enum import StrEnum


class GetGraphPolarity(StrEnum):
    ALL = "all"
    NEGATIVE = "negative"
    POSITIVE = "positive"
    STRUCTURAL = "structural"

    def __str__(self) -> str:
        return str(self.value)
