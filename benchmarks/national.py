"""Benchmark: a national results table checked end to end (issue 7).

    .venv/bin/python -m benchmarks.national [--stations 10000 100000] [--protocol-share 0.1]

For each size, in a fresh process (peak memory is a process's, or its largest child's): generate a
synthetic table (benchmarks/synthetic.py; not timed), then time what judging national data does
on the bundled knowledge base plus that table: load and verify the KB, load the table into an
Oxigraph store beside it, frame, run every rule with the engine for national data (Jena since
issue 17; `--engine oxigraph` for ours), judge. Prints the time, the peak memory
(resource.getrusage) and whether every injected anomaly was found and nothing else flagged.
Targets (issue 7, set for ours): 10,000 stations in under 10 s; 100,000 in under 90 s within 4 GB.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGETS = {10_000: (10, None), 100_000: (90, 4096)}  # seconds, MB


def measure(mode: str, stations: int, share: float) -> dict:
    """One run of benchmarks._run in a fresh process."""
    out = subprocess.run([sys.executable, "-m", "benchmarks._run", mode, str(stations), str(share)], cwd=ROOT,
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stations", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--protocol-share", type=float, default=0.1,
                        help="share of stations that also have their protocol (default 0.1)")
    parser.add_argument("--engine", choices=("national", "oxigraph"), default="national",
                        help="national: the engine for national data (checker.judge.engines.NATIONAL_ENGINE, Jena "
                             "since issue 17); oxigraph: ours")
    args = parser.parse_args(argv)
    print(f"{'stations':>9} {'protocols':>9} {'triples':>10} {'load s':>7} {'total s':>8} {'peak MB':>8} "
          f"{'injected':>8} {'found':>6} {'missed':>6} {'extra':>6}  target")
    ok = True
    for n in args.stations:
        r = measure("check" if args.engine == "oxigraph" else "national", n, args.protocol_share)
        seconds, megabytes = TARGETS.get(n, (None, None))
        met = (seconds is None or r["end_to_end_s"] < seconds) and (megabytes is None or r["peak_mb"] < megabytes)
        complete = r["missed"] == 0 and r["extra"] == 0
        ok &= met and complete
        target = "" if seconds is None else f"< {seconds} s" + (f", < {megabytes} MB" if megabytes else "")
        print(f"{n:>9,} {r['protocols']:>9,} {r['triples']:>10,} {r['loading_s']:>7} {r['end_to_end_s']:>8} "
              f"{r['peak_mb']:>8,} {sum(r['injected'].values()):>8} {r['found']:>6} {r['missed']:>6} {r['extra']:>6}  "
              f"{target} {'met' if met else 'MISSED' if target else ''}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
