"""Judging: from the rules' results to verdicts per election, commitment and scope.

Verdicts are computed, never written down (the rules of checker/judge/outcome.py). For every
election and every commitment of the graph:

* one verdict per scope (law, conduct, results) that has rules expressing the commitment, or
  that the report itself judges;
* an `overall` verdict over those scopes;

each with its rules and which of them had facts, the standard's applicability on the day and its
legal force, the weakest basis among the facts it rests on, and its evidence; and, where the
report gives its own verdict in the same scope, the comparison with it.
"""

from __future__ import annotations

import datetime

from rdflib import RDF, SH, Graph, URIRef

from checker.graph.framework import Judged, elections, frame
from checker.graph.ids import readable
from checker.graph.vocab import EOKB
from checker.judge.applicability import applicability
from checker.judge.engines import ENGINES, RawResult
from checker.judge.evidence import assessable, evidence, examined, weakest
from checker.judge.model import (
    SCOPES, VERDICT_ORDER, Applicability, Judgement, Result, Verdict, Waiver,
)
from checker.judge.outcome import FROM_SEVERITY, capped, overall_outcome, scope_outcome
from checker.judge.parameters import in_force
from checker.judge.rules import Rule
from checker.kb.errors import Pos

__all__ = ["VERDICT_ORDER", "Judgement", "Result", "Verdict", "Waiver", "judge", "position", "waivers"]

SCOPE_KEYS = {EOKB.LawScope: "law", EOKB.ConductScope: "conduct", EOKB.ResultsScope: "results"}


def waivers(graph: Graph) -> list[Waiver]:
    """The waivers of the graph (checked when the knowledge base was loaded: checker.judge.waivers)."""
    return [
        Waiver(rule=str(graph.value(node, EOKB.ruleId)), election=readable(graph.value(node, EOKB.election)),
               justification=str(graph.value(node, EOKB.justification)), owner=str(graph.value(node, EOKB.owner)),
               expires=graph.value(node, EOKB.expires).toPython(), pos=position(graph, node))
        for node in sorted(graph.subjects(RDF.type, EOKB.Waiver))
    ]


def position(graph: Graph, node) -> Pos | None:
    path = graph.value(node, EOKB.sourceFile)
    if path is None:
        return None
    return Pos(str(path), int(graph.value(node, EOKB.sourceLine) or 0), int(graph.value(node, EOKB.sourceColumn) or 0))


def judge(graph: Graph, shapes: Graph, rules: list[Rule], as_of: datetime.date | None = None,
          engine: str = "pyshacl") -> Judgement:
    """Run the rules over the graph framed for each election, and judge every commitment."""
    judged = elections(graph, as_of)
    framed = frame(graph, judged)
    effective, parameters = in_force(shapes, graph)
    raw = ENGINES[engine](framed, effective)
    results = _results(framed, raw, rules, judged, waivers(graph))
    verdicts = []
    for item in judged:
        for commitment in sorted(graph.subjects(RDF.type, EOKB.Commitment)):
            verdicts += _verdicts(framed, item, commitment, rules, results)
    binding = {(v.election, rule) for v in verdicts if v.scope != "overall" and v.verdict != "not-applicable"
               for rule in v.rules}
    applicable = [r for r in results if (r.election, r.rule.id) in binding]
    inapplicable = [r for r in results if (r.election, r.rule.id) not in binding]
    return Judgement(verdicts, applicable, raw, sorted(rules, key=lambda rule: rule.id), parameters, inapplicable)


def _results(framed: Graph, raw: list[RawResult], rules: list[Rule], judged: list[Judged],
             accepted: list[Waiver]) -> list[Result]:
    by_shape = {str(rule.shape): rule for rule in rules}
    judged_elections = {item.election for item in judged}
    results = []
    for item in raw:
        rule = by_shape.get(item.shape)
        if rule is None:
            continue  # a helper shape that is not a rule
        focus = URIRef(item.focus)
        if focus in judged_elections:
            concerned = [focus]
        else:
            concerned = sorted(set(framed.subjects(EOKB.factInForce, focus)) | set(framed.subjects(EOKB.observation, focus))
                               | set(framed.objects(focus, EOKB.election)))  # e.g. a polling station
        located = item.value if isinstance(item.value, URIRef) else focus
        pos = position(framed, located) or position(framed, focus)
        for election in concerned:
            if election not in judged_elections:
                continue
            election_id = readable(election)
            waiver = next((w for w in accepted if w.rule == rule.id and w.election == election_id), None)
            value = None if item.value is None else (readable(item.value) if isinstance(item.value, URIRef)
                                                     else str(item.value))
            results.append(Result(rule, election_id, readable(focus), value, item.message or rule.message, pos, waiver,
                                  isinstance(item.value, URIRef)))
    return sorted(results, key=lambda r: (r.election, r.rule.id, r.focus, r.value or ""))


def _verdicts(framed: Graph, item: Judged, commitment: URIRef, rules: list[Rule],
              results: list[Result]) -> list[Verdict]:
    """The scope verdicts of one commitment for one election, then its overall verdict."""
    commitment_id, election_id = readable(commitment), readable(item.election)
    applies = applicability(framed, item.election, commitment, item.day)
    expressing = [rule for rule in rules if commitment_id in rule.commitments]
    reported = _report_verdicts(framed, item.election, commitment)
    scoped = []
    for scope in SCOPES:
        mine = [rule for rule in expressing if rule.scope == scope]
        if not mine and scope not in reported:
            continue
        ids = {rule.id for rule in mine}
        own = [r for r in results if r.election == election_id and r.rule.id in ids]
        assessed = [rule for rule in mine if assessable(framed, item.election, rule)]
        facts: dict[URIRef, list[str]] = {}
        for rule in assessed:
            for fact in examined(framed, item.election, rule):
                facts.setdefault(fact, []).append(rule.id)
        verdict = Verdict(election_id, commitment_id, item.day,
                          scope_outcome(applies, [r.id for r in mine], [r.id for r in assessed], own),
                          [r.id for r in mine], [r.id for r in assessed], own,
                          evidence(framed, item.election, commitment, own, facts), scope, applies)
        used = [f for f in verdict.evidence.facts if not own or f.id in _result_nodes(own)]
        verdict.basis = weakest(f.basis for f in used)
        if scope in reported:
            _compare(verdict, reported[scope], applies)
            verdict.report_judged = True
        scoped.append(verdict)
    overall = Verdict(election_id, commitment_id, item.day, overall_outcome(applies, [v.verdict for v in scoped]),
                      [r for v in scoped for r in v.rules], [r for v in scoped for r in v.assessed],
                      [r for v in scoped for r in v.results],
                      evidence(framed, item.election, commitment, [r for v in scoped for r in v.results], {}),
                      "overall", applies, weakest(v.basis for v in scoped), {v.scope: v.verdict for v in scoped})
    overall.evidence.facts = [f for v in scoped for f in v.evidence.facts]
    overall.evidence.versions = sorted({ver for v in scoped for ver in v.evidence.versions},
                                       key=lambda ver: (ver.provision, ver.in_force_from))
    overall.report_judged = any(v.report_judged for v in scoped)
    overall.own_scopes = [v.scope for v in scoped if v.own_reading]
    return [*scoped, overall]


def _result_nodes(results: list[Result]) -> set[str]:
    return {r.value for r in results if r.value_is_node} | {r.focus for r in results}


def _report_verdicts(graph: Graph, election: URIRef, commitment: URIRef) -> dict[str, tuple]:
    """The report's own verdicts on the commitment for the election, by scope: the most severe
    of each scope, as (severity, wording, node)."""
    severities = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
    found: dict[str, list] = {}
    for node in graph.subjects(EOKB.commitment, commitment):
        if (node, RDF.type, EOKB.ReportVerdict) in graph and (node, EOKB.election, election) in graph:
            scope = SCOPE_KEYS.get(graph.value(node, EOKB.scope), "law")
            found.setdefault(scope, []).append(
                (severities[graph.value(node, EOKB.severity)], str(graph.value(node, EOKB.wording)), node))
    return {scope: min(items, key=lambda f: (("violation", "warning", "info").index(f[0]), str(f[2])))
            for scope, items in found.items()}


def _compare(verdict: Verdict, reported: tuple, applies: Applicability) -> None:
    """The report's verdict, read with the same legal force: a good-practice text's "violates"
    is a departure from good practice (at-risk), as the computed verdict's is."""
    severity, wording, node = reported
    verdict.report_verdict = capped(severity, applies) if applies.applicable else FROM_SEVERITY[severity]
    verdict.report_wording = wording
    verdict.report_verdict_iri = str(node)
