from enum import StrEnum


class ActorInfluencePolarity(StrEnum):
    ALL = "all"
    NEGATIVE = "negative"
    POSITIVE = "positive"
    SIGNED = "signed"

    def __str__(self) -> str:
        return str(self.value)
