"""Pages of the Commitments part: the standards, and a page for each commitment."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import DCTERMS, RDFS, SH, SKOS

from checker.site import urls
from checker.site.pages.answers import Answer, answer
from checker.site.pages.common import Page, Quote, Site, crumbs, quote, quotes
from checker.site.verdicts import Verdict, rule_name
from checker.site.view import Link, View
from checker.graph.vocab import EOKB


@dataclass
class StandardSummary:
    link: Link
    title: str
    legal_force: str
    commitments: list[tuple[Link, str, int]]  # link, description, depth


@dataclass
class Rule:
    rule_id: str
    link: Link
    comment: str
    severity: str | None


@dataclass
class ReportVerdict:
    anchor: str
    election: Link
    wording: str
    severity: str
    quotes: list[Quote]
    findings: list[Link]


@dataclass
class Commitment:
    label: str
    standard: Link
    legal_force: str
    description: str
    text: Quote | None
    broader: Link | None
    narrower: list[Link]
    official: str | None
    rules: list[Rule]
    verdicts: list[Verdict]
    report_verdicts: list[ReportVerdict]
    findings: list[tuple[Link, str]] = field(default_factory=list)  # the report cites the commitment there
    recommendations: list[tuple[Link, str]] = field(default_factory=list)
    readings: list[tuple[Link, str, str]] = field(default_factory=list)  # the knowledge base's reading, with why
    answers: list[Answer] = field(default_factory=list)  # the answer box: per election, in words


def http_url(node) -> str | None:
    """An external address worth linking: http(s) only, whatever the graph says."""
    text = str(node) if node is not None else ""
    return text if text.startswith(("https://", "http://")) else None


def standard_summary(view: View, standard, with_commitments: bool) -> StandardSummary:
    rows = []
    if with_commitments:
        def walk(concepts, depth):
            for concept in concepts:
                rows.append((view.link(concept, view.commitment_label(concept)),
                             view.text(concept, SKOS.definition) or "", depth))
                walk(view.subjects(SKOS.broader, concept), depth + 1)
        walk(view.objects(standard, SKOS.hasTopConcept), 0)
    return StandardSummary(view.link(standard), view.text(standard, DCTERMS.title) or "",
                           view.label(view.value(standard, EOKB.legalForce)), rows)


def index_page(site: Site) -> Page:
    view = site.view
    standards = [standard_summary(view, s, False) for s in view.instances(EOKB.Standard)]
    return Page(urls.fixed("commitments"), "Commitments", "commitments_index.md.j2",
                standards, crumbs("commitments")[:1])


def standard_page(site: Site, standard) -> Page:
    view = site.view
    summary = standard_summary(view, standard, True)
    model = {"summary": summary, "publisher": view.text(standard, DCTERMS.publisher),
             "adopted": view.text(standard, DCTERMS.issued), "note": view.text(standard, EOKB.note),
             "official": http_url(view.value(standard, RDFS.seeAlso))}
    return Page(view.target(standard), view.label(standard), "standard.md.j2", model, crumbs("commitments"))


def _rule(view: View, shape) -> Rule:
    rule_id = view.text(shape, EOKB.ruleId) or view.short_id(shape)
    severity = view.value(shape, SH.severity)
    return Rule(rule_id, view.link(shape, rule_name(view, shape)), view.text(shape, RDFS.comment) or "",
                view.short_id(severity) if severity is not None else None)


def _report_verdict(view: View, node) -> ReportVerdict:
    return ReportVerdict(
        anchor=view.target(node).anchor, election=view.link(view.value(node, EOKB.election)),
        wording=view.text(node, EOKB.wording) or "", severity=view.short_id(view.value(node, EOKB.severity)),
        quotes=quotes(view, node), findings=view.links(view.objects(node, EOKB.restsOn)))


def _why(view: View, finding, commitment) -> str:
    """Why the knowledge base relates a finding to a commitment (its eokb:KbReading)."""
    return next((view.text(r, RDFS.comment) or "" for r in view.objects(finding, EOKB.kbReading)
                 if view.value(r, EOKB.commitment) == commitment), "")


def commitment_page(site: Site, commitment) -> Page:
    view = site.view
    standard = view.value(commitment, SKOS.inScheme)
    text = view.value(commitment, EOKB.textQuotation)
    concerned = view.subjects(EOKB.concerns, commitment)
    model = Commitment(
        label=view.label(commitment),
        standard=view.link(standard),
        legal_force=view.label(view.value(standard, EOKB.legalForce)),
        description=view.text(commitment, SKOS.definition) or "",
        text=quote(view, text) if text is not None else None,
        broader=view.link(view.value(commitment, SKOS.broader)) if view.value(commitment, SKOS.broader) else None,
        narrower=view.links(view.subjects(SKOS.broader, commitment)),
        official=http_url(view.value(commitment, RDFS.seeAlso)),
        rules=[_rule(view, shape) for shape in view.subjects(EOKB.expresses, commitment)],
        verdicts=[site.verdicts.verdict_for(commitment, e) for e in site.elections],
        report_verdicts=[_report_verdict(view, v) for v in view.subjects(EOKB.commitment, commitment)
                         if view.is_a(v, EOKB.ReportVerdict)],
        findings=[(view.link(f), view.text(f, EOKB.statement) or "") for f in concerned
                  if view.is_a(f, EOKB.Finding)],
        recommendations=[(view.link(r), view.text(view.value(r, EOKB.quotation), EOKB.quotedText) or "")
                         for r in concerned if view.is_a(r, EOKB.Recommendation)],
        readings=[(view.link(f), view.text(f, EOKB.statement) or "", _why(view, f, commitment))
                  for f in view.subjects(EOKB.relatesTo, commitment)],
        answers=[answer(site, commitment, e) for e in site.elections],
    )
    return Page(view.target(commitment), model.label, "commitment.md.j2", model,
                crumbs("commitments", view.link(standard)))
