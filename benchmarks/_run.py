"""One measured run in a fresh process (peak memory is a process's, or its largest child's: a
JVM): `python -m benchmarks._run MODE N [protocol-share]`, MODE one of check (ours: `kbcheck
check --engine oxigraph`), pyshacl, jena, topbraid. Prints one JSON line."""

from __future__ import annotations

import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

from rdflib import Graph

from benchmarks.synthetic import generate
from checker.graph.ids import ID_BASE

ROOT = Path(__file__).resolve().parent.parent


def cpu_s(since: float = 0.0) -> float:
    """Processor seconds of this process and its children (a JVM's threads included) since
    `since`: on a shared machine, wall-clock time says as much about the neighbours as about
    the engine."""
    return round(sum(getattr(resource.getrusage(who), field) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)
                     for field in ("ru_utime", "ru_stime")) - since, 1)


def peak_mb() -> float:
    return max(resource.getrusage(who).ru_maxrss for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)) / 1024


def check(stations: int, protocol_share: float, engine: str = "oxigraph") -> dict:
    """`kbcheck check --engine oxigraph` on the bundled KB plus a national table, end to end:
    the table loaded into Oxigraph beside the KB, judged with `engine`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.nt"
        started = time.perf_counter()
        expected = generate(stations, path, protocol_share=protocol_share)
        generation = time.perf_counter() - started

        started, cpu_start = time.perf_counter(), cpu_s()  # end to end from here: load, frame, validate, judge
        from checker.judge.check import run_check
        from checker.judge.engines.oxigraph import oxigraph_graph
        from checker.pipeline import load_and_check

        loaded = load_and_check(ROOT)
        graph = oxigraph_graph(loaded.graph, path)
        loading = time.perf_counter() - started
        judgement = run_check(ROOT, graph, engine=engine)
        elapsed = time.perf_counter() - started
    # every result on a synthetic station (their keys have a "tec-<n>" part; the annexes' do not)
    found = {(r.rule.id, ID_BASE + r.focus, int(r.value)) for r in judgement.results if "/tec-" in r.focus}
    missed, extra = expected.results - found, found - expected.results
    return {"mode": "check" if engine == "oxigraph" else "national", "engine": engine, "stations": stations, "protocols": expected.protocols, "triples": expected.triples,
            "injected": {k: len(v) for k, v in expected.injected.items()}, "expected_results": len(expected.results),
            "found": len(found), "missed": len(missed), "extra": len(extra), "generation_s": round(generation, 2),
            "loading_s": round(loading, 2), "end_to_end_s": round(elapsed, 2), "cpu_s": cpu_s(cpu_start), "peak_mb": round(peak_mb())}


def pyshacl(stations: int, protocol_share: float) -> dict:
    """Plain pyshacl.validate on the same data and shapes (rdflib in memory), framed as judge does."""
    import pyshacl as reference
    from rdflib import RDF, SH

    from checker.judge.engines.results import results_from_report

    from checker.graph.framework import elections, frame
    from checker.pipeline import load_and_check
    from checker.judge.rules import load_rules

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "national.nt"
        expected = generate(stations, path, protocol_share=protocol_share)
        started, cpu_start = time.perf_counter(), cpu_s()
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
    return {"mode": "pyshacl", "stations": stations, "results": len(set(report.subjects(RDF.type, SH.ValidationResult))),
            **_anomalies(expected, results_from_report(report)), "end_to_end_s": round(elapsed, 2), "cpu_s": cpu_s(cpu_start),
            "peak_mb": round(peak_mb())}


def _anomalies(expected, raw) -> dict:
    """Injected anomalies missed, and results on synthetic stations that are none of them."""
    found = {(r.shape.rsplit("/", 1)[-1], r.focus, int(Decimal(str(r.value)))) for r in raw
             if "/tec-" in r.focus and r.value is not None}
    return {"missed": len(expected.results - found), "extra": len(found - expected.results)}


def _java(mode: str, stations: int, protocol_share: float, command) -> dict:
    """A Java engine on files: the bundled KB framed as judge does (rdflib, small) written as
    N-Triples with the national table appended, the rules as Turtle; the engine's Turtle report
    read back. Timed from loading the KB to the results."""
    from checker.graph.framework import elections, frame
    from checker.judge.engines.results import parse_report, results_from_report
    from checker.judge.rules import load_rules
    from checker.pipeline import load_and_check

    with tempfile.TemporaryDirectory() as folder:
        table = Path(folder) / "national.nt"
        expected = generate(stations, table, protocol_share=protocol_share)
        started, cpu_start = time.perf_counter(), cpu_s()
        kb = load_and_check(ROOT).graph
        framed = Graph()
        framed += frame(kb, elections(kb))
        data, shapes_file = Path(folder) / "data.nt", Path(folder) / "shapes.ttl"
        framed.serialize(data, format="nt", encoding="utf-8")
        with open(data, "ab") as out, open(table, "rb") as rows:
            shutil.copyfileobj(rows, out)
        shapes, _rules = load_rules(ROOT)
        shapes.serialize(shapes_file, format="turtle", encoding="utf-8")
        report = command(data, shapes_file)
        raw = results_from_report(parse_report(report))
        elapsed = time.perf_counter() - started
    return {"mode": mode, "stations": stations, "results": len(raw), **_anomalies(expected, raw),
            "end_to_end_s": round(elapsed, 2), "cpu_s": cpu_s(cpu_start), "peak_mb": round(peak_mb())}


def jena(stations: int, protocol_share: float) -> dict:
    """Jena's `shacl validate` (Debian's package), the JVM with its default compilers for a long run."""
    from checker.judge.engines import jena as engine

    def command(data: Path, shapes: Path) -> str:
        run = subprocess.run([engine.java(), "-cp", engine.class_path(), engine.MAIN_CLASS, "validate",
                              "--shapes", str(shapes), "--data", str(data)], capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(run.stderr[-2000:])
        return run.stdout

    return _java("jena", stations, protocol_share, command)


def topbraid(stations: int, protocol_share: float) -> dict:
    from benchmarks import topbraid as engine

    return _java("topbraid", stations, protocol_share, engine.validate_files)


if __name__ == "__main__":
    mode, stations = sys.argv[1], int(sys.argv[2])
    share = float(sys.argv[3]) if len(sys.argv) > 3 else 0.1
    from checker.judge.engines import NATIONAL_ENGINE

    modes = {"check": check, "pyshacl": pyshacl, "jena": jena, "topbraid": topbraid,
             "national": lambda n, share: check(n, share, NATIONAL_ENGINE)}
    print(json.dumps(modes[mode](stations, share)))
