"""Each recommendation's history across reports (`kbcheck followup`, the site's recommendation and
country pages), read from the graph.

A recommendation's history is what its own report recorded of it (`follow_up:`), what later
reports on the same country said of it (their `follow-up.yaml`: status and quotation, dated the day
the later report was published), and the later recommendations that repeat it (`repeats:`). Its
status is the latest one recorded, *not assessed* when none is. The reports that made it are its
chain of repeats, both ways: "made in 3 reports" is a recommendation repeated in two later cycles.
What reports say of earlier recommendations the knowledge base does not hold is kept apart, as they
say it (`EarlierStatement`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import DCTERMS, RDF, Graph, URIRef

from checker.graph.ids import iri, readable
from checker.graph.terms import FOLLOW_UP_STATUS
from checker.graph.vocab import EOKB
from checker.judge.check import SelectionError

STATUSES = tuple(FOLLOW_UP_STATUS)  # fully, mostly, partially, not-implemented, not-assessed
STATUS_KEY = {node: key for key, node in FOLLOW_UP_STATUS.items()}
STATUS_WORDS = {"fully": "fully implemented", "mostly": "mostly implemented", "partially": "partially implemented",
                "not-implemented": "not implemented", "not-assessed": "not assessed"}


@dataclass(frozen=True)
class Quote:
    text: str
    lines: str  # "17–18"
    page: int | None


@dataclass(frozen=True)
class Event:
    """One entry of a history: an assessment (with a status) or a later recommendation repeating it."""

    date: str
    status: str | None  # a key of STATUSES; None for a repeat
    source: str  # the report (its id) or the named source that says it
    note: str | None = None
    quotes: tuple[Quote, ...] = ()
    repeated_as: str | None = None  # the later recommendation that repeats it


@dataclass
class History:
    recommendation: str
    report: str
    published: str
    countries: tuple[str, ...]
    short: str  # <report>:<group><number>, as `kbcheck simulate --apply` takes it
    text: str
    repeats: str | None
    events: list[Event] = field(default_factory=list)
    repeated_by: list[str] = field(default_factory=list)
    made_in: list[str] = field(default_factory=list)  # the recommendations of its chain of repeats, oldest first

    @property
    def status(self) -> str:
        """The latest status recorded; not assessed when none is."""
        statuses = [event.status for event in self.events if event.status is not None]
        return statuses[-1] if statuses else "not-assessed"

    @property
    def reports(self) -> int:
        """How many reports made it: 1, or 1 + the cycles in which it was repeated."""
        return len({item.rsplit("/rec/", 1)[0] for item in self.made_in})


@dataclass
class EarlierStatement:
    """What a report says of earlier recommendations the knowledge base does not hold."""

    id: str
    report: str
    published: str
    countries: tuple[str, ...]
    made_in: str
    about: str
    status: str
    note: str | None
    quotes: tuple[Quote, ...]


@dataclass
class FollowUp:
    histories: list[History]
    earlier: list[EarlierStatement]

    def history(self, recommendation: str) -> History | None:
        return next((h for h in self.histories if h.recommendation == recommendation), None)


def _text(graph: Graph, node, predicate) -> str | None:
    value = graph.value(node, predicate)
    return None if value is None else " ".join(str(value).split())


def _quotes(graph: Graph, node) -> tuple[Quote, ...]:
    found = []
    for q in sorted(graph.objects(node, EOKB.quotation)):
        first, last = graph.value(q, EOKB.firstLine), graph.value(q, EOKB.lastLine)
        page = graph.value(q, EOKB.page)
        found.append(Quote(_text(graph, q, EOKB.quotedText) or "", str(first) if first == last else f"{first}–{last}",
                           int(page) if page is not None else None))
    return tuple(found)


def report_of(recommendation) -> str:
    """<report>/rec/<n> → <report> (the id rule of recommendations, docs/formats.md)."""
    return readable(recommendation).rsplit("/rec/", 1)[0]


def _countries(graph: Graph, report: str) -> tuple[str, ...]:
    return tuple(sorted({readable(c) for e in graph.objects(iri(report), EOKB.observes)
                         for c in graph.objects(e, EOKB.country)}))


def _published(graph: Graph, report: str) -> str:
    return str(graph.value(iri(report), DCTERMS.issued) or "")


def _event(graph: Graph, node) -> Event:
    status = graph.value(node, EOKB.status)
    return Event(str(graph.value(node, DCTERMS.date) or ""), STATUS_KEY.get(status, "not-assessed"),
                 readable(graph.value(node, DCTERMS.source) or ""), _text(graph, node, EOKB.note), _quotes(graph, node))


def _history(graph: Graph, rec: URIRef) -> History:
    report = report_of(rec)
    group = graph.value(graph.value(rec, EOKB.group), EOKB.letter)
    repeats = graph.value(rec, EOKB.repeats)
    history = History(readable(rec), report, _published(graph, report), _countries(graph, report),
                      f"{report}:{group or ''}{graph.value(rec, EOKB.number)}",
                      _text(graph, graph.value(rec, EOKB.quotation), EOKB.quotedText) or "",
                      readable(repeats) if repeats is not None else None)
    history.events = [_event(graph, node) for node in graph.objects(rec, EOKB.followUp)]
    for later in sorted(graph.subjects(EOKB.repeats, rec)):
        history.repeated_by.append(readable(later))
        history.events.append(Event(_published(graph, report_of(later)), None, report_of(later),
                                    repeated_as=readable(later)))
    history.events.sort(key=lambda e: (e.date, e.status is None, e.source, e.repeated_as or ""))
    history.made_in = _chain(graph, rec)
    return history


def _chain(graph: Graph, rec: URIRef) -> list[str]:
    """The recommendations it repeats and that repeat it, transitively, with it: oldest first."""
    seen, todo = {rec}, [rec]
    while todo:
        node = todo.pop()
        for other in [*graph.objects(node, EOKB.repeats), *graph.subjects(EOKB.repeats, node)]:
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return sorted((readable(r) for r in seen), key=lambda r: (_published(graph, report_of(r)), r))


def _statement(graph: Graph, node) -> EarlierStatement:
    report = readable(graph.value(node, DCTERMS.source))
    return EarlierStatement(readable(node), report, _published(graph, report), _countries(graph, report),
                            _text(graph, node, EOKB.madeIn) or "", _text(graph, node, DCTERMS.description) or "",
                            STATUS_KEY.get(graph.value(node, EOKB.status), "not-assessed"),
                            _text(graph, node, EOKB.note), _quotes(graph, node))


def follow_up(graph: Graph, country: str | None = None) -> FollowUp:
    """Every recommendation's history and every statement on earlier recommendations, of one
    country's reports or of all: by country, then by report (oldest first), then by number."""
    if country is not None and (iri(country), RDF.type, EOKB.Country) not in graph:
        known = ", ".join(sorted(readable(c) for c in graph.subjects(RDF.type, EOKB.Country)))
        raise SelectionError(f"no country has the id '{country}' (known: {known})")
    histories = [_history(graph, rec) for rec in graph.subjects(RDF.type, EOKB.Recommendation)]
    earlier = [_statement(graph, node) for node in graph.subjects(RDF.type, EOKB.EarlierRecommendationsStatement)]
    if country is not None:
        histories = [h for h in histories if country in h.countries]
        earlier = [s for s in earlier if country in s.countries]
    histories.sort(key=lambda h: (h.countries, h.published, h.report, _number(graph, h.recommendation)))
    earlier.sort(key=lambda s: (s.countries, s.published, s.report, int(graph.value(iri(s.id), EOKB.sourceLine) or 0)))
    return FollowUp(histories, earlier)


def _number(graph: Graph, recommendation: str) -> int:
    number = graph.value(iri(recommendation), EOKB.number)
    return int(number) if number is not None else 0
