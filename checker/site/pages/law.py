"""Pages of the Law part: countries, legal instruments, and a page for each provision with
its versions as a timeline."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import DCTERMS, RDF, RDFS

from checker.graph.namespaces import ELI
from checker.site import urls
from checker.site.pages.common import Page, Quote, Site, crumbs, quotes, verdicts_resting_on
from checker.site.view import Link, View, humanize, natural_key
from checker.graph.vocab import EOKB


@dataclass
class Version:
    link: Link  # to the version's section of the page
    anchor: str
    in_force_from: str
    in_force_to: str | None
    dates_basis: str
    dates_note: str | None
    summary: str
    quotes: list[Quote]
    facts: list[tuple[str, list[tuple[str, str | Link]]]]  # (kind of fact, [(property, value)])
    verdicts: list[tuple[Link, str, str]]  # verdict link, verdict key, verdict label


@dataclass
class Provision:
    label: str
    title: str
    instrument: Link
    versions: list[Version]
    commitments: list[Link]
    findings: list[tuple[Link, str]]
    recommendations: list[Link]


def versions_in_force(view: View, election) -> list:
    """The provision versions in force on an election's day: the checker's (`eokb:governedBy`)
    when it recorded them, else read from the dates of the versions of the election's country's
    law (never another country's)."""
    recorded = view.objects(election, EOKB.governedBy)
    if recorded:
        return recorded
    day, country = view.text(election, DCTERMS.date), view.value(election, EOKB.country)
    if not day:
        return []
    in_force = []
    for version in view.instances(EOKB.ProvisionVersion):
        since = view.text(version, ELI.first_date_entry_in_force) or ""
        until = view.text(version, ELI.date_no_longer_in_force)
        instrument = view.value(view.value(version, ELI.realizes), ELI.is_part_of)
        if since <= day and (until is None or day <= until) and view.value(instrument, EOKB.country) == country:
            in_force.append(version)
    return in_force


def index_page(site: Site) -> Page:
    view = site.view
    countries = [(view.link(c), [(view.link(i), view.text(i, ELI.title) or "") for i in _instruments(view, c)])
                 for c in view.instances(EOKB.Country)]
    return Page(urls.fixed("law"), "Law", "law_index.md.j2", countries, crumbs("law")[:1])


def _instruments(view: View, country) -> list:
    return [i for i in view.subjects(EOKB.country, country) if view.is_a(i, EOKB.LegalInstrument)]


def country_page(site: Site, country) -> Page:
    view = site.view
    model = {
        "overview": Link("Its elections, reports and recommendations", urls.page("countries", urls.record_id(country))),
        "instruments": [(view.link(i), view.text(i, ELI.title) or "") for i in _instruments(view, country)],
        "chambers": [(view.label(c), view.text(c, DCTERMS.description) or "")
                     for c in view.subjects(EOKB.country, country) if view.is_a(c, EOKB.Chamber)],
        "bodies": [(view.label(b), view.text(b, DCTERMS.description) or "")
                   for b in view.subjects(EOKB.country, country) if view.is_a(b, EOKB.Body)],
    }
    return Page(view.target(country), view.label(country), "country.md.j2", model, crumbs("law"))


def instrument_page(site: Site, instrument) -> Page:
    view = site.view
    country = view.value(instrument, EOKB.country)
    model = {
        "title": view.text(instrument, ELI.title) or "", "kind": view.text(instrument, EOKB.instrumentType),
        "adopted": view.text(instrument, ELI.date_document),
        "provisions": [(view.link(p, view.text(p, RDFS.label)), view.text(p, ELI.title) or "")
                       for p in view.subjects(ELI.is_part_of, instrument) if view.is_a(p, EOKB.Provision)],
    }
    return Page(view.target(instrument), view.label(instrument), "instrument.md.j2", model,
                crumbs("law", view.link(country)))


def _facts(view: View, version) -> list:
    facts = []
    for fact in view.objects(version, EOKB.states):
        kind = view.short_id(view.value(fact, RDF.type))
        rows = []
        for predicate, value in sorted(view.graph.predicate_objects(fact), key=lambda pv: str(pv)):
            if predicate in (RDF.type, EOKB.sourceFile, EOKB.sourceLine, EOKB.sourceColumn):
                continue
            shown = view.link(value) if view.target(value) else view.label(value)
            rows.append((humanize(str(predicate).rsplit("#", 1)[-1]), shown))
        facts.append((kind, rows))
    return facts


def _version(site: Site, version) -> Version:
    view = site.view
    summary = view.text(version, DCTERMS.description) or ""
    return Version(
        link=view.link(version, summary if len(summary) <= 100 else summary[:99].rstrip() + "…"),
        anchor=view.target(version).anchor,
        in_force_from=view.text(version, ELI.first_date_entry_in_force) or "",
        in_force_to=view.text(version, ELI.date_no_longer_in_force),
        dates_basis=view.text(version, EOKB.datesBasis) or "",
        dates_note=view.text(version, EOKB.datesNote),
        summary=summary,
        quotes=quotes(view, version),
        facts=_facts(view, version),
        verdicts=verdicts_resting_on(site, version),
    )


def provision_page(site: Site, provision) -> Page:
    view = site.view
    instrument = view.value(provision, ELI.is_part_of)
    versions = sorted(view.subjects(ELI.realizes, provision),
                      key=lambda v: view.text(v, ELI.first_date_entry_in_force) or "")
    findings = [f for f in view.subjects(EOKB.concernsProvision, provision) if view.is_a(f, EOKB.Finding)]
    recommendations = [r for r in view.subjects(EOKB.concernsProvision, provision)
                       if view.is_a(r, EOKB.Recommendation)]
    commitments = {c for record in findings + recommendations for c in view.objects(record, EOKB.concerns)}
    for version in versions:
        commitments.update(view.value(v, EOKB.commitment) for v, _ in site.verdicts.resting_on(version))
    model = Provision(
        label=view.label(provision), title=view.text(provision, ELI.title) or "",
        instrument=view.link(instrument),
        versions=[_version(site, v) for v in versions],
        commitments=view.links(sorted(commitments, key=lambda c: natural_key(str(c)))),
        findings=[(view.link(f), view.text(f, EOKB.statement) or "") for f in findings],
        recommendations=view.links(recommendations),
    )
    return Page(view.target(provision), model.label, "provision.md.j2", model,
                crumbs("law", view.link(view.value(instrument, EOKB.country)), view.link(instrument)))
