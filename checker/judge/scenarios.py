"""What changes the verdicts: the law of another day (diff), or recommendations applied (simulate).

* `diff`: the same election judged by the law in force on two days; the commitments whose
  verdict changed, and the provision versions that made the difference (the report's "step
  backward" between the 2004 and the 2007 framework).
* `simulate`: the fact changes a recommendation declares (`proposed_changes`) applied to the
  provision versions in force, then judged again: which violations would close.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from rdflib import DCTERMS, RDF, Graph, URIRef

from checker.graph.ids import ID_BASE

from checker.graph.namespaces import ELI
from checker.graph.framework import versions_in_force
from checker.judge.evidence import version_evidence as _version_evidence
from checker.judge.model import Judgement, Verdict, VersionEvidence
from checker.judge.verdicts import judge
from checker.graph.ids import readable
from checker.judge.rules import Rule
from checker.graph.vocab import EOKB

OPEN = ("violated", "at-risk", "noted")


class ScenarioError(Exception):
    """A request that names something the knowledge base does not have (exit 2)."""


@dataclass
class Change:
    election: str
    commitment: str
    before: Verdict
    after: Verdict
    versions_before: list[VersionEvidence] = field(default_factory=list)  # in force only on the first day
    versions_after: list[VersionEvidence] = field(default_factory=list)  # in force only on the second day


def _election_on(graph: Graph, day: datetime.date) -> list[URIRef]:
    return sorted(e for e in graph.subjects(RDF.type, EOKB.Election)
                  if graph.value(e, DCTERMS.date) is not None and graph.value(e, DCTERMS.date).toPython() == day)


def _only(graph: Graph, judgement: Judgement, election: str) -> Judgement:
    """The election's verdicts per scope: a change is said in the scope where it happens."""
    judgement.verdicts = [v for v in judgement.scoped() if v.election == election]
    return judgement


def diff(graph: Graph, shapes: Graph, rules: list[Rule], day_from: datetime.date, day_to: datetime.date,
         election: str | None = None, engine: str = "pyshacl") -> list[Change]:
    """The verdicts of one election by the law of `day_from` and of `day_to`, where they differ."""
    if election is None:
        found = _election_on(graph, day_to)
        if not found:
            raise ScenarioError(f"no election on {day_to}; name one with --election")
        election = readable(found[0])
    target = URIRef(ID_BASE + election)
    if (target, RDF.type, EOKB.Election) not in graph:
        raise ScenarioError(f"no election has the id '{election}'")
    before = _only(graph, judge(graph, shapes, rules, as_of=day_from, engine=engine), election)
    after = _only(graph, judge(graph, shapes, rules, as_of=day_to, engine=engine), election)
    country = graph.value(target, EOKB.country)
    in_from = set(versions_in_force(graph, country, day_from))
    in_to = set(versions_in_force(graph, country, day_to))
    changes = []
    for old, new in zip(before.verdicts, after.verdicts):
        if old.verdict == new.verdict:
            continue
        provisions = {v.provision for v in old.evidence.versions + new.evidence.versions}
        provisions |= {f"{p}" for r in old.rules for p in _provisions_of_rule(graph, rules, r, in_from | in_to)}
        changes.append(Change(
            election, old.commitment, old, new,
            _versions(graph, (in_from - in_to), provisions), _versions(graph, (in_to - in_from), provisions)))
    return changes


def _provisions_of_rule(graph: Graph, rules: list[Rule], rule_id: str, versions: set) -> list[str]:
    """Provisions whose versions state a fact property the rule needs."""
    rule = next(r for r in rules if r.id == rule_id)
    found = []
    for version in versions:
        for fact in graph.objects(version, EOKB.states):
            if any((fact, need, None) in graph for need in rule.needs):
                found.append(readable(graph.value(version, ELI.realizes)))
    return found


def _versions(graph: Graph, versions: set, provisions: set[str]) -> list[VersionEvidence]:
    chosen = [v for v in versions if readable(graph.value(v, ELI.realizes)) in provisions]
    return sorted((_version_evidence(graph, v) for v in chosen), key=lambda v: (v.provision, v.in_force_from))


# -- simulate -----------------------------------------------------------------------------

@dataclass
class Simulation:
    applied: list[str]  # recommendation ids
    without_changes: list[str]  # selected recommendations that declare no fact change
    before: list[Verdict]
    after: list[Verdict]

    @property
    def closed(self) -> list[tuple[Verdict, Verdict]]:
        return [(b, a) for b, a in zip(self.before, self.after) if b.verdict in OPEN and a.verdict not in OPEN]

    @property
    def still_open(self) -> list[Verdict]:
        return [a for a in self.after if a.verdict in OPEN]


def resolve_recommendations(graph: Graph, selectors: list[str]) -> list[URIRef]:
    """Recommendations by full id, by number ('3') or by group and number ('A3')."""
    recs = list(graph.subjects(RDF.type, EOKB.Recommendation))
    chosen = []
    for selector in selectors:
        selector = selector.strip()
        matches = [r for r in recs if readable(r) == selector]
        if not matches:
            letter = selector[0].upper() if selector[:1].isalpha() else None
            number = selector[1:] if letter else selector
            matches = [r for r in recs if str(graph.value(r, EOKB.number)) == number and (
                letter is None or str(graph.value(graph.value(r, EOKB.group), EOKB.letter)) == letter)]
        if len(matches) != 1:
            raise ScenarioError(f"'{selector}' names {len(matches)} recommendations; use an id, a number or "
                                f"group and number (e.g. A3)")
        chosen.append(matches[0])
    return chosen


def apply(graph: Graph, recommendations: list[URIRef], day: datetime.date) -> Graph:
    """A copy of the graph with the recommendations' fact changes made to the versions in force
    on `day`: each proposed fact overrides the properties it states on the facts of the same
    kind and chamber (and is added when the version states none)."""
    changed = Graph()
    changed += graph
    for rec in recommendations:
        for change in graph.objects(rec, EOKB.proposesChange):
            provision = graph.value(change, EOKB.changesProvision)
            for version in graph.subjects(ELI.realizes, provision):
                if version not in versions_in_force(graph, _country_of(graph, provision), day):
                    continue
                for proposed in graph.objects(change, EOKB.proposesFact):
                    _override(changed, version, proposed, graph)
    return changed


def _country_of(graph: Graph, provision: URIRef) -> URIRef:
    return graph.value(graph.value(provision, ELI.is_part_of), EOKB.country)


_BOOKKEEPING = {RDF.type, EOKB.chamber, EOKB.sourceFile, EOKB.sourceLine, EOKB.sourceColumn}


def _override(changed: Graph, version: URIRef, proposed: URIRef, original: Graph) -> None:
    kind = original.value(proposed, RDF.type)
    chamber = original.value(proposed, EOKB.chamber)
    targets = [f for f in original.objects(version, EOKB.states)
               if original.value(f, RDF.type) == kind and original.value(f, EOKB.chamber) == chamber]
    if not targets:
        changed.add((version, EOKB.states, proposed))
        return
    for fact in targets:
        for predicate, value in original.predicate_objects(proposed):
            if predicate in _BOOKKEEPING:
                continue
            changed.remove((fact, predicate, None))
            changed.add((fact, predicate, value))


def simulate(graph: Graph, shapes: Graph, rules: list[Rule], selectors: list[str], election: str | None = None,
             engine: str = "pyshacl") -> Simulation:
    recommendations = resolve_recommendations(graph, selectors)
    if election is None:
        latest = max(graph.subjects(RDF.type, EOKB.Election), key=lambda e: graph.value(e, DCTERMS.date).toPython())
        election = readable(latest)
    target = URIRef(ID_BASE + election)
    if (target, RDF.type, EOKB.Election) not in graph:
        raise ScenarioError(f"no election has the id '{election}'")
    day = graph.value(target, DCTERMS.date).toPython()
    before = _only(graph, judge(graph, shapes, rules, as_of=day, engine=engine), election)
    after = _only(graph, judge(apply(graph, recommendations, day), shapes, rules, as_of=day, engine=engine), election)
    without = [readable(r) for r in recommendations if not list(graph.objects(r, EOKB.proposesChange))]
    return Simulation([readable(r) for r in recommendations], without, before.verdicts, after.verdicts)


def unanswered(verdicts: list[Verdict]) -> list[Verdict]:
    """Violated or at-risk verdicts that no recommendation answers."""
    return [v for v in verdicts if v.verdict in ("violated", "at-risk") and not v.evidence.recommendations]


def would_close(graph: Graph, shapes: Graph, rules: list[Rule], baseline: Judgement,
                engine: str = "pyshacl") -> dict[str, list[Verdict]]:
    """For each recommendation that declares fact changes, the open verdicts of the latest
    election that applying it alone would close (the site shows them on its page)."""
    latest = max(graph.subjects(RDF.type, EOKB.Election), key=lambda e: graph.value(e, DCTERMS.date).toPython())
    election, day = readable(latest), graph.value(latest, DCTERMS.date).toPython()
    before = {(v.commitment, v.scope): v for v in baseline.scoped() if v.election == election and v.as_of == day}
    closing: dict[str, list[Verdict]] = {}
    for rec in sorted(graph.subjects(RDF.type, EOKB.Recommendation)):
        if not list(graph.objects(rec, EOKB.proposesChange)):
            continue
        after = judge(apply(graph, [rec], day), shapes, rules, as_of=day, engine=engine)
        closing[readable(rec)] = [
            before[v.commitment, v.scope] for v in after.scoped()
            if v.election == election and (v.commitment, v.scope) in before
            and before[v.commitment, v.scope].verdict in OPEN and v.verdict not in OPEN
        ]
    return closing
