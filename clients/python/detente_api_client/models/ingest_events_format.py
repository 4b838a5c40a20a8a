from enum import StrEnum


class IngestEventsFormat(StrEnum):
    ACLED = "acled"
    AGGREGATE = "aggregate"
    GDELT = "gdelt"
    GDELT1 = "gdelt1"
    ICEWS = "icews"
    PLOVER = "plover"

    def __str__(self) -> str:
        return str(self.value)
