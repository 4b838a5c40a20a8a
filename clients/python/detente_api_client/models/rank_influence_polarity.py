from enum import StrEnum


class RankInfluencePolarity(StrEnum):
    ALL = "all"
    NEGATIVE = "negative"
    POSITIVE = "positive"
    SIGNED = "signed"

    def __str__(self) -> str:
        return str(self.value)
