"""National results datasets (issue 15), each run in a fresh process: `kbcheck results` on the
shipped 2011 State Duma data; the same figures from the RDF Data Cube in Oxigraph (the road not
taken, measured); a synthetic 1,000,000-station dataset through the same path as `kbcheck
results`; `kbcheck build` with and without the datasets.

    .venv/bin/python -m benchmarks.national_results                  # every measurement
    .venv/bin/python -m benchmarks.national_results --only results cube
    .venv/bin/python -m benchmarks.national_results --synthetic 1000000

Prints one row per measurement: wall-clock seconds, processor seconds, peak resident memory.
Exits 1 when a target of the issue is missed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODES = ("results", "cube", "synthetic", "build-without", "build-with")
TARGETS = {"results": (10, 1024), "synthetic": (60, 4096), "cube": (None, None),
           "build-without": (None, None), "build-with": (None, None)}


def measure(mode: str, stations: int) -> dict:
    out = subprocess.run([sys.executable, "-m", "benchmarks._national_results_run", mode, str(stations)], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="+", choices=MODES, default=list(MODES))
    parser.add_argument("--synthetic", type=int, default=1_000_000, help="stations of the synthetic dataset")
    args = parser.parse_args(argv)
    print(f"{'measurement':<14} {'stations':>10} {'wall s':>7} {'CPU s':>7} {'peak MB':>8}  detail")
    ok, rows = True, {}
    for mode in args.only:
        r = rows[mode] = measure(mode, args.synthetic)
        seconds, megabytes = TARGETS[mode]
        met = (seconds is None or r["wall_s"] < seconds) and (megabytes is None or r["peak_mb"] < megabytes)
        ok &= met
        target = "" if seconds is None else f"target < {seconds} s, < {megabytes} MB: {'met' if met else 'MISSED'}"
        print(f"{mode:<14} {r['stations']:>10,} {r['wall_s']:>7} {r['cpu_s']:>7} {r['peak_mb']:>8,}  "
              f"{r.get('detail', '')} {target}")
    if "build-with" in rows and "build-without" in rows:
        more = round(rows["build-with"]["wall_s"] - rows["build-without"]["wall_s"], 1)
        ok &= more < 30
        print(f"kbcheck build with the datasets: {more:+} s (target < +30 s: {'met' if more < 30 else 'MISSED'})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
