"""The main job (`kbcheck build`): every stage on one knowledge base, every output written.

    load and validate ─▶ export the graph ─▶ judge ─▶ write the reports ─▶ simulate each
    recommendation ─▶ build the site

Violations are the knowledge base's content, not a failure: the job writes every report and
builds the site whatever the verdicts. Only an invalid knowledge base stops it (before any
output is touched), and each output is replaced atomically.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef

from checker.common import atomic
from checker.judge.lint import lint_rules
from checker.judge.verdicts import judge
from checker.graph.export import FORMATS, serialize
from checker.reports.outputs import write_outputs
from checker.pipeline import load_and_check
from checker.judge.rules import load_rules
from checker.judge.simulate import would_close
from checker.reports.verdict_rdf import verdict_graph, verdict_iri
from checker.graph.vocab import EOKB


@dataclass
class JobOutcome:
    problems: list  # the knowledge base's problems (or its rules'); empty when it is valid
    written: list[Path]
    verdict_counts: dict[str, int]


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def run_build(root: Path, out: Path) -> JobOutcome:
    from checker.graph.ids import ID_BASE
    from checker.site import SiteSources, build_site, kb_version
    from checker.site.build import with_rule_descriptions

    started = time.perf_counter()
    loaded = load_and_check(root)
    if loaded.problems:
        return JobOutcome(loaded.problems.sorted(), [], {})
    rule_problems = lint_rules(root)  # issue 17: a rule some engine refuses stops the job, as in `validate`
    if rule_problems:
        return JobOutcome(rule_problems, [], {})
    graph = loaded.graph
    _say(f"loaded {len(loaded.kb.files)} files, {loaded.quotes.checked} quotations verified, "
         f"{len(graph)} triples ({time.perf_counter() - started:.1f} s)")

    written = []
    for fmt in FORMATS:
        path = out / f"graph.{fmt}"
        atomic.write_text(path, serialize(graph, fmt))
        written.append(path)

    shapes, rules = load_rules(root)
    judgement = judge(graph, shapes, rules)
    written += write_outputs(judgement, graph, out / "reports")
    counts: dict[str, int] = {}
    for verdict in judgement.verdicts:
        counts[verdict.verdict] = counts.get(verdict.verdict, 0) + 1
    _say(f"judged {len(judgement.verdicts)} verdicts: "
         + ", ".join(f"{n} {name}" for name, n in sorted(counts.items())))

    site_graph: Graph = with_rule_descriptions(graph, shapes)
    site_graph += verdict_graph(judgement)
    for rec, closed in would_close(graph, shapes, rules, judgement).items():
        for verdict in closed:
            site_graph.add((URIRef(ID_BASE + rec), EOKB.wouldClose, verdict_iri(verdict)))
    sources = SiteSources(checks=out / "reports", rule_tests=root / "tests" / "rules", kb_version=kb_version(root),
                          national={e: (d.record, loaded.figures[e]) for e, d in loaded.datasets.items()})
    if (root / "mkdocs.yml").is_file() and (root / "site").is_dir():
        sources.mkdocs_yml, sources.hand_written = root / "mkdocs.yml", root / "site"
    built = build_site(site_graph, out / "site", sources)
    written.append(built.out)
    _say(f"built {built.pages} pages into {built.out} ({time.perf_counter() - started:.1f} s in all)")
    return JobOutcome([], written, counts)
