"""detente for analysts: the detente API's answers as pandas DataFrames and
NetworkX graphs, every page followed.

    import detente
    c = detente.Client("http://127.0.0.1:8080", api_key="...")
    c.influence().head(); g = c.to_networkx()

The generated client it stands on is detente_api_client (Client.api).
"""

from detente.client import Client, DetenteError, graph_to_networkx

__all__ = ["Client", "DetenteError", "graph_to_networkx"]
