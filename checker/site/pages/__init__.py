"""Page models: one per page of the site, each built from the graph alone.

`every_page` lists them; the modules beside it build one part of the site each.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.site.pages import commitments, elections, findings, home, law, recommendations, rules
from checker.site.pages.common import BuildInfo, Download, Page, Site
from checker.vocab import EOKB

__all__ = ["BuildInfo", "Download", "Page", "Site", "every_page"]

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


def every_page(site: Site, intro: str) -> Iterator[Page]:
    yield home.home_page(site, intro)
    yield home.downloads_page(site)
    yield rules.catalogue_page(site)
    yield commitments.index_page(site)
    yield law.index_page(site)
    yield findings.index_page(site)
    yield recommendations.index_page(site)
    yield elections.index_page(site)
    yield elections.matrix_page(site)
    for cls, build in RECORD_PAGES:
        for node in site.view.instances(cls):
            if site.view.target(node) is not None:  # records whose IRI has no id get no page
                yield build(site, node)
    for election in site.elections:
        changes = elections.changes_page(site, election)
        if changes is not None:
            yield changes
