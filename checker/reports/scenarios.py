"""The outputs of `kbcheck diff` and `kbcheck simulate`: text, JSON, Markdown, Turtle."""

from __future__ import annotations

import json
from dataclasses import asdict

from rdflib import XSD, Graph, Literal, URIRef

from checker.graph.ids import ID_BASE

from checker.graph.namespaces import PREFIXES
from checker.graph.export import canonical_turtle
from checker.judge.scenarios import Change
from checker.judge.simulate import Simulation, unanswered
from checker.graph.vocab import EOKB
from checker.reports.verdict_rdf import SCOPE, VERDICT_VALUE

FORMATS = ("text", "json", "md", "ttl")
VALUE_TERMS = VERDICT_VALUE


def _version_line(v) -> str:
    until = f" until {v.in_force_to}" if v.in_force_to else ""
    return f"{v.label} ({v.provision}), in force from {v.in_force_from}{until}"


def diff_to_dict(changes: list[Change], day_from, day_to) -> dict:
    return {
        "from": day_from.isoformat(), "to": day_to.isoformat(),
        "changes": [{
            "election": c.election, "commitment": c.commitment, "scope": c.before.scope,
            "verdict_from": c.before.verdict, "verdict_to": c.after.verdict,
            "results_to": sorted({r.rule.id for r in c.after.results}),
            "provision_versions_from": [asdict(v) for v in c.versions_before],
            "provision_versions_to": [asdict(v) for v in c.versions_after],
        } for c in changes],
    }


def render_diff(changes: list[Change], day_from, day_to, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(diff_to_dict(changes, day_from, day_to), indent=2, ensure_ascii=False) + "\n"
    if fmt == "ttl":
        return canonical_turtle(diff_graph(changes, day_from, day_to))
    md = fmt == "md"
    lines = [f"# Verdicts that changed between the law of {day_from} and of {day_to}" if md else
             f"Verdicts that changed between the law of {day_from} and of {day_to}:"]
    if not changes:
        lines.append("No verdict changed.")
    for c in changes:
        head = f"{c.commitment} [{c.before.scope}] ({c.election}): {c.before.verdict} → {c.after.verdict}"
        lines.append(f"\n## {head}\n" if md else f"\n  {head}")
        rules = sorted({r.rule.id for r in c.after.results}) or sorted({r.rule.id for r in c.before.results})
        if rules:
            lines.append(f"{'- ' if md else '    '}rules: {', '.join(rules)}")
        for v in c.versions_before:
            lines.append(f"{'- ' if md else '    '}before: {_version_line(v)}")
        for v in c.versions_after:
            lines.append(f"{'- ' if md else '    '}after:  {_version_line(v)}")
    return "\n".join(lines) + "\n"


def diff_graph(changes: list[Change], day_from, day_to) -> Graph:
    """Each change as two eokb:Verdict nodes (one per day), with the versions that differ as evidence."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for c in changes:
        for verdict, day, versions in ((c.before, day_from, c.versions_before), (c.after, day_to, c.versions_after)):
            node = URIRef(f"{ID_BASE}verdict/{c.election}/{c.commitment}/{c.before.scope}/as-of/{day.isoformat()}")
            graph.add((node, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), EOKB.Verdict))
            graph.add((node, EOKB.election, URIRef(ID_BASE + c.election)))
            graph.add((node, EOKB.commitment, URIRef(ID_BASE + c.commitment)))
            graph.add((node, EOKB.scope, SCOPE[verdict.scope]))
            graph.add((node, EOKB.asOf, Literal(day.isoformat(), datatype=XSD.date)))
            graph.add((node, EOKB.verdictValue, VALUE_TERMS[verdict.verdict]))
            for v in versions:
                graph.add((node, EOKB.evidence, URIRef(ID_BASE + v.iri)))
    return graph


def simulation_to_dict(sim: Simulation) -> dict:
    return {
        "applied": sim.applied,
        "without_changes": sim.without_changes,
        "closed": [{"election": b.election, "commitment": b.commitment, "scope": b.scope, "before": b.verdict,
                    "after": a.verdict} for b, a in sim.closed],
        "still_open": [{"election": a.election, "commitment": a.commitment, "scope": a.scope, "verdict": a.verdict,
                        "rules": sorted({r.rule.id for r in a.results})} for a in sim.still_open],
        "unanswered": [{"election": v.election, "commitment": v.commitment, "scope": v.scope, "verdict": v.verdict}
                       for v in unanswered(sim.before)],
        "fact_changes": [asdict(c) for c in sim.changes],
    }


def render_simulation(sim: Simulation, fmt: str) -> str:
    data = simulation_to_dict(sim)
    if fmt == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    md = fmt == "md"
    bullet = "- " if md else "  "
    lines = [("# " if md else "") + f"Applying {', '.join(sim.applied)}"]
    if sim.without_changes:
        lines.append(f"{bullet}declare no fact change, so cannot be simulated: {', '.join(sim.without_changes)}")
    lines.append(("\n## " if md else "\n") + "Facts changed (before → after):")
    lines += [f"{bullet}{c['fact']} ({c['recommendation']}): "
              + ", ".join(f"{k} {c['before'].get(k, '—')} → {v}" for k, v in c["after"].items())
              for c in data["fact_changes"]] or [f"{bullet}none"]
    lines.append(("\n## " if md else "\n") + "Would close:")
    lines += [f"{bullet}{c['commitment']} [{c['scope']}] ({c['election']}): {c['before']} → {c['after']}" for c in data["closed"]] \
        or [f"{bullet}nothing"]
    lines.append(("\n## " if md else "\n") + "Would stay open:")
    lines += [f"{bullet}{o['commitment']} [{o['scope']}] ({o['election']}): {o['verdict']} — {', '.join(o['rules'])}"
              for o in data["still_open"]] or [f"{bullet}nothing"]
    lines.append(("\n## " if md else "\n") + "Open verdicts no recommendation answers:")
    lines += [f"{bullet}{u['commitment']} [{u['scope']}] ({u['election']}): {u['verdict']}" for u in data["unanswered"]] \
        or [f"{bullet}none"]
    return "\n".join(lines) + "\n"
