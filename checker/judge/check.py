"""The check stage chained: the loaded graph, the rules, the judgement."""

from __future__ import annotations

import datetime
from pathlib import Path

from rdflib import Graph

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
