"""Data-driven rule tests, in the spirit of the W3C SHACL test suite.

tests/rules/<RULE-ID>/<case>.ttl holds a small knowledge base and, in the same file, what
must come out: a sh:ValidationReport (sh:conforms, and each expected sh:result with its
focus node, source shape, severity and value) and the verdict expected for the election
(`t:expectedVerdict`, the verdict of the rule alone). The test frames the data for the election's day, runs every rule, and
compares the results of the rule under test and the verdict of its commitment(s).
Adding a case is adding a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, SH, SKOS, XSD, BNode, Graph, Literal, Namespace, URIRef

from checker.graph.ids import ID_BASE
from checker.judge.verdicts import judge
from checker.graph.ids import readable
from checker.graph.vocab import EOKB
from checker.judge.rules import load_rules
from checker.pipeline import load_and_check
from tests.conftest import ROOT

T = Namespace("https://w3id.org/eokb/test#")
CASES = sorted((Path(__file__).parent / "rules").glob("*/*.ttl"))
SHAPES, RULES = load_rules(ROOT)
BY_ID = {rule.id: rule for rule in RULES}
BUNDLED = load_and_check(ROOT).graph  # the standards the rules' commitments belong to


def split_case(path: Path) -> tuple[Graph, set, dict]:
    """The case's data graph, its expected results, and its expected verdicts per election."""
    graph = Graph().parse(path, format="turtle")
    expected, verdicts = set(), {}
    for report in list(graph.subjects(RDF.type, SH.ValidationReport)):
        for result in list(graph.objects(report, SH.result)):
            expected.add((graph.value(result, SH.focusNode), graph.value(result, SH.sourceShape),
                          graph.value(result, SH.resultSeverity), graph.value(result, SH.value)))
            graph.remove((result, None, None))
        graph.remove((report, None, None))
    for election, verdict in list(graph.subject_objects(T.expectedVerdict)):
        verdicts[election] = str(verdict)
        graph.remove((election, T.expectedVerdict, None))
    assert not any(isinstance(s, BNode) for s in graph.subjects()), f"{path.name}: stray blank nodes"
    return graph, expected, verdicts


@pytest.mark.parametrize("case", CASES, ids=[f"{c.parent.name}/{c.stem}" for c in CASES])
def test_rule_case(case: Path):
    rule = BY_ID.get(case.parent.name)
    assert rule is not None, f"no rule {case.parent.name} in rules/"
    data, expected, verdicts = split_case(case)
    _standards_of(rule, data)
    judgement = judge(data, SHAPES, [rule])  # the rule under test alone: its verdict is its own
    actual = {(URIRef(r.focus), URIRef(r.shape), URIRef(r.severity), r.value)
              for r in judgement.raw if r.shape == str(rule.shape)}
    assert actual == expected
    assert verdicts, f"{case.name} states no t:expectedVerdict"
    for election, verdict in verdicts.items():
        for commitment in rule.commitments:
            found = [v.verdict for v in judgement.scoped()
                     if v.election == readable(election) and v.commitment == commitment and v.scope == rule.scope]
            assert found == [verdict], f"{commitment} for {readable(election)}"


def _standards_of(rule, data: Graph) -> None:
    """The case names no commitment: the rule's commitments and their standards (with their legal
    force) come from the bundled knowledge base, and every standard binds the case's countries."""
    for commitment in rule.commitments:
        node = URIRef(ID_BASE + commitment)
        data.add((node, RDF.type, EOKB.Commitment))
        standard = BUNDLED.value(node, SKOS.inScheme)
        data.add((node, SKOS.inScheme, standard))
        for predicate in (EOKB.legalForce, EOKB.interprets):
            for value in BUNDLED.objects(standard, predicate):
                data.add((standard, predicate, value))
        binding_standard = BUNDLED.value(standard, EOKB.interprets) or standard
        for election in set(data.subjects(RDF.type, EOKB.Election)):
            if data.value(election, EOKB.country) is None:  # a results case: the election alone
                data.add((election, EOKB.country, URIRef(ID_BASE + "test/country")))
                data.add((URIRef(ID_BASE + "test/country"), RDF.type, EOKB.Country))
        for country in set(data.subjects(RDF.type, EOKB.Country)):
            binding = URIRef(f"{country}#binding-test")
            data.add((country, EOKB.binding, binding))
            data.add((binding, EOKB.standard, binding_standard))
            data.add((binding, EOKB.bindsFrom, Literal("1900-01-01", datatype=XSD.date)))
            data.add((binding, EOKB.bindingBasis, Literal("participation")))


def test_every_rule_has_cases():
    tested = {case.parent.name for case in CASES}
    assert {rule.id for rule in RULES} <= tested, f"rules without cases: {sorted({r.id for r in RULES} - tested)}"


def test_every_rule_expresses_a_commitment_of_the_kb():
    from checker.pipeline import load_and_check

    index = load_and_check(ROOT).kb.index
    for rule in RULES:
        for commitment in rule.commitments:
            assert commitment in index, f"{rule.id} expresses unknown commitment {commitment}"
