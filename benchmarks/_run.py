"""One measured run in a fresh process (peak memory is a process's): `python -m benchmarks._run
check N [protocol-share]` or `python -m benchmarks._run pyshacl N`. Prints one JSON line."""

from __future__ import annotations

import json
import resource
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.synthetic import generate
from checker.graph.ids import ID_BASE

ROOT = Path(__file__).resolve().parent.parent


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def check(stations: int, protocol_share: float) -> dict:
    """`kbcheck check --engine oxigraph` on the bundled KB plus a national table, end to end."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.nt"
        started = time.perf_counter()
        expected = generate(stations, path, protocol_share=protocol_share)
        generation = time.perf_counter() - started

        started = time.perf_counter()  # end to end from here: load, frame, validate, judge
        from checker.judge.check import run_check
        from checker.judge.engines.oxigraph import oxigraph_graph
        from checker.pipeline import load_and_check

        loaded = load_and_check(ROOT)
        graph = oxigraph_graph(loaded.graph, path)
        loading = time.perf_counter() - started
        judgement = run_check(ROOT, graph, engine="oxigraph")
        elapsed = time.perf_counter() - started
    # every result on a synthetic station (their keys have a "tec-<n>" part; the annexes' do not)
    found = {(r.rule.id, ID_BASE + r.focus, int(r.value)) for r in judgement.results if "/tec-" in r.focus}
    missed, extra = expected.results - found, found - expected.results
    return {"mode": "check", "stations": stations, "protocols": expected.protocols, "triples": expected.triples,
            "injected": {k: len(v) for k, v in expected.injected.items()}, "expected_results": len(expected.results),
            "found": len(found), "missed": len(missed), "extra": len(extra), "generation_s": round(generation, 2),
            "loading_s": round(loading, 2), "end_to_end_s": round(elapsed, 2), "peak_mb": round(peak_mb())}


def pyshacl(stations: int, protocol_share: float) -> dict:
    """Plain pyshacl.validate on the same data and shapes (rdflib in memory), framed as judge does."""
    import pyshacl as reference
    from rdflib import Graph

    from checker.graph.framework import elections, frame
    from checker.pipeline import load_and_check
    from checker.judge.rules import load_rules

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.nt"
        generate(stations, path, protocol_share=protocol_share)
        started = time.perf_counter()
        graph = Graph()
        graph += load_and_check(ROOT).graph
        graph.parse(path, format="nt")
        shapes, _rules = load_rules(ROOT)
        data = Graph()  # a plain rdflib graph: the framed view also prepares queries once, pySHACL alone does not
        data += frame(graph, elections(graph))
        conforms, report, _text = reference.validate(
            data, shacl_graph=shapes, inference="none", abort_on_first=False, allow_warnings=True,
            allow_infos=True, meta_shacl=False, do_owl_imports=False, advanced=False)
        elapsed = time.perf_counter() - started
    from rdflib import RDF, SH
    return {"mode": "pyshacl", "stations": stations, "results": len(set(report.subjects(RDF.type, SH.ValidationResult))),
            "end_to_end_s": round(elapsed, 2), "peak_mb": round(peak_mb())}


if __name__ == "__main__":
    mode, stations = sys.argv[1], int(sys.argv[2])
    share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
    print(json.dumps({"check": check, "pyshacl": pyshacl}[mode](stations, share)))
