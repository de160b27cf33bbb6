"""Recommendations applied (issue 13): chosen without ambiguity, simulated on their own report's
elections, replacing exactly the fact record they name, with every fact shown before and after."""

from __future__ import annotations

import shutil

import pytest

from checker.cli import EXIT_INVALID, EXIT_OK, main
from checker.judge.rules import load_rules
from checker.judge.scenarios import ScenarioError
from checker.judge.simulate import resolve_recommendations, simulate
from checker.graph.ids import readable
from checker.pipeline import load_and_check
from tests.conftest import KB_SMALL, ROOT

REC = "findings/obs-xx-2020/recommendations.yaml"
PROPOSAL = """\
    proposed_changes:
      - provision: xx/constitution/art-5
        summary: The ten appointed seats filled by popular vote.
        facts:
          seats:
            - chamber: xx/parliament/assembly
              count: 10
              method: single-member-popular-vote
              replaces: {method: chosen-by-appointed-body}
"""


@pytest.fixture(scope="module")
def bundled():
    return load_and_check(ROOT).graph


@pytest.mark.parametrize("selector", ["odihr-kz-2007:A3", "odihr-kz-2007:3", "odihr-kz-2007/rec/3", "3", "A3"])
def test_a_recommendation_is_named_by_report_and_number(bundled, selector):
    assert [readable(r) for r in resolve_recommendations(bundled, [selector])] == ["odihr-kz-2007/rec/3"]


def test_an_unknown_recommendation_lists_what_it_matched(bundled):
    with pytest.raises(ScenarioError, match=r"names 0 recommendations \(none\); name one as <report>:<number>"):
        resolve_recommendations(bundled, ["odihr-kz-2007:Z99"])
    with pytest.raises(ScenarioError, match="names 0 recommendations"):
        resolve_recommendations(bundled, ["obs-xx-2020:1"])  # another report's number


def test_a_proposal_replaces_only_the_record_it_names(tmp_path):
    kb = tmp_path / "kb"
    shutil.copytree(KB_SMALL, kb)
    path = kb / REC
    path.write_text(path.read_text() + PROPOSAL)
    graph = load_and_check(kb).graph
    sim = simulate(graph, *load_rules(kb), ["1"])
    assert [(b.commitment, b.verdict, a.verdict) for b, a in sim.closed] == [("copenhagen-1990/7.2", "violated", "met")]
    changed = {c.fact: c for c in sim.changes}
    assert list(changed) == ["xx/constitution/art-5/v/2020-01-01#seats-2"]  # the appointed seats only
    assert changed["xx/constitution/art-5/v/2020-01-01#seats-2"].before == {"selectionMethod": "ChosenByAppointedBody"}
    assert changed["xx/constitution/art-5/v/2020-01-01#seats-2"].after == {"selectionMethod": "SingleMemberPopularVote"}


def test_simulate_prints_the_facts_before_and_after(tmp_path, capsys):
    kb = tmp_path / "kb"
    shutil.copytree(KB_SMALL, kb)
    path = kb / REC
    path.write_text(path.read_text() + PROPOSAL)
    assert main(["--kb", str(kb), "simulate", "--apply", "obs-xx-2020:A1"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "xx/constitution/art-5/v/2020-01-01#seats-2 (obs-xx-2020/rec/1): selectionMethod " \
           "ChosenByAppointedBody → SingleMemberPopularVote" in out
    assert "copenhagen-1990/7.2 [law] (xx/2020-assembly): violated → met" in out


def test_a_recommendation_is_simulated_on_its_own_reports_elections(bundled):
    sim = simulate(bundled, *load_rules(ROOT), ["odihr-kz-2007:A2"])
    assert {v.election for v in sim.before} == {"kz/2007-majilis"}  # its report observed 2007 only


def test_check_selects_an_election_or_a_country(capsys):
    assert main(["--kb", str(ROOT), "check", "--election", "kz/2004-majilis"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "kz/2004-majilis" in out and "kz/2007-majilis (law" not in out
    assert main(["--kb", str(ROOT), "check", "--country", "kz"]) == EXIT_OK
    assert main(["--kb", str(ROOT), "check", "--country", "nowhere"]) == EXIT_INVALID
    assert "no country has the id 'nowhere'" in capsys.readouterr().err


def test_verify_quotes_fails_on_a_stale_checksum(tmp_path, capsys):
    kb = tmp_path / "kb"
    shutil.copytree(KB_SMALL, kb)
    with (kb / "findings/obs-xx-2020/source.txt").open("a") as source:
        source.write("\nA line added after the checksum was taken.\n")
    assert main(["--kb", str(kb), "verify-quotes"]) == EXIT_INVALID
    assert "KB304" in capsys.readouterr().err
