"""Benchmark (issue 5): the check-equivalent run against plain pySHACL, on the same data and shapes.

    .venv/bin/python -m benchmarks.engines [--stations 1000 10000 100000] [--pyshacl-up-to 1000]

Synthetic knowledge bases (the bundled one plus a national table of N stations,
benchmarks/synthetic.py) are checked as `kbcheck check --engine oxigraph` does, and, up to
`--pyshacl-up-to` stations, with plain `pyshacl.validate` on an rdflib graph of the same data,
framed the same way, with the same shapes. Each run is a fresh process; prints time, peak memory
and the ratio.
"""

from __future__ import annotations

import argparse
import sys

from benchmarks.national import measure


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stations", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--pyshacl-up-to", type=int, default=1_000)
    parser.add_argument("--protocol-share", type=float, default=0.1)
    args = parser.parse_args(argv)
    print(f"{'stations':>9} {'check s':>8} {'check MB':>9} {'pyshacl s':>10} {'pyshacl MB':>11} {'ratio':>7}  anomalies")
    for n in args.stations:
        fast = measure("check", n, args.protocol_share)
        found = "all found, nothing else" if fast["missed"] == 0 and fast["extra"] == 0 else \
            f"missed {fast['missed']}, extra {fast['extra']}"
        if n <= args.pyshacl_up_to:
            slow = measure("pyshacl", n, args.protocol_share)
            ratio = f"{slow['end_to_end_s'] / fast['end_to_end_s']:.0f}x"
            print(f"{n:>9,} {fast['end_to_end_s']:>8} {fast['peak_mb']:>9,} {slow['end_to_end_s']:>10} "
                  f"{slow['peak_mb']:>11,} {ratio:>7}  {found}")
        else:
            print(f"{n:>9,} {fast['end_to_end_s']:>8} {fast['peak_mb']:>9,} {'—':>10} {'—':>11} {'—':>7}  {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
