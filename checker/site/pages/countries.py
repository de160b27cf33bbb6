"""The Countries part: the country index, a page per country (its elections, its reports, and its
recommendations by follow-up status and by how many reports made them) and the compliance matrix
across countries (each commitment, each country's elections side by side)."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import DCTERMS

from checker.graph.ids import iri
from checker.judge.followup import STATUS_WORDS, STATUSES, History
from checker.site import urls
from checker.site.pages.answers import recommendation_name
from checker.site.pages.common import Page, Quote, Site, crumbs
from checker.site.pages.elections import MATRIX, Cell, changes_target
from checker.site.view import Link
from checker.graph.vocab import EOKB

INDEX = urls.fixed("countries")
MATRIX_BY_COUNTRY = urls.fixed("compliance/countries")


@dataclass
class Recommendation:
    link: Link
    text: str
    status: str  # key
    status_words: str
    reports: int  # how many reports made it


@dataclass
class Chain:
    """A recommendation made in several reports: its latest form and every report's."""

    latest: Recommendation
    made_in: list[Link]


@dataclass
class Statement:
    """What a report says of earlier recommendations the knowledge base does not hold."""

    report: Link
    made_in: str
    about: str
    status: str
    status_words: str
    quotes: list[Quote]
    note: str | None


def country_target(country) -> urls.Target:
    return urls.page("countries", urls.record_id(country) or "")


def elections_of(site: Site, country) -> list:
    return [e for e in site.elections if site.view.value(e, EOKB.country) == country]


def reports_of(site: Site, country) -> list:
    return sorted({r for e in elections_of(site, country) for r in site.view.subjects(EOKB.observes, e)}, key=str)


def histories_of(site: Site, country) -> list[History]:
    record = urls.record_id(country)
    return [h for h in site.follow_up.histories if record in h.countries]


def _recommendation(site: Site, history: History) -> Recommendation:
    text = history.text if len(history.text) <= 160 else history.text[:159].rstrip() + "…"
    return Recommendation(site.view.link(iri(history.recommendation), recommendation_name(site, history.recommendation)),
                          text, history.status,
                          STATUS_WORDS[history.status], history.reports)


def _short(site: Site, election) -> str:
    """An election's name within its country, as a reader says it."""
    return site.view.label(election)


def index_page(site: Site) -> Page:
    view = site.view
    rows = []
    for country in view.instances(EOKB.Country):
        statuses = [h.status for h in histories_of(site, country)]
        rows.append({
            "country": Link(view.label(country), country_target(country)),
            "law": view.link(country, "law"),
            "elections": [(view.link(e, _short(site, e)), site.verdicts.summary(site.commitments, e))
                          for e in elections_of(site, country)],
            "reports": view.links(reports_of(site, country)),
            "recommendations": len(statuses),
            "statuses": [(STATUS_WORDS[s], statuses.count(s)) for s in STATUSES if statuses.count(s)],
        })
    model = {"countries": rows, "matrix": Link("Compliance by country", MATRIX_BY_COUNTRY)}
    return Page(INDEX, "Countries", "countries_index.md.j2", model, crumbs("countries")[:1])


def country_page(site: Site, country) -> Page:
    view = site.view
    histories = histories_of(site, country)
    chains: dict[tuple, Chain] = {}
    for history in histories:  # each chain once, under its latest recommendation
        if history.reports > 1 and history.recommendation == history.made_in[-1]:
            chains[tuple(history.made_in)] = Chain(_recommendation(site, history),
                                                   [view.link(iri(r), r) for r in history.made_in])
    model = {
        "law": view.link(country, f"The law of {view.label(country)}"),
        "elections": [(view.link(e), view.text(e, DCTERMS.date) or "", site.verdicts.summary(site.commitments, e),
                       Link("what changed", target) if (target := changes_target(site, e)) else None)
                      for e in elections_of(site, country)],
        "reports": [(view.link(r), view.text(r, DCTERMS.issued) or "",
                     view.text(r, DCTERMS.title) or "") for r in reports_of(site, country)],
        "by_status": [(STATUS_WORDS[s], [_recommendation(site, h) for h in histories if h.status == s])
                      for s in STATUSES],
        "chains": sorted(chains.values(), key=lambda c: (-len(c.made_in), c.latest.link.text)),
        "made_once": sum(1 for h in histories if h.reports == 1),
        "earlier": [_statement(site, s) for s in site.follow_up.earlier if urls.record_id(country) in s.countries],
        "matrix": Link("Compliance by country", MATRIX_BY_COUNTRY),
    }
    return Page(country_target(country), view.label(country), "country_overview.md.j2", model, crumbs("countries"))


def _statement(site: Site, statement) -> Statement:
    issued = site.view.text(iri(statement.report), DCTERMS.issued) or ""
    report = site.view.link(iri(statement.report), f"the {issued[:4]} report" if issued else None)
    return Statement(report, statement.made_in, statement.about, statement.status, STATUS_WORDS[statement.status],
                     [Quote(q.text, report, q.lines, str(q.page) if q.page is not None else None)
                      for q in statement.quotes], statement.note)


def _cell(site: Site, commitment, election) -> Cell:
    value = site.verdicts.value_for(commitment, election)
    target = site.view.target(commitment)
    coverage, caveat = site.verdicts.cell_note(commitment, election)
    link = Link(value.label, urls.Target(target.path, urls.anchor("verdict", urls.record_id(election) or "")))
    return Cell(value, link, coverage, caveat)


def matrix_page(site: Site) -> Page:
    """Commitments × countries; in each cell the country's elections, the latest first."""
    view = site.view
    countries = view.instances(EOKB.Country)
    columns = [(country, list(reversed(elections_of(site, country)))) for country in countries]
    rows = [(view.link(c), [[(_short(site, e), _cell(site, c, e)) for e in elections] for _, elections in columns])
            for c in site.commitments]
    model = {"countries": [Link(view.label(c), country_target(c)) for c, _ in columns], "rows": rows,
             "matrix": Link("compliance matrix", MATRIX)}
    return Page(MATRIX_BY_COUNTRY, "Compliance by country", "matrix_countries.md.j2", model, crumbs("countries"))
