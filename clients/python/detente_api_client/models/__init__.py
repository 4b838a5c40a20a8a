"""Contains all the data models used in inputs/outputs"""

from .actor import Actor
from .actor_attributes import ActorAttributes
from .actor_balance import ActorBalance
from .actor_create import ActorCreate
from .actor_create_attributes import ActorCreateAttributes
from .actor_create_kind import ActorCreateKind
from .actor_influence import ActorInfluence
from .actor_influence_polarity import ActorInfluencePolarity
from .actor_kind import ActorKind
from .actor_list import ActorList
from .actor_patch import ActorPatch
from .actor_patch_attributes import ActorPatchAttributes
from .actor_patch_kind import ActorPatchKind
from .any_value_type_0_type_0 import AnyValueType0Type0
from .any_value_type_1_item_type_0_type_0 import AnyValueType1ItemType0Type0
from .balance import Balance
from .balance_comparison import BalanceComparison
from .batch import Batch
from .batch_actor import BatchActor
from .batch_actor_attributes import BatchActorAttributes
from .batch_actor_kind import BatchActorKind
from .batch_relationship import BatchRelationship
from .batch_relationship_type import BatchRelationshipType
from .batch_relationship_type_polarity import BatchRelationshipTypePolarity
from .bloc import Bloc
from .bloc_comparison import BlocComparison
from .bloc_comparison_base_method import BlocComparisonBaseMethod
from .bloc_comparison_scenario_method import BlocComparisonScenarioMethod
from .bloc_move import BlocMove
from .bloc_partition import BlocPartition
from .bloc_partition_method import BlocPartitionMethod
from .channel_path import ChannelPath
from .channel_path_sign import ChannelPathSign
from .citation import Citation
from .compare_scenario_polarity import CompareScenarioPolarity
from .cytoscape_graph import CytoscapeGraph
from .cytoscape_graph_elements import CytoscapeGraphElements
from .cytoscape_graph_elements_edges_item import CytoscapeGraphElementsEdgesItem
from .cytoscape_graph_elements_edges_item_data import CytoscapeGraphElementsEdgesItemData
from .cytoscape_graph_elements_edges_item_data_sign import CytoscapeGraphElementsEdgesItemDataSign
from .cytoscape_graph_elements_nodes_item import CytoscapeGraphElementsNodesItem
from .cytoscape_graph_elements_nodes_item_data import CytoscapeGraphElementsNodesItemData
from .cytoscape_graph_elements_nodes_item_data_attributes import CytoscapeGraphElementsNodesItemDataAttributes
from .cytoscape_graph_elements_nodes_item_data_kind import CytoscapeGraphElementsNodesItemDataKind
from .cytoscape_graph_elements_nodes_item_position import CytoscapeGraphElementsNodesItemPosition
from .diff import Diff
from .diff_measure import DiffMeasure
from .diff_polarity import DiffPolarity
from .event import Event
from .event_codes import EventCodes
from .event_list import EventList
from .event_mapping import EventMapping
from .event_mapping_plover_quads import EventMappingPloverQuads
from .event_mapping_plover_scores import EventMappingPloverScores
from .event_mapping_rule import EventMappingRule
from .evidence_path import EvidencePath
from .evidence_path_sign import EvidencePathSign
from .excluded_mediator import ExcludedMediator
from .field_error import FieldError
from .find_blocs_method import FindBlocsMethod
from .find_paths_direction import FindPathsDirection
from .find_paths_mode import FindPathsMode
from .find_paths_order import FindPathsOrder
from .frustration import Frustration
from .get_graph_format import GetGraphFormat
from .get_graph_layout import GetGraphLayout
from .get_graph_polarity import GetGraphPolarity
from .get_neighborhood_direction import GetNeighborhoodDirection
from .get_neighborhood_format import GetNeighborhoodFormat
from .get_neighborhood_layout import GetNeighborhoodLayout
from .get_neighborhood_polarity import GetNeighborhoodPolarity
from .graph_json import GraphJSON
from .graph_json_edges_item import GraphJSONEdgesItem
from .graph_json_edges_item_sign import GraphJSONEdgesItemSign
from .graph_json_nodes_item import GraphJSONNodesItem
from .graph_json_nodes_item_attributes import GraphJSONNodesItemAttributes
from .graph_json_nodes_item_kind import GraphJSONNodesItemKind
from .graphology_graph import GraphologyGraph
from .graphology_graph_attributes import GraphologyGraphAttributes
from .graphology_graph_edges_item import GraphologyGraphEdgesItem
from .graphology_graph_edges_item_attributes import GraphologyGraphEdgesItemAttributes
from .graphology_graph_edges_item_attributes_sign import GraphologyGraphEdgesItemAttributesSign
from .graphology_graph_nodes_item import GraphologyGraphNodesItem
from .graphology_graph_nodes_item_attributes import GraphologyGraphNodesItemAttributes
from .graphology_graph_nodes_item_attributes_attributes import GraphologyGraphNodesItemAttributesAttributes
from .graphology_graph_nodes_item_attributes_kind import GraphologyGraphNodesItemAttributesKind
from .graphology_graph_options import GraphologyGraphOptions
from .graphology_graph_options_type import GraphologyGraphOptionsType
from .import_counts import ImportCounts
from .import_result import ImportResult
from .influence import Influence
from .ingest_events_format import IngestEventsFormat
from .ingest_summary import IngestSummary
from .ingest_summary_actors import IngestSummaryActors
from .ingest_tally import IngestTally
from .key_player_item import KeyPlayerItem
from .key_player_pick import KeyPlayerPick
from .key_player_set import KeyPlayerSet
from .key_players import KeyPlayers
from .key_players_kind import KeyPlayersKind
from .key_players_measure import KeyPlayersMeasure
from .key_players_op import KeyPlayersOp
from .key_players_polarity import KeyPlayersPolarity
from .list_actors_kind import ListActorsKind
from .measure_comparison import MeasureComparison
from .mediator import Mediator
from .mediator_channel import MediatorChannel
from .mediator_tie import MediatorTie
from .mediators import Mediators
from .node_link_graph import NodeLinkGraph
from .node_link_graph_graph import NodeLinkGraphGraph
from .node_link_graph_links_item import NodeLinkGraphLinksItem
from .node_link_graph_links_item_sign import NodeLinkGraphLinksItemSign
from .node_link_graph_nodes_item import NodeLinkGraphNodesItem
from .node_link_graph_nodes_item_attributes import NodeLinkGraphNodesItemAttributes
from .node_link_graph_nodes_item_kind import NodeLinkGraphNodesItemKind
from .pair_comparison import PairComparison
from .path import Path
from .path_list import PathList
from .path_relationship import PathRelationship
from .path_relationship_sign import PathRelationshipSign
from .path_sign import PathSign
from .problem import Problem
from .rank_influence_algorithm import RankInfluenceAlgorithm
from .rank_influence_polarity import RankInfluencePolarity
from .ranking import Ranking
from .relationship import Relationship
from .relationship_create import RelationshipCreate
from .relationship_list import RelationshipList
from .relationship_patch import RelationshipPatch
from .relationship_type import RelationshipType
from .relationship_type_create import RelationshipTypeCreate
from .relationship_type_create_polarity import RelationshipTypeCreatePolarity
from .relationship_type_list import RelationshipTypeList
from .relationship_type_polarity import RelationshipTypePolarity
from .scenario import Scenario
from .scenario_change import ScenarioChange
from .scenario_change_op import ScenarioChangeOp
from .scenario_comparison import ScenarioComparison
from .scenario_create import ScenarioCreate
from .scenario_list import ScenarioList
from .scenario_patch import ScenarioPatch
from .scenario_score import ScenarioScore
from .score import Score
from .score_change import ScoreChange
from .signed_influence import SignedInfluence
from .status import Status
from .timeline import Timeline
from .timeline_format import TimelineFormat
from .timeline_measure import TimelineMeasure
from .timeline_point import TimelinePoint
from .timeline_point_details import TimelinePointDetails
from .timeline_point_ranks import TimelinePointRanks
from .timeline_point_values import TimelinePointValues
from .timeline_polarity import TimelinePolarity
from .triad import Triad
from .triad_counts import TriadCounts

__all__ = (
    "Actor",
    "ActorAttributes",
    "ActorBalance",
    "ActorCreate",
    "ActorCreateAttributes",
    "ActorCreateKind",
    "ActorInfluence",
    "ActorInfluencePolarity",
    "ActorKind",
    "ActorList",
    "ActorPatch",
    "ActorPatchAttributes",
    "ActorPatchKind",
    "AnyValueType0Type0",
    "AnyValueType1ItemType0Type0",
    "Balance",
    "BalanceComparison",
    "Batch",
    "BatchActor",
    "BatchActorAttributes",
    "BatchActorKind",
    "BatchRelationship",
    "BatchRelationshipType",
    "BatchRelationshipTypePolarity",
    "Bloc",
    "BlocComparison",
    "BlocComparisonBaseMethod",
    "BlocComparisonScenarioMethod",
    "BlocMove",
    "BlocPartition",
    "BlocPartitionMethod",
    "ChannelPath",
    "ChannelPathSign",
    "Citation",
    "CompareScenarioPolarity",
    "CytoscapeGraph",
    "CytoscapeGraphElements",
    "CytoscapeGraphElementsEdgesItem",
    "CytoscapeGraphElementsEdgesItemData",
    "CytoscapeGraphElementsEdgesItemDataSign",
    "CytoscapeGraphElementsNodesItem",
    "CytoscapeGraphElementsNodesItemData",
    "CytoscapeGraphElementsNodesItemDataAttributes",
    "CytoscapeGraphElementsNodesItemDataKind",
    "CytoscapeGraphElementsNodesItemPosition",
    "Diff",
    "DiffMeasure",
    "DiffPolarity",
    "Event",
    "EventCodes",
    "EventList",
    "EventMapping",
    "EventMappingPloverQuads",
    "EventMappingPloverScores",
    "EventMappingRule",
    "EvidencePath",
    "EvidencePathSign",
    "ExcludedMediator",
    "FieldError",
    "FindBlocsMethod",
    "FindPathsDirection",
    "FindPathsMode",
    "FindPathsOrder",
    "Frustration",
    "GetGraphFormat",
    "GetGraphLayout",
    "GetGraphPolarity",
    "GetNeighborhoodDirection",
    "GetNeighborhoodFormat",
    "GetNeighborhoodLayout",
    "GetNeighborhoodPolarity",
    "GraphJSON",
    "GraphJSONEdgesItem",
    "GraphJSONEdgesItemSign",
    "GraphJSONNodesItem",
    "GraphJSONNodesItemAttributes",
    "GraphJSONNodesItemKind",
    "GraphologyGraph",
    "GraphologyGraphAttributes",
    "GraphologyGraphEdgesItem",
    "GraphologyGraphEdgesItemAttributes",
    "GraphologyGraphEdgesItemAttributesSign",
    "GraphologyGraphNodesItem",
    "GraphologyGraphNodesItemAttributes",
    "GraphologyGraphNodesItemAttributesAttributes",
    "GraphologyGraphNodesItemAttributesKind",
    "GraphologyGraphOptions",
    "GraphologyGraphOptionsType",
    "ImportCounts",
    "ImportResult",
    "Influence",
    "IngestEventsFormat",
    "IngestSummary",
    "IngestSummaryActors",
    "IngestTally",
    "KeyPlayerItem",
    "KeyPlayerPick",
    "KeyPlayers",
    "KeyPlayerSet",
    "KeyPlayersKind",
    "KeyPlayersMeasure",
    "KeyPlayersOp",
    "KeyPlayersPolarity",
    "ListActorsKind",
    "MeasureComparison",
    "Mediator",
    "MediatorChannel",
    "Mediators",
    "MediatorTie",
    "NodeLinkGraph",
    "NodeLinkGraphGraph",
    "NodeLinkGraphLinksItem",
    "NodeLinkGraphLinksItemSign",
    "NodeLinkGraphNodesItem",
    "NodeLinkGraphNodesItemAttributes",
    "NodeLinkGraphNodesItemKind",
    "PairComparison",
    "Path",
    "PathList",
    "PathRelationship",
    "PathRelationshipSign",
    "PathSign",
    "Problem",
    "RankInfluenceAlgorithm",
    "RankInfluencePolarity",
    "Ranking",
    "Relationship",
    "RelationshipCreate",
    "RelationshipList",
    "RelationshipPatch",
    "RelationshipType",
    "RelationshipTypeCreate",
    "RelationshipTypeCreatePolarity",
    "RelationshipTypeList",
    "RelationshipTypePolarity",
    "Scenario",
    "ScenarioChange",
    "ScenarioChangeOp",
    "ScenarioComparison",
    "ScenarioCreate",
    "ScenarioList",
    "ScenarioPatch",
    "ScenarioScore",
    "Score",
    "ScoreChange",
    "SignedInfluence",
    "Status",
    "Timeline",
    "TimelineFormat",
    "TimelineMeasure",
    "TimelinePoint",
    "TimelinePointDetails",
    "TimelinePointRanks",
    "TimelinePointValues",
    "TimelinePolarity",
    "Triad",
    "TriadCounts",
)
