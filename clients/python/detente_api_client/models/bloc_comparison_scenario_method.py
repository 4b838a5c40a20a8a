from enum import StrEnum


class BlocComparisonScenarioMethod(StrEnum):
    LOUVAIN = "louvain"
    SIGNED = "signed"

    def __str__(self) -> str:
        return str(self.value)
