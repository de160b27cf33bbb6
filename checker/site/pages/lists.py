"""The lists policy staff ask for: the problems no recommendation answers, and the
recommendations by follow-up status and by commitment."""

from __future__ import annotations

from dataclasses import dataclass

from checker.judge.followup import STATUS_WORDS
from checker.site import urls
from checker.site.pages.answers import PROBLEMS, Answer, answer, negative, recommendation_name
from checker.site.pages.common import HOME, Page, Site
from checker.site.view import Link, natural_key
from checker.graph.vocab import EOKB

UNANSWERED = urls.fixed("problems")
BY_STATUS = urls.fixed("recommendations/by-status")


@dataclass
class ElectionProblems:
    election: Link
    answered: int  # problems of the election that a recommendation answers (listed elsewhere)
    unanswered: list[Answer]


@dataclass
class SectionFindings:
    section: Link
    findings: list[tuple[Link, str]]  # the finding, the report's own verdict words


def unanswered_page(site: Site) -> Page:
    view = site.view
    elections = []
    for election in site.elections:
        problems = [answer(site, c, election) for c in site.commitments
                    if site.verdicts.value_for(c, election) in PROBLEMS]
        if problems:
            elections.append(ElectionProblems(view.link(election), sum(1 for p in problems if p.recommendations),
                                              [p for p in problems if not p.recommendations]))
    sections: dict = {}
    for finding in view.instances(EOKB.Finding):
        if negative(view, finding) and not view.subjects(EOKB.answers, finding):
            sections.setdefault(view.value(finding, EOKB.section), []).append(finding)
    grouped = [SectionFindings(view.link(section), [
        (view.link(f), view.text(f, EOKB.reportVerdictWording) or "")
        for f in sorted(found, key=lambda f: view.python(f, EOKB.firstLine) or 0)])
        for section, found in sorted(sections.items(), key=lambda s: view.python(s[0], EOKB.firstLine) or 0)]
    model = {"elections": elections, "sections": grouped}
    return Page(UNANSWERED, "Problems no recommendation answers", "unanswered.md.j2", model, [HOME])


def by_status_page(site: Site) -> Page:
    """Every recommendation under its latest follow-up status, and under each commitment it concerns."""
    view = site.view
    recs = sorted(view.instances(EOKB.Recommendation), key=lambda r: natural_key(urls.record_id(r) or ""))
    statuses: dict[str, list[tuple[Link, str]]] = {key: [] for key in STATUS_WORDS}
    for rec in recs:
        history = site.follow_up.history(urls.record_id(rec) or "")
        statuses[history.status if history else "not-assessed"].append(_named(site, rec))
    commitments = []
    for commitment in site.commitments:
        concerned = [_named(site, r) for r in recs if commitment in view.objects(r, EOKB.concerns)]
        if concerned:
            commitments.append((view.link(commitment), concerned))
    unlinked = [_named(site, r) for r in recs if not view.objects(r, EOKB.concerns)]
    model = {"statuses": [(STATUS_WORDS[key], rows) for key, rows in statuses.items() if rows],
             "commitments": commitments, "unlinked": unlinked}
    return Page(BY_STATUS, "Recommendations by status and by commitment", "by_status.md.j2", model,
                [HOME, Link("Recommendations", urls.fixed("recommendations"))])


def _named(site: Site, rec) -> tuple[Link, str]:
    """A recommendation and the start of its words (its number alone says little)."""
    view = site.view
    text = " ".join((view.text(view.value(rec, EOKB.quotation), EOKB.quotedText) or "").split())
    return view.link(rec, recommendation_name(site, urls.record_id(rec) or "")), text if len(text) <= 140 else text[:text.rfind(" ", 0, 140)] + " …"
