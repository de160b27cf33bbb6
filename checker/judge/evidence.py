"""What a verdict rests on: the facts its rules examined (with their basis), the provision
versions that state them, the report's findings, and the recommendations that answer them.

Every verdict carries evidence, "met" and "partly-assessed" included: the facts each assessed
rule examined and the provision versions in force that state them. A recommendation is evidence
only for the elections its own report observed.
"""

from __future__ import annotations

from rdflib import PROV, RDF, RDFS, Graph, URIRef

from checker.graph.ids import ID_BASE, readable
from checker.graph.namespaces import ELI
from checker.graph.terms import FACT_BASIS
from checker.graph.vocab import EOKB
from checker.judge.model import BASES, Evidence, FactEvidence, FindingEvidence, Result, VersionEvidence
from checker.judge.rules import Rule

BASIS_KEYS = {node: key for key, node in FACT_BASIS.items()}


def holders(framed: Graph, election: URIRef) -> set:
    """What the rules can judge for an election: the facts in force and its observations."""
    return set(framed.objects(election, EOKB.factInForce)) | set(framed.objects(election, EOKB.observation))


def examined(framed: Graph, election: URIRef, rule: Rule) -> list[URIRef]:
    """The facts (or observations) in force for the election that state a property the rule needs."""
    return sorted(h for h in holders(framed, election) if any((h, need, None) in framed for need in rule.needs))


def assessable(framed: Graph, election: URIRef, rule: Rule) -> bool:
    """A rule can judge an election when the facts in force state every property it needs."""
    found = holders(framed, election)
    if not found:
        return not rule.needs
    return all(any((holder, need, None) in framed for holder in found) for need in rule.needs)


def basis_of(graph: Graph, node) -> str | None:
    """Where a fact comes from; observers' statistics and results tables are observations."""
    declared = graph.value(node, EOKB.basis)
    if declared is not None:
        return BASIS_KEYS.get(declared)
    if (node, RDF.type, EOKB.MeasuredFact) in graph or (node, EOKB.election, None) in graph:
        return "observation"
    return None


def weakest(bases) -> str | None:
    known = [b for b in bases if b in BASES]
    return max(known, key=BASES.index) if known else None


def evidence(graph: Graph, election: URIRef, commitment: URIRef, results: list[Result],
             facts: dict[URIRef, list[str]]) -> Evidence:
    """The evidence of one verdict: `results` are its own, `facts` the facts its assessed rules
    examined (fact → rule ids)."""
    found = Evidence()
    finding_nodes: list[URIRef] = []
    nodes = dict(facts)
    for result in results:
        for node in filter(None, [URIRef(ID_BASE + result.value) if result.value_is_node else None,
                                  URIRef(ID_BASE + result.focus)]):
            if node != election:
                nodes.setdefault(node, [result.rule.id])
    versions = set()
    for node, rule_ids in sorted(nodes.items()):
        version = graph.value(None, EOKB.states, node)
        if version is not None:
            versions.add(version)
        finding_nodes.extend(graph.objects(node, PROV.wasDerivedFrom))
        if node in facts or graph.value(node, EOKB.basis) is not None:
            found.facts.append(_fact(graph, node, rule_ids, version))
    found.versions = sorted((version_evidence(graph, v) for v in versions), key=lambda v: (v.provision, v.in_force_from))
    for predicate in (EOKB.concerns, EOKB.relatesTo):  # the report cites it there; the KB's own reading
        for finding in graph.subjects(predicate, commitment):
            if (finding, RDF.type, EOKB.Finding) in graph and (finding, EOKB.election, election) in graph:
                finding_nodes.append(finding)
    for finding in sorted(set(f for f in finding_nodes if (f, RDF.type, EOKB.Finding) in graph)):
        found.findings.append(finding_evidence(graph, finding, commitment))
    found.recommendations = recommendations(graph, election, commitment, finding_nodes)
    return found


def recommendations(graph: Graph, election: URIRef, commitment: URIRef, findings: list[URIRef]) -> list[str]:
    """The recommendations that answer the commitment or the findings, of reports that observed
    this election (a recommendation never answers another country's or another cycle's verdict)."""
    candidates = set(graph.subjects(EOKB.concerns, commitment))
    for finding in findings:
        candidates |= set(graph.subjects(EOKB.answers, finding))
    observing = set(graph.subjects(EOKB.observes, election))
    return sorted(readable(r) for r in candidates
                  if (r, RDF.type, EOKB.Recommendation) in graph and _report_of(r) in observing)


def _report_of(recommendation: URIRef) -> URIRef:
    """<report>/rec/<n> → <report> (the id rule of recommendations, docs/formats.md)."""
    return URIRef(str(recommendation).rsplit("/rec/", 1)[0])


def _fact(graph: Graph, node: URIRef, rule_ids: list[str], version) -> FactEvidence:
    values = []
    for predicate, value in sorted(graph.predicate_objects(node)):
        if str(predicate).startswith(str(EOKB)) and predicate not in _NOT_VALUES:
            values.append((str(predicate)[len(str(EOKB)):], readable(value)))
    note = graph.value(node, EOKB.basisNote)
    return FactEvidence(readable(node), tuple(sorted(set(rule_ids))), basis_of(graph, node),
                        " ".join(str(note).split()) if note is not None else None,
                        readable(version) if version is not None else None, tuple(values))


_NOT_VALUES = {EOKB.sourceFile, EOKB.sourceLine, EOKB.sourceColumn, EOKB.basis, EOKB.basisNote, EOKB.holdsFrom,
               EOKB.chamber, EOKB.election, EOKB.observation, EOKB.quotation, EOKB.phase, EOKB.measure}


def version_evidence(graph: Graph, version: URIRef) -> VersionEvidence:
    provision = graph.value(version, ELI.realizes)
    instrument = graph.value(provision, ELI.is_part_of)
    label = f"{graph.value(instrument, RDFS.label)}, {graph.value(provision, RDFS.label)}"
    end = graph.value(version, ELI.date_no_longer_in_force)
    dates = graph.value(version, EOKB.datesBasis)
    return VersionEvidence(readable(version), readable(provision), label,
                           str(graph.value(version, ELI.first_date_entry_in_force)), str(end) if end else None,
                           str(dates) if dates is not None else None)


def finding_evidence(graph: Graph, finding: URIRef, commitment: URIRef | None = None) -> FindingEvidence:
    """A finding as evidence for a verdict on `commitment`, with how it bears on it: cited by the
    report there, the knowledge base's own reading (and why), or stating a fact a rule examined."""
    quotes = sorted(graph.objects(finding, EOKB.quotation))
    quote = str(graph.value(quotes[0], EOKB.quotedText)) if quotes else ""
    page = graph.value(finding, EOKB.page)
    link, why = "fact", None
    if commitment is not None and (finding, EOKB.concerns, commitment) in graph:
        link = "cited"
    elif commitment is not None and (finding, EOKB.relatesTo, commitment) in graph:
        link = "reading"
        why = next((str(graph.value(r, RDFS.comment)) for r in graph.objects(finding, EOKB.kbReading)
                    if graph.value(r, EOKB.commitment) == commitment), None)
    return FindingEvidence(readable(finding), str(graph.value(finding, EOKB.statement)),
                           int(page) if page is not None else None, quote, link,
                           " ".join(why.split()) if why else None)
