"""What answers a problem: the recommendations that answer a verdict or a finding, and the
one-line reason a verdict gives, read from the graph for the answer boxes and the lists.

A recommendation answers a computed verdict when the checker's simulation finds applying it
would close the verdict (`eokb:wouldClose`), or, without a simulation, when it concerns the
verdict's commitment and was made by a report about the same country as the election. It
answers a finding when it says so (`eokb:answers`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import DCTERMS, SH

from checker.graph import ids

from checker.site import urls
from checker.site.pages.common import Site
from checker.site.verdicts import AT_RISK, VIOLATED, Value
from checker.site.view import Link
from checker.graph.vocab import EOKB

PROBLEMS = (VIOLATED, AT_RISK)  # the verdicts a reader counts as problems
NEGATIVE = ("violation", "warning")  # a finding's severity when the report assesses it negatively


@dataclass
class Answer:
    """A commitment in an election, in words: the verdict, why, and what answers it."""

    commitment: Link
    election: Link
    value: Value
    verdict: Link  # the verdict's section of the commitment page, with its evidence
    reason: str  # one line; empty when the checker has no verdict
    recommendations: list[Link]


def report_of_recommendation(rec) -> str:
    """The id of the report that made a recommendation (`<report>/rec/<n>`)."""
    record = urls.record_id(rec) or ""
    return record.split("/rec/", 1)[0] if "/rec/" in record else ""


def recommendation_name(site: Site, record: str) -> str:
    """"Recommendation 3 (2007 report)": its number, and the year of the report that made it."""
    view = site.view
    issued = view.text(ids.iri(report_of_recommendation(ids.iri(record))), DCTERMS.issued) or ""
    return f"{view.label(ids.iri(record))} ({issued[:4]} report)" if issued else view.label(ids.iri(record))


def _country_reports(site: Site, election) -> set[str]:
    """The ids of the reports that observe an election of the election's country."""
    view = site.view
    country = view.value(election, EOKB.country)
    reports = set()
    for report in view.instances(EOKB.ObservationReport):
        if any(view.value(e, EOKB.country) == country for e in view.objects(report, EOKB.observes)):
            reports.add(urls.record_id(report) or "")
    return reports


def answering(site: Site, commitment, election) -> list:
    """The recommendations that answer the verdict on `commitment` in `election`."""
    view = site.view
    verdict = site.verdicts.node_for(commitment, election)
    if verdict is not None:
        closing = view.subjects(EOKB.wouldClose, verdict)
        if closing:
            return closing
    reports = _country_reports(site, election)
    return [rec for rec in view.subjects(EOKB.concerns, commitment)
            if view.is_a(rec, EOKB.Recommendation) and report_of_recommendation(rec) in reports]


def reason(site: Site, commitment, election) -> str:
    """The verdict's one-line reason: its first result's message, else what it rests on."""
    view = site.view
    node = site.verdicts.node_for(commitment, election)
    if node is None:
        return "No rule has judged it for this election."
    for result in view.objects(node, EOKB.result):
        message = view.text(result, SH.resultMessage)
        if message:
            return message
    applicability = view.text(node, EOKB.applicability)
    if applicability:
        return applicability[0].upper() + applicability[1:] + "."
    evidence = view.objects(node, EOKB.evidence)
    if evidence:
        return f"It rests on {view.label(evidence[0])}."
    return ""


def _sentence(text: str) -> str:
    text = " ".join(text.split())
    return text if not text or text[-1] in ".!?" else text + "."


def answer(site: Site, commitment, election) -> Answer:
    view = site.view
    verdict = site.verdicts.verdict_for(commitment, election)
    target = view.target(commitment)
    return Answer(
        commitment=view.link(commitment), election=view.link(election), value=verdict.value,
        verdict=Link("the evidence", urls.Target(target.path, verdict.anchor) if target else None),
        reason=_sentence(reason(site, commitment, election)),
        recommendations=view.links(answering(site, commitment, election)),
    )


def negative(view, finding) -> bool:
    """Whether the report assesses a finding negatively (its verdict's severity)."""
    severity = view.value(finding, EOKB.severity)
    return severity is not None and view.short_id(severity) in NEGATIVE
