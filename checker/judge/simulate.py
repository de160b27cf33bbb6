"""What applying recommendations would change: their declared fact changes (`proposed_changes`)
laid over the law in force, then judged again (`kbcheck simulate`, and the site's "what
applying it would close").

A recommendation answers only the elections its own report observed: without `--election`,
each recommendation is simulated on its report's elections. A proposed fact replaces exactly
the fact record it names — by its identifying keys (`replaces:`, or by default the chamber,
and for seats the chamber and the method) — and only the properties it states; every changed
fact is reported before and after.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from rdflib import DCTERMS, RDF, Graph, URIRef

from checker.graph.framework import versions_in_force
from checker.graph.ids import ID_BASE, readable
from checker.graph.namespaces import ELI
from checker.graph.vocab import EOKB
from checker.judge.model import Judgement, Verdict
from checker.judge.rules import Rule
from checker.judge.scenarios import ScenarioError, only
from checker.judge.verdicts import judge

OPEN = ("violated", "at-risk", "noted")
IDENTITY = (EOKB.chamber, EOKB.selectionMethod, EOKB.chosenBy)  # what a `replaces:` may name
_BOOKKEEPING = {RDF.type, EOKB.sourceFile, EOKB.sourceLine, EOKB.sourceColumn, EOKB.replacesChamber,
                EOKB.replacesMethod, EOKB.replacesBody}


@dataclass
class FactChange:
    recommendation: str
    provision: str
    fact: str  # the fact record changed, or the proposed fact when added
    before: dict[str, str]  # property → value, of the properties the proposal states
    after: dict[str, str]


@dataclass
class Simulation:
    applied: list[str]  # recommendation ids
    without_changes: list[str]  # selected recommendations that declare no fact change
    before: list[Verdict]
    after: list[Verdict]
    changes: list[FactChange] = field(default_factory=list)

    @property
    def closed(self) -> list[tuple[Verdict, Verdict]]:
        return [(b, a) for b, a in zip(self.before, self.after) if b.verdict in OPEN and a.verdict not in OPEN]

    @property
    def still_open(self) -> list[Verdict]:
        return [a for a in self.after if a.verdict in OPEN]


# -- choosing recommendations -------------------------------------------------------------------

def resolve_recommendations(graph: Graph, selectors: list[str]) -> list[URIRef]:
    """By full id, `<report>:<number>`, `<report>:<group><number>` (e.g. obs-xx-2020:A3), or a
    bare number or group and number when only one report has it."""
    recs = sorted(graph.subjects(RDF.type, EOKB.Recommendation))
    chosen = []
    for selector in (s.strip() for s in selectors):
        report, _, short = selector.rpartition(":") if ":" in selector else ("", "", selector)
        matches = [r for r in recs if readable(r) == selector] or [
            r for r in recs if _short_matches(graph, r, short) and (not report or _report_of(r) == report)]
        if len(matches) != 1:
            names = ", ".join(_qualified(graph, r) for r in matches) or "none"
            raise ScenarioError(f"'{selector}' names {len(matches)} recommendations ({names}); name one as "
                                f"<report>:<number>, <report>:<group><number> or its full id")
        chosen.append(matches[0])
    return chosen


def _short_matches(graph: Graph, rec: URIRef, short: str) -> bool:
    letter = short[0].upper() if short[:1].isalpha() else None
    number = short[1:] if letter else short
    group = graph.value(graph.value(rec, EOKB.group), EOKB.letter)
    return str(graph.value(rec, EOKB.number)) == number and (letter is None or str(group) == letter)


def _report_of(rec: URIRef) -> str:
    return readable(rec).rsplit("/rec/", 1)[0]


def _qualified(graph: Graph, rec: URIRef) -> str:
    group = graph.value(graph.value(rec, EOKB.group), EOKB.letter)
    return f"{_report_of(rec)}:{group or ''}{graph.value(rec, EOKB.number)}"


def elections_of(graph: Graph, rec: URIRef) -> list[URIRef]:
    """The elections the recommendation's own report observed."""
    return sorted(graph.objects(URIRef(ID_BASE + _report_of(rec)), EOKB.observes))


# -- applying them -------------------------------------------------------------------------------

def apply(graph: Graph, recommendations: list[URIRef], day: datetime.date) -> tuple[Graph, list[FactChange]]:
    """A copy of the graph with the recommendations' fact changes made to the versions in force on
    `day`, and each fact changed, before and after."""
    changed = Graph()
    changed += graph
    changes: list[FactChange] = []
    for rec in recommendations:
        for change in graph.objects(rec, EOKB.proposesChange):
            provision = graph.value(change, EOKB.changesProvision)
            country = graph.value(graph.value(provision, ELI.is_part_of), EOKB.country)
            for version in graph.subjects(ELI.realizes, provision):
                if version in versions_in_force(graph, country, day):
                    for proposed in graph.objects(change, EOKB.proposesFact):
                        changes += _override(changed, graph, version, proposed, readable(rec), readable(provision))
    return changed, changes


def _identity(graph: Graph, proposed: URIRef) -> dict:
    """The keys that name the record a proposed fact replaces."""
    named = {EOKB.chamber: graph.value(proposed, EOKB.replacesChamber),
             EOKB.selectionMethod: graph.value(proposed, EOKB.replacesMethod),
             EOKB.chosenBy: graph.value(proposed, EOKB.replacesBody)}
    if any(named.values()):
        return {k: v for k, v in named.items() if v is not None}
    default = {EOKB.chamber: graph.value(proposed, EOKB.chamber)}
    if (proposed, RDF.type, EOKB.SeatAllocation) in graph:
        default[EOKB.selectionMethod] = graph.value(proposed, EOKB.selectionMethod)
    return {k: v for k, v in default.items() if v is not None}


def _override(changed: Graph, graph: Graph, version: URIRef, proposed: URIRef, rec: str,
              provision: str) -> list[FactChange]:
    kind = graph.value(proposed, RDF.type)
    identity = _identity(graph, proposed)
    stated = [(p, v) for p, v in sorted(graph.predicate_objects(proposed)) if p not in _BOOKKEEPING]
    targets = [f for f in graph.objects(version, EOKB.states) if graph.value(f, RDF.type) == kind
               and all(graph.value(f, key) == value for key, value in identity.items())]
    if not identity:  # a group without a chamber: the records that state what the proposal changes
        targets = [f for f in targets if any((f, p, None) in graph for p, _ in stated if p not in IDENTITY)]
    if not targets:
        changed.add((version, EOKB.states, proposed))
        return [FactChange(rec, provision, readable(proposed), {}, {_name(p): _name(v) for p, v in stated})]
    found = []
    for fact in targets:
        differing = [(p, v) for p, v in stated if graph.value(fact, p) != v]
        for predicate, value in differing:
            changed.remove((fact, predicate, None))
            changed.add((fact, predicate, value))
        if differing:
            found.append(FactChange(rec, provision, readable(fact),
                                    {_name(p): _name(graph.value(fact, p)) for p, _ in differing
                                     if graph.value(fact, p) is not None},
                                    {_name(p): _name(v) for p, v in differing}))
    return found


def _name(term) -> str:
    """A property or vocabulary term by its local name; ids by the id rule; values as they are."""
    text = readable(term)
    return text.rsplit("#", 1)[-1] if text.startswith(str(EOKB)) else text


# -- judging -------------------------------------------------------------------------------------

def simulate(graph: Graph, shapes: Graph, rules: list[Rule], selectors: list[str], election: str | None = None,
             engine: str = "pyshacl") -> Simulation:
    """Each recommendation applied on its report's elections (or on `election`), judged again."""
    recommendations = resolve_recommendations(graph, selectors)
    if election is not None and (URIRef(ID_BASE + election), RDF.type, EOKB.Election) not in graph:
        raise ScenarioError(f"no election has the id '{election}'")
    targets: dict[URIRef, list[URIRef]] = {}
    for rec in recommendations:
        for target in ([URIRef(ID_BASE + election)] if election else elections_of(graph, rec)):
            targets.setdefault(target, []).append(rec)
    simulation = Simulation([readable(r) for r in recommendations],
                            [readable(r) for r in recommendations if not list(graph.objects(r, EOKB.proposesChange))],
                            [], [])
    for target, recs in sorted(targets.items()):
        day = graph.value(target, DCTERMS.date).toPython()
        changed, changes = apply(graph, recs, day)
        simulation.before += only(judge(graph, shapes, rules, as_of=day, engine=engine), readable(target)).verdicts
        simulation.after += only(judge(changed, shapes, rules, as_of=day, engine=engine), readable(target)).verdicts
        simulation.changes += changes
    return simulation


def unanswered(verdicts: list[Verdict]) -> list[Verdict]:
    """Violated or at-risk verdicts that no recommendation answers."""
    return [v for v in verdicts if v.verdict in ("violated", "at-risk") and not v.evidence.recommendations]


def would_close(graph: Graph, shapes: Graph, rules: list[Rule], baseline: Judgement,
                engine: str = "pyshacl") -> dict[str, list[Verdict]]:
    """For each recommendation that declares fact changes, the open verdicts of its own report's
    elections that applying it alone would close (the site shows them on its page)."""
    closing: dict[str, list[Verdict]] = {}
    for rec in sorted(graph.subjects(RDF.type, EOKB.Recommendation)):
        if not list(graph.objects(rec, EOKB.proposesChange)):
            continue
        closing[readable(rec)] = []
        for election in elections_of(graph, rec):
            day = graph.value(election, DCTERMS.date).toPython()
            before = {(v.commitment, v.scope): v for v in baseline.scoped()
                      if v.election == readable(election) and v.as_of == day}
            after = judge(apply(graph, [rec], day)[0], shapes, rules, as_of=day, engine=engine)
            closing[readable(rec)] += [
                before[v.commitment, v.scope] for v in after.scoped()
                if v.election == readable(election) and (v.commitment, v.scope) in before
                and before[v.commitment, v.scope].verdict in OPEN and v.verdict not in OPEN]
    return closing
