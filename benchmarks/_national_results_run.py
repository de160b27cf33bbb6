"""One measured run of benchmarks.national_results in a fresh process:
`python -m benchmarks._national_results_run MODE STATIONS`. Prints one JSON line."""

from __future__ import annotations

import contextlib
import io
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks._run import cpu_s, peak_mb

ROOT = Path(__file__).resolve().parent.parent
ELECTION = "ru/2011-duma"
EXTRACT = ROOT / "tests/fixtures/kb-results/results/xx-2020-assembly"


def _results(root: Path, election: str) -> dict:
    from checker.cli import main

    with contextlib.redirect_stdout(io.StringIO()) as out:
        code = main(["--kb", str(root), "results", "--election", election, "--json"])
    assert code == 0, code
    data = json.loads(out.getvalue())
    return {"stations": data["stations"], "detail": f"{sum(data['control_relations'].values())} failing relations, "
                                                    f"turnout ratio {data['integer_percentages']['turnout']['ratio']}"}


def results(_: int) -> dict:
    return _results(ROOT, ELECTION)


def cube(_: int) -> dict:
    """The Data Cube road: every count an observation in Oxigraph, the totals and one control
    relation (ballots in the boxes = invalid + valid) by SPARQL."""
    import pyoxigraph as ox

    from checker.kb.errors import Problems
    from checker.kb.load import load
    from checker.results.national.datasets import read_datasets

    kb = load(ROOT)
    stations = read_datasets(kb, Problems())[ELECTION].stations
    base, ns = "https://w3id.org/eokb/id/bench/", "https://w3id.org/eokb/ns#"
    lines = []
    columns = {**stations.figures, **stations.votes}
    for i in range(len(stations)):
        station = f"<{base}s{i}>"
        lines.append(f"{station} <{ns}sourceLine> \"{stations.lines[i]}\"^^<http://www.w3.org/2001/XMLSchema#integer> .")
        for key, values in columns.items():
            slug = key.rsplit("/", 1)[-1]
            obs = f"<{base}s{i}/{slug}>"
            lines.append(f"{obs} <http://purl.org/linked-data/cube#dataSet> <{base}table> .")
            lines.append(f"{obs} <{ns}pollingStation> {station} .")
            lines.append(f"{obs} <{ns}line> <{ns}{slug}> .")
            lines.append(f"{obs} <{ns}votes> \"{values[i]}\"^^<http://www.w3.org/2001/XMLSchema#integer> .")
    store = ox.Store()
    store.bulk_load(io.BytesIO("\n".join(lines).encode()), ox.RdfFormat.N_TRIPLES)
    triples = len(lines)
    del lines
    query = f"""PREFIX e: <{ns}>
        SELECT ?s WHERE {{
          ?a e:pollingStation ?s ; e:line e:ballots-in-mobile-boxes ; e:votes ?m .
          ?b e:pollingStation ?s ; e:line e:ballots-in-stationary-boxes ; e:votes ?t .
          ?c e:pollingStation ?s ; e:line e:invalid-ballots ; e:votes ?i .
          ?d e:pollingStation ?s ; e:line e:valid-ballots ; e:votes ?v .
          FILTER (?m + ?t != ?i + ?v) }}"""
    failing = len(list(store.query(query)))
    totals = list(store.query(f"PREFIX e: <{ns}> SELECT ?l (SUM(?v) AS ?t) WHERE {{ ?o e:line ?l ; e:votes ?v }} "
                              "GROUP BY ?l"))
    return {"stations": len(stations), "detail": f"{triples:,} triples, {failing} failing, {len(totals)} totals"}


def synthetic(n: int) -> dict:
    """A dataset of `n` stations shaped like the extract (tests/fixtures/kb-results/), in a
    knowledge base of its own; about 1 station in 1,000 breaks a relation. Generation is not timed."""
    folder = Path(tempfile.mkdtemp())
    try:
        target = folder / "results" / "xx-2020-assembly"
        target.mkdir(parents=True)
        rng = random.Random(15)
        with (target / "stations.csv").open("w", encoding="utf-8") as out:
            out.write((EXTRACT / "stations.csv").read_text(encoding="utf-8").splitlines()[0] + "\n")
            for i in range(n):
                registered = rng.randint(50, 3000)
                issued = rng.randint(0, registered)
                outside = rng.randint(0, issued // 10)
                cancelled = rng.randint(0, 300)
                invalid = rng.randint(0, issued // 50)
                valid = issued - invalid
                blue = rng.randint(0, valid)
                green = valid - blue + (1 if i % 1000 == 7 else 0)
                out.write(f"R{i % 85},C{i // 40},{i % 40},{registered},{issued + cancelled},0,{issued - outside},"
                          f"{outside},{cancelled},{outside},{issued - outside},{invalid},{valid},0,0,{blue},{green}\n")
        import hashlib
        digest = hashlib.sha256((target / "stations.csv").read_bytes()).hexdigest()
        text = (EXTRACT / "dataset.yaml").read_text(encoding="utf-8")
        text = "\n".join(f"    sha256: {digest}" if line.strip().startswith("sha256:") else line
                         for line in text.splitlines()) + "\n"
        (target / "dataset.yaml").write_text(text, encoding="utf-8")
        shutil.copytree(ROOT / "tests/fixtures/kb-results/law", folder / "law")
        global started, cpu_start
        started, cpu_start = time.perf_counter(), cpu_s()
        return _results(folder, "xx/2020-assembly")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _build(with_datasets: bool) -> dict:
    folder = Path(tempfile.mkdtemp())
    try:
        kb = folder / "kb"
        shutil.copytree(ROOT, kb, ignore=shutil.ignore_patterns(".git", ".venv", "build", "node_modules", "__pycache__",
                                                                *([] if with_datasets else ["results"])))
        global started, cpu_start
        started, cpu_start = time.perf_counter(), cpu_s()
        code = subprocess.run([sys.executable, "-m", "checker.cli", "--kb", str(kb), "build", "--out",
                               str(folder / "out")], cwd=ROOT, capture_output=True, text=True).returncode
        assert code == 0, f"kbcheck build exited {code}"
        return {"stations": 95_225 if with_datasets else 0, "detail": f"exit {code}"}
    finally:
        shutil.rmtree(folder, ignore_errors=True)


started, cpu_start = 0.0, 0.0
MODES = {"results": results, "cube": cube, "synthetic": synthetic,
         "build-with": lambda n: _build(True), "build-without": lambda n: _build(False)}

if __name__ == "__main__":
    mode, stations = sys.argv[1], int(sys.argv[2])
    started, cpu_start = time.perf_counter(), cpu_s()
    row = MODES[mode](stations)
    row.update(mode=mode, wall_s=round(time.perf_counter() - started, 1), cpu_s=cpu_s(cpu_start), peak_mb=round(peak_mb()))
    print(json.dumps(row))
