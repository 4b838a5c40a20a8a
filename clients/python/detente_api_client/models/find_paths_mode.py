from enum import StrEnum


class FindPathsMode(StrEnum):
    ALL = "all"
    ALL_SHORTEST = "all_shortest"
    K_SHORTEST = "k_shortest"
    SHORTEST = "shortest"
    TEMPORAL = "temporal"

    def __str__(self) -> str:
        return str(self.value)
