from enum import StrEnum


class ActorCreateKind(StrEnum):
    ARMED_GROUP = "armed_group"
    COMPANY = "company"
    IGO = "igo"
    OTHER = "other"
    PERSON = "person"
    POLITICAL_GROUP = "political_group"
    STATE = "state"

    def __str__(self) -> str:
        return str(self.value)
