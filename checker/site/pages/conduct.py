"""The conduct page of an election: what observers saw, phase by phase (campaign, media,
administration, election day, count, tabulation, complaints). For each phase: the commitments
its rules judge, their verdicts (marked where they are the checker's own reading), and the facts
and findings behind them; for the media, the monitoring shares as a chart with the same numbers
as a table beside it. Everything comes from the graph: the rules' `eokb:phase`, the election's
observation facts (`eokb:observation`) and the verdicts of report.ttl."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import PROV

from checker.graph.vocab import EOKB
from checker.site import urls
from checker.site.media_chart import MEDIA_CHART, media_chart
from checker.site.pages.common import Page, Site, crumbs
from checker.site.pages.observed import FactRow, LinkedVerdict, MediaRow, fact_row, linked_verdict, media_row
from checker.site.view import Link

PHASES = ((EOKB.CampaignPhase, "campaign", "Campaign"), (EOKB.MediaPhase, "media", "Media"),
          (EOKB.AdministrationPhase, "administration", "Election administration"),
          (EOKB.ElectionDayPhase, "election-day", "Election day"), (EOKB.CountPhase, "count", "The count"),
          (EOKB.TabulationPhase, "tabulation", "Tabulation"), (EOKB.ComplaintsPhase, "complaints", "Complaints"))
SCOPE_WORDS = {EOKB.LawScope: "the law as written", EOKB.ConductScope: "conduct"}


@dataclass
class PhaseCommitment:
    verdict: LinkedVerdict
    scopes: list[tuple[str, object, bool]]  # (scope in words, its Value, own reading) judged in this phase
    rules: list[Link]


@dataclass
class Phase:
    key: str
    title: str
    commitments: list[PhaseCommitment] = field(default_factory=list)
    measured: list[FactRow] = field(default_factory=list)
    media: list[MediaRow] = field(default_factory=list)
    findings: list[Link] = field(default_factory=list)


def conduct_target(site: Site, election) -> urls.Target | None:
    """The conduct page of an election, when the graph holds what observers saw in it."""
    if not any(site.view.value(f, EOKB.phase) is not None for f in site.view.objects(election, EOKB.observation)):
        return None
    page = site.view.target(election)
    return urls.Target(page.path.removesuffix("index.md") + "conduct/index.md") if page else None


def write_media_charts(site: Site, docs: Path) -> dict:
    """The media-monitoring chart of every election with media facts, beside its conduct page."""
    charts = {}
    for election in site.elections:
        target, election_id = conduct_target(site, election), urls.record_id(election)
        rows = _media_rows(site, election)
        if target is None or election_id is None or not rows:
            continue
        path = Path(docs) / target.path.removesuffix("index.md") / MEDIA_CHART
        charts[election_id] = media_chart(rows, path)
    return charts


def _media_rows(site: Site, election) -> list[MediaRow]:
    view = site.view
    facts = [f for f in view.objects(election, EOKB.observation) if view.is_a(f, EOKB.MediaCoverage)]
    rows = [media_row(view, f) for f in facts]
    return sorted(rows, key=lambda r: (r.state_funded is not True, r.outlet.text, [s.text for s in r.subjects]))


def _phase(site: Site, election, phase, key: str, title: str) -> Phase:
    view = site.view
    found = Phase(key, title)
    shapes = [s for s in view.subjects(EOKB.phase, phase) if view.value(s, EOKB.ruleId) is not None]
    by_commitment: dict = {}
    for shape in shapes:
        by_commitment.setdefault(view.value(shape, EOKB.expresses), []).append(shape)
    overall = {c: site.verdicts.verdict_for(c, election) for c in by_commitment}
    for commitment, rules in sorted(by_commitment.items(), key=lambda item: view.label(item[0])):
        wanted = {SCOPE_WORDS.get(view.value(r, EOKB.scope)) for r in rules}
        scopes = [(s.scope, s.value, s.own_reading) for s in overall[commitment].scopes if s.scope in wanted]
        found.commitments.append(PhaseCommitment(linked_verdict(site, commitment, election), scopes,
                                                 view.links(rules, text=lambda r: view.text(r, EOKB.ruleId))))
    facts = [f for f in view.objects(election, EOKB.observation) if view.value(f, EOKB.phase) == phase]
    found.measured = [fact_row(view, f) for f in facts if view.is_a(f, EOKB.MeasuredFact)]
    found.media = [media_row(view, f) for f in facts if view.is_a(f, EOKB.MediaCoverage)]
    found.findings = view.links(sorted({view.value(f, PROV.wasDerivedFrom) for f in facts},
                                       key=lambda n: view.python(n, EOKB.firstLine) or 0))
    return found


def conduct_page(site: Site, election) -> Page | None:
    target = conduct_target(site, election)
    if target is None:
        return None
    view = site.view
    phases = [_phase(site, election, phase, key, title) for phase, key, title in PHASES]
    model = {"election": view.link(election),
             "phases": [p for p in phases if p.commitments or p.measured or p.media],
             "chart": site.conduct_charts.get(urls.record_id(election) or ""),
             "media": _media_rows(site, election)}
    return Page(target, f"{view.label(election)}: conduct", "conduct.md.j2", model,
                crumbs("elections", view.link(election)))
