from enum import StrEnum


class TimelineFormat(StrEnum):
    GEXF = "gexf"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
