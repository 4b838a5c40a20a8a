from enum import StrEnum


class TimelineMeasure(StrEnum):
    BALANCE = "balance"
    BETWEENNESS = "betweenness"
    BLOCS = "blocs"
    CLOSENESS = "closeness"
    DEGREE = "degree"
    EIGENVECTOR = "eigenvector"
    FRUSTRATION = "frustration"
    IN_DEGREE = "in_degree"
    OUT_DEGREE = "out_degree"
    PAGERANK = "pagerank"
    PN = "pn"
    SIGNED_EIGENVECTOR = "signed_eigenvector"

    def __str__(self) -> str:
        return str(self.value)
