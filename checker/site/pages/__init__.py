"""Page models: one per page of the site, each built from the graph alone.

`every_page` lists them; the modules beside it build one part of the site each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from checker.site.pages import (
    commitments, conduct, countries, elections, findings, home, law, lists, recommendations, results, rules,
)
from checker.site.pages.common import BuildInfo, Download, Page, Site
from checker.graph.vocab import EOKB

__all__ = ["BuildInfo", "Download", "Page", "Site", "every_page", "page_jobs"]

# Which page builder publishes each kind of record.
RECORD_PAGES = (
    (EOKB.Standard, commitments.standard_page), (EOKB.Commitment, commitments.commitment_page),
    (EOKB.Country, law.country_page), (EOKB.LegalInstrument, law.instrument_page),
    (EOKB.Provision, law.provision_page),
    (EOKB.ObservationReport, findings.report_page), (EOKB.ReportSection, findings.section_page),
    (EOKB.Finding, findings.finding_page),
    (EOKB.Recommendation, recommendations.recommendation_page),
    (EOKB.Election, elections.election_page),
)


def page_jobs(site: Site, intro: str) -> list[Callable[[], Page]]:
    """One job per page: calling it builds the page's model. Jobs, not pages, so that a large
    site can be built by several processes, each building and writing its share."""
    jobs: list[Callable[[], Page]] = [
        partial(home.home_page, site, intro), partial(home.downloads_page, site), partial(rules.catalogue_page, site),
        partial(commitments.index_page, site), partial(law.index_page, site), partial(findings.index_page, site),
        partial(recommendations.index_page, site), partial(elections.index_page, site),
        partial(elections.matrix_page, site),
        partial(countries.index_page, site), partial(countries.matrix_page, site),
        partial(lists.unanswered_page, site), partial(lists.by_status_page, site),
    ]
    for cls, build in RECORD_PAGES:
        for node in site.view.instances(cls):
            if site.view.target(node) is not None:  # records whose IRI has no id get no page
                jobs.append(partial(build, site, node))
    for country in site.view.instances(EOKB.Country):
        if site.view.target(country) is not None:
            jobs.append(partial(countries.country_page, site, country))
    for election in site.elections:
        if elections.changes_target(site, election) is not None:
            jobs.append(partial(elections.changes_page, site, election))
        if results.results_target(site, election) is not None:
            jobs.append(partial(results.results_page, site, election))
        if conduct.conduct_target(site, election) is not None:
            jobs.append(partial(conduct.conduct_page, site, election))
    return jobs


def every_page(site: Site, intro: str) -> Iterator[Page]:
    for job in page_jobs(site, intro):
        yield job()
