from enum import StrEnum


class FindPathsOrder(StrEnum):
    EARLIEST_ARRIVAL = "earliest_arrival"
    FEWEST_HOPS = "fewest_hops"
    LATEST_DEPARTURE = "latest_departure"

    def __str__(self) -> str:
        return str(self.value)
