from enum import StrEnum


class ScenarioChangeOp(StrEnum):
    ADD_ACTOR = "add_actor"
    ADD_RELATIONSHIP = "add_relationship"
    REMOVE_ACTOR = "remove_actor"
    REMOVE_RELATIONSHIP = "remove_relationship"
    UPDATE_RELATIONSHIP = "update_relationship"

    def __str__(self) -> str:
        return str(self.value)
