"""A second, independent SHACL engine: Apache Jena must find what pySHACL finds.

Both engines run the bundled rules on a knowledge base framed for its elections, as
`judge` does, once per knowledge base: the JVM takes a couple of seconds to start. Results
are compared by shape IRI, which every rule has (blank node ids differ between engines).
Jena comes from Debian (scripts/setup.sh installs it); without it these tests skip, except
in CI (`CI` set), where a missing engine is a broken set-up.
"""

from __future__ import annotations

import os
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest

from checker.judge.engines import jena
from checker.judge.engines import ENGINES, RawResult
from checker.graph.framework import elections, frame
from checker.pipeline import load_and_check
from checker.judge.rules import load_rules
from tests.conftest import KB_SMALL, ROOT

SHAPES, RULES = load_rules(ROOT)
SPARQL_RULE = "https://w3id.org/eokb/rules/CPH-7.2-popular-chamber"


def require_jena() -> None:
    try:
        jena.java()
        jena.class_path()
    except jena.JenaUnavailable as missing:
        if os.environ.get("CI"):
            pytest.fail(f"Jena is required in CI: {missing}")
        pytest.skip(f"Apache Jena not installed: {missing}")


@pytest.fixture(scope="module", params=[ROOT, KB_SMALL], ids=["bundled-kb", "kb-small"])
def results(request) -> dict[str, list[RawResult]]:
    """Each engine's results on the knowledge base framed for its elections, with the bundled
    rules (kb-small has none of its own)."""
    require_jena()
    graph = load_and_check(request.param).graph
    assert graph is not None, f"{request.param} does not load"
    data = frame(graph, elections(graph))
    return {name: ENGINES[name](data, SHAPES) for name in ("pyshacl", "jena")}


def by_result(raw: list[RawResult]) -> dict[tuple[str, str, str], set]:
    """(focus node, source shape, severity) → the sh:values reported for it."""
    found = defaultdict(set)
    for result in raw:
        found[result.focus, result.shape, result.severity].add(result.value)
    return found


def test_same_focus_nodes_shapes_and_severities(results):
    reference, jena_found = (by_result(results[e]) for e in ("pyshacl", "jena"))
    only_pyshacl, only_jena = reference.keys() - jena_found.keys(), jena_found.keys() - reference.keys()
    assert not only_pyshacl and not only_jena, f"only pySHACL: {sorted(only_pyshacl)}; only Jena: {sorted(only_jena)}"


def test_same_values_where_both_report_one(results):
    reference, jena_found = (by_result(results[e]) for e in ("pyshacl", "jena"))
    for key in reference.keys() & jena_found.keys():
        ours, theirs = reference[key] - {None}, jena_found[key] - {None}
        if ours and theirs:
            assert ours == theirs, f"{key}: pySHACL {sorted(map(repr, ours))}, Jena {sorted(map(repr, theirs))}"


def test_comparison_is_not_vacuous(results):
    """Results exist, the SHACL-SPARQL rule among them, and every shape is a rule's IRI."""
    raw = results["jena"]
    assert any(result.shape == SPARQL_RULE for result in raw)
    assert {result.shape for result in raw} <= {str(rule.shape) for rule in RULES}


def binds_slf4j(jar: str) -> bool:
    with zipfile.ZipFile(jar) as archive:
        return "org/slf4j/impl/StaticLoggerBinder.class" in archive.namelist()


def test_class_path_has_one_slf4j_binding_and_the_xerces_resources_first():
    require_jena()
    entries = jena.class_path().split(os.pathsep)
    bindings = [e for e in entries[1:] if binds_slf4j(e)]
    assert len(bindings) == 1, bindings
    assert any(Path(e).name.startswith("slf4j-api") for e in entries)
    first = Path(entries[0])
    assert (first / "xerces/impl/msg/XMLSchemaMessages.properties").is_file()
    assert not first.resolve().is_relative_to(ROOT), "the extracted resources belong in a cache, not the repository"


def test_registered_as_an_engine():
    assert ENGINES["jena"] is jena.jena_validate


def test_missing_java_is_a_clear_error(monkeypatch):
    monkeypatch.setenv("PATH", "")
    with pytest.raises(jena.JenaUnavailable, match="apt-get install"):
        jena.java()


def test_missing_jena_jars_is_a_clear_error(tmp_path):
    with pytest.raises(jena.JenaUnavailable, match="libapache-jena-java"):
        jena.class_path(tmp_path)


def test_jena_judges_a_national_table_in_an_oxigraph_store(tmp_path):
    """Issue 17: Jena is the engine for national data; the table in Oxigraph reaches it as
    N-Triples written by Oxigraph, and it finds every injected anomaly and nothing else."""
    require_jena()
    from benchmarks.synthetic import generate
    from checker.graph.ids import ID_BASE
    from checker.judge.check import run_check
    from checker.judge.engines import NATIONAL_ENGINE
    from checker.judge.engines.oxigraph import oxigraph_graph

    path = tmp_path / "national.nt"
    expected = generate(200, path, anomaly_share=0.02)
    graph = oxigraph_graph(load_and_check(ROOT).graph, path)
    judgement = run_check(ROOT, graph, engine=NATIONAL_ENGINE)
    found = {(r.rule.id, ID_BASE + r.focus, int(r.value)) for r in judgement.results if "/tec-" in r.focus}
    assert NATIONAL_ENGINE == "jena" and found == expected.results
    fast = run_check(ROOT, graph, engine="oxigraph")
    assert {(v.election, v.commitment): v.verdict for v in judgement.verdicts} == \
        {(v.election, v.commitment): v.verdict for v in fast.verdicts}
