"""What every page model shares: the page itself, quotations, breadcrumbs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from rdflib import DCTERMS

from checker.judge.followup import FollowUp, follow_up
from checker.site import urls
from checker.site.urls import Target
from checker.site.verdicts import Verdicts
from checker.site.view import Link, View
from checker.graph.vocab import EOKB


@dataclass
class BuildInfo:
    built_on: date
    kb_version: str


@dataclass
class Download:
    name: str  # file name under downloads/
    description: str
    size: int
    sha256: str
    audience: str = "technical"  # "everyone": spreadsheets; "technical": RDF and CI files


@dataclass
class Page:
    target: Target
    title: str  # untrusted: escaped like every other value when rendered
    template: str  # a template of checker/site/templates
    model: object
    crumbs: list[Link] = field(default_factory=list)


@dataclass
class Site:
    """What the page builders read: the graph's view and a few indexes built once."""

    view: View
    verdicts: Verdicts
    info: BuildInfo
    downloads: list[Download] = field(default_factory=list)
    rule_cases: dict[str, list[str]] = field(default_factory=dict)
    charts: dict = field(default_factory=dict)  # election id → pages.results.ChartImage
    conduct_charts: dict = field(default_factory=dict)  # election id → media_chart.MediaChart
    national: dict = field(default_factory=dict)  # election id → pages.national.NationalPage (issue 15)

    @property
    def elections(self) -> list:
        # Oldest first: the matrix and the comparison read left to right in time.
        view = self.view
        return sorted(view.instances(EOKB.Election), key=lambda e: (view.text(e, DCTERMS.date) or "", str(e)))

    @property
    def commitments(self) -> list:
        return self.view.instances(EOKB.Commitment)

    @cached_property
    def follow_up(self) -> FollowUp:
        """Every recommendation's history across reports (checker/judge/followup.py), read once."""
        return follow_up(self.view.graph)


@dataclass
class Quote:
    text: str
    source: Link | None
    lines: str
    page: str | None
    anchor: str = ""


def quote(view: View, node) -> Quote:
    first, last = view.text(node, EOKB.firstLine), view.text(node, EOKB.lastLine)
    source = view.value(node, EOKB.quotedFrom)
    return Quote(
        text=view.text(node, EOKB.quotedText) or "",
        source=view.link(source) if source is not None else None,
        lines=first if first == last else f"{first}–{last}",
        page=view.text(node, EOKB.page),
        anchor=urls.anchor(str(node).rsplit("#", 1)[-1]) if "#" in str(node) else "",
    )


def quotes(view: View, node, predicate=EOKB.quotation) -> list[Quote]:
    return [quote(view, q) for q in view.objects(node, predicate)]


HOME = Link("Home", urls.fixed(""))
PART_INDEX = {
    "commitments": Link("Commitments", urls.fixed("commitments")),
    "law": Link("Law", urls.fixed("law")),
    "findings": Link("Findings", urls.fixed("findings")),
    "recommendations": Link("Recommendations", urls.fixed("recommendations")),
    "elections": Link("Elections", urls.fixed("elections")),
    "countries": Link("Countries", urls.fixed("countries")),
}


def crumbs(part: str, *parents: Link) -> list[Link]:
    """Home › part › parents… (the page itself is the heading, not a crumb)."""
    return [HOME, PART_INDEX[part], *parents]


def verdicts_resting_on(site: Site, record) -> list[tuple[Link, str, str]]:
    """The computed verdicts a record is evidence for: (link to the verdict, key, label)."""
    view = site.view
    rows = []
    for verdict, value in site.verdicts.resting_on(record):
        commitment, election = view.value(verdict, EOKB.commitment), view.value(verdict, EOKB.election)
        rows.append((view.link(verdict, f"{view.label(commitment)} in {view.label(election)}"), value.key, value.label))
    return rows
