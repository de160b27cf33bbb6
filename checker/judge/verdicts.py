"""Judging: from the rules' results to a verdict per (election, commitment), with evidence.

The verdict of a commitment for an election is computed, never written down:

* the most severe result of its rules for that election, unwaived: violation → violated,
  warning → at-risk, info → noted;
* met, when at least one of its rules could judge (the facts it needs are in force) and
  found nothing;
* waived, when every result was accepted by a waiver;
* not assessed, when no rule expresses it or none of its rules had the facts it needs.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from rdflib import PROV, RDF, SH, Graph, URIRef

from checker.graph.ids import ID_BASE, readable

from checker.graph.namespaces import ELI
from checker.judge.engines import ENGINES, RawResult
from checker.kb.errors import Pos
from checker.graph.framework import Judged, elections, frame
from checker.judge.rules import Rule
from checker.graph.vocab import EOKB

VERDICT_ORDER = ("violated", "at-risk", "noted", "waived", "met", "not-assessed")
FROM_SEVERITY = {"violation": "violated", "warning": "at-risk", "info": "noted"}




@dataclass(frozen=True)
class Waiver:
    rule: str
    election: str
    justification: str
    owner: str
    expires: datetime.date
    pos: Pos


@dataclass(frozen=True)
class Result:
    """One rule's finding for one election, located where an expert wrote its cause."""

    rule: Rule
    election: str
    focus: str
    value: str | None
    message: str
    pos: Pos | None  # the YAML place of the value (a fact) or else of the focus
    waiver: Waiver | None = None
    value_is_node: bool = False  # the value names a record (a fact), not a literal


@dataclass(frozen=True)
class VersionEvidence:
    iri: str
    provision: str
    label: str  # "Constitution, Article 51"
    in_force_from: str
    in_force_to: str | None


@dataclass(frozen=True)
class FindingEvidence:
    id: str
    statement: str
    page: int | None
    quote: str


@dataclass
class Evidence:
    versions: list[VersionEvidence] = field(default_factory=list)
    findings: list[FindingEvidence] = field(default_factory=list)
    recommendations: list[str] = field(default_factory=list)


@dataclass
class Verdict:
    election: str
    commitment: str
    as_of: datetime.date
    verdict: str
    rules: list[str]  # ids of the rules that express the commitment
    assessed: list[str]  # ids of those that had the facts they need
    results: list[Result]
    evidence: Evidence
    report_verdict: str | None = None  # the report's own, as a verdict value
    report_wording: str | None = None
    report_verdict_iri: str | None = None  # the eokb:ReportVerdict it was compared with

    @property
    def agrees(self) -> bool | None:
        return None if self.report_verdict is None else self.verdict == self.report_verdict


@dataclass
class Judgement:
    verdicts: list[Verdict]
    results: list[Result]
    raw: list[RawResult]
    rules: list[Rule] = field(default_factory=list)  # every rule of the run, with results or not


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
    raw = ENGINES[engine](framed, shapes)
    results = _results(framed, raw, rules, judged, waivers(graph))
    verdicts = [
        _verdict(framed, item, commitment, rules, results)
        for item in judged
        for commitment in sorted(graph.subjects(RDF.type, EOKB.Commitment))
    ]
    return Judgement(verdicts, results, raw, sorted(rules, key=lambda rule: rule.id))


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
                               | set(framed.objects(focus, EOKB.election)))  # e.g. a polling station (issue 7)
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


def assessable(framed: Graph, election: URIRef, rule: Rule) -> bool:
    """A rule can judge an election when a fact in force (or an observation) states every
    property it needs."""
    holders = set(framed.objects(election, EOKB.factInForce)) | set(framed.objects(election, EOKB.observation))
    return all(any((holder, need, None) in framed for holder in holders) for need in rule.needs) \
        if holders else not rule.needs


def _verdict(framed: Graph, item: Judged, commitment: URIRef, rules: list[Rule], results: list[Result]) -> Verdict:
    commitment_id = readable(commitment)
    election_id = readable(item.election)
    expressing = [rule for rule in rules if commitment_id in rule.commitments]
    assessed = [rule for rule in expressing if assessable(framed, item.election, rule)]
    mine = [r for r in results if r.election == election_id and commitment_id in r.rule.commitments]
    open_results = [r for r in mine if r.waiver is None]
    if open_results:
        worst = min(open_results, key=lambda r: ("violation", "warning", "info").index(r.rule.severity))
        value = FROM_SEVERITY[worst.rule.severity]
    elif mine:
        value = "waived"
    elif assessed:
        value = "met"
    else:
        value = "not-assessed"
    verdict = Verdict(election_id, commitment_id, item.day, value, [r.id for r in expressing],
                      [r.id for r in assessed], mine, _evidence(framed, item.election, commitment, mine))
    _compare_with_report(framed, item.election, commitment, verdict)
    return verdict


def _evidence(graph: Graph, election: URIRef, commitment: URIRef, results: list[Result]) -> Evidence:
    evidence = Evidence()
    seen_versions = set()
    finding_nodes: list[URIRef] = []
    for result in results:
        node = URIRef(ID_BASE + result.value) if result.value_is_node else None
        for fact in filter(None, [node, URIRef(ID_BASE + result.focus)]):
            for version in graph.subjects(EOKB.states, fact):
                if version not in seen_versions:
                    seen_versions.add(version)
                    evidence.versions.append(_version_evidence(graph, version))
            finding_nodes.extend(graph.objects(fact, PROV.wasDerivedFrom))
    for finding in graph.subjects(EOKB.concerns, commitment):
        if (finding, RDF.type, EOKB.Finding) in graph and (finding, EOKB.election, election) in graph:
            finding_nodes.append(finding)
    for finding in sorted(set(f for f in finding_nodes if (f, RDF.type, EOKB.Finding) in graph)):
        evidence.findings.append(_finding_evidence(graph, finding))
    recommendations = set(graph.subjects(EOKB.concerns, commitment))
    for finding in finding_nodes:
        recommendations |= set(graph.subjects(EOKB.answers, finding))
    evidence.recommendations = sorted(readable(r) for r in recommendations
                                      if (r, RDF.type, EOKB.Recommendation) in graph)
    evidence.versions.sort(key=lambda v: (v.provision, v.in_force_from))
    return evidence


def _version_evidence(graph: Graph, version: URIRef) -> VersionEvidence:
    provision = graph.value(version, ELI.realizes)
    instrument = graph.value(provision, ELI.is_part_of)
    label = f"{graph.value(instrument, URIRef('http://www.w3.org/2000/01/rdf-schema#label'))}, " \
            f"{graph.value(provision, URIRef('http://www.w3.org/2000/01/rdf-schema#label'))}"
    end = graph.value(version, ELI.date_no_longer_in_force)
    return VersionEvidence(readable(version), readable(provision), label,
                           str(graph.value(version, ELI.first_date_entry_in_force)), str(end) if end else None)


def _finding_evidence(graph: Graph, finding: URIRef) -> FindingEvidence:
    quotes = sorted(graph.objects(finding, EOKB.quotation))
    quote = str(graph.value(quotes[0], EOKB.quotedText)) if quotes else ""
    page = graph.value(finding, EOKB.page)
    return FindingEvidence(readable(finding), str(graph.value(finding, EOKB.statement)),
                           int(page) if page is not None else None, quote)


def _compare_with_report(graph: Graph, election: URIRef, commitment: URIRef, verdict: Verdict) -> None:
    severities = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
    found = []
    for node in graph.subjects(EOKB.commitment, commitment):
        if (node, RDF.type, EOKB.ReportVerdict) in graph and (node, EOKB.election, election) in graph:
            found.append((severities[graph.value(node, EOKB.severity)], str(graph.value(node, EOKB.wording)), node))
    if found:
        severity, wording, node = min(found, key=lambda f: (("violation", "warning", "info").index(f[0]), str(f[2])))
        verdict.report_verdict = FROM_SEVERITY[severity]
        verdict.report_wording = wording
        verdict.report_verdict_iri = str(node)

