"""The check stage chained: the loaded graph, the rules, the judgement."""

from __future__ import annotations

import datetime
from pathlib import Path

from rdflib import RDF, Graph, URIRef

from checker.graph.ids import ID_BASE, readable
from checker.graph.vocab import EOKB
from checker.judge.model import Judgement
from checker.judge.verdicts import judge
from checker.judge.rules import load_rules

SEVERITY_RANK = {"info": 1, "warning": 2, "violation": 3}


def run_check(root: Path, graph: Graph, as_of: datetime.date | None = None, engine: str = "pyshacl") -> Judgement:
    shapes, rules = load_rules(Path(root))
    return judge(graph, shapes, rules, as_of=as_of, engine=engine)


def failing(judgement: Judgement, fail_on: str) -> list:
    """The unwaived results at or above the failing severity ('none' never fails)."""
    if fail_on == "none":
        return []
    threshold = SEVERITY_RANK[fail_on]
    return [r for r in judgement.results if r.waiver is None and SEVERITY_RANK[r.rule.severity] >= threshold]


class SelectionError(ValueError):
    """--election or --country names nothing the knowledge base has (exit 2)."""


def select(judgement: Judgement, graph: Graph, election: str | None = None, country: str | None = None) -> Judgement:
    """The judgement of one election, or of one country's elections (both: their intersection)."""
    if election is None and country is None:
        return judgement
    elections = {readable(e) for e in graph.subjects(RDF.type, EOKB.Election)}
    if election is not None and election not in elections:
        raise SelectionError(f"no election has the id '{election}' (known: {', '.join(sorted(elections))})")
    if country is not None and (URIRef(ID_BASE + country), RDF.type, EOKB.Country) not in graph:
        raise SelectionError(f"no country has the id '{country}'")
    chosen = {e for e in elections if (election is None or e == election) and (
        country is None or graph.value(URIRef(ID_BASE + e), EOKB.country) == URIRef(ID_BASE + country))}
    results = [r for r in judgement.results if r.election in chosen]
    inapplicable = [r for r in judgement.inapplicable if r.election in chosen]
    # The engine's own results too (report.ttl's sh:ValidationReport): only those of the selection.
    kept = {(str(r.rule.shape), r.focus, r.value) for r in results + inapplicable}
    raw = [r for r in judgement.raw if (r.shape, readable(r.focus), _value(r.value)) in kept]
    return Judgement([v for v in judgement.verdicts if v.election in chosen], results, raw, judgement.rules,
                     judgement.parameters, inapplicable)


def _value(value) -> str | None:
    """A raw result's value as a verdict's result holds it (checker/reports/verdict_rdf.py reads
    them back the same way)."""
    return None if value is None else (readable(value) if isinstance(value, URIRef) else str(value))
