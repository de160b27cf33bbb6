"""report.ttl: the SHACL validation report and the computed verdicts, as RDF.

`verdict_graph` gives the triples the site merges into the knowledge base graph; `render`
writes them as canonical Turtle. Every node has an IRI (no blank nodes), so the file is
stable and diffable:

    <id:verdict/<election>/<commitment>> a eokb:Verdict ;     the overall verdict (dcterms:hasPart: its scopes')
    <id:verdict/<election>/<commitment>/<scope>> a eokb:Verdict ; a scope's verdict (law, conduct, results)
        eokb:election, eokb:commitment, eokb:scope, eokb:asOf, eokb:verdictValue,
        eokb:ruleCount, eokb:assessedRuleCount, eokb:unassessedRule, eokb:applicability,
        eokb:verdictLegalForce, eokb:weakestBasis, eokb:examinedFact,
        eokb:evidence (findings, provision versions, recommendations),
        eokb:result (its sh:ValidationResults), eokb:rule (the shapes expressing the commitment),
        eokb:reportVerdict and eokb:agreesWithReport (when the report gives a verdict),
        eokb:ownReading true (when it does not: the checker's own reading of the report's facts).
    <id:verdict/<election>/<commitment>#result-<n>> a sh:ValidationResult   the verdict's results
    <id:validation-report> a sh:ValidationReport                        every result of the run
    <id:validation-report#result-<n>>   results of shapes that judged no verdict (helper shapes)

A result the engine reported once but that concerns two verdicts (a rule expressing two
commitments, a law in force for two elections) appears once under each verdict.
"""

from __future__ import annotations

from rdflib import DCTERMS, RDF, SH, XSD, Graph, Literal, URIRef

from checker.graph.ids import ID_BASE, iri
from checker.judge.engines import RawResult
from checker.graph.export import canonical_turtle
from checker.judge.model import Judgement, Result, Verdict
from checker.graph.ids import readable
from checker.reports.reporting import every_rule
from checker.graph.terms import FACT_BASIS, LEGAL_FORCE
from checker.graph.vocab import EOKB

VALIDATION_REPORT = URIRef(ID_BASE + "validation-report")
VERDICT_VALUE = {
    "violated": EOKB.Violated, "at-risk": EOKB.AtRisk, "noted": EOKB.Noted, "met": EOKB.Met,
    "not-assessed": EOKB.NotAssessed, "waived": EOKB.Waived, "partly-assessed": EOKB.PartlyAssessed,
    "not-applicable": EOKB.NotApplicable,
}
SCOPE = {"law": EOKB.LawScope, "conduct": EOKB.ConductScope, "results": EOKB.ResultsScope, "overall": EOKB.OverallScope}
SEVERITY = {"violation": SH.Violation, "warning": SH.Warning, "info": SH.Info}


def verdict_iri(verdict: Verdict) -> URIRef:
    """`verdict/<election>/<commitment>` for the overall verdict, `…/<commitment>/<scope>` for a scope's."""
    base = f"verdict/{verdict.election}/{verdict.commitment}"
    return iri(base if verdict.scope == "overall" else f"{base}/{verdict.scope}")


def _node(readable_id: str) -> URIRef:
    """A readable id back to its IRI (terms outside the id base are kept whole)."""
    return URIRef(readable_id) if "://" in readable_id else iri(readable_id)


def _raw_key(raw: RawResult) -> tuple:
    value = None if raw.value is None else (readable(raw.value) if isinstance(raw.value, URIRef) else str(raw.value))
    return raw.shape, readable(raw.focus), value


def _add_result(graph: Graph, node: URIRef, raw: RawResult | None, result: Result | None) -> None:
    """A sh:ValidationResult, from the engine's result when there is one."""
    graph.add((node, RDF.type, SH.ValidationResult))
    if raw is not None:
        graph.add((node, SH.focusNode, URIRef(raw.focus)))
        graph.add((node, SH.sourceShape, URIRef(raw.shape)))
        graph.add((node, SH.resultSeverity, URIRef(raw.severity)))
        if raw.value is not None:
            graph.add((node, SH.value, raw.value))
    else:
        graph.add((node, SH.focusNode, _node(result.focus)))
        graph.add((node, SH.sourceShape, result.rule.shape))
        graph.add((node, SH.resultSeverity, SEVERITY[result.rule.severity]))
        if result.value is not None:
            graph.add((node, SH.value, Literal(result.value)))
    message = result.message if result is not None else raw.message
    if message:
        graph.add((node, SH.resultMessage, Literal(message)))
    graph.add((VALIDATION_REPORT, SH.result, node))


def _add_verdict(graph: Graph, verdict: Verdict, shapes: dict[str, URIRef], raws: dict) -> None:
    v = verdict_iri(verdict)
    graph.add((v, RDF.type, EOKB.Verdict))
    graph.add((v, EOKB.election, iri(verdict.election)))
    graph.add((v, EOKB.commitment, iri(verdict.commitment)))
    graph.add((v, EOKB.asOf, Literal(verdict.as_of.isoformat(), datatype=XSD.date)))
    graph.add((v, EOKB.verdictValue, VERDICT_VALUE[verdict.verdict]))
    graph.add((v, EOKB.scope, SCOPE[verdict.scope]))
    graph.add((v, EOKB.ruleCount, Literal(len(verdict.rules))))
    graph.add((v, EOKB.assessedRuleCount, Literal(len(verdict.assessed))))
    for rule_id in verdict.unassessed:
        if rule_id in shapes:
            graph.add((v, EOKB.unassessedRule, shapes[rule_id]))
    applies = verdict.applicability
    if applies is not None:
        graph.add((v, EOKB.applicability, Literal(applies.reason)))
        graph.add((v, EOKB.verdictLegalForce, LEGAL_FORCE[applies.legal_force]))
    if verdict.basis is not None:
        graph.add((v, EOKB.weakestBasis, FACT_BASIS[verdict.basis]))
    for fact in verdict.evidence.facts:
        graph.add((v, EOKB.examinedFact, _node(fact.id)))
    if verdict.scope == "overall":
        for scope in verdict.scopes:
            graph.add((v, DCTERMS.hasPart, iri(f"verdict/{verdict.election}/{verdict.commitment}/{scope}")))
    evidence = verdict.evidence
    cited = [e.iri for e in evidence.versions] + [f.id for f in evidence.findings] + evidence.recommendations
    for readable_id in cited:
        graph.add((v, EOKB.evidence, _node(readable_id)))
    for n, result in enumerate(verdict.results, start=1):
        node = URIRef(f"{v}#result-{n}")
        _add_result(graph, node, raws.get((str(result.rule.shape), result.focus, result.value)), result)
        graph.add((v, EOKB.result, node))
    for rule_id in verdict.rules:
        if rule_id in shapes:
            graph.add((v, EOKB.rule, shapes[rule_id]))
    if verdict.report_verdict_iri is not None:
        graph.add((v, EOKB.reportVerdict, URIRef(verdict.report_verdict_iri)))
    if verdict.agrees is not None:
        graph.add((v, EOKB.agreesWithReport, Literal(verdict.agrees)))
    if verdict.comparison == "agrees":
        graph.add((v, EOKB.independentOfReport, Literal(verdict.independent)))
    if verdict.own_reading:  # the report gives no verdict: the checker's own reading of its facts
        graph.add((v, EOKB.ownReading, Literal(True)))


def verdict_graph(judgement: Judgement) -> Graph:
    """The validation report and the verdicts as triples.
    """
    graph = Graph()
    shapes = {rule.id: rule.shape for rule in every_rule(judgement)}
    raws = {_raw_key(raw): raw for raw in judgement.raw}
    graph.add((VALIDATION_REPORT, RDF.type, SH.ValidationReport))
    graph.add((VALIDATION_REPORT, SH.conforms, Literal(not judgement.raw)))
    for verdict in judgement.verdicts:
        _add_verdict(graph, verdict, shapes, raws)
    placed = {(str(r.rule.shape), r.focus, r.value) for v in judgement.verdicts for r in v.results}
    unplaced = sorted((raw for raw in judgement.raw if _raw_key(raw) not in placed),
                      key=lambda raw: (raw.shape, raw.focus, str(raw.value)))
    for n, raw in enumerate(unplaced, start=1):
        _add_result(graph, URIRef(f"{VALIDATION_REPORT}#result-{n}"), raw, None)
    return graph


def render(judgement: Judgement) -> str:
    return canonical_turtle(verdict_graph(judgement))
