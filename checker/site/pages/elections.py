"""Pages of the Elections part: each election, the compliance matrix (commitments ×
elections) and, where the checker judged two elections of one chamber, what changed."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import DCTERMS

from checker.graph.namespaces import ELI

from checker.site import urls
from checker.site.pages.answers import PROBLEMS, answer
from checker.site.pages.common import Page, Site, crumbs
from checker.site.pages.conduct import conduct_target
from checker.site.pages.law import versions_in_force
from checker.site.pages.results import results_target
from checker.site.verdicts import Value
from checker.site.view import Link
from checker.graph.vocab import EOKB

MATRIX = urls.fixed("compliance")


@dataclass
class Cell:
    value: Value
    link: Link  # to the verdict's section on the commitment page, evidence and all
    coverage: str = ""  # "2/3": rules with facts of the rules that express the commitment
    caveat: str = ""  # "rests on an inferred fact"
    own: bool = False  # the checker's own reading: the report gives no verdict on it


@dataclass
class Change:
    commitment: Link
    before: Cell
    after: Cell


def _cell(site: Site, commitment, election) -> Cell:
    value = site.verdicts.value_for(commitment, election)
    page = site.view.target(commitment)
    anchor = urls.anchor("verdict", urls.record_id(election) or "")
    coverage, caveat = site.verdicts.cell_note(commitment, election)
    return Cell(value, Link(value.label, urls.Target(page.path, anchor)), coverage, caveat,
                site.verdicts.own_reading(commitment, election))


def matrix_page(site: Site) -> Page:
    view = site.view
    elections = site.elections
    rows = [(view.link(c, view.label(c)), [_cell(site, c, e) for e in elections]) for c in site.commitments]
    model = {"elections": view.links(elections), "rows": rows}
    return Page(MATRIX, "Compliance matrix", "matrix.md.j2", model, crumbs("elections"))


def _predecessor(site: Site, election):
    """The previous election of the same chamber, if any."""
    view = site.view
    chamber = view.value(election, EOKB.chamber)
    earlier = [e for e in site.elections if view.value(e, EOKB.chamber) == chamber]
    position = earlier.index(election)
    return earlier[position - 1] if position > 0 else None


def _judged(site: Site, election) -> bool:
    return site.verdicts.any_for(election) or bool(site.view.objects(election, EOKB.governedBy))


def changes_target(site: Site, election) -> urls.Target | None:
    """The comparison page of an election with its predecessor, when the graph has the data."""
    before = _predecessor(site, election)
    if before is None or not (_judged(site, before) and _judged(site, election)):
        return None
    return urls.Target(site.view.target(election).path.removesuffix("index.md") + "changes/index.md")


def changes_page(site: Site, election) -> Page | None:
    target = changes_target(site, election)
    if target is None:
        return None
    view = site.view
    before = _predecessor(site, election)
    changes = [Change(view.link(c), _cell(site, c, before), _cell(site, c, election)) for c in site.commitments]
    moved = [(c, change) for c, change in zip(site.commitments, changes) if change.before.value != change.after.value]
    law_before, law_after = set(versions_in_force(view, before)), set(versions_in_force(view, election))
    model = {
        "before": view.link(before), "after": view.link(election),
        "changed": [c for c in changes if c.before.value != c.after.value],
        "unchanged": [c for c in changes if c.before.value == c.after.value],
        "law": law_changes(site, law_before, law_after, moved),
    }
    title = f"{view.label(before)} → {view.label(election)}"
    return Page(target, title, "changes.md.j2", model, crumbs("elections", view.link(election)))


@dataclass
class LawChange:
    """One provision's change between two elections: its version before → after."""

    provision: Link
    before: Link | None  # None: the provision was not in force before
    after: Link | None  # None: no longer in force after
    moved: list[Change]  # the verdicts that changed and rest on either version
    said_before: str = ""  # what each version says, in the encoder's words
    said_after: str = ""


def law_changes(site: Site, before: set, after: set, changed: list[tuple]) -> list[LawChange]:
    """The versions in force for one election and not the other, paired by provision, each
    with the changed verdicts (`(commitment, Change)`) that rest on either version."""
    view = site.view
    by_provision: dict = {}
    for side, versions in ((0, before - after), (1, after - before)):
        for version in versions:
            by_provision.setdefault(view.value(version, ELI.realizes), [None, None])[side] = version
    rows = []
    for provision, (old, new) in sorted(by_provision.items(), key=lambda pv: view.label(pv[0])):
        resting = {view.value(verdict, EOKB.commitment) for version in (old, new) if version is not None
                   for verdict, _ in site.verdicts.resting_on(version)}
        rows.append(LawChange(view.link(provision), _since(view, old), _since(view, new),
                              [change for commitment, change in changed if commitment in resting],
                              view.text(old, DCTERMS.description) or "", view.text(new, DCTERMS.description) or ""))
    return rows


def _since(view, version) -> Link | None:
    if version is None:
        return None
    since, until = view.text(version, ELI.first_date_entry_in_force), view.text(version, ELI.date_no_longer_in_force)
    return view.link(version, f"in force {since} to {until}" if until else f"in force from {since}")


def index_page(site: Site) -> Page:
    view = site.view
    rows = []
    for election in site.elections:
        changes = changes_target(site, election)
        rows.append((view.link(election), view.text(election, DCTERMS.date) or "",
                     Link("what changed", changes) if changes else None,
                     site.verdicts.summary(site.commitments, election)))
    return Page(urls.fixed("elections"), "Elections", "elections_index.md.j2",
                {"elections": rows, "matrix": Link("Compliance matrix", MATRIX)}, crumbs("elections")[:1])


def election_page(site: Site, election) -> Page:
    view = site.view
    changes = changes_target(site, election)
    results = results_target(site, election)
    conduct = conduct_target(site, election)
    lists = [pl for pl in view.subjects(EOKB.election, election) if view.is_a(pl, EOKB.PartyList)]
    model = {
        "title": view.label(election), "date": view.text(election, DCTERMS.date),
        "kind": (view.text(election, EOKB.electionKind) or "").replace("-", " "), "called": view.text(election, EOKB.calledOn),
        "chamber": view.label(view.value(election, EOKB.chamber)),
        "country": view.link(view.value(election, EOKB.country)),
        "description": view.text(election, DCTERMS.description) or "",
        "observed_by": view.links(view.objects(election, EOKB.observedBy)),
        "summary": site.verdicts.summary(site.commitments, election),
        "verdicts": [(view.link(c), _cell(site, c, election)) for c in site.commitments],
        "law": sorted((view.link(v) for v in versions_in_force(view, election)), key=lambda link: link.text),
        "lists": [(view.label(view.value(pl, EOKB.party)), view.text(pl, EOKB.ballotPosition),
                   view.python(pl, EOKB.registered)) for pl in lists],
        "changes": Link("What changed since the previous election", changes) if changes else None,
        "results": (Link("Results: every polling station's figures, whether each protocol adds up, and whole-number "
                         "percentages", results) if urls.record_id(election) in site.national else
                    Link("Results: the annex tables and the per-station differences", results)) if results else None,
        "conduct": Link("Conduct: what observers saw, phase by phase, and the verdicts on it", conduct)
        if conduct else None,
        "matrix": Link("Compliance matrix", MATRIX),
        "problems": [answer(site, c, election) for c in site.commitments
                     if site.verdicts.value_for(c, election) in PROBLEMS],
    }
    return Page(view.target(election), model["title"], "election.md.j2", model, crumbs("elections"))
