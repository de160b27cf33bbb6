"""What the law of another day changes (`kbcheck diff`): the same election judged by the law in
force on two days; the verdicts that changed, in their scope, and the provision versions that made
the difference (the report's "step backward" between the 2004 and the 2007 framework).
Recommendations applied are in checker/judge/simulate.py.
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


def only(judgement: Judgement, election: str) -> Judgement:
    """The election's verdicts per scope: a change is said in the scope where it happens."""
    judgement.verdicts = [v for v in judgement.scoped() if v.election == election]
    return judgement


def diff(graph: Graph, shapes: Graph, rules: list[Rule], day_from: datetime.date, day_to: datetime.date,
         election: str | None = None, engine: str = "pyshacl") -> list[Change]:
    """The verdicts of one election by the law of `day_from` and of `day_to`, where they differ."""
    if election is None:
        found = _election_on(graph, day_to)
        if len(found) != 1:  # none, or several (two countries voting on one day): never a guess
            held = f"{len(found)} elections ({', '.join(readable(e) for e in found)})" if found else "no election"
            raise ScenarioError(f"{held} on {day_to}; name one with --election")
        election = readable(found[0])
    target = URIRef(ID_BASE + election)
    if (target, RDF.type, EOKB.Election) not in graph:
        raise ScenarioError(f"no election has the id '{election}'")
    before = only(judge(graph, shapes, rules, as_of=day_from, engine=engine), election)
    after = only(judge(graph, shapes, rules, as_of=day_to, engine=engine), election)
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
