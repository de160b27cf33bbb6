"""Results data: a report's annex tables (`annexes/*.csv`) in the one graph, as RDF Data Cube.

Build stage, run right after `build_graph` (checker/pipeline.py). The CSV files are the
experts' data, generated from the report's text by the parser of `checker/results/annexes/`
as the report's `annexes/layout.yaml` describes the tables; this stage first checks that they
still equal what the parser reads from the text (KB307), then adds, for each table the layout
names (its annex number, kind and files):

* a `qb:DataSet` per table, `<report>/annex-<n>`, for the report's (first) election
  (`eokb:election`, and `<election> eokb:observation <table>`), derived from the section the
  layout names (`prov:wasDerivedFrom`) and referenced by the findings whose quotations cite it
  as the layout's `cited_as` reads a citation (`dcterms:isReferencedBy`, e.g. "(See Annex 1)");
* a `qb:DataStructureDefinition` per kind of table: results by polling station (dimensions
  polling station, party, source; measure votes) and results by party (dimensions party,
  source; measures votes, percentage, mandates; the printed Total row as attributes);
* a `qb:Observation` per station × column × source, `<report>/annex-<n>/<station key>/<source>/<column>`,
  and per party of a results-by-party table, `<report>/annex-<n>/<party>`. The column is a party of
  elections.yaml or `eokb:InvalidBallots`. An observation's `eokb:sourceLine` is its row in the
  table's `eokb:sourceFile`; `rdf:type qb:Observation` is left implicit (the domain of
  `qb:dataSet`), which keeps national-size tables a third smaller;
* a `eokb:PollingStation` per station, `<election>/station/<station key>`, with its number,
  TEC, region and election, located at its row of the layout's stations file (`eokb:sourceFile`,
  `eokb:sourceLine`), so a rule's result on a station reads `…/stations.csv:12`.
No blank nodes: every IRI is derived from ids.
"""

from __future__ import annotations

import csv
from decimal import Decimal
from pathlib import Path

from rdflib import DCTERMS, PROV, RDF, RDFS, XSD, Graph, Literal, URIRef
from rdflib.namespace import QB

from checker.graph.ids import iri
from checker.graph.vocab import EOKB
from checker.kb.errors import Pos, Problems, relative
from checker.kb.load import KbFile, KnowledgeBase
from checker.results.annexes import (
    AnnexFormatError, AnnexLayout, PartyTableLayout, StationTableLayout, annex_layout, first_difference,
    render_csvs,
)

SOURCES = {"pec-protocol": EOKB.PecProtocol, "cec-data": EOKB.CecData}
NON_PARTY_COLUMNS = {"invalid": EOKB.InvalidBallots, "ballots-cast": EOKB.BallotsCast}
STATION_STRUCTURE = iri("structure/station-results")
PARTY_STRUCTURE = iri("structure/party-results")


def table_iri(report_id: str, annex: int) -> URIRef:
    return iri(f"{report_id}/annex-{annex}")


def station_iri(election_id: str, station_key: str) -> URIRef:
    return iri(f"{election_id}/station/{station_key}")


def column_slug(column: str) -> str:
    """A party id's last segment (`xx/party/blue` → `blue`); `invalid` stays."""
    return column.rsplit("/", 1)[-1]


def add_results_data(kb: KnowledgeBase, graph: Graph) -> Problems:
    """Add the annex tables of every report folder that has an `annexes/layout.yaml`."""
    problems = Problems()
    for report in kb.records("report"):
        folder = kb.root / Path(kb.file_of(report).path).parent
        annexes = folder / "annexes"
        layout_file = _layout_file(kb, report.id)
        if layout_file is None:
            if annexes.is_dir() and any(annexes.glob("*.csv")):
                problems.add("KB307", Pos(relative(annexes, kb.root)), "CSV files without an annexes/layout.yaml "
                             "that says how the report's text prints them")
            continue
        layout = annex_layout(layout_file.top, layout_file.path)
        if _check_against_source(kb, folder / report["source"]["file"], annexes, layout, problems):
            _add_structures(graph)
            _ReportTables(kb, graph, report, annexes, layout, problems).add()
    return problems


def _layout_file(kb: KnowledgeBase, report_id: str) -> KbFile | None:
    return next((f for f in kb.files if f.kind.name == "annex-layout" and f.report_id == report_id), None)


def _check_against_source(kb: KnowledgeBase, source: Path, annexes: Path, layout: AnnexLayout,
                          problems: Problems) -> bool:
    """KB307: the CSV files differ from what the parser reads from the report's text. True if
    they are the same, so the tables can be added."""
    before = len(problems)
    try:
        expected = render_csvs(source.read_text(encoding="utf-8"), layout)
    except AnnexFormatError as error:
        problems.add("KB307", Pos(relative(source, kb.root), error.line or 0),
                     f"the annex tables of the source text do not parse by {layout.path}: {error}")
        return False
    except OSError:
        return False  # a missing source text is reported by the loader (KB303)
    for name, text in expected.items():
        path = annexes / name
        where = relative(path, kb.root)
        if not path.is_file():
            problems.add("KB307", Pos(where), f"{name} is missing")
            continue
        difference = first_difference(text, path.read_text(encoding="utf-8"))
        if difference is not None:
            line, wanted, found = difference
            problems.add("KB307", Pos(where, line), f"the row reads {found!r}; the source text gives {wanted!r}")
    return len(problems) == before


def _rows(path: Path):
    """The rows of a CSV file, each with the line it stands on."""
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        for row in reader:
            yield reader.line_num, row


class _ReportTables:
    """The tables of one report folder, added to the graph as its layout names them."""

    def __init__(self, kb: KnowledgeBase, graph: Graph, report, annexes: Path, layout: AnnexLayout,
                 problems: Problems) -> None:
        self.kb, self.graph, self.report, self.annexes, self.problems = kb, graph, report, annexes, problems
        self.layout = layout
        self.election_id = report["elections"][0]
        self.election = iri(self.election_id)

    def add(self) -> None:
        stations = self._stations(self.layout.stations.file) if self.layout.stations is not None else {}
        for table in self.layout.tables:
            if isinstance(table, PartyTableLayout):
                self._party_table(table)
            else:
                self._station_table(table, stations)

    def rel(self, name: str) -> str:
        return relative(self.annexes / name, self.kb.root)

    def _table(self, layout: PartyTableLayout | StationTableLayout, structure: URIRef) -> URIRef:
        g, annex, table = self.graph, layout.annex, table_iri(self.report.id, layout.annex)
        g.add((table, RDF.type, QB.DataSet))
        g.add((table, QB.structure, structure))
        g.add((table, EOKB.election, self.election))
        g.add((self.election, EOKB.observation, table))
        g.add((table, DCTERMS.source, iri(self.report.id)))
        g.add((table, EOKB.sourceFile, Literal(self.rel(layout.file))))
        g.add((table, EOKB.sourceLine, Literal(1)))
        section = self.kb.index.get(layout.section) if layout.section else None
        if section is not None:
            g.add((table, PROV.wasDerivedFrom, iri(section.id)))
            g.add((table, DCTERMS.title, Literal(f"{section['number']}: {section['title']}")))
        cited_as = self.layout.cited_as
        for finding in self.kb.records("finding") if cited_as is not None else ():
            quoted = " ".join(q["text"] for q in finding.get("quotes") or [])
            cited = {match.group("number") for match in cited_as.finditer(quoted)}
            if self.kb.report_of(finding) == self.report.id and str(annex) in cited:
                g.add((table, DCTERMS.isReferencedBy, iri(finding.id)))
        return table

    def _party(self, party_id: str, name: str, line: int) -> URIRef | None:
        if party_id in NON_PARTY_COLUMNS:
            return NON_PARTY_COLUMNS[party_id]
        record = self.kb.index.get(party_id)
        if record is None or record.kind != "party":
            self.problems.add("KB209", Pos(self.rel(name), line), f"'{party_id}' is not a party of the knowledge base")
            return None
        return iri(party_id)

    def _party_table(self, layout: PartyTableLayout) -> None:
        g, table = self.graph, self._table(layout, PARTY_STRUCTURE)
        for line, row in _rows(self.annexes / layout.file):
            party = self._party(row["party_id"], layout.file, line)
            if party is None:
                continue
            obs = iri(f"{self.report.id}/annex-{layout.annex}/{column_slug(row['party_id'])}")
            g.add((obs, QB.dataSet, table))
            g.add((obs, EOKB.party, party))
            g.add((obs, EOKB.resultSource, EOKB.CecData))
            g.add((obs, EOKB.votes, Literal(int(row["valid_votes"]))))
            g.add((obs, EOKB.percentOfValidVotes, Literal(Decimal(row["percent"]), datatype=XSD.decimal)))
            g.add((obs, EOKB.mandates, Literal(int(row["mandates"]))))
            g.add((obs, EOKB.sourceLine, Literal(line)))
        totals = {"valid_votes": EOKB.totalVotes, "percent": EOKB.totalPercent, "mandates": EOKB.totalMandates}
        for _line, row in _rows(self.annexes / layout.totals_file):
            value = Decimal(row["printed"])
            literal = Literal(value, datatype=XSD.decimal) if row["figure"] == "percent" else Literal(int(value))
            g.add((table, totals[row["figure"]], literal))

    def _stations(self, name: str) -> dict[str, URIRef]:
        g, found = self.graph, {}
        for line, row in _rows(self.annexes / name):
            station = station_iri(self.election_id, row["station_key"])
            found[row["station_key"]] = station
            g.add((station, RDF.type, EOKB.PollingStation))
            g.add((station, DCTERMS.identifier, Literal(row["station_key"])))
            g.add((station, RDFS.label, Literal(row["title"].rstrip(":"))))
            g.add((station, EOKB.stationNumber, Literal(int(row["station_number"]))))
            if row["tec"]:
                g.add((station, EOKB.territorialCommission, Literal(row["tec"])))
            g.add((station, EOKB.region, Literal(row["region"])))
            g.add((station, EOKB.election, self.election))
            g.add((station, PROV.wasDerivedFrom, table_iri(self.report.id, int(row["annex"]))))
            g.add((station, EOKB.firstLine, Literal(int(row["title_line"]))))
            g.add((station, EOKB.sourceFile, Literal(self.rel(name))))
            g.add((station, EOKB.sourceLine, Literal(line)))
        return found

    def _station_table(self, layout: StationTableLayout, stations: dict[str, URIRef]) -> None:
        g, table, name = self.graph, self._table(layout, STATION_STRUCTURE), layout.file
        seen = set()
        for line, row in _rows(self.annexes / name):
            key = row["station_key"]
            party = self._party(row["party_id"], name, line)
            if key not in stations:
                stations_file = self.layout.stations.file if self.layout.stations else "the stations file"
                self.problems.add("KB209", Pos(self.rel(name), line), f"station '{key}' is not in {stations_file}")
            if party is None or key not in stations:
                continue
            seen.add(key)
            obs = iri(f"{self.report.id}/annex-{layout.annex}/{key}/{row['source']}/{column_slug(row['party_id'])}")
            g.add((obs, QB.dataSet, table))
            g.add((obs, EOKB.pollingStation, stations[key]))
            g.add((obs, EOKB.party, party))
            g.add((obs, EOKB.resultSource, SOURCES[row["source"]]))
            g.add((obs, EOKB.votes, Literal(int(row["votes"]))))
            g.add((obs, EOKB.sourceLine, Literal(line)))
        g.add((table, EOKB.stationCount, Literal(len(seen))))


def _add_structures(graph: Graph) -> None:
    """The two data structure definitions, once per graph."""
    station = [("station", QB.dimension, EOKB.pollingStation), ("party", QB.dimension, EOKB.party),
               ("source", QB.dimension, EOKB.resultSource), ("votes", QB.measure, EOKB.votes)]
    party = [("party", QB.dimension, EOKB.party), ("source", QB.dimension, EOKB.resultSource),
             ("votes", QB.measure, EOKB.votes), ("percent", QB.measure, EOKB.percentOfValidVotes),
             ("mandates", QB.measure, EOKB.mandates), ("total-votes", QB.attribute, EOKB.totalVotes),
             ("total-percent", QB.attribute, EOKB.totalPercent),
             ("total-mandates", QB.attribute, EOKB.totalMandates)]
    labels = {STATION_STRUCTURE: "Results by polling station and source", PARTY_STRUCTURE: "Results by party"}
    for structure, components in ((STATION_STRUCTURE, station), (PARTY_STRUCTURE, party)):
        graph.add((structure, RDF.type, QB.DataStructureDefinition))
        graph.add((structure, RDFS.label, Literal(labels[structure], lang="en")))
        for order, (name, kind, prop) in enumerate(components, start=1):
            spec = URIRef(f"{structure}#{name}")
            graph.add((structure, QB.component, spec))
            graph.add((spec, RDF.type, QB.ComponentSpecification))
            graph.add((spec, kind, prop))
            graph.add((spec, QB.order, Literal(order)))
            if kind == QB.attribute:
                graph.add((spec, QB.componentAttachment, QB.DataSet))
