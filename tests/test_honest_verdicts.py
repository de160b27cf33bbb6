"""Honest verdicts (issue 11): a verdict never says more than the facts support.

On the bundled knowledge base: no *met* without every rule of its scope assessed; standards that
did not bind are *not applicable*; a good-practice text never makes a commitment *violated*;
every verdict carries its evidence and says on what basis its facts stand; recommendations
answer only the elections their report observed; the agreement with the report counts how many
agreements are independent. Plus the rules' own discipline: every rule can be shown to depend
on the facts it judges (metamorphic cases), the rules whose only facts are the report's own
conclusions are listed, and the same fact never gets different severities without a reason.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import URIRef

from checker.cli import main
from checker.graph.ids import ID_BASE, readable
from checker.judge.check import run_check
from checker.judge.outcome import overall_outcome, scope_outcome
from checker.judge.model import Applicability
from checker.judge.rules import load_rules
from checker.pipeline import load_and_check
from checker.reports import words
from tests.conftest import ROOT
from tests.test_rules import BY_ID, CASES, SHAPES, _standards_of, split_case

BINDING = Applicability(True, "applicable", "political-commitment")
MEASURES = [URIRef(f"https://w3id.org/eokb/ns#{name}") for name in ("votes", "mandates", "percentOfValidVotes")]


@pytest.fixture(scope="module")
def loaded():
    return load_and_check(ROOT)


@pytest.fixture(scope="module")
def judgement(loaded):
    return run_check(ROOT, loaded.graph)


# -- the outcome rules -------------------------------------------------------------------------

def test_met_needs_every_rule_of_the_scope_assessed():
    assert scope_outcome(BINDING, ["a", "b"], ["a", "b"], []) == "met"
    assert scope_outcome(BINDING, ["a", "b"], ["a"], []) == "partly-assessed"
    assert scope_outcome(BINDING, ["a", "b"], [], []) == "not-assessed"
    assert scope_outcome(BINDING, [], [], []) == "not-assessed"


def test_overall_is_never_better_than_what_was_assessed():
    assert overall_outcome(BINDING, ["met", "met"]) == "met"
    assert overall_outcome(BINDING, ["met", "not-assessed"]) == "partly-assessed"
    assert overall_outcome(BINDING, ["met", "partly-assessed"]) == "partly-assessed"
    assert overall_outcome(BINDING, ["met", "at-risk", "violated"]) == "violated"
    assert overall_outcome(BINDING, ["not-assessed"]) == "not-assessed"
    assert overall_outcome(BINDING, []) == "not-assessed"
    assert overall_outcome(Applicability(False, "not yet binding", "treaty"), ["met"]) == "not-applicable"
    unknown = Applicability(False, "not known to bind", "treaty", known=False)
    assert overall_outcome(unknown, ["violated"]) == "not-assessed"


# -- the bundled knowledge base ------------------------------------------------------------------

def test_no_met_without_every_rule_assessed(judgement):
    for v in judgement.verdicts:
        if v.verdict == "met":
            assert v.rules and v.assessed == v.rules, f"{v.key}: met with {len(v.assessed)} of {len(v.rules)}"


def test_the_covenant_did_not_bind_in_2004(judgement):
    for commitment in ("iccpr/art-25", "ccpr-gc-25/15", "ccpr-gc-25/17"):
        v = judgement.find("kz/2004-majilis", commitment)
        assert v.verdict == "not-applicable"
        assert "not yet binding" in v.applicability.reason and "2006-04-24" in v.applicability.reason
        assert judgement.find("kz/2007-majilis", commitment).applicability.applicable


def test_a_good_practice_text_never_makes_a_commitment_violated(judgement):
    rec = [v for v in judgement.verdicts if v.commitment.startswith("coe-rec-2004-11/")]
    assert rec and all(v.verdict != "violated" for v in rec)
    v = judgement.find("kz/2007-majilis", "coe-rec-2004-11/128", "conduct")
    assert (v.verdict, v.report_verdict, v.comparison) == ("at-risk", "at-risk", "agrees")
    assert v.report_wording == "violates" and words.outcome(v) == "departs from good practice"


def test_every_verdict_states_its_scope_force_and_applicability(judgement):
    for v in judgement.verdicts:
        assert v.scope in ("law", "conduct", "results", "overall")
        assert v.applicability is not None and v.applicability.legal_force and v.applicability.reason


def test_met_and_partly_assessed_verdicts_carry_their_evidence(judgement):
    examined = [v for v in judgement.scoped() if v.verdict in ("met", "partly-assessed")]
    assert examined
    for v in examined:
        assert v.evidence.facts, f"{v.key} lists no fact it examined"
        if v.scope == "law":
            assert v.evidence.versions, f"{v.key} lists no provision version"
        assert {rule for f in v.evidence.facts for rule in f.rules} == set(v.assessed)


def test_every_fact_a_rule_examined_has_a_basis(judgement):
    for v in judgement.scoped():
        for fact in v.evidence.facts:
            assert fact.basis is not None, f"{fact.id} ({v.key}) has no basis"


def test_a_verdict_on_inferred_facts_says_so(judgement):
    v = judgement.find("kz/2004-majilis", "copenhagen-1990/7.5", "law")
    assert v.verdict == "met" and v.basis == "inferred"
    assert words.caveat(v) == "rests on an inferred fact"


def test_an_authority_statement_is_not_projected_back(judgement):
    """The Ministry's statement of 2007 (a single error rejects an application) does not judge 2004."""
    v = judgement.find("kz/2004-majilis", "copenhagen-1990/7.6", "law")
    assert "CPH-7.6-registration-errors" in v.unassessed
    now = judgement.find("kz/2007-majilis", "copenhagen-1990/7.6", "law")
    assert any(f.basis == "authority-statement" for f in now.evidence.facts)


def test_recommendations_answer_only_the_elections_their_report_observed(loaded, judgement):
    graph = loaded.graph
    for v in judgement.verdicts:
        for rec in v.evidence.recommendations:
            report = URIRef(ID_BASE + rec.rsplit("/rec/", 1)[0])
            assert (report, URIRef("https://w3id.org/eokb/ns#observes"), URIRef(ID_BASE + v.election)) in graph
    assert judgement.find("kz/2004-majilis", "copenhagen-1990/7.9").evidence.recommendations == []


def test_the_agreement_says_how_many_are_independent(judgement):
    assert words.agreement(judgement) == "14 of 14 agree, 11 independently"
    dependent = sorted(v.commitment for v in judgement.scoped() if v.comparison == "agrees" and not v.independent)
    assert dependent == ["coe-rec-2004-11/128", "coe-rec-2004-11/132", "coe-rec-2004-11/25"]


# -- the rules' discipline -----------------------------------------------------------------------

_, RULES = load_rules(ROOT)
SHAPE_GRAPH = SHAPES


def test_rules_resting_only_on_the_reports_own_conclusions_are_listed(judgement):
    """A rule whose every fact is the report's own assessment agrees with it by construction.
    This list is reviewed: adding one means its agreement is not evidence."""
    bases: dict[str, set] = {}
    for v in judgement.scoped():
        for fact in v.evidence.facts:
            for rule in fact.rules:
                bases.setdefault(rule, set()).add(fact.basis)
    circular = sorted(rule for rule, found in bases.items() if found == {"report-assessment"})
    assert circular == ["REC2004-128-transparency", "REC2004-132-external-check", "REC2004-25-verification"]


def test_the_same_fact_gets_different_severities_only_with_a_reason():
    by_fact: dict[URIRef, list] = {}
    for rule in RULES:
        if rule.scope == "results":
            continue  # their needs mark a results table, not the fact they judge
        for need in rule.needs:
            by_fact.setdefault(need, []).append(rule)
    for need, rules in by_fact.items():
        strongest = min(("violation", "warning", "info").index(r.severity) for r in rules)
        for rule in rules:
            if ("violation", "warning", "info").index(rule.severity) > strongest:
                assert rule.severity_reason, f"{rule.id} is a {rule.severity} on {need} where another rule is stronger"


def test_every_rule_has_cases_both_ways():
    outcomes: dict[str, set] = {}
    for case in CASES:
        _, _, verdicts = split_case(case)
        outcomes.setdefault(case.parent.name, set()).update(verdicts.values())
    for rule in RULES:
        found = outcomes.get(rule.id, set())
        assert "met" in found, f"{rule.id} has no case where it is met"
        assert found & {"violated", "at-risk", "noted"}, f"{rule.id} has no case where it finds a problem"


@pytest.mark.parametrize("case", [c for c in CASES if c.stem.startswith(("conforms", "violates"))],
                         ids=lambda c: f"{c.parent.name}/{c.stem}")
def test_a_verdict_depends_on_the_facts_its_rule_judges(case):
    """Metamorphic: remove the facts the rule judges, and its verdict changes: a rule on facts
    (law, conduct) can no longer judge (not assessed); a rule on a results table finds nothing in
    a table without figures. The verdict rested on those facts, not on anything else."""
    from checker.judge.verdicts import judge

    rule = BY_ID[case.parent.name]
    data, _, verdicts = split_case(case)
    if set(verdicts.values()) == {"not-assessed"}:
        pytest.skip("already not assessed")
    _standards_of(rule, data)
    judged = MEASURES if rule.scope == "results" else rule.needs  # a table's figures; a fact's properties
    for predicate in judged:
        data.remove((None, predicate, None))
    judgement = judge(data, SHAPE_GRAPH, [rule])
    for election, before in verdicts.items():
        for commitment in rule.commitments:
            v = judgement.find(readable(election), commitment, rule.scope)
            expected = "met" if rule.scope == "results" else "not-assessed"
            assert v.verdict == expected, f"{before} → {v.verdict} without {judged}"


# -- parameters ----------------------------------------------------------------------------------

def test_a_parameter_override_changes_the_verdict_and_is_shown(tmp_path, capsys):
    kb = tmp_path / "kb"
    shutil.copytree(ROOT, kb, ignore=shutil.ignore_patterns(".venv", ".git", "build", "tests", "node_modules",
                                                            "__pycache__", "test-artifacts"))
    (kb / "parameters.yaml").write_text(
        "# yaml-language-server: $schema=schemas/parameters.schema.json\n"
        "parameters:\n"
        "  - parameter: max-residency-years\n"
        "    value: 10\n"
        "    justification: A test of a knowledge base that accepts ten years.\n"
        "    owner: Test team\n")
    judgement = run_check(kb, load_and_check(kb).graph)
    assert judgement.find("kz/2007-majilis", "ccpr-gc-25/15").verdict == "met"
    assert not [r for r in judgement.results if r.rule.id == "CPH-7.5-residency"]
    main(["--kb", str(kb), "check", "--out", str(tmp_path / "out")])
    out = capsys.readouterr().out
    assert "Parameters set by this knowledge base:" in out and "instead of 0" in out
    report = (tmp_path / "out" / "report.md").read_text()
    assert "set by this knowledge base" in report
    sarif = (tmp_path / "out" / "results.sarif").read_text()
    assert '"overridden": true' in sarif


def test_every_parameter_states_its_basis():
    from checker.judge.parameters import declared

    parameters = declared(SHAPE_GRAPH)
    assert {"max-residency-years", "max-threshold-percent", "max-negative-count-percent"} <= set(parameters)
    for parameter in parameters.values():
        assert parameter.basis in ("policy choice", "a source's words") and len(parameter.reasoning) > 40
        assert any(parameter.id in rule.parameters for rule in RULES), f"{parameter.id} is used by no rule"


def test_the_rules_file_carries_the_default(tmp_path):
    """A shape naming a parameter must carry its default, so the rule file reads on its own."""
    from checker.judge.rules import RuleError

    root = tmp_path / "kb"
    shutil.copytree(ROOT / "rules", root / "rules")
    path = root / "rules" / "copenhagen-1990-7.6.ttl"
    path.write_text(path.read_text().replace("sh:maxInclusive 5 .", "sh:maxInclusive 6 ."))
    with pytest.raises(RuleError, match="max-threshold-percent"):
        load_rules(root)


def test_outputs_document_scope_and_coverage(tmp_path):
    import json

    main(["--kb", str(ROOT), "check", "--out", str(tmp_path)])
    data = json.loads((tmp_path / "verdicts.json").read_text())
    v = next(v for v in data["verdicts"] if v["election"] == "kz/2004-majilis"
             and v["commitment"] == "copenhagen-1990/7.9" and v["scope"] == "law")
    assert v["verdict"] == "partly-assessed" and len(v["assessed_rules"]) == 1 and len(v["rules"]) == 3
    assert v["unassessed_rules"] == ["CPH-7.9-list-order", "CPH-7.9-seat-holders-after-results"]
    assert v["evidence"]["provision_versions"]
    junit = (tmp_path / "junit.xml").read_text()
    assert "not applicable: not yet binding" in junit
    assert Path(tmp_path / "report.md").read_text().count("rests on an inferred fact") >= 3


# -- whose verdict (issue 12) --------------------------------------------------------------------

def test_a_verdict_the_report_does_not_give_is_the_checkers_own_reading(judgement, tmp_path):
    """Where the report states a conclusion the checker's verdict is compared with it; where it
    gives none, every output labels the verdict the checker's own reading of the report's facts."""
    from checker.reports.outputs import render_outputs

    campaign = judgement.find("kz/2007-majilis", "copenhagen-1990/7.7", "conduct")
    count = judgement.find("kz/2007-majilis", "copenhagen-1990/7.4", "conduct")
    assert campaign.verdict == "at-risk" and campaign.own_reading and words.reading(campaign) == words.OWN_READING
    assert count.verdict == "violated" and not count.own_reading and count.comparison == "agrees"
    mixed = judgement.find("kz/2007-majilis", "copenhagen-1990/7.3")  # law compared, conduct the checker's own
    assert not mixed.own_reading and mixed.own_scopes == ["conduct"]
    assert "conduct: at risk (own reading)" in words.scopes(mixed)
    assert not judgement.find("kz/2007-majilis", "copenhagen-1990/9").own_reading  # nothing judged: no label
    outputs = render_outputs(judgement, load_and_check(ROOT).graph, RULES)
    import json
    data = {(v["commitment"], v["scope"]): v for v in json.loads(outputs["verdicts.json"])["verdicts"]
            if v["election"] == "kz/2007-majilis"}
    assert data[("copenhagen-1990/7.7", "conduct")]["reading"] == "checker"
    assert data[("copenhagen-1990/7.4", "conduct")]["reading"] == "report"
    assert data[("copenhagen-1990/9", "overall")]["reading"] is None
    assert "eokb:ownReading true" in outputs["report.ttl"]
    assert "the checker's own reading" in outputs["report.md"] and "own_reading" in outputs["junit.xml"]


def test_findings_are_evidence_as_cited_read_or_stating_a_fact(judgement):
    count = judgement.find("kz/2007-majilis", "copenhagen-1990/7.4", "conduct")
    links = {f.id.rsplit("/", 1)[-1]: f.link for f in count.evidence.findings}
    assert links["count-pec-tampering"] == "cited"  # the report ties the count to 7.4 (L1451)
    campaign = judgement.find("kz/2007-majilis", "copenhagen-1990/7.7", "conduct")
    assert {f.link for f in campaign.evidence.findings} == {"reading"}  # the report cites no commitment there
    assert {f.link for v in judgement.scoped() for f in v.evidence.findings} == {"cited", "reading", "fact"}
    for v in judgement.scoped():
        for f in v.evidence.findings:
            assert (f.link == "reading") == (f.why is not None), f"{f.id} in {v.key}"


def test_every_commitment_the_report_discusses_has_a_verdict_in_2007(loaded, judgement):
    """Every commitment a finding of the 2007 report is linked to (cited, or in the knowledge base's
    reading) or the report judges has a law or conduct verdict; the only ones without are
    paragraphs the report never touches."""
    from rdflib import RDF
    from checker.graph.vocab import EOKB

    graph = loaded.graph
    linked = {readable(c) for p in (EOKB.concerns, EOKB.relatesTo)
              for f, c in graph.subject_objects(p) if (f, RDF.type, EOKB.Finding) in graph}
    linked |= {v.commitment for v in judgement.scoped() if v.report_verdict and v.election == "kz/2007-majilis"}
    unjudged = sorted(c for c in linked if judgement.find("kz/2007-majilis", c).verdict in ("not-assessed", "partly-assessed"))
    assert unjudged == []
    untouched = sorted(v.commitment for v in judgement.overall()
                       if v.election == "kz/2007-majilis" and not v.rules and v.commitment not in linked)
    assert untouched == ["copenhagen-1990/7.1", "copenhagen-1990/9"]


def test_a_sparql_rule_reads_its_parameter_and_its_override():
    """CPH-7.8-state-media-balance compares two parties' shares in SHACL-SPARQL: the parameter's
    value in force is written into its query, so an override changes the verdict."""
    from rdflib import RDF, Literal
    from checker.graph.ids import iri
    from checker.graph.vocab import EOKB
    from checker.judge.verdicts import judge

    rule = BY_ID["CPH-7.8-state-media-balance"]
    case = Path(__file__).parent / "rules" / rule.id / "violates.ttl"
    data, _, _ = split_case(case)
    _standards_of(rule, data)
    assert judge(data, SHAPE_GRAPH, [rule]).find("test/election", "copenhagen-1990/7.8", "conduct").verdict == "at-risk"
    override = iri("parameter/max-state-media-share-ratio")
    for p, o in ((RDF.type, EOKB.ParameterOverride), (EOKB.overrides, Literal("max-state-media-share-ratio")),
                 (RDF.value, Literal(10)), (EOKB.justification, Literal("A test.")), (EOKB.owner, Literal("Test"))):
        data.add((override, p, o))
    judged = judge(data, SHAPE_GRAPH, [rule])
    assert judged.find("test/election", "copenhagen-1990/7.8", "conduct").verdict == "met"
    assert next(p for p in judged.parameters if p.id == "max-state-media-share-ratio").value == 10
