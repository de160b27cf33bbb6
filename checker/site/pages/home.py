"""The home page (what the knowledge base covers, the compliance summary per election) and
the downloads page."""

from __future__ import annotations

from markupsafe import Markup
from rdflib import DCTERMS

from checker.site import urls
from checker.site.pages import elections, lists
from checker.site.pages.common import HOME, PART_INDEX, Page, Site
from checker.site.pages.elections import MATRIX
from checker.site.pages.rules import CATALOGUE
from checker.site.view import Link
from checker.graph.vocab import EOKB

DOWNLOADS = urls.fixed("downloads")
COUNTED = (
    (EOKB.Commitment, "commitments", "commitments"), (EOKB.Provision, "provisions", "law"),
    (EOKB.Finding, "findings", "findings"), (EOKB.Recommendation, "recommendations", "recommendations"),
    (EOKB.Election, "elections", "elections"),
)


def home_page(site: Site, intro: str) -> Page:
    view = site.view
    model = {
        # Hand-written Markdown from site/intro.md: the project's own text, the one thing on the
        # page not escaped (nothing from the graph is in it).
        "intro": Markup(intro),
        "coverage": [(len(view.instances(cls)), name, PART_INDEX[part]) for cls, name, part in COUNTED],
        "reports": view.links(view.instances(EOKB.ObservationReport)),
        "unanswered": Link("Problems no recommendation answers", lists.UNANSWERED),
        "by_status": Link("Recommendations by status and by commitment", lists.BY_STATUS),
        "changes": [Link(f"What changed in the law for {view.label(e)}", elections.changes_target(site, e))
                    for e in site.elections if elections.changes_target(site, e) is not None],
        "matrix_question": Link("Compliance matrix", MATRIX),
        "downloads_question": Link("Downloads", DOWNLOADS),
        "summaries": [(view.link(e), view.text(e, DCTERMS.date) or "", site.verdicts.summary(site.commitments, e))
                      for e in site.elections],
        "assessed": any(site.verdicts.any_for(e) for e in site.elections),
        "matrix": Link("compliance matrix", MATRIX),
        "rules": Link("rule catalogue", CATALOGUE),
        "downloads": Link("Downloads", DOWNLOADS),
        "info": site.info,
    }
    return Page(urls.fixed(""), "Election commitments knowledge base", "home.md.j2", model, [])


def downloads_page(site: Site) -> Page:
    return Page(DOWNLOADS, "Downloads", "downloads.md.j2", site.downloads, [HOME])
