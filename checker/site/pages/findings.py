"""Pages of the Findings part: observation reports, their sections, a page per finding."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import DCTERMS, RDF, RDFS

from checker.site import urls
from checker.site.pages.common import Page, Quote, Site, crumbs, quotes, verdicts_resting_on
from checker.site.pages.observed import FactRow, LinkedVerdict, MediaRow, fact_row, linked_verdict, media_row, observed_facts
from checker.site.view import Link, View
from checker.graph.vocab import EOKB


@dataclass
class Finding:
    label: str
    statement: str
    election: Link | None
    section: Link
    page: str | None
    lines: str
    quotes: list[Quote]
    figures: list[tuple[str, str, str]]  # label, value, unit
    report_verdict: str | None
    severity: str | None
    commitments: list[LinkedVerdict]  # the report cites them at this passage
    provisions: list[Link]
    recommendations: list[Link]
    verdicts: list[tuple[Link, str, str]]
    topics: list[str]
    readings: list[LinkedVerdict]  # the knowledge base's own reading, with why
    measured: list[FactRow]
    media: list[MediaRow]


def _report_of(view: View, node):
    """The report a section or finding belongs to (sections nest: follow isPartOf up)."""
    seen = set()
    while node is not None and node not in seen and not view.is_a(node, EOKB.ObservationReport):
        seen.add(node)
        node = view.value(node, EOKB.section) or view.value(node, DCTERMS.isPartOf)
    return node


def _sections(view: View, parent) -> list:
    return [s for s in view.subjects(DCTERMS.isPartOf, parent) if view.is_a(s, EOKB.ReportSection)]


def _section_tree(view: View, parent, depth=0) -> list[tuple[Link, int, int]]:
    rows = []
    for section in sorted(_sections(view, parent), key=lambda s: view.python(s, EOKB.firstLine) or 0):
        rows.append((view.link(section), len(view.subjects(EOKB.section, section)), depth))
        rows += _section_tree(view, section, depth + 1)
    return rows


def index_page(site: Site) -> Page:
    view = site.view
    reports = [(view.link(r), view.text(r, DCTERMS.publisher) or "", view.text(r, DCTERMS.issued) or "")
               for r in view.instances(EOKB.ObservationReport)]
    return Page(urls.fixed("findings"), "Findings", "findings_index.md.j2", reports, crumbs("findings")[:1])


def report_page(site: Site, report) -> Page:
    view = site.view
    model = {
        "title": view.text(report, DCTERMS.title) or "", "publisher": view.text(report, DCTERMS.publisher),
        "mission": view.text(report, EOKB.mission), "published": view.text(report, DCTERMS.issued),
        "place": view.text(report, EOKB.place), "elections": view.links(view.objects(report, EOKB.observes)),
        "sections": _section_tree(view, report),
        "recommendations": [view.link(r) for r in view.instances(EOKB.Recommendation)
                            if str(r).startswith(str(report) + "/")],
    }
    return Page(view.target(report), view.label(report), "report.md.j2", model, crumbs("findings"))


def section_page(site: Site, section) -> Page:
    view = site.view
    report = _report_of(view, section)
    parent = view.value(section, DCTERMS.isPartOf)
    findings = sorted(view.subjects(EOKB.section, section), key=lambda f: view.python(f, EOKB.firstLine) or 0)
    model = {
        "number": view.text(section, EOKB.sectionNumber), "title": view.text(section, DCTERMS.title) or "",
        "page": view.text(section, EOKB.page),
        "lines": f"{view.text(section, EOKB.firstLine)}–{view.text(section, EOKB.lastLine)}",
        "report": view.link(report),
        "subsections": [(view.link(s), len(view.subjects(EOKB.section, s)), 0) for s in _sections(view, section)],
        "findings": [(view.link(f), view.text(f, EOKB.statement) or "") for f in findings],
    }
    trail = [view.link(report)] + ([view.link(parent)] if parent != report and parent is not None else [])
    return Page(view.target(section), view.label(section), "section.md.j2", model, crumbs("findings", *trail))


def finding_page(site: Site, finding) -> Page:
    view = site.view
    section = view.value(finding, EOKB.section)
    first, last = view.text(finding, EOKB.firstLine), view.text(finding, EOKB.lastLine)
    severity = view.value(finding, EOKB.severity)
    election = view.value(finding, EOKB.election)
    model = Finding(
        label=view.label(finding),
        statement=view.text(finding, EOKB.statement) or "",
        election=view.link(view.value(finding, EOKB.election)) if view.value(finding, EOKB.election) else None,
        section=view.link(section),
        page=view.text(finding, EOKB.page),
        lines=f"{first}–{last}",
        quotes=quotes(view, finding),
        figures=[(view.text(f, RDFS.label) or "", view.text(f, RDF.value) or "", view.text(f, EOKB.unit) or "")
                 for f in view.objects(finding, EOKB.figure)],
        report_verdict=view.text(finding, EOKB.reportVerdictWording),
        severity=view.short_id(severity) if severity is not None else None,
        commitments=[linked_verdict(site, c, election) for c in view.objects(finding, EOKB.concerns)],
        provisions=view.links(view.objects(finding, EOKB.concernsProvision)),
        recommendations=view.links(view.subjects(EOKB.answers, finding)),
        verdicts=verdicts_resting_on(site, finding),
        topics=[str(t) for t in view.objects(finding, EOKB.topic)],
        readings=[linked_verdict(site, view.value(r, EOKB.commitment), election, view.text(r, RDFS.comment) or "")
                  for r in view.objects(finding, EOKB.kbReading)],
        measured=[fact_row(view, f) for f in observed_facts(view, finding, EOKB.MeasuredFact)],
        media=[media_row(view, f) for f in observed_facts(view, finding, EOKB.MediaCoverage)],
    )
    report = _report_of(view, section)
    return Page(view.target(finding), model.label, "finding.md.j2", model,
                crumbs("findings", view.link(report), view.link(section)))
