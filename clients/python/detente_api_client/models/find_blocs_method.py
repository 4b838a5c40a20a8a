from enum import StrEnum


class FindBlocsMethod(StrEnum):
    LOUVAIN = "louvain"
    SIGNED = "signed"

    def __str__(self) -> str:
        return str(self.value)
