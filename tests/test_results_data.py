"""The annex tables in the one graph as RDF Data Cube (checker/results/data.py), and read back
(checker/results/tables.py): shape, provenance, links, and the check against the source text."""

from __future__ import annotations

import shutil
from collections import Counter

import pytest
from rdflib import DCTERMS, PROV, RDF, BNode, Literal, URIRef
from rdflib.namespace import QB

from checker.results.annexes import check_csvs
from checker.graph.ids import ID_BASE
from checker.pipeline import load_and_check
from checker.results.data import PARTY_STRUCTURE, STATION_STRUCTURE
from checker.results.tables import PartyTable, StationTable, result_tables
from checker.graph.vocab import EOKB
from tests.conftest import ROOT

REPORT = ROOT / "findings" / "odihr-kz-2007"
ID = lambda text: URIRef(ID_BASE + text)  # noqa: E731
ANNEX = {n: ID(f"odihr-kz-2007/annex-{n}") for n in (1, 2, 3)}
ELECTION = ID("kz/2007-majilis")


@pytest.fixture(scope="module")
def graph():
    loaded = load_and_check(ROOT)
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    return loaded.graph


def observations(graph, table):
    return list(graph.subjects(QB.dataSet, table))


def test_the_csv_files_equal_the_source_text():
    assert check_csvs(REPORT) == []


def test_one_dataset_per_table_with_its_structure(graph):
    ours = {d for d in graph.subjects(RDF.type, QB.DataSet) if graph.value(d, EOKB.election) == ELECTION}
    assert ours == set(ANNEX.values())  # besides them: the national dataset of ru/2011-duma (issue 15)
    assert graph.value(ANNEX[1], QB.structure) == PARTY_STRUCTURE
    assert graph.value(ANNEX[2], QB.structure) == graph.value(ANNEX[3], QB.structure) == STATION_STRUCTURE
    dimensions = set(graph.objects(None, QB.dimension))
    assert {EOKB.pollingStation, EOKB.party, EOKB.resultSource} <= dimensions
    assert EOKB.votes in set(graph.objects(None, QB.measure))


def test_observation_counts(graph):
    assert len(observations(graph, ANNEX[1])) == 7
    assert len(observations(graph, ANNEX[2])) == 15 * 8 * 2 == 240
    assert len(observations(graph, ANNEX[3])) == 27 * 8 * 2 == 432
    assert graph.value(ANNEX[2], EOKB.stationCount) == Literal(15)
    assert graph.value(ANNEX[3], EOKB.stationCount) == Literal(27)


def test_every_observation_has_each_dimension_once(graph):
    for table in (ANNEX[2], ANNEX[3]):
        for obs in observations(graph, table):
            for dimension in (EOKB.pollingStation, EOKB.party, EOKB.resultSource, EOKB.votes, EOKB.sourceLine):
                assert len(list(graph.objects(obs, dimension))) == 1, (obs, dimension)
        sources = Counter(graph.value(o, EOKB.resultSource) for o in observations(graph, table))
        assert sources[EOKB.PecProtocol] == sources[EOKB.CecData]


def test_parties_are_the_kbs_and_invalid_is_a_code(graph):
    columns = {graph.value(o, EOKB.party) for t in ANNEX.values() for o in observations(graph, t)}
    assert EOKB.InvalidBallots in columns
    for party in columns - {EOKB.InvalidBallots}:
        assert (party, RDF.type, EOKB.Party) in graph, party
    assert len(columns) == 8


def test_stations_are_nodes_with_provenance(graph):
    stations = {s for s in graph.subjects(RDF.type, EOKB.PollingStation) if graph.value(s, EOKB.election) == ELECTION}
    assert len(stations) == 42  # the annexes' (ru/2011-duma's 18 flagged stations are its own)
    ps406 = ID("kz/2007-majilis/station/almaty-city/turksibksiy/ps-406")
    assert ps406 in stations
    assert graph.value(ps406, EOKB.stationNumber) == Literal(406)
    assert str(graph.value(ps406, EOKB.territorialCommission)) == "Turksibksiy TEC"
    assert str(graph.value(ps406, EOKB.region)) == "Almaty City"
    assert graph.value(ps406, EOKB.election) == ELECTION
    assert str(graph.value(ps406, EOKB.sourceFile)) == "findings/odihr-kz-2007/annexes/stations.csv"
    assert graph.value(ps406, EOKB.sourceLine) == Literal(2)  # the row after the header
    assert graph.value(ps406, EOKB.firstLine) == Literal(1981)  # its title line in the report
    for station in stations:
        assert graph.value(station, EOKB.election) == ELECTION
        assert graph.value(station, EOKB.sourceLine) is not None


def test_an_observation_locates_to_its_csv_row(graph):
    obs = ID("odihr-kz-2007/annex-2/almaty-city/turksibksiy/ps-406/cec-data/nur-otan")
    assert graph.value(obs, EOKB.votes) == Literal(1443)
    line = int(graph.value(obs, EOKB.sourceLine))
    row = (REPORT / "annexes" / "annex-2-stations.csv").read_text(encoding="utf-8").split("\n")[line - 1]
    assert row.endswith(",cec-data,kz/party/nur-otan,Nur Otan,1443,\"1,443\",1986")


def test_tables_are_linked_to_election_section_and_citing_findings(graph):
    for n, table in ANNEX.items():
        assert graph.value(table, EOKB.election) == ELECTION
        assert (ELECTION, EOKB.observation, table) in graph
        assert graph.value(table, PROV.wasDerivedFrom) == ID(f"odihr-kz-2007/section/annex-{n}")
    cited = {n: set(graph.objects(table, DCTERMS.isReferencedBy)) for n, table in ANNEX.items()}
    assert ID("odihr-kz-2007/finding/results-decree-before-complaints-decided") in cited[1]
    assert ID("odihr-kz-2007/finding/cec-data-differs-from-observed-protocols") in cited[2]
    assert ID("odihr-kz-2007/finding/cec-data-differs-from-other-protocols") in cited[3]


def test_annex_1_totals_as_printed(graph):
    assert graph.value(ANNEX[1], EOKB.totalVotes) == Literal(5935625)
    assert graph.value(ANNEX[1], EOKB.totalMandates) == Literal(98)


def test_no_blank_nodes(graph):
    assert not [t for t in graph if any(isinstance(term, BNode) for term in t)]


def test_results_read_back(graph):
    tables = result_tables(graph)
    annex_1, annex_2 = tables["odihr-kz-2007/annex-1"], tables["odihr-kz-2007/annex-2"]
    assert isinstance(annex_1, PartyTable) and isinstance(annex_2, StationTable)
    assert [r.party for r in annex_1.rows][:2] == ["kz/party/nur-otan", "kz/party/ansdp"]
    assert annex_2.columns == ["kz/party/ansdp", "kz/party/nur-otan", "kz/party/patriots", "kz/party/auyl",
                               "kz/party/ak-zhol", "kz/party/rukhaniyat", "kz/party/cppk", "invalid"]  # ballot order
    ps406 = annex_2.stations[0]
    assert (ps406.number, ps406.change("kz/party/nur-otan"), ps406.total("pec-protocol")) == (406, 513, 1658)


@pytest.fixture
def kb_copy(tmp_path):
    """A writable copy of the bundled knowledge base (its data folders only)."""
    for folder in ("commitments", "law", "findings", "schemas"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    return tmp_path


def test_a_hand_edited_csv_is_reported_at_its_line(kb_copy):
    path = kb_copy / "findings/odihr-kz-2007/annexes/annex-2-stations.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace(",930,930,", ",931,931,")  # PS 406, PEC protocol, Nur Otan
    path.write_text("\n".join(lines), encoding="utf-8")
    problems = load_and_check(kb_copy).problems
    assert {(p.id, p.pos.path, p.pos.line) for p in problems} == {
        ("KB307", "findings/odihr-kz-2007/annexes/annex-2-stations.csv", 3)}


def test_a_missing_csv_is_reported(kb_copy):
    (kb_copy / "findings/odihr-kz-2007/annexes/stations.csv").unlink()
    problems = load_and_check(kb_copy).problems
    assert [(p.id, p.pos.path) for p in problems] == [("KB307", "findings/odihr-kz-2007/annexes/stations.csv")]
