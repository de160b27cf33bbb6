"""The stages chained: load, verify against the sources, build the graph.

`cli.py` and the tests call these, so every entry point runs the same checks in the same
order.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from checker.graph.build import build_graph
from checker.kb.errors import Problems
from checker.kb.follow_up import check_follow_up
from checker.kb.load import KnowledgeBase, load
from checker.kb.quotes import QuoteTally, check_quotes
from checker.results.claims import check_claims
from checker.results.data import add_results_data
from checker.results.national.datasets import Dataset, read_datasets
from checker.results.national.figures import NationalFigures
from checker.results.national.graph import add_national_results
from checker.judge.waivers import check_parameter_overrides, check_waivers


@dataclass
class Loaded:
    kb: KnowledgeBase
    problems: Problems
    quotes: QuoteTally
    graph: Graph | None  # None when there are problems
    datasets: dict[str, Dataset] = field(default_factory=dict)  # issue 15: national results, by election
    figures: dict[str, NationalFigures] = field(default_factory=dict)  # and their figures


def load_and_check(root: Path, today: datetime.date | None = None) -> Loaded:
    """Every problem of the knowledge base at `root`, and its graph if there are none."""
    kb = load(Path(root))
    problems = Problems()
    problems.extend(kb.problems)
    tally = check_quotes(kb, problems)
    check_follow_up(kb, problems)
    check_waivers(kb, problems, today)
    check_parameter_overrides(kb, problems)
    datasets = read_datasets(kb, problems) if not problems else {}  # issue 15: checksum, then every row
    graph = None if problems else build_graph(kb)
    if graph is not None:  # issue 7: the annex tables (annexes/*.csv) as RDF Data Cube, and claims on them
        problems.extend(add_results_data(kb, graph))
        problems.extend(check_claims(kb, graph) if not problems else Problems())
        graph = None if problems else graph
    figures = add_national_results(graph, datasets) if graph is not None else {}  # issue 15
    return Loaded(kb, problems, tally, graph, datasets, figures)
