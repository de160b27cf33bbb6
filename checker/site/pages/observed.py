"""What observers saw, as the pages show it: a finding's typed observation facts (measured
shares, counts and incidents; media coverage) as table rows, and a commitment's verdict as a
badge beside a link to it. Shared by the finding pages and the election's conduct page."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import PROV, RDFS

from checker.graph.vocab import EOKB
from checker.site import urls
from checker.site.pages.common import Site
from checker.site.verdicts import Value
from checker.site.view import Link, View

BASIS = {EOKB.ObservationBasis: "the mission's observation", EOKB.AuthorityStatement: "an authority's statement",
         EOKB.ReportAssessment: "the report's own assessment", EOKB.Inferred: "inferred", EOKB.LawText: "the law's text"}
TONE = {EOKB.PositiveTone: "positive", EOKB.PositiveOrNeutralTone: "positive or neutral", EOKB.NeutralTone: "neutral",
        EOKB.MixedTone: "mixed", EOKB.NegativeTone: "negative"}


@dataclass
class FactRow:
    what: str  # the measure, in words
    value: str  # "12 %", "31 of 191 (16.2 %, computed)", "9"
    of: str  # what it is a share or count of
    where: str
    basis: str
    finding: Link
    source: str  # "page 24, lines 1332–1333"


@dataclass
class MediaRow:
    outlet: Link
    state_funded: bool | None
    subjects: list[Link]
    share: str
    tone: str
    finding: Link
    source: str


@dataclass
class LinkedVerdict:
    """A commitment a finding is linked to, with the verdict on it where a rule judges it."""

    commitment: Link
    value: Value | None  # None: no rule expresses the commitment
    verdict: Link | None
    own: bool = False
    why: str = ""  # for the knowledge base's reading


def _number(text: str | None) -> str:
    return "" if text is None else text


def _source(view: View, fact) -> str:
    quote = view.value(fact, EOKB.quotation)
    first, last = view.text(quote, EOKB.firstLine), view.text(quote, EOKB.lastLine)
    page = view.text(quote, EOKB.page)
    lines = first if first == last else f"{first}–{last}"
    return (f"page {page}, " if page else "") + f"lines {lines}"


def fact_row(view: View, fact) -> FactRow:
    prop = view.value(fact, EOKB.measure)
    value = _number(view.text(fact, prop)) if prop is not None else ""
    count, base = view.text(fact, EOKB.observedCount), view.text(fact, EOKB.baseSize)
    if str(prop).endswith("Percent"):
        value = f"{value} %"
        if view.python(fact, EOKB.percentComputed):
            value = f"{count} of {base} ({value}, computed)"
        elif count:
            value += f" ({count})"
    elif base:
        value += f" of {base}"
    if view.python(fact, EOKB.atLeast):
        value = "at least " + value
    if view.python(fact, EOKB.approximate):
        value = "about " + value
    where = ", ".join(str(p) for p in view.objects(fact, EOKB.observedPlace))
    return FactRow(view.text(fact, RDFS.label) or view.short_id(prop), value,
                   (view.text(fact, EOKB.shareOf) or "").replace("-", " "), where,
                   BASIS.get(view.value(fact, EOKB.basis), ""), view.link(view.value(fact, PROV.wasDerivedFrom)),
                   _source(view, fact))


def media_row(view: View, fact) -> MediaRow:
    outlet = view.value(fact, EOKB.outlet)
    share = view.text(fact, EOKB.coverageSharePercent)
    tone = TONE.get(view.value(fact, EOKB.tone), "")
    if tone and view.text(fact, EOKB.tonePercent):
        tone = f"{tone} ({view.text(fact, EOKB.tonePercent)} %)"
    share_text = "" if share is None else ("about " if view.python(fact, EOKB.approximate) else "") + f"{share} %"
    return MediaRow(view.link(outlet), view.python(outlet, EOKB.stateFunded),
                    view.links(view.objects(fact, EOKB.coverageOf)), share_text, tone,
                    view.link(view.value(fact, PROV.wasDerivedFrom)), _source(view, fact))


def observed_facts(view: View, node, cls) -> list:
    """The facts of one class (eokb:MeasuredFact, eokb:MediaCoverage) a finding states."""
    return [f for f in view.subjects(PROV.wasDerivedFrom, node) if view.is_a(f, cls)]


def linked_verdict(site: Site, commitment, election, why: str = "") -> LinkedVerdict:
    view = site.view
    judged = bool(view.subjects(EOKB.expresses, commitment)) and election is not None
    value = site.verdicts.value_for(commitment, election) if judged else None
    target = view.target(commitment)
    verdict = (Link("verdict and evidence", urls.Target(target.path, urls.anchor("verdict", urls.record_id(election) or "")))
               if judged and target is not None else None)
    return LinkedVerdict(view.link(commitment), value, verdict,
                         judged and site.verdicts.own_reading(commitment, election), why)
