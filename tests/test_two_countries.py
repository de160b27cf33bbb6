"""Two countries and three reports in one knowledge base (tests/fixtures/kb-two-countries), the
whole pipeline — validate, check, diff, simulate, coverage, follow-up, site — and nothing of one
country in the other's verdicts, evidence or pages.

The fixture: `xx` (Test Republic) with one report (obs-xx-2020: ten of 60 seats chosen by an
appointed council) and `yy` (Example Federation) with two (obs-yy-2018, obs-yy-2022). yy's
Electoral Code changes on 2020-01-01 between its two elections: its 150-seat House goes from
120 list seats + 30 single-member seats to 120 list seats + 30 seats appointed by the President,
and independent candidates, barred before, are allowed. The 2022 report assesses the 2018
report's two recommendations (one fully implemented, one not) and repeats the second. Every
report numbers its first recommendation 1 in group A.
"""

from __future__ import annotations

import datetime
import json
import re
import shutil
from pathlib import Path

import pytest

from checker.cli import EXIT_INVALID, EXIT_OK, main
from checker.judge.check import SelectionError, run_check, select
from checker.judge.followup import follow_up
from checker.judge.rules import load_rules
from checker.judge.scenarios import ScenarioError, diff
from checker.judge.simulate import apply, resolve_recommendations, simulate
from checker.graph.ids import iri, readable
from checker.graph.vocab import EOKB
from checker.kb.coverage import coverage
from checker.pipeline import load_and_check
from checker.reports.scenarios import render_simulation
from tests.conftest import FIXTURES

KB = FIXTURES / "kb-two-countries"
COUNTRY_OF_REPORT = {"obs-xx-2020": "xx", "obs-yy-2018": "yy", "obs-yy-2022": "yy"}
OTHER = {"xx": "yy", "yy": "xx"}


def country_of(record_id: str) -> str | None:
    """The country an id belongs to: `xx/…` or a report on it (`obs-xx-2020/…`); None for what is
    shared (commitments, rules)."""
    head = record_id.split("/", 1)[0].split("#", 1)[0]
    return head if head in OTHER else COUNTRY_OF_REPORT.get(head)


def mentions(text: str, country: str) -> list[str]:
    """The ids of a country's records, and its reports, named in a text."""
    return sorted(set(re.findall(rf"(?<![\w-])(?:{country}/[\w./-]+|obs-{country}-\d{{4}}[\w/.:-]*)", text)))


@pytest.fixture(scope="module")
def loaded():
    loaded = load_and_check(KB)
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    return loaded


@pytest.fixture(scope="module")
def graph(loaded):
    return loaded.graph


@pytest.fixture(scope="module")
def rules():
    return load_rules(KB)


@pytest.fixture(scope="module")
def judgement(graph):
    return run_check(KB, graph)


def verdict(judgement, election, commitment, scope="overall"):
    found = judgement.find(election, commitment, scope)
    assert found is not None, f"no {scope} verdict of {commitment} for {election}"
    return found.verdict


# -- validate ------------------------------------------------------------------------------------

def test_two_countries_and_three_reports_in_one_kb(loaded, capsys):
    assert {c.id for c in loaded.kb.records("country")} == {"xx", "yy"}
    assert {r.id for r in loaded.kb.records("report")} == set(COUNTRY_OF_REPORT)
    assert main(["--kb", str(KB), "validate"]) == EXIT_OK


# -- check: each election by its own country's law -------------------------------------------------

def test_each_election_judged_by_its_own_countrys_law(judgement):
    assert verdict(judgement, "xx/2020-assembly", "copenhagen-1990/7.2") == "violated"
    assert verdict(judgement, "yy/2018-house", "copenhagen-1990/7.2") == "met"
    assert verdict(judgement, "yy/2022-house", "copenhagen-1990/7.2") == "violated"
    assert verdict(judgement, "yy/2018-house", "copenhagen-1990/7.5") == "violated"
    assert verdict(judgement, "yy/2022-house", "copenhagen-1990/7.5") == "met"
    # xx's law says nothing of independent candidates: yy's facts never judge xx's election
    assert verdict(judgement, "xx/2020-assembly", "copenhagen-1990/7.5") == "not-assessed"


def test_each_report_verdict_compared_with_its_own_election_only(judgement):
    compared = {(v.election, v.commitment): v.comparison for v in judgement.scoped() if v.report_verdict}
    assert compared == {("xx/2020-assembly", "copenhagen-1990/7.2"): "agrees",
                        ("yy/2018-house", "copenhagen-1990/7.5"): "agrees",
                        ("yy/2022-house", "copenhagen-1990/7.2"): "agrees"}


def _evidence_ids(v) -> list[str]:
    ids = [f.id for f in v.evidence.facts] + [f.version or "" for f in v.evidence.facts]
    ids += [x.iri for x in v.evidence.versions] + [x.provision for x in v.evidence.versions]
    ids += [f.id for f in v.evidence.findings] + list(v.evidence.recommendations)
    ids += [r.focus for r in v.results] + [r.value for r in v.results if r.value_is_node]
    return [i for i in ids if i]


def test_no_verdict_rests_on_the_other_countrys_records(judgement):
    """Facts, provision versions, findings, recommendations and results of every verdict belong
    to the election's own country (or are shared, like commitments)."""
    for v in judgement.verdicts:
        own = country_of(v.election)
        strays = [i for i in _evidence_ids(v) if country_of(i) not in (own, None)]
        assert not strays, f"{v.election} {v.commitment} [{v.scope}] rests on {strays}"


def test_recommendations_answer_only_their_own_reports_elections(judgement):
    """Bug: recommendations leaked across countries and cycles (checker/judge/evidence.py,
    `recommendations`). All three reports have a recommendation on 7.2 or 7.5; each answers only
    the election its own report observed."""
    def recs(election, commitment):
        return judgement.find(election, commitment, "law").evidence.recommendations

    assert recs("xx/2020-assembly", "copenhagen-1990/7.2") == ["obs-xx-2020/rec/1"]
    assert recs("yy/2022-house", "copenhagen-1990/7.2") == ["obs-yy-2022/rec/1"]
    assert recs("yy/2018-house", "copenhagen-1990/7.5") == ["obs-yy-2018/rec/1"]
    assert recs("yy/2022-house", "copenhagen-1990/7.5") == []  # the 2018 report's, another cycle
    assert recs("xx/2020-assembly", "copenhagen-1990/7.5") == []  # another country's


def test_check_of_one_country_names_nothing_of_the_other(capsys):
    for country in ("xx", "yy"):
        main(["--kb", str(KB), "check", "--country", country])
        out = capsys.readouterr().out
        assert f"{country}/" in out and not mentions(out, OTHER[country]), out


def test_outputs_of_one_country_name_nothing_of_the_other(tmp_path, capsys):
    for country in ("xx", "yy"):
        out = tmp_path / country
        main(["--kb", str(KB), "check", "--country", country, "--out", str(out)])
        for name in ("verdicts.json", "report.md", "results.sarif", "junit.xml", "report.ttl"):
            text = (out / name).read_text(encoding="utf-8")
            assert f"{country}/" in text and not mentions(text, OTHER[country]), (country, name)
    capsys.readouterr()


def test_selection_of_one_country(judgement, graph):
    chosen = select(judgement, graph, country="xx")
    assert {v.election for v in chosen.verdicts} == {"xx/2020-assembly"}
    with pytest.raises(SelectionError):
        select(judgement, graph, country="zz")


# -- diff: the law of another day, in the election's own country -------------------------------------

def test_diff_between_the_two_elections_of_one_country(graph, rules):
    changes = diff(graph, *rules, datetime.date(2018, 4, 15), datetime.date(2022, 4, 10))
    assert {(c.election, c.commitment, c.before.verdict, c.after.verdict) for c in changes} == {
        ("yy/2022-house", "copenhagen-1990/7.2", "met", "violated"),
        ("yy/2022-house", "copenhagen-1990/7.5", "violated", "met")}
    provisions = {v.provision for c in changes for v in c.versions_before + c.versions_after}
    assert provisions == {"yy/electoral-code/art-12", "yy/electoral-code/art-20"}


def test_diff_of_one_country_ignores_the_other_countrys_law(graph, rules):
    """yy's law changed on 2020-01-01 too, between these days: only xx's versions may show."""
    changes = diff(graph, *rules, datetime.date(2018, 4, 15), datetime.date(2020, 3, 1))
    assert [(c.election, c.commitment) for c in changes] == [("xx/2020-assembly", "copenhagen-1990/7.2")]
    assert {v.provision for c in changes for v in c.versions_before + c.versions_after} == {"xx/constitution/art-5"}


def test_diff_on_a_day_two_countries_vote_asks_which_election(graph, rules):
    from rdflib import DCTERMS, XSD, Graph, Literal

    same_day = Graph()
    same_day += graph
    same_day.set((iri("xx/2020-assembly"), DCTERMS.date, Literal("2022-04-10", datatype=XSD.date)))
    with pytest.raises(ScenarioError, match="2 elections .xx/2020-assembly, yy/2022-house"):
        diff(same_day, *rules, datetime.date(2018, 4, 15), datetime.date(2022, 4, 10))
    changes = diff(same_day, *rules, datetime.date(2018, 4, 15), datetime.date(2022, 4, 10), "yy/2022-house")
    assert {c.election for c in changes} == {"yy/2022-house"}


# -- simulate: which recommendation, on which election, changing which fact --------------------------

def test_a_bare_number_names_three_recommendations_and_fails(graph, rules, capsys):
    """Bug: short recommendation names were ambiguous. A bare `1` fails and lists the candidates."""
    with pytest.raises(ScenarioError) as error:
        simulate(graph, *rules, ["1"])
    for candidate in ("obs-xx-2020:A1", "obs-yy-2018:A1", "obs-yy-2022:A1"):
        assert candidate in str(error.value)
    assert main(["--kb", str(KB), "simulate", "--apply", "A1"]) == EXIT_INVALID
    assert "obs-yy-2022:A1" in capsys.readouterr().err


@pytest.mark.parametrize("selector", ["obs-yy-2022:A1", "obs-yy-2022:1", "obs-yy-2022/rec/1"])
def test_a_qualified_name_names_one(graph, selector):
    assert [readable(r) for r in resolve_recommendations(graph, [selector])] == ["obs-yy-2022/rec/1"]


def test_a_recommendation_is_simulated_on_its_own_reports_election(graph, rules):
    """Bug: "the latest election" was global. xx's recommendation is judged on xx's election,
    although yy's 2022 election is the latest in the knowledge base."""
    sim = simulate(graph, *rules, ["obs-xx-2020:1"])
    assert {v.election for v in sim.before + sim.after} == {"xx/2020-assembly"}
    assert [(b.election, b.commitment, b.scope) for b, _ in sim.closed] == [
        ("xx/2020-assembly", "copenhagen-1990/7.2", "law")]
    earlier = simulate(graph, *rules, ["obs-yy-2018:A1"])  # an earlier cycle: its own 2018 election
    assert {v.election for v in earlier.before} == {"yy/2018-house"}
    assert [(b.election, b.commitment) for b, _ in earlier.closed if b.scope == "law"] == [
        ("yy/2018-house", "copenhagen-1990/7.5")]


def test_a_proposed_allocation_replaces_only_the_one_it_names(graph, rules):
    """Bug: proposed_changes replaced too much. yy's House has 120 list seats and 30 seats
    appointed by the President; obs-yy-2022:1 changes the 30 only, the 120 stay."""
    version = iri("yy/electoral-code/art-12/v/2020-01-01")
    rec = resolve_recommendations(graph, ["obs-yy-2022:1"])
    changed, changes = apply(graph, rec, datetime.date(2022, 4, 10))
    seats = sorted((int(changed.value(f, EOKB.seatCount)), readable(changed.value(f, EOKB.selectionMethod)))
                   for f in changed.objects(version, EOKB.states) if changed.value(f, EOKB.seatCount) is not None
                   and (f, EOKB.selectionMethod, None) in changed)
    method = readable(EOKB.PartyListPopularVote)
    assert seats == [(30, readable(EOKB.SingleMemberPopularVote)), (120, method)]
    assert [(c.fact, c.before, c.after) for c in changes] == [
        ("yy/electoral-code/art-12/v/2020-01-01#seats-2", {"selectionMethod": "AppointedByHeadOfState"},
         {"selectionMethod": "SingleMemberPopularVote"})]
    assert (version, EOKB.states, iri("yy/electoral-code/art-12/v/2020-01-01#seats-1")) in changed
    text = render_simulation(simulate(graph, *rules, ["obs-yy-2022:1"]), "text")
    assert "#seats-2 (obs-yy-2022/rec/1): selectionMethod AppointedByHeadOfState → SingleMemberPopularVote" in text
    assert "#seats-1" not in text and "copenhagen-1990/7.2 [law] (yy/2022-house): violated → met" in text


# -- coverage ------------------------------------------------------------------------------------

@pytest.mark.parametrize("report, recommendations", [("obs-xx-2020", 1), ("obs-yy-2018", 2), ("obs-yy-2022", 2)])
def test_coverage_counts_each_report_on_its_own(loaded, report, recommendations):
    found = coverage(loaded.kb, report)
    assert (found.recommendations_encoded, found.recommendations_in_text) == (recommendations, recommendations)
    assert found.findings == len([f for f in loaded.kb.records("finding") if loaded.kb.report_of(f) == report])


def test_coverage_command_reports_every_report(capsys):
    assert main(["--kb", str(KB), "coverage"]) == EXIT_OK
    out = capsys.readouterr().out
    assert [line.split()[-1] for line in out.splitlines() if line.startswith("Coverage of")] == sorted(COUNTRY_OF_REPORT)


# -- follow-up across reports --------------------------------------------------------------------

def test_follow_up_history_of_an_earlier_report(graph):
    found = follow_up(graph)
    implemented = found.history("obs-yy-2018/rec/1")
    assert implemented.status == "fully"
    assert [(e.date, e.status, e.source) for e in implemented.events] == [
        ("2018-06-01", "not-assessed", "obs-yy-2018"), ("2022-06-01", "fully", "obs-yy-2022")]
    assert "fully implemented" in implemented.events[-1].quotes[0].text
    repeated = found.history("obs-yy-2018/rec/2")
    assert (repeated.status, repeated.repeated_by, repeated.reports) == ("not-implemented", ["obs-yy-2022/rec/2"], 2)
    later = found.history("obs-yy-2022/rec/2")
    assert (later.repeats, later.status, later.made_in) == (
        "obs-yy-2018/rec/2", "not-assessed", ["obs-yy-2018/rec/2", "obs-yy-2022/rec/2"])


def test_follow_up_of_one_country_holds_nothing_of_the_other(graph, capsys):
    for country in ("xx", "yy"):
        histories = follow_up(graph, country).histories
        assert histories and {h.countries for h in histories} == {(country,)}
        assert all(country_of(e.source) in (country, None) for h in histories for e in h.events)
        assert main(["--kb", str(KB), "followup", "--country", country]) == EXIT_OK
        out = capsys.readouterr().out
        assert not mentions(out, OTHER[country]), out
    assert main(["--kb", str(KB), "followup", "--country", "zz", "--format", "json"]) == EXIT_INVALID


def test_follow_up_json(capsys):
    assert main(["--kb", str(KB), "followup", "--format", "json"]) == EXIT_OK
    data = json.loads(capsys.readouterr().out)
    statuses = {r["recommendation"]: (r["status"], r["reports"]) for r in data["recommendations"]}
    assert statuses == {"obs-xx-2020/rec/1": ("not-assessed", 1), "obs-yy-2018/rec/1": ("fully", 1),
                        "obs-yy-2018/rec/2": ("not-implemented", 2), "obs-yy-2022/rec/1": ("not-assessed", 1),
                        "obs-yy-2022/rec/2": ("not-assessed", 2)}


# -- the site, built by the main job ----------------------------------------------------------------

@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """`kbcheck build` on a copy of the fixture: checked, reported, simulated and published."""
    root = tmp_path_factory.mktemp("two") / "kb"
    shutil.copytree(KB, root)
    out = root.parent / "build"
    assert main(["--kb", str(root), "build", "--out", str(out)]) == EXIT_OK
    return out


def _html(built: Path, path: str) -> str:
    return (built / "site" / path / "index.html").read_text(encoding="utf-8")


# The pages of one country: they must name nothing of the other.
OWN_PAGES = {
    "xx": ["countries/xx", "law/xx", "law/xx/constitution/art-5", "elections/xx/2020-assembly",
           "findings/obs-xx-2020", "findings/obs-xx-2020/finding/appointed-seats", "recommendations/obs-xx-2020/rec/1"],
    "yy": ["countries/yy", "law/yy", "law/yy/electoral-code/art-12", "elections/yy/2018-house",
           "elections/yy/2022-house", "elections/yy/2022-house/changes", "findings/obs-yy-2022",
           "recommendations/obs-yy-2018/rec/2", "recommendations/obs-yy-2022/rec/1", "recommendations/obs-yy-2022/rec/2"],
}


@pytest.mark.parametrize("country", ["xx", "yy"])
def test_a_countrys_pages_name_nothing_of_the_other(built, country):
    for path in OWN_PAGES[country]:
        html = _html(built, path)
        assert not mentions(html, OTHER[country]), f"/{path}/ names {mentions(html, OTHER[country])}"


def test_shared_commitment_page_keeps_each_elections_verdict_apart(built):
    html = _html(built, "commitments/copenhagen-1990/7.2")
    sections = re.split(r'<h3 id="', html)
    for section in sections[1:]:
        anchor = section.split('"', 1)[0]
        if anchor.startswith("verdict-"):
            country = anchor.removeprefix("verdict-").split("-", 1)[0]
            assert not mentions(section.split("<h2", 1)[0], OTHER[country]), anchor


def test_would_close_names_only_the_recommendations_own_election(built):
    html = _html(built, "recommendations/obs-yy-2022/rec/1")
    would_close = html.split('id="would-close"', 1)[1]
    assert "verdict-yy-2022-house" in would_close and not mentions(would_close, "xx")
    assert "verdict-yy-2018-house" not in would_close


def test_country_pages_and_the_matrix_by_country(built):
    index = _html(built, "countries")
    assert 'href="xx/"' in index and 'href="yy/"' in index
    overview = _html(built, "countries/yy")
    for words in ("Fully implemented (1)", "Not implemented (1)", "Not assessed (2)", "2 reports"):
        assert words in overview, words
    matrix = _html(built, "compliance/countries")
    row = next(r for r in matrix.split("<tr>") if "copenhagen-1990/7.5/" in r and "<td" in r)
    cells = row.split("<td")[2:]
    assert "not-assessed" in cells[0] and "verdict-xx-2020-assembly" in cells[0] and not mentions(cells[0], "yy")
    assert cells[1].index("verdict-yy-2022-house") < cells[1].index("verdict-yy-2018-house")  # latest first
    assert "eokb-verdict--met" in cells[1] and "eokb-verdict--violated" in cells[1]


def test_recommendation_page_shows_its_history(built):
    html = _html(built, "recommendations/obs-yy-2018/rec/2")
    follow = html.split('id="follow-up"', 1)[1].split('id="would-close"', 1)[0]
    assert "not implemented" in follow and "results protocols be completed in ink" in follow
    assert "obs-yy-2022/rec/2/" in follow  # the later recommendation that repeats it, linked
