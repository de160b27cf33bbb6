"""Pages of the Recommendations part: every recommendation, by report and group."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import DCTERMS, URIRef

from checker.graph.ids import iri
from checker.judge.followup import STATUS_WORDS, History
from checker.site import urls
from checker.site.pages.answers import (
    PROBLEMS, Answer, answer, answering, recommendation_name, report_of_recommendation,
)
from checker.site.pages.common import Page, Quote, Site, crumbs, quote
from checker.site.view import Link, View
from checker.graph.vocab import EOKB


@dataclass
class FollowUp:
    date: str
    status: str  # in words; "repeated" for a later recommendation that repeats it
    source: Link | str
    note: str | None
    quotes: list[Quote]  # where a later report says it
    repeated_as: Link | None = None


@dataclass
class Cycles:
    """The recommendation's status and the reports that made it (its chain of repeats)."""

    status: str  # key: fully, mostly, partially, not-implemented, not-assessed
    status_words: str
    repeats: Link | None
    made_in: list[Link]  # the recommendations of the chain, oldest first


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
    cycles: Cycles | None
    would_close: list[tuple[Link, str, str]] | None  # None: the graph has no simulation
    answers: list[Answer] = field(default_factory=list)  # the verdicts it answers, in words
    status: str = ""  # its latest follow-up status, in words


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


def _record_link(view: View, record_id: str) -> Link | str:
    """A link to the record with this id when the site has its page, else the text as written."""
    node = iri(record_id)
    return view.link(node) if view.target(node) else record_id


def follow_up_rows(view: View, history: History) -> list[FollowUp]:
    """A recommendation's history as rows: each assessment with its quotation, each repeat."""
    rows = []
    for event in history.events:
        source = _record_link(view, event.source)
        if event.repeated_as is not None:
            rows.append(FollowUp(event.date, "repeated", source, None, [],
                                 view.link(iri(event.repeated_as))))
            continue
        said = [Quote(q.text, source if isinstance(source, Link) else None, q.lines,
                      str(q.page) if q.page is not None else None) for q in event.quotes]
        rows.append(FollowUp(event.date, STATUS_WORDS[event.status or "not-assessed"], source, event.note, said))
    return rows


def cycles(site: Site, history: History) -> Cycles:
    view = site.view
    return Cycles(history.status, STATUS_WORDS[history.status],
                  view.link(iri(history.repeats), recommendation_name(site, history.repeats)) if history.repeats else None,
                  [view.link(iri(r), recommendation_name(site, r)) for r in history.made_in])


def _elections_of(site: Site, rec) -> list:
    """The elections of the country the recommendation's report observed: those it can answer."""
    view = site.view
    report = iri(report_of_recommendation(rec)) if report_of_recommendation(rec) else None
    countries = {view.value(e, EOKB.country) for e in view.objects(report, EOKB.observes)}
    return [e for e in site.elections if view.value(e, EOKB.country) in countries]


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
    history = site.follow_up.history(urls.record_id(rec) or "")
    model = Recommendation(
        label=view.label(rec), number=view.text(rec, EOKB.number) or "", group=_group(view, rec),
        text=quote(view, text) if text is not None else None,
        findings=[(view.link(f), view.text(f, EOKB.statement) or "") for f in view.objects(rec, EOKB.answers)],
        commitments=view.links(view.objects(rec, EOKB.concerns)),
        provisions=view.links(view.objects(rec, EOKB.concernsProvision)),
        follow_up=follow_up_rows(view, history) if history else [],
        cycles=cycles(site, history) if history else None,
        would_close=closes,
        answers=[answer(site, c, e) for c in view.objects(rec, EOKB.concerns) for e in _elections_of(site, rec)
                 if site.verdicts.value_for(c, e) in PROBLEMS and rec in answering(site, c, e)],
        status=STATUS_WORDS[history.status] if history else STATUS_WORDS["not-assessed"],
    )
    return Page(view.target(rec), model.label, "recommendation.md.j2", model, crumbs("recommendations"))
