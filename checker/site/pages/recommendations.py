"""Pages of the Recommendations part: every recommendation, by report and group."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import DCTERMS, URIRef

from checker.site import urls
from checker.site.pages.common import Page, Quote, Site, crumbs, quote
from checker.site.view import Link, View
from checker.graph.vocab import EOKB


@dataclass
class FollowUp:
    date: str
    status: str
    source: Link | str
    note: str | None


@dataclass
class Recommendation:
    label: str
    number: str
    group: str
    text: Quote | None
    findings: list[tuple[Link, str]]
    commitments: list[Link]
    provisions: list[Link]
    follow_up: list[FollowUp]
    would_close: list[tuple[Link, str, str]] | None  # None: the graph has no simulation


def simulation_term() -> URIRef | None:
    """The property linking a recommendation to the verdicts applying it would close.

    The checker's simulation is not in the vocabulary yet: until `eokb:wouldClose` is declared
    in ontology/eokb.ttl (and so in the closed namespace), the site shows no simulation.
    """
    try:
        return EOKB.wouldClose
    except AttributeError:
        return None


def _group(view: View, rec) -> str:
    group = view.value(rec, EOKB.group)
    letter, title = view.text(group, EOKB.letter), view.text(group, DCTERMS.title)
    return f"{letter}. {title}" if letter and title else (title or letter or "")


def index_page(site: Site) -> Page:
    view = site.view
    groups: dict[str, list] = {}
    for rec in sorted(view.instances(EOKB.Recommendation), key=lambda r: (view.python(r, EOKB.number) or 0)):
        report = urls.record_id(rec).split("/rec/", 1)[0] if urls.record_id(rec) else ""
        text = view.text(view.value(rec, EOKB.quotation), EOKB.quotedText) or ""
        groups.setdefault((report, _group(view, rec)), []).append((view.link(rec), text))
    model = [(report, group, rows) for (report, group), rows in sorted(groups.items())]
    return Page(urls.fixed("recommendations"), "Recommendations", "recommendations_index.md.j2", model,
                crumbs("recommendations")[:1])


def _follow_up(view: View, node) -> FollowUp:
    source = view.value(node, DCTERMS.source)
    return FollowUp(
        date=view.text(node, DCTERMS.date) or "", status=view.label(view.value(node, EOKB.status)),
        source=view.link(source) if view.target(source) else view.label(source), note=view.text(node, EOKB.note))


def recommendation_page(site: Site, rec) -> Page:
    view = site.view
    text = view.value(rec, EOKB.quotation)
    term = simulation_term()
    closes = None
    if term is not None and view.objects(rec, term):
        closes = []
        for verdict in view.objects(rec, term):
            value = site.verdicts.value_of(verdict)
            closes.append((view.link(verdict, f"{view.label(view.value(verdict, EOKB.commitment))} in "
                                              f"{view.label(view.value(verdict, EOKB.election))}"),
                           value.key, value.label))
    model = Recommendation(
        label=view.label(rec), number=view.text(rec, EOKB.number) or "", group=_group(view, rec),
        text=quote(view, text) if text is not None else None,
        findings=[(view.link(f), view.text(f, EOKB.statement) or "") for f in view.objects(rec, EOKB.answers)],
        commitments=view.links(view.objects(rec, EOKB.concerns)),
        provisions=view.links(view.objects(rec, EOKB.concernsProvision)),
        follow_up=sorted((_follow_up(view, f) for f in view.objects(rec, EOKB.followUp)), key=lambda f: f.date),
        would_close=closes,
    )
    return Page(view.target(rec), model.label, "recommendation.md.j2", model, crumbs("recommendations"))
