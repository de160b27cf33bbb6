"""Issue 15: national results datasets (checker/results/national/), on a hand-made extract
(tests/fixtures/kb-results/) and on the shipped 2011 State Duma data."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import math
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from checker.cli import main
from checker.pipeline import load_and_check
from checker.results.national.figures import as_json, compute
from checker.results.national.integers import integer_test, poisson_upper_tail, stations_tested
from checker.results.national.protocol import failures

ROOT = Path(__file__).resolve().parent.parent
EXTRACT = "results/xx-2020-assembly"


@pytest.fixture
def kb_results(tmp_path) -> Path:
    root = tmp_path / "kb-results"
    shutil.copytree(ROOT / "tests/fixtures/kb-results", root)
    return root


def _dataset(root: Path):
    loaded = load_and_check(root)
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    return loaded.datasets["xx/2020-assembly"]


def test_control_relations_name_the_failing_stations_by_their_csv_line(kb_results: Path):
    stations = _dataset(kb_results).stations
    found = {rule: [stations.lines[f.index] for f in fs] for rule, fs in failures(stations).items()}
    assert found == {
        "RES-7.4-boxes-invalid-valid": [4],  # 0 + 300 in the boxes, 5 + 290 counted
        "RES-7.4-valid-party-votes": [5],  # 200 valid, 120 + 90 for the parties
        "RES-7.4-ballots-received": [6],  # 300 received, 10 + 190 + 0 + 90 + 2 - 1 = 291 accounted for
        "RES-7.4-boxes-within-issued": [6],  # 210 in the boxes, 200 issued
    }


def test_integer_percentages_by_hand(kb_results: Path):
    figures = compute(_dataset(kb_results).stations)
    turnout, blue = figures.integers["turnout"], figures.integers["xx/party/blue"]
    # Line 7 has 50 registered: left out. Turnout 550/1000, 150/200, 300/500 are integers;
    # 200/300 and 210/400 are not; expected 100/1000 + 100/200 + 100/500 + 100/300 + 100/400.
    assert (turnout.observed, turnout.stations) == (3, 5)
    assert turnout.expected == pytest.approx(0.1 + 0.5 + 0.2 + 1 / 3 + 0.25)
    # Blue of the ballots in the boxes: 75/150 and 120/200 are integers; gcd(100, 550) = 50,
    # gcd(100, 150) = 50, gcd(100, 300) = 100, gcd(100, 200) = 100, gcd(100, 210) = 10.
    assert blue.observed == 2
    assert blue.expected == pytest.approx(50 / 550 + 50 / 150 + 100 / 300 + 100 / 200 + 10 / 210)
    lam = turnout.expected
    assert turnout.p_value == pytest.approx(1 - math.exp(-lam) * (1 + lam + lam ** 2 / 2))
    assert turnout.ratio == pytest.approx(3 / lam)


@pytest.mark.parametrize("a, b, integer, expected", [
    (1, 2, True, 1.0), (1, 3, False, 1 / 3), (7, 8, False, 4 / 8), (6, 8, True, 4 / 8), (0, 7, True, 1 / 7), (1, 7, False, 1 / 7),
])
def test_one_station_integer_test(a, b, integer, expected):
    test = integer_test([a], [b])
    assert (test.observed, test.expected) == (int(integer), pytest.approx(expected))
    assert test.zeros == (a == 0)


def test_an_excess_made_of_zeros_is_no_signal():
    """A small party: 0 % at most stations is an integer percentage by the test's exact form and
    inflates its ratio; the signal asks that the excess remain with the zeros left out."""
    numerators, denominators = [0] * 60 + [1] * 40, [300] * 100
    test = integer_test(numerators, denominators)
    assert (test.observed, test.zeros, test.nonzero_observed) == (60, 60, 0)
    assert test.expected == pytest.approx(100 * 100 / 300)
    assert test.nonzero_expected == pytest.approx(40 * 100 / 300)
    assert test.p_value < 0.001 and test.nonzero_p_value == 1.0
    assert not test.significant
    steered = integer_test([150] * 100 + [101] * 100, [300] * 200)  # half the stations at 50 %
    assert steered.zeros == 0 and steered.significant


def test_the_duma_signal_is_turnout_and_the_leader_not_the_small_parties_zeros():
    """The 2011 Duma data: every party's exact-form ratio is above 1, the small parties' by their
    zeros; beyond the zeros only turnout and United Russia remain in excess (as Kobak, Shpilkin
    and Pshenichnikov report for turnout and the leader's share)."""
    loaded = load_and_check(ROOT)
    tests = loaded.figures["ru/2011-duma"].integers
    assert all(t.observed > t.expected for t in tests.values())
    assert {key for key, t in tests.items() if t.significant} == {"turnout", "ru/party/united-russia"}


def test_poisson_upper_tail():
    assert poisson_upper_tail(0, 3.0) == 1.0
    assert poisson_upper_tail(1, 2.0) == pytest.approx(1 - math.exp(-2))
    assert poisson_upper_tail(4, 1.0) == pytest.approx(1 - math.exp(-1) * (1 + 1 + 1 / 2 + 1 / 6))
    assert poisson_upper_tail(900, 1000.0) > 0.99
    assert 0 < poisson_upper_tail(1200, 1000.0) < 1e-8


def test_stations_tested_need_100_registered_and_a_ballot():
    assert stations_tested([99, 100, 500], [50, 1, 0]) == [1]


def _rewrite_csv(root: Path, edit) -> None:
    folder = root / EXTRACT
    path = folder / "stations.csv"
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    dataset = folder / "dataset.yaml"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    dataset.write_text(re.sub(r"sha256: [0-9a-f]{64}", f"sha256: {digest}", dataset.read_text(encoding="utf-8")),
                       encoding="utf-8")


@pytest.mark.parametrize("edit, line, words", [
    (lambda t: t.replace("North,C1,2,200,", "North,C1,2,,"), 3, "count of registered-voters is missing"),
    (lambda t: t.replace("North,C1,2,200,", "North,C1,2,2x0,"), 3, "is '2x0', not a whole number"),
    (lambda t: t.replace("North,C1,2,200,", "North,C1,2,-200,"), 3, "not a whole number"),
    (lambda t: t.replace("North,C2,1,", "North,C1,1,"), 4, "already on line 2"),
    (lambda t: t.replace("Green\n", "Green,Red\n", 1), 1, "column 'Red' is not in the dataset's `columns`"),
    (lambda t: t.replace(",lost,", ",lost2,", 1), 1, "maps column 'lost'"),
])
def test_bad_rows_are_kb309_at_their_line(kb_results: Path, edit, line, words):
    _rewrite_csv(kb_results, edit)
    problems = load_and_check(kb_results).problems
    assert [(p.id, p.pos.path, p.pos.line) for p in problems if p.id == "KB309"][:1] == [
        ("KB309", f"{EXTRACT}/stations.csv", line)]
    assert any(words in p.message for p in problems), "\n".join(map(str, problems))


def test_extract_json_has_the_keys_of_the_issue(kb_results: Path):
    data = as_json(compute(_dataset(kb_results).stations), "xx/2020-assembly")
    for key in ("stations", "registered", "ballots_issued", "ballots_in_boxes", "valid", "invalid", "parties",
                "control_relations", "integer_percentages", "regions"):
        assert key in data
    assert set(data["integer_percentages"]) == {"turnout", "xx/party/blue", "xx/party/green"}
    assert set(data["integer_percentages"]["turnout"]) >= {"observed", "expected", "ratio", "p_value"}
    assert [r["region"] for r in data["regions"]] in (["North", "South"], ["South", "North"])


def _csv_sums() -> dict:
    """The shipped file's sums, by the csv module alone (columns by position: ../shared/data/README.md)."""
    archive = zipfile.ZipFile(ROOT / "results/ru-2011-duma/ru-2011-duma-polling-stations.csv.zip")
    with archive.open(archive.namelist()[0]) as raw:
        rows = list(csv.reader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))[1:]
    col = lambda n: sum(int(r[n - 1]) for r in rows)  # noqa: E731 - 1-based, as the README numbers them
    return {"stations": len(rows), "registered": col(4), "ballots_issued": col(6) + col(7) + col(8),
            "ballots_in_boxes": col(10) + col(11), "invalid": col(12), "valid": col(13),
            "parties": [col(n) for n in range(22, 29)]}


def test_shipped_duma_totals_equal_the_csv_sums(capsys):
    assert main(["--kb", str(ROOT), "results", "--election", "ru/2011-duma", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    sums = _csv_sums()
    assert sums["registered"] == 109_229_337  # the Commission's published total
    for key in ("stations", "registered", "ballots_issued", "ballots_in_boxes", "invalid", "valid"):
        assert data[key] == sums[key], key
    assert list(data["parties"].values()) == sums["parties"]
    assert data["signal"]["status"] == "at-risk"
    assert data["integer_percentages"]["turnout"]["ratio"] > 2


# -- the SHACL rules and the columnar path agree (rules/copenhagen-1990-7.4-protocol.ttl) ------

PROTOCOL_RULES = {"RES-7.4-boxes-invalid-valid", "RES-7.4-valid-party-votes", "RES-7.4-ballots-received",
                  "RES-7.4-boxes-within-issued"}


@pytest.fixture(scope="module")
def shapes():
    from checker.judge.rules import load_rules

    graph, rules = load_rules(ROOT)
    assert PROTOCOL_RULES <= {rule.id for rule in rules}
    return graph, {str(rule.shape): rule.id for rule in rules if rule.id in PROTOCOL_RULES}


def _shacl_failures(graph, shapes, engine: str, prefix: str = "") -> set[tuple[str, int]]:
    from rdflib import URIRef

    from checker.graph.vocab import EOKB
    from checker.judge.engines import ENGINES

    shape_graph, ids = shapes
    found = set()
    for result in ENGINES[engine](graph, shape_graph):
        if result.shape in ids and result.focus.removeprefix("https://w3id.org/eokb/id/").startswith(prefix):
            line = graph.value(URIRef(result.focus if "://" in result.focus else "https://w3id.org/eokb/id/"
                                      + result.focus), EOKB.sourceLine)
            found.add((ids[result.shape], int(line)))
    return found


@pytest.mark.parametrize("engine", ["pyshacl", "oxigraph"])
def test_shacl_rules_give_the_columnar_answers_on_the_extract(kb_results: Path, shapes, engine):
    from rdflib import Graph

    from checker.results.national.cube import add_stations

    dataset = _dataset(kb_results)
    stations = dataset.stations
    graph = Graph()
    add_stations(graph, "xx/2020-assembly", {p["id"]: p["name"] for p in dataset.record["parties"]}, stations,
                 list(range(len(stations))))
    columnar = {(rule, stations.lines[f.index]) for rule, fs in failures(stations).items() for f in fs}
    assert columnar == {("RES-7.4-boxes-invalid-valid", 4), ("RES-7.4-valid-party-votes", 5),
                        ("RES-7.4-ballots-received", 6), ("RES-7.4-boxes-within-issued", 6)}
    assert _shacl_failures(graph, shapes, engine) == columnar


def test_shacl_rules_give_the_columnar_answers_on_the_annex_data(shapes):
    """The annex tables print party votes and invalid ballots only: none of the four relations
    can be checked there, by either path (neither may invent a failure)."""
    from array import array

    from checker.results.national.stations import Stations

    graph = load_and_check(ROOT).graph
    assert _shacl_failures(graph, shapes, "oxigraph", "kz/") == set()
    stations = Stations("findings/odihr-kz-2007/annexes/annex-2-stations.csv")
    rows = list(csv.DictReader((ROOT / stations.source).open(encoding="utf-8")))
    cec = [r for r in rows if r["source"] == "cec-data"]
    keys = sorted({r["station_key"] for r in cec})
    for key in keys:
        stations.regions.append(key.split("/")[0])
        stations.commissions.append(key.split("/")[1])
        stations.numbers.append(key.rsplit("-", 1)[-1])
        stations.lines.append(0)
    figure = {(r["station_key"], r["party_id"]): int(r["votes"]) for r in cec}
    stations.figures["invalid-ballots"] = array("q", [figure[(k, "invalid")] for k in keys])
    for party in sorted({r["party_id"] for r in cec} - {"invalid"}):
        stations.votes[party] = array("q", [figure[(k, party)] for k in keys])
    assert failures(stations) == {}


def test_integer_rule_flags_what_the_columnar_test_calls_significant(shapes):
    """RES-7.4-integer-percentages reads the figures the columnar path puts in the graph; its
    threshold must be the columnar SIGNIFICANCE, so both name the same percentages."""
    from checker.judge.engines import ENGINES
    from checker.judge.rules import load_rules

    loaded = load_and_check(ROOT)
    significant = {key.rsplit("/", 1)[-1] for key, test in loaded.figures["ru/2011-duma"].integers.items()
                   if test.significant}
    assert "turnout" in significant
    shape_graph, rules = load_rules(ROOT)
    shape = next(str(r.shape) for r in rules if r.id == "RES-7.4-integer-percentages")
    flagged = {r.focus.rsplit("/", 1)[-1] for r in ENGINES["oxigraph"](loaded.graph, shape_graph) if r.shape == shape}
    assert flagged == significant


def test_results_command_text_flagged_and_unknown_election(kb_results: Path, tmp_path: Path, capsys):
    flagged = tmp_path / "flagged.csv"
    assert main(["--kb", str(kb_results), "results", "--election", "xx/2020-assembly", "--flagged", str(flagged)]) == 0
    out = capsys.readouterr().out
    assert "6 polling stations" in out and "Blue Party" in out and "not proof" not in out  # no signal here
    rows = list(csv.DictReader(flagged.open(encoding="utf-8")))
    assert sorted((r["rule"], int(r["source_line"])) for r in rows) == [
        ("RES-7.4-ballots-received", 6), ("RES-7.4-boxes-invalid-valid", 4), ("RES-7.4-boxes-within-issued", 6),
        ("RES-7.4-valid-party-votes", 5)]
    assert all(r["source_file"] == f"{EXTRACT}/stations.csv" for r in rows)
    assert main(["--kb", str(kb_results), "results", "--election", "xx/1999-assembly"]) == 2
    assert "no results dataset for election 'xx/1999-assembly'" in capsys.readouterr().err
