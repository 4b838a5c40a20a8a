from enum import StrEnum


class GetNeighborhoodFormat(StrEnum):
    CYTOSCAPE = "cytoscape"
    D3 = "d3"
    GEXF = "gexf"
    GRAPHML = "graphml"
    GRAPHOLOGY = "graphology"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
