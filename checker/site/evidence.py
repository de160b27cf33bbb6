"""What the site shows of a record a verdict rests on: enough to judge the verdict without
leaving the page (a finding's quotations and page, a provision version's dates and summary),
and a link to the record's own page."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import DCTERMS

from checker.graph.namespaces import ELI
from checker.site.view import Link, View
from checker.graph.vocab import EOKB


@dataclass
class Quoted:
    text: str
    page: str | None
    lines: str


@dataclass
class Evidence:
    link: Link
    kind: str  # finding, provision version, recommendation, record
    summary: str = ""
    quotes: list[Quoted] = field(default_factory=list)  # the first only: the rest are on its page
    more_quotes: int = 0
    section: Link | None = None
    in_force: str = ""


def _quotes(view: View, node) -> list[Quoted]:
    out = []
    for q in view.objects(node, EOKB.quotation):
        first, last = view.text(q, EOKB.firstLine), view.text(q, EOKB.lastLine)
        out.append(Quoted(view.text(q, EOKB.quotedText) or "", view.text(q, EOKB.page),
                          first if first == last else f"{first}–{last}"))
    return out


def evidence(view: View, node) -> Evidence:
    shown = _evidence(view, node)
    shown.more_quotes = max(0, len(shown.quotes) - 1)
    shown.quotes = shown.quotes[:1]
    return shown


def _evidence(view: View, node) -> Evidence:
    link = view.link(node)
    if view.is_a(node, EOKB.Finding):
        section = view.value(node, EOKB.section)
        return Evidence(link, "finding", view.text(node, EOKB.statement) or "", _quotes(view, node),
                        section=view.link(section) if section is not None else None)
    if view.is_a(node, EOKB.ProvisionVersion):
        since = view.text(node, ELI.first_date_entry_in_force) or "?"
        until = view.text(node, ELI.date_no_longer_in_force)
        # Named by its provision: the dates follow once, in `in_force`, not twice.
        link = view.link(node, view.label(view.value(node, ELI.realizes)))
        return Evidence(link, "provision", view.text(node, DCTERMS.description) or "",
                        _quotes(view, node),
                        in_force=f"in force {since} to {until}" if until else f"in force from {since}")
    if view.is_a(node, EOKB.Recommendation):
        return Evidence(link, "", "", _quotes(view, node))  # its label says "Recommendation" already
    return Evidence(link, "record")
