"""Tests for checker.results.annexes: Annexes 1–3 of the ODIHR Kazakhstan 2007 report as data,
read by the report's annexes/layout.yaml.

Line numbers refer to findings/odihr-kz-2007/source.txt (1-based). A fictional report with
another layout: tests/test_annex_layouts.py.
"""

from __future__ import annotations

import csv
import re
import shutil
from decimal import Decimal
from functools import cache
from pathlib import Path

import pytest

from checker.results.annexes import (
    AnnexFormatError,
    AnnexLayout,
    AnnexTotalsError,
    PartyTable,
    StationBlock,
    check_csvs,
    main,
    parse_party_table,
    parse_station_table,
    read_report_folder,
    render_csvs,
    vote_rows,
    write_csvs,
)

ROOT = Path(__file__).resolve().parents[1]
REPORT = ROOT / "findings" / "odihr-kz-2007"
SOURCE = REPORT / "source.txt"
ANNEX_DIR = REPORT / "annexes"
CSV_NAMES = (
    "annex-1-results.csv",
    "annex-1-totals.csv",
    "annex-2-stations.csv",
    "annex-3-stations.csv",
    "stations.csv",
)


@cache
def layout() -> AnnexLayout:
    return read_report_folder(REPORT)[1]


def parse_annex_1(text: str) -> PartyTable:
    return parse_party_table(text, layout(), 1)


def parse_annex_2(text: str) -> list[StationBlock]:
    return parse_station_table(text, layout(), 2)


def parse_annex_3(text: str) -> list[StationBlock]:
    return parse_station_table(text, layout(), 3)


def report_copy(tmp_path: Path, with_csvs: bool) -> Path:
    """A copy of the report folder (its text, metadata and layout; its CSV files if asked) in a
    knowledge base's place, findings/<report>."""
    folder = tmp_path / "findings" / REPORT.name
    (folder / "annexes").mkdir(parents=True)
    for name in ("report.yaml", "source.txt", "annexes/layout.yaml", *(f"annexes/{n}" for n in CSV_NAMES if with_csvs)):
        shutil.copy(REPORT / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def text() -> str:
    return SOURCE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def lines(text: str) -> list[str]:
    return text.split("\n")


@pytest.fixture(scope="module")
def annex_2(text: str) -> list[StationBlock]:
    return parse_annex_2(text)


@pytest.fixture(scope="module")
def annex_3(text: str) -> list[StationBlock]:
    return parse_annex_3(text)


def block(blocks: list[StationBlock], number: int) -> StationBlock:
    found = [b for b in blocks if b.station.number == number]
    assert len(found) == 1, f"PS {number}: {len(found)} blocks"
    return found[0]


def mangle(text: str, line: int, new: str) -> str:
    """The text with line ``line`` (1-based) replaced."""
    parts = text.split("\n")
    parts[line - 1] = new
    return "\n".join(parts)


def read_csv(name: str) -> list[dict[str, str]]:
    with (ANNEX_DIR / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def joined(lines: list[str], first: int, last: int) -> str:
    return " ".join(" ".join(lines[first - 1 : last]).split())


# --------------------------------------------------------------------------- CSVs


def test_shipped_csvs_equal_parser_output() -> None:
    assert check_csvs(REPORT) == []
    expected = render_csvs(SOURCE.read_text(encoding="utf-8"), layout())
    assert list(expected) == list(CSV_NAMES)  # the layout's tables in order, the stations last
    for name in CSV_NAMES:
        assert (ANNEX_DIR / name).read_text(encoding="utf-8") == expected[name], name


def test_the_layout_names_the_tables() -> None:
    tables = [(t.annex, type(t).__name__, t.file, t.section) for t in layout().tables]
    assert tables == [
        (1, "PartyTableLayout", "annex-1-results.csv", "odihr-kz-2007/section/annex-1"),
        (2, "StationTableLayout", "annex-2-stations.csv", "odihr-kz-2007/section/annex-2"),
        (3, "StationTableLayout", "annex-3-stations.csv", "odihr-kz-2007/section/annex-3"),
    ]
    assert layout().table(2).header == "ANSDP Nur Otan Patriots Auyl Ak Zhol Rukhaniyat CPPK Invalid"


def test_write_then_check_round_trip(tmp_path: Path) -> None:
    folder = report_copy(tmp_path, with_csvs=False)
    written = write_csvs(folder)
    assert sorted(p.name for p in written) == sorted(CSV_NAMES)
    for name in CSV_NAMES:
        assert (folder / "annexes" / name).read_bytes() == (ANNEX_DIR / name).read_bytes(), name
    assert main(["check", str(folder)]) == 0


def test_cli_check_fails_on_edited_or_missing_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = report_copy(tmp_path, with_csvs=True)
    assert main(["check", str(folder)]) == 0
    results = folder / "annexes" / "annex-1-results.csv"
    results.write_text(results.read_text(encoding="utf-8").replace("5247720", "5247721"), encoding="utf-8")
    (folder / "annexes" / "stations.csv").unlink()
    assert main(["check", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "annex-1-results.csv:2" in err and "5247721" in err
    assert "stations.csv: missing" in err


def test_cli_refuses_an_invalid_layout_or_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = report_copy(tmp_path, with_csvs=True)
    layout_file = folder / "annexes" / "layout.yaml"
    original = layout_file.read_text(encoding="utf-8")
    layout_file.write_text(original.replace("heading: '^ANNEX (?P<number>", "heading: '^ANNEX (?P<numbr>"),
                           encoding="utf-8")
    assert main(["check", str(folder)]) == 2
    err = capsys.readouterr().err
    assert "findings/odihr-kz-2007/annexes/layout.yaml:" in err and "KB114" in err
    layout_file.write_text(original, encoding="utf-8")
    source = folder / "source.txt"
    source.write_text(mangle(source.read_text(encoding="utf-8"), 1984, "PEC Protocol 614 930 17 "),
                      encoding="utf-8")
    assert main(["check", str(folder)]) == 2
    assert "line 1984: Annex 2: expected 8 numbers after 'PEC Protocol', found 3" in capsys.readouterr().err


def test_csv_row_counts() -> None:
    assert len(read_csv("annex-1-results.csv")) == 7
    assert len(read_csv("annex-1-totals.csv")) == 3
    assert len(read_csv("annex-2-stations.csv")) == 15 * 2 * 8
    assert len(read_csv("annex-3-stations.csv")) == 27 * 2 * 8
    assert len(read_csv("stations.csv")) == 15 + 27


# --------------------------------------------------------------------------- Annex 1


def test_annex_1_nur_otan(text: str) -> None:
    row = parse_annex_1(text).by_party("kz/party/nur-otan")
    assert (row.party_label, row.valid_votes, row.percent, row.mandates) == (
        "Nur Otan", 5_247_720, Decimal("88.41"), 98)
    assert row.source_line == 1952


def test_annex_1_rows_and_party_ids(text: str) -> None:
    table = parse_annex_1(text)
    assert [(r.party_label, r.party_id, r.source_line) for r in table] == [
        ("Nur Otan", "kz/party/nur-otan", 1952),
        ("ANSDP", "kz/party/ansdp", 1953),
        ("Ak Zhol", "kz/party/ak-zhol", 1954),
        ("Auyl", "kz/party/auyl", 1956),
        ("CPPK", "kz/party/cppk", 1957),
        ("PPK", "kz/party/patriots", 1958),
        ("Rukhaniyat", "kz/party/rukhaniyat", 1960),
    ]
    assert [r.valid_votes for r in table] == sorted((r.valid_votes for r in table), reverse=True)


def test_annex_1_totals(text: str) -> None:
    total = parse_annex_1(text).total
    assert total.source_line == 1961
    assert total.valid_votes == total.votes_sum == 5_935_625
    assert total.mandates == total.mandates_sum == 98
    # The printed 100% is not the sum of the rounded party percentages.
    assert total.percent == Decimal("100")
    assert total.percent_sum == Decimal("99.99")
    totals = {row["figure"]: row for row in read_csv("annex-1-totals.csv")}
    assert totals["percent"]["printed"] == "100"
    assert totals["percent"]["sum_of_party_rows"] == "99.99"
    assert totals["valid_votes"]["difference"] == "0"


def test_annex_1_total_votes_mismatch_is_reported(text: str) -> None:
    with pytest.raises(AnnexTotalsError) as info:
        parse_annex_1(mangle(text, 1961, "Total 5,935,525 100% 98 "))
    message = str(info.value)
    assert info.value.line == 1961
    assert "5,935,525" in message and "5,935,625" in message and "-100" in message


def test_annex_1_mandates_mismatch_is_reported(text: str) -> None:
    with pytest.raises(AnnexTotalsError, match=r"mandates: Total row says 97, party rows add up to 98"):
        parse_annex_1(mangle(text, 1961, "Total 5,935,625 100% 97 "))


def test_annex_1_percentage_must_match_votes(text: str) -> None:
    with pytest.raises(AnnexTotalsError, match=r"ANSDP \(line 1953\): printed 4.55%"):
        parse_annex_1(mangle(text, 1953, "ANSDP 269,310  4.55% 0 "))


# --------------------------------------------------------------------------- Annexes 2 and 3: shape


def test_station_counts(annex_2: list[StationBlock], annex_3: list[StationBlock]) -> None:
    assert len(annex_2) == 15
    assert len(annex_3) == 27
    assert len(vote_rows(annex_2)) == 240
    assert len(vote_rows(annex_3)) == 432
    keys = [b.station.key for b in [*annex_2, *annex_3]]
    assert len(set(keys)) == len(keys)


def test_every_row_points_at_its_source_line(
    lines: list[str], annex_2: list[StationBlock], annex_3: list[StationBlock]
) -> None:
    for b in [*annex_2, *annex_3]:
        assert str(b.station.number) in lines[b.station.title_line - 1]
        assert lines[b.protocol.source_line - 1].startswith("PEC Protocol ")
        assert lines[b.published.source_line - 1].startswith("CEC Data ")
        assert b.published.source_line == b.protocol.source_line + 2
        assert lines[b.protocol.source_line - 1].split()[-8:] == list(b.protocol.printed)
        assert lines[b.published.source_line - 1].split()[-8:] == list(b.published.printed)
        assert [r.source for r in b.results] == ["pec-protocol", "cec-data"]
    for row in vote_rows([*annex_2, *annex_3]):
        assert row.votes_printed in lines[row.source_line - 1].split()


def test_ps_406_turksibksiy(annex_2: list[StationBlock]) -> None:
    b = block(annex_2, 406)
    assert b.station.tec == "Turksibksiy TEC"  # sic
    assert b.station.region == "Almaty City"
    assert b.station.key == "almaty-city/turksibksiy/ps-406"
    assert b.protocol["kz/party/ansdp"] == 614 and b.published["ANSDP"] == 101
    assert b.protocol.source_line == 1984 and b.published.source_line == 1986
    assert b.published.printed[1] == "1,443" and b.published["Nur Otan"] == 1443


def test_ps_363_sarysuskiy(annex_2: list[StationBlock]) -> None:
    b = block(annex_2, 363)
    assert b.station.tec == "Sarysuskiy TEC" and b.station.region == "Zhambyl Region"
    assert b.change("kz/party/nur-otan") == -3
    assert b.change("kz/party/ansdp") == +27


def test_annex_2_title_variants(annex_2: list[StationBlock]) -> None:
    rudniy = block(annex_2, 129)  # no "TEC", title line starts with a space (page break)
    assert (rudniy.station.tec, rudniy.station.region, rudniy.station.title_line) == (
        "Rudniy City", "Kostanai Region", 2043)
    uralsk = block(annex_2, 460)
    assert uralsk.station.region_printed == "West Kazakhstan"
    assert uralsk.station.region == "West Kazakhstan Region"
    assert block(annex_2, 175).station.tec == "Astrakhanskiy TEC"  # "TEC, (Akmola Region)"


def test_annex_3_unseparated_thousands(annex_3: list[StationBlock]) -> None:
    ps295, ps565 = block(annex_3, 295), block(annex_3, 565)
    assert (ps295.protocol["Nur Otan"], ps295.protocol.printed[1], ps295.protocol.source_line) == (1513, "1513", 2156)
    assert (ps295.published["Nur Otan"], ps295.published.printed[1], ps295.published.source_line) == (1660, "1660", 2158)
    assert (ps565.protocol["Nur Otan"], ps565.protocol.printed[1], ps565.protocol.source_line) == (1459, "1459", 2190)
    assert (ps565.published["Nur Otan"], ps565.published.printed[1]) == (1459, "1459")
    assert block(annex_3, 294).protocol.printed[1] == "1,024"


def test_annex_3_layouts(annex_3: list[StationBlock]) -> None:
    title_line = [b.station.number for b in annex_3 if b.station.layout == "title-line"]
    assert title_line == [595, 498, 907, 910, 914, 294]
    labels = [b.station.title for b in annex_3 if b.station.layout == "label-in-header"]
    assert labels[:2] == ["PS 276", "PEC 295"]
    assert len(labels) == 21
    ps294 = block(annex_3, 294)
    assert (ps294.station.tec, ps294.station.region) == ("", "Kyzylorda Region")
    assert ps294.station.key == "kyzylorda-region/no-tec/ps-294"


def test_annex_3_inherited_tec_and_region(annex_3: list[StationBlock]) -> None:
    for number in (276, 295):
        s = block(annex_3, number).station
        assert (s.tec, s.region, s.tec_line, s.region_line) == (
            "Khromtauskiy TEC", "Aktobe Region", 2143, 2143)
    for number in (537, 554, 563, 565, 528, 551):
        s = block(annex_3, number).station
        assert (s.tec, s.region, s.tec_line, s.region_line) == (
            "Kostanaiskiy District TEC", "Kostanai Region", 2160, 2160)


def test_manghystau_sub_headings(annex_3: list[StationBlock]) -> None:
    expected = {
        24: ("Aktau City TEC", 2215), 25: ("Aktau City TEC", 2215),
        31: ("Aktau City TEC", 2215), 45: ("Aktau City TEC", 2215),
        75: ("Zhanaozen City TEC", 2238), 79: ("Zhanaozen City TEC", 2238),
        150: ("Zhanaozen City TEC", 2238),
        104: ("Karakiyanskiy District TEC", 2258), 105: ("Karakiyanskiy District TEC", 2258),
        168: ("Munaylinskiy District TEC", 2275),
        128: ("Tupkaraganskiy District TEC", 2283), 135: ("Tupkaraganskiy District TEC", 2283),
        153: ("Tupkaraganskiy District TEC", 2283),
    }
    manghystau = [b for b in annex_3 if b.station.region == "Manghystau Region"]
    assert sorted(b.station.number for b in manghystau) == sorted(expected)
    for b in manghystau:
        assert (b.station.tec, b.station.tec_line) == expected[b.station.number]
        assert b.station.region_line == 2209
        assert b.station.region_printed == "Manghystau region"
    # Annex 2's "Tupkaraganskiy TEC" and Annex 3's "Tupkaraganskiy District TEC" share a key prefix.
    assert block(annex_3, 128).station.key == "manghystau-region/tupkaraganskiy/ps-128"


def test_annex_3_ps_45_page_break_header(annex_3: list[StationBlock], lines: list[str]) -> None:
    assert lines[2233 - 1].startswith(" PEC 45")
    b = block(annex_3, 45)
    assert b.station.title_line == 2233
    assert b.protocol.votes == (19, 578, 6, 15, 72, 9, 9, 33)
    assert b.published.votes == (2, 794, 0, 0, 3, 0, 6, 1)


# --------------------------------------------------------------------------- malformed input


@pytest.mark.parametrize(
    ("parser", "line", "new", "pattern"),
    [
        (parse_annex_2, 1984, "PEC Protocol 614 930 17 14 2 11 21 ", r"^line 1984: Annex 2: expected 8 numbers after 'PEC Protocol', found 7"),
        (parse_annex_2, 1981, "Polling station , Turksibksiy TEC (Almaty City): ", r"^line 1981: Annex 2: expected 'Polling station <number>"),
        (parse_annex_2, 1986, " ", r"^line 1988: Annex 2: new station block before the block opened at line 1981"),
        (parse_annex_2, 2042, "CEC Data 5 635 2 10 4 15 2 x32 ", r"^line 2042: Annex 2: 'x32' is not a vote count"),
        (parse_annex_3, 2217, "PEC ANSDP Nur Otan Patriots Auyl Ak Zhol Rukhaniyat CPPK Invalid ", r"^line 2217: Annex 3: station label 'PEC' is not"),
        (parse_annex_3, 2156, "PEC Protocol 210 1,5013 5 3 7 6 5 42 ", r"^line 2156: Annex 3: '1,5013' is not a vote count"),
        (parse_annex_3, 2209, "A relatively large number of protocols were received, many ", r"^line 2215: Annex 3: TEC sub-heading without a region sentence"),
        (parse_annex_3, 2143, "The result protocols of 19 polling stations ", r"^line 2149: Annex 3: station label without a preceding TEC and region"),
        (parse_annex_3, 2298, "PEC 153 ANSDP Nur Otan Patriots Auyl Zhol Rukhaniyat CPPK Invalid ", r"^line 2298: Annex 3: column header is not"),
        (parse_annex_1, 1954, "Ak Zhol 183,346 3.09% ", r"^line 1954: Annex 1: expected '<party> <valid votes> <percent>% <mandates>'"),
        (parse_annex_1, 1957, "CPK 76,799 1.29% 0 ", r"^line 1957: Annex 1: unknown party label 'CPK'"),
    ],
)
def test_mangled_rows_raise_with_line_number(text: str, parser, line: int, new: str, pattern: str) -> None:
    with pytest.raises(AnnexFormatError, match=pattern):
        parser(mangle(text, line, new))


def test_mangled_row_error_carries_line_attribute(text: str) -> None:
    with pytest.raises(AnnexFormatError) as info:
        parse_annex_3(mangle(text, 2299, "PEC Protocol 461 1,369 30 114 391 18 62 "))
    assert info.value.line == 2299 and info.value.annex == 3


def test_missing_heading_is_reported(text: str) -> None:
    with pytest.raises(AnnexFormatError, match=r"^source: Annex 2: no heading of this annex"):
        parse_annex_2(mangle(text, 1969, "ANNEX"))


# --------------------------------------------------------------------------- the report's own claims


def test_annex_2_all_but_one_change_increases_nur_otan(annex_2: list[StationBlock], lines: list[str]) -> None:
    """L1708–1711: "in 15 cases …" and "In all but one case, the changes increase the
    number of Nur Otan votes"; the exception is PS 363 (Sarysuskiy)."""
    claim = joined(lines, 1708, 1711)
    assert "in 15 cases" in claim and "In all but one case, the changes increase the number of Nur Otan votes" in claim
    assert len(annex_2) == 15
    not_increased = [b.station.key for b in annex_2 if b.change("kz/party/nur-otan") <= 0]
    assert not_increased == ["zhambyl-region/sarysuskiy/ps-363"]


def test_annex_2_ps_811_matches_footnote_77_and_83(annex_2: list[StationBlock], lines: list[str]) -> None:
    fn77 = joined(lines, 1507, 1516)
    assert "Nur Otan received 1,049 votes, the ANSDP and Ak Zhol each received 85 votes, and there were 118 invalid ballots" in fn77
    assert "Nur Otan received 1,354 votes while the two other parties received 5 votes each, with only 3 invalid ballots" in fn77
    b = block(annex_2, 811)
    assert (b.protocol["Nur Otan"], b.protocol["ANSDP"], b.protocol["Ak Zhol"], b.protocol["invalid"]) == (1049, 85, 85, 118)
    assert (b.published["Nur Otan"], b.published["ANSDP"], b.published["Ak Zhol"], b.published["invalid"]) == (1354, 5, 5, 3)
    # fn 83 (L1584): "In Almaty region PS 811, of the 1,400 registered voters, all 1,400 voted."
    assert "PS 811, of the 1,400 registered voters, all 1,400 voted" in joined(lines, 1583, 1585)
    assert sum(b.protocol.votes) == sum(b.published.votes) == 1400


def test_annex_3_ps_45_three_versions(annex_3: list[StationBlock], lines: list[str]) -> None:
    """fn 80 (L1528–1530): the observed count and the protocol differ; Annex 3's
    'PEC Protocol' row is that altered protocol, and the CEC data alter it again."""
    fn80 = joined(lines, 1528, 1530)
    triples = [tuple(map(int, t)) for t in re.findall(r"ANSDP (\d+), Nur Otan (\d+), Ak Zhol (\d+)", fn80)]
    assert triples == [(69, 472, 128), (19, 578, 72)]
    observed, protocol = triples
    b = block(annex_3, 45)
    pick = ("ANSDP", "Nur Otan", "Ak Zhol")
    assert tuple(b.protocol[c] for c in pick) == protocol
    cec = tuple(b.published[c] for c in pick)
    assert cec == (2, 794, 3)
    assert len({observed, protocol, cec}) == 3


def _listed_numbers(lines: list[str], first: int, last: int, opener: str) -> set[int]:
    text = joined(lines, first, last)
    inside = text.split(opener, 1)[1].split(")", 1)[0]
    return {int(n) for n in re.findall(r"\d+", inside)}


def test_annex_3_examples_are_among_listed_stations(annex_3: list[StationBlock], lines: list[str]) -> None:
    khromtau = _listed_numbers(lines, 2143, 2146, "(PS ")
    assert len(khromtau) == 7
    kostanai = _listed_numbers(lines, 2160, 2165, "(PS: ")
    assert len(kostanai) == 19
    karakiyan = _listed_numbers(lines, 2260, 2261, "(PS ")
    assert len(karakiyan) == 6
    for b in annex_3:
        listed = {"Khromtauskiy TEC": khromtau, "Kostanaiskiy District TEC": kostanai,
                  "Karakiyanskiy District TEC": karakiyan}.get(b.station.tec)
        if listed is not None:
            assert b.station.number in listed, b.station.key


def test_annex_3_kostanaiskiy_claims(annex_3: list[StationBlock]) -> None:
    """L2163–2165: in all 19 stations the CEC data give the ANSDP fewer votes;
    L2179: Auyl up in 11 of 19; L2194: Nur Otan up in five (the examples shown agree)."""
    shown = [b for b in annex_3 if b.station.tec == "Kostanaiskiy District TEC"]
    assert [b.station.number for b in shown] == [537, 554, 563, 565, 528, 551]
    assert all(b.change("ANSDP") < 0 for b in shown)
    assert all(block(annex_3, n).change("Auyl") > 0 for n in (563, 565))
    assert all(block(annex_3, n).change("Nur Otan") > 0 for n in (528, 551))
    assert sum(b.change("Auyl") > 0 for b in shown) <= 11
    assert sum(b.change("Nur Otan") > 0 for b in shown) <= 5


def test_manghystau_claim(annex_2: list[StationBlock], annex_3: list[StationBlock]) -> None:
    """L2211–2213: in Manghystau the changes increase Nur Otan and reduce ANSDP and Ak Zhol."""
    manghystau = [b for b in [*annex_2, *annex_3] if b.station.region == "Manghystau Region"]
    assert len(manghystau) == 14
    for b in manghystau:
        assert b.change("Nur Otan") > 0, b.station.key
        assert b.change("ANSDP") < 0, b.station.key
        assert b.change("Ak Zhol") < 0, b.station.key
