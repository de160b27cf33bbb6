"""The report's numeric claims recomputed from the graph (checker/results/claims.py, `kbcheck claims`).

Each claim must come out as the report and the data say: where the report's words do not hold
for its own tables, the claim is reported as disagreeing (the data are never adjusted)."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

from checker import cli
from checker.results.claims import Computed, evaluate, judge_claim
from checker.pipeline import load_and_check
from checker.results.seats import Threshold, allocations, dhondt, largest_remainder_hare, sainte_lague
from tests.conftest import ROOT

CLAIM = "odihr-kz-2007/claim/"
# The claims the data contradict, and why (tests assert they are reported so).
DISAGREE = {
    # L1711-1712 read party by party: at 7 of the 15 stations some party other than Nur Otan
    # also gains (e.g. the ANSDP at PS 861 and PS 363, Ak Zhol and the CPPK at PS 29).
    "annex-2-no-other-party-gains",
}
# Counts over stations of which Annex 3 shows only some: consistent, neither confirmed nor refuted.
CONSISTENT = {"khromtauskiy-seven-differ", "kostanaiskiy-nineteen-differ", "kostanaiskiy-ansdp-lower",
              "kostanaiskiy-auyl-increased", "kostanaiskiy-nur-otan-higher"}


@pytest.fixture(scope="module")
def results():
    loaded = load_and_check(ROOT)
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    found, problems = evaluate(loaded.kb, loaded.graph)
    assert not problems
    return {r.id.removeprefix(CLAIM): r for r in found}


def test_every_claim_agrees_unless_the_data_say_otherwise(results):
    assert {k for k, r in results.items() if r.status == "disagrees"} == DISAGREE
    assert {k for k, r in results.items() if r.status == "consistent"} == CONSISTENT
    assert all(r.agrees is True for k, r in results.items() if k not in DISAGREE | CONSISTENT)
    assert len(results) >= 50


@pytest.mark.parametrize("claim, computed", [
    ("annex-2-nur-otan-increased", 14),  # "In all but one case" (L1710): all but PS 363
    ("annex-2-stations-differ", 15),
    ("annex-2-no-other-party-gains", 8),
    ("annex-2-nur-otan-net-gain", 2909),
    ("annex-2-ansdp-net-loss", -1517),
    ("annex-3-nur-otan-increased", 25),
    ("kostanaiskiy-auyl-increased", 3),  # of the six Kostanaiskiy stations shown
    ("kostanaiskiy-nur-otan-higher", 4),
    ("khromtauskiy-seven-differ", 2),
    ("ps-811-cec-nur-otan", 1354),
    ("ps-811-protocol-total", 1400),
    ("ps-45-protocol-nur-otan", 578),
    ("annex-1-total-votes", 5935625),
    ("valid-votes-exceed-turnout", 209081),  # "more than 200,000" (L1682-1684)
    ("only-nur-otan-over-threshold", 1),
    ("annex-1-seats-nur-otan", 98),
    ("annex-1-seats-ansdp", 0),
])
def test_computed_figures(results, claim, computed):
    assert results[claim].computed == computed


def test_rounded_figures(results):
    assert results["annex-1-total-percent"].computed == pytest.approx(99.99)
    assert results["annex-1-percent-nur-otan"].computed == pytest.approx(88.4106, abs=1e-4)
    assert results["election-night-turnout-percent"].computed == pytest.approx(64.5597, abs=1e-4)


def test_the_exception_is_ps_363(results):
    increased = set(results["annex-2-nur-otan-increased"].details["stations"])
    shown = set(results["annex-2-stations-shown"].details["stations"])
    assert shown - increased == {"PS 363"}


def test_seats_by_every_method_and_the_threshold_of_the_law_in_force(results):
    details = results["annex-1-seats-nur-otan"].details
    assert details["by_method"] == {"largest-remainder-hare": 98, "dhondt": 98, "sainte-lague": 98}
    assert details["party_list_seats"] == 98
    assert details["threshold_percent"] == 7
    assert details["threshold_of"] == 5726544  # voters who took part: the election-night turnout
    assert details["passing"] == ["kz/party/nur-otan"]


def test_claims_keep_their_source_line_and_declaration(results):
    claim = results["annex-2-nur-otan-increased"]
    assert claim.source_lines == (1710, 1711)
    assert str(claim.pos).startswith("findings/odihr-kz-2007/claims.yaml:")
    assert claim.finding == "odihr-kz-2007/finding/cec-data-differs-from-observed-protocols"


@pytest.mark.parametrize("value, figure, relation, of, shown, status", [
    (14, "14", "equals", None, None, "agrees"),
    (13, "14", "equals", None, None, "disagrees"),
    (Fraction(6455977, 100000), "64.56", "rounds-to", None, None, "agrees"),
    (Fraction(6454, 100), "64.56", "rounds-to", None, None, "disagrees"),
    (209081, "200000", "more-than", None, None, "agrees"),
    (-1, "0", "less-than", None, None, "agrees"),
    (8, "15", "most-of", None, None, "agrees"),
    (7, "15", "most-of", None, None, "disagrees"),
    (4, "5", "consistent-with-shown", 19, 6, "consistent"),
    (6, "5", "consistent-with-shown", 19, 6, "disagrees"),  # six shown already exceed the five claimed
    (2, "19", "consistent-with-shown", 19, 6, "disagrees"),  # four shown do not, so not "all 19"
])
def test_relations(value, figure, relation, of, shown, status):
    assert judge_claim(Computed(value, shown=shown), Decimal(figure), relation, of) == status


def test_allocation_methods_differ_where_they_should():
    votes = {"a": 47_000, "b": 16_000, "c": 15_800, "d": 12_000, "e": 6_100, "f": 3_100}
    assert largest_remainder_hare(votes, 10) == {"a": 5, "b": 2, "c": 1, "d": 1, "e": 1, "f": 0}
    assert dhondt(votes, 10) == {"a": 5, "b": 2, "c": 2, "d": 1, "e": 0, "f": 0}
    assert sainte_lague(votes, 10) == {"a": 4, "b": 2, "c": 2, "d": 1, "e": 1, "f": 0}
    assert allocations(votes, 10, Threshold(Fraction(7), sum(votes.values())))["dhondt"]["e"] == 0


def test_cli_json(capsys):
    assert cli.main(["--kb", str(ROOT), "claims", "--json"]) == cli.EXIT_OK
    claims = json.loads(capsys.readouterr().out)
    first = claims[0]
    assert {"id", "statement", "report_figure", "computed", "agrees", "source_line", "quote"} <= set(first)
    assert any(c["agrees"] is False for c in claims)


def test_cli_table(capsys):
    assert cli.main(["--kb", str(ROOT), "claims"]) == cli.EXIT_OK
    out = capsys.readouterr().out
    assert "annex-2-nur-otan-increased" in out and "disagree" in out
    assert "Net shift, CEC data minus protocol, odihr-kz-2007/annex-2" in out
    assert "Methods reproducing every published mandate: largest-remainder-hare, dhondt, sainte-lague" in out
