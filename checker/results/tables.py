"""The results tables read back from the graph, as plain data for claims, charts and pages.

`results_data.py` puts the annex tables into the graph as RDF Data Cube; this module reads
every `qb:DataSet` of the graph back into `StationTable`s (results by polling station and
source) and `PartyTable`s (results by party), keyed by readable id (`obs-xx-2020/annex-2`).
Everything downstream (claims, the chart, the site's results page) computes from these, so
it computes from the graph, not from the CSV files.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import DCTERMS, RDF, RDFS, Graph, URIRef
from rdflib.namespace import QB

from checker.graph.ids import readable
from checker.graph.vocab import EOKB

SOURCE_IDS = {EOKB.PecProtocol: "pec-protocol", EOKB.CecData: "cec-data"}
COLUMN_IDS = {EOKB.InvalidBallots: "invalid", EOKB.BallotsCast: "ballots-cast"}




def column_id(node) -> str:
    return COLUMN_IDS.get(node) or readable(node)


@dataclass
class Station:
    key: str
    number: int
    tec: str
    region: str
    label: str
    source_file: str
    source_line: int  # its row in stations.csv
    report_line: int | None  # its title line in the report's text
    figures: dict[str, dict[str, int]] = field(default_factory=dict)  # source → column → votes

    def has_both(self) -> bool:
        return "pec-protocol" in self.figures and "cec-data" in self.figures

    def total(self, source: str) -> int:
        """Party votes plus invalid ballots (never the ballots-cast column)."""
        return sum(v for c, v in self.figures.get(source, {}).items() if c != "ballots-cast")

    def change(self, column: str) -> int | None:
        """CEC data minus protocol for one column; None without both figures."""
        if not self.has_both():
            return None
        pec, cec = self.figures["pec-protocol"].get(column), self.figures["cec-data"].get(column)
        return None if pec is None or cec is None else cec - pec

    def differs(self) -> bool:
        return self.has_both() and self.figures["pec-protocol"] != self.figures["cec-data"]


@dataclass
class StationTable:
    id: str
    title: str
    election: str
    source_file: str
    columns: list[str]  # party ids in ballot order, then invalid (and ballots-cast)
    stations: list[Station]

    def select(self, region: str | None = None, tec: str | None = None) -> list[Station]:
        return [s for s in self.stations if (region is None or s.region == region) and (tec is None or s.tec == tec)]


@dataclass
class PartyRow:
    party: str
    votes: int
    percent: Decimal | None
    mandates: int | None
    source_line: int


@dataclass
class PartyTable:
    id: str
    title: str
    election: str
    source_file: str
    rows: list[PartyRow]
    total_votes: int | None
    total_percent: Decimal | None
    total_mandates: int | None


def labels(graph: Graph) -> dict[str, str]:
    """A short name for every party and ballot column: the abbreviation, else the name."""
    found = {"invalid": "Invalid", "ballots-cast": "Ballots cast"}
    for party in graph.subjects(RDF.type, EOKB.Party):
        name = graph.value(party, EOKB.abbreviation) or graph.value(party, RDFS.label)
        found[readable(party)] = str(name) if name is not None else readable(party)
    return found


def result_tables(graph: Graph) -> dict[str, StationTable | PartyTable]:
    """Every results table of a report in the graph, by readable id (not a national dataset's,
    which holds only its flagged stations: checker/results/national/)."""
    tables: dict[str, StationTable | PartyTable] = {}
    for dataset in sorted(graph.subjects(RDF.type, QB.DataSet)):
        if graph.value(dataset, EOKB.integerTest) is not None:
            continue
        if graph.value(dataset, EOKB.totalVotes) is not None or graph.value(dataset, EOKB.stationCount) is None:
            tables[readable(dataset)] = _party_table(graph, dataset)
        else:
            tables[readable(dataset)] = _station_table(graph, dataset)
    return tables


def _text(graph: Graph, node, predicate) -> str:
    value = graph.value(node, predicate)
    return "" if value is None else str(value)


def _int(value) -> int | None:
    return None if value is None else int(value.toPython())


def _party_table(graph: Graph, dataset: URIRef) -> PartyTable:
    rows = []
    for obs in graph.subjects(QB.dataSet, dataset):
        percent = graph.value(obs, EOKB.percentOfValidVotes)
        rows.append(PartyRow(readable(graph.value(obs, EOKB.party)), _int(graph.value(obs, EOKB.votes)),
                             None if percent is None else Decimal(str(percent)),
                             _int(graph.value(obs, EOKB.mandates)), _int(graph.value(obs, EOKB.sourceLine)) or 0))
    rows.sort(key=lambda r: r.source_line)
    total_percent = graph.value(dataset, EOKB.totalPercent)
    return PartyTable(readable(dataset), _text(graph, dataset, DCTERMS.title), readable(graph.value(dataset, EOKB.election)),
                      _text(graph, dataset, EOKB.sourceFile), rows, _int(graph.value(dataset, EOKB.totalVotes)),
                      None if total_percent is None else Decimal(str(total_percent)),
                      _int(graph.value(dataset, EOKB.totalMandates)))


def _station_table(graph: Graph, dataset: URIRef) -> StationTable:
    stations: dict[URIRef, Station] = {}
    columns: set[str] = set()
    figures: dict[URIRef, dict[str, dict[str, int]]] = defaultdict(lambda: defaultdict(dict))
    for obs in graph.subjects(QB.dataSet, dataset):
        node = graph.value(obs, EOKB.pollingStation)
        column = column_id(graph.value(obs, EOKB.party))
        columns.add(column)
        figures[node][SOURCE_IDS[graph.value(obs, EOKB.resultSource)]][column] = _int(graph.value(obs, EOKB.votes))
    for node, by_source in figures.items():
        stations[node] = Station(
            key=_text(graph, node, DCTERMS.identifier) or readable(node).rsplit("/station/", 1)[-1],
            number=_int(graph.value(node, EOKB.stationNumber)) or 0,
            tec=_text(graph, node, EOKB.territorialCommission), region=_text(graph, node, EOKB.region),
            label=_text(graph, node, RDFS.label), source_file=_text(graph, node, EOKB.sourceFile),
            source_line=_int(graph.value(node, EOKB.sourceLine)) or 0,
            report_line=_int(graph.value(node, EOKB.firstLine)),
            figures={source: dict(values) for source, values in by_source.items()})
    election = graph.value(dataset, EOKB.election)
    order = _ballot_order(graph, election)
    ordered = sorted(columns, key=lambda c: (c in COLUMN_IDS.values(), order.get(c, 99), c))
    return StationTable(readable(dataset), _text(graph, dataset, DCTERMS.title), readable(election),
                        _text(graph, dataset, EOKB.sourceFile), ordered,
                        sorted(stations.values(), key=lambda s: (s.source_line, s.key)))


def _ballot_order(graph: Graph, election) -> dict[str, int]:
    """Party id → ballot position in the election (elections.yaml `lists`)."""
    order = {}
    for party_list in graph.subjects(EOKB.election, election):
        position = graph.value(party_list, EOKB.ballotPosition)
        if position is not None:
            order[readable(graph.value(party_list, EOKB.party))] = int(position)
    return order
