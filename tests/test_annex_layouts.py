"""The annex parser reads another report's tables by that report's layout, without a change of
code: a fictional report (tests/fixtures/annex-layout/findings/obs-xx-2024) whose text prints
its tables unlike the 2007 report's: other headings and end line, an apostrophe between
thousands, party rows as sentences with another total label, station tables with other
columns and party ids, the published row before the protocol row, other titles, labels and
context lines, provinces instead of regions.

Line numbers refer to the fixture's source.txt.
"""

from __future__ import annotations

import shutil
from decimal import Decimal

import pytest
from rdflib import PROV, Literal, URIRef
from rdflib.namespace import QB

from checker.graph.ids import ID_BASE
from checker.graph.vocab import EOKB
from checker.pipeline import load_and_check
from checker.results.annexes import (
    AnnexFormatError, InvalidReportFolder, check_csvs, parse_party_table, parse_station_table, read_report_folder,
)
from checker.results.data import PARTY_STRUCTURE, STATION_STRUCTURE
from checker.results.tables import PartyTable, StationTable, result_tables
from tests.conftest import FIXTURES

REPORT = FIXTURES / "annex-layout" / "findings" / "obs-xx-2024"
ID = lambda text: URIRef(ID_BASE + text)  # noqa: E731


@pytest.fixture(scope="module")
def report():
    return read_report_folder(REPORT)


def mangle(text: str, line: int, new: str) -> str:
    parts = text.split("\n")
    parts[line - 1] = new
    return "\n".join(parts)


def test_its_csv_files_are_what_its_layout_reads():
    assert check_csvs(REPORT) == []
    assert sorted(p.name for p in (REPORT / "annexes").glob("*.csv")) == [
        "stations.csv", "table-4-results.csv", "table-4-totals.csv", "table-5-stations.csv"]


def test_party_rows_as_sentences(report):
    text, layout = report
    table = parse_party_table(text, layout, 4)
    assert [(r.party_label, r.party_id, r.valid_votes, r.percent, r.mandates, r.source_line) for r in table] == [
        ("Red Party", "xx/party/red", 8020, Decimal("34.87"), 20, 14),
        ("Green Party", "xx/party/green", 12345, Decimal("53.67"), 31, 15),
        ("Blue Party", "xx/party/blue", 2635, Decimal("11.46"), 9, 17),
    ]
    assert (table.total.valid_votes, table.total.percent_sum, table.total.source_line) == (23000, Decimal("100.00"), 18)


def test_station_blocks_by_title_and_by_label(report):
    text, layout = report
    blocks = parse_station_table(text, layout, 5)
    stations = [(b.station.key, b.station.layout, b.station.title_line, b.station.tec_line, b.station.region_line)
                for b in blocks]
    assert stations == [
        ("north-province/riverside/ps-12", "title-line", 22, 22, 22),
        ("harbour-capital/harbour/ps-3", "title-line", 27, 27, 27),  # "Capital" kept, no suffix
        ("east-province/none/ps-40", "title-line", 32, None, 32),  # no district: the layout's no_tec
        ("south-province/hilltop/ps-7", "label-in-header", 39, 37, 37),
        ("west-province/lakeside/ps-7", "label-in-header", 46, 45, 43),  # the same number elsewhere
        ("west-province/forest/ps-18", "label-in-header", 51, 50, 43),
    ]
    riverside = blocks[0]
    assert [r.source for r in riverside.results] == ["cec-data", "pec-protocol"]  # as printed
    assert (riverside.published["Green"], riverside.published.printed[1], riverside.protocol["xx/party/green"]) == (
        1020, "1'020", 1028)
    assert riverside.change("invalid") == 0 and riverside.change("Red") == 8
    assert blocks[0].station.region_printed == "North province" and blocks[0].station.region == "North Province"


@pytest.mark.parametrize(("line", "new", "pattern"), [
    (24, "Official result 410 1'0200 35 4", r"^line 24: Annex 5: \"1'0200\" is not a vote count"),
    (25, "Count sheet 402 1'028 35", r"^line 25: Annex 5: expected 4 numbers after 'Count sheet', found 3"),
    (22, "Station No. 12 Riverside", r"^line 22: Annex 5: expected 'Station No. <number> — <district>, <province>'"),
    (43, "The count sheets came from the parties.", r"^line 45: Annex 5: TEC sub-heading without a region"),
    (37, "Stations of the hills:", r"^line 39: Annex 5: station label without a preceding TEC and region"),
    (39, "No. 7 Red Green Blue Spoilt", r"^line 39: Annex 5: station label 'No. 7' is not '#<number>'"),
    (41, "Official result 250 140 10 1", r"^line 41: Annex 5: second 'Official result' row in a block"),
])
def test_a_line_that_does_not_parse_is_named(report, line, new, pattern):
    text, layout = report
    with pytest.raises(AnnexFormatError, match=pattern):
        parse_station_table(mangle(text, line, new), layout, 5)


def test_a_party_table_that_does_not_add_up(report):
    text, layout = report
    with pytest.raises(AnnexFormatError, match=r"^line 18: Annex 4: totals do not add up: mandates: All parties row "
                                               r"says 61, party rows add up to 60"):
        parse_party_table(mangle(text, 18, "All parties: 23'000 votes, 100.00 per cent, 61 seats"), layout, 4)
    with pytest.raises(AnnexFormatError, match=r"^line 15: Annex 4: expected '<party>: <votes> votes"):
        parse_party_table(mangle(text, 15, "Green Party: 12'345 votes, 31 seats"), layout, 4)


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("  - annex: 5\n", "  - annex: 4\n", ("KB115", 39)),  # two tables for one annex
    ("    file: table-5-stations.csv\n", "    file: table-4-results.csv\n", ("KB115", 42)),
    ("      - {label: Blue, party: xx/party/blue}\n", "      - {label: Blue, party: xx/party/red}\n", ("KB115", 46)),
    ("    total_label: All parties\n", "    total_label: Red Party\n", ("KB115", 35)),
    ("      - {label: Count sheet, source: pec-protocol}\n", "      - {label: Count sheet, source: cec-data}\n",
     ("KB115", 49)),
    ("    label:\n      pattern: '^#(?P<number>\\d+)$'        # \"#7 Red Green Blue Spoilt\"\n      shape: \"#<number>\"\n",
     "", ("KB115", 61)),  # a context with no label to use it
    ("      region: '^In (?P<region>[A-Z]\\w+ province),'\n", "", ("KB115", 66)),  # sub-headings never allowed
    ("    table_line: '\\bvotes\\b'", "    table_line: '\\bvotes\\b('", ("KB114", 29)),
    ("  - annex: 5\n", "  - annex: 5\n    parties: [{label: Red, party: xx/party/red}]\n", ("KB115", 40)),
])
def test_a_layout_whose_parts_disagree_is_refused(tmp_path, old, new, expected):
    folder = tmp_path / "findings" / REPORT.name
    shutil.copytree(REPORT, folder)
    layout = folder / "annexes" / "layout.yaml"
    text = layout.read_text(encoding="utf-8")
    assert old in text
    layout.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InvalidReportFolder) as info:
        read_report_folder(folder)
    found = [(p.id, p.pos.line) for p in info.value.problems]
    assert found == [expected], "\n".join(map(str, info.value.problems))


@pytest.fixture(scope="module")
def graph(tmp_path_factory):
    """The small fixture knowledge base with the fictional report's folder added."""
    root = tmp_path_factory.mktemp("kb")
    shutil.copytree(FIXTURES / "kb-small", root, dirs_exist_ok=True)
    shutil.copytree(REPORT, root / "findings" / REPORT.name)
    loaded = load_and_check(root)
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    return loaded.graph


def test_its_tables_enter_the_graph_as_its_layout_names_them(graph):
    table_4, table_5 = ID("obs-xx-2024/annex-4"), ID("obs-xx-2024/annex-5")
    assert graph.value(table_4, QB.structure) == PARTY_STRUCTURE
    assert graph.value(table_5, QB.structure) == STATION_STRUCTURE
    assert graph.value(table_4, PROV.wasDerivedFrom) == ID("obs-xx-2024/section/table-4")
    assert str(graph.value(table_5, EOKB.sourceFile)) == "findings/obs-xx-2024/annexes/table-5-stations.csv"
    assert graph.value(table_5, EOKB.stationCount) == Literal(6)
    assert graph.value(table_4, EOKB.totalVotes) == Literal(23000)
    obs = ID("obs-xx-2024/annex-5/north-province/riverside/ps-12/cec-data/green")
    assert graph.value(obs, EOKB.votes) == Literal(1020)
    assert graph.value(obs, EOKB.resultSource) == EOKB.CecData
    assert graph.value(obs, EOKB.party) == ID("xx/party/green")
    tables = result_tables(graph)
    assert isinstance(tables["obs-xx-2024/annex-4"], PartyTable)
    assert isinstance(tables["obs-xx-2024/annex-5"], StationTable)
    assert len(tables["obs-xx-2024/annex-5"].stations) == 6


def test_a_party_the_knowledge_base_lacks_is_a_reference_error(tmp_path):
    root = tmp_path / "kb"
    shutil.copytree(FIXTURES / "kb-small", root)
    shutil.copytree(REPORT, root / "findings" / REPORT.name)
    elections = root / "findings" / REPORT.name / "elections.yaml"
    elections.write_text(elections.read_text(encoding="utf-8").replace("xx/party/red", "xx/party/crimson"),
                         encoding="utf-8")
    problems = load_and_check(root).problems
    assert {(p.id, p.pos.path) for p in problems} == {("KB202", "findings/obs-xx-2024/annexes/layout.yaml")}
