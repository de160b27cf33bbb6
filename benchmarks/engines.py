"""Benchmark (issues 5, 17): the SHACL engines side by side, in one run.

    .venv/bin/pip install -c constraints.txt -e '.[bench]'      # TopBraid SHACL (brick-tq-shacl)
    .venv/bin/python -m benchmarks.engines [--stations 10000 100000] [--pyshacl-up-to 10000]

1. The W3C SHACL test suite (tests/w3c): pass / refused / wrong / crash for pySHACL, Jena
   (Debian) and ours (oxigraph) as the checker runs them (checker.judge.engines, their refusals
   included), and TopBraid SHACL as it is (it has no refusals: an error passes a test whose
   expected outcome is a failure, and is a crash otherwise).
2. The synthetic national tables (benchmarks/synthetic.py) with the bundled KB and rules, each
   engine in a fresh process: end-to-end time, peak memory, and whether every injected anomaly
   was found and nothing else (benchmarks/_run.py). pySHACL only up to --pyshacl-up-to.

RDF4J's ShaclSail is not measured: Debian's librdf4j-java (3.7.7) ships RDF4J's model, parsers
and query parser, but no Sail at all (no rdf4j-sail-shacl, no memory store), so there is no
ShaclSail to run from Debian.
"""

from __future__ import annotations

import argparse
import logging
import sys
import warnings
from collections import Counter

from benchmarks.national import measure

ENGINES = ("pyshacl", "jena", "topbraid", "oxigraph")
MODES = {"pyshacl": "pyshacl", "jena": "jena", "topbraid": "topbraid", "oxigraph": "check"}
RDF4J = "not in Debian: librdf4j-java 3.7.7 has no Sail, so no ShaclSail"


def suite_counts() -> dict[str, Counter | str]:
    from tests.w3c.harness import all_tests, batch_outcomes, data_and_shapes, outcomes

    found: dict[str, Counter | str] = {}
    for engine in ENGINES:
        try:
            if engine == "topbraid":
                from benchmarks import topbraid

                suite = all_tests()
                results = batch_outcomes(suite, topbraid.validate_many([data_and_shapes(t) for t in suite]),
                                         errors_report_failure=True)
            else:
                results = outcomes(engine)
        except Exception as error:  # noqa: BLE001 - an engine that cannot run here is reported, not fatal
            found[engine] = f"not run: {error}"
            continue
        found[engine] = Counter(outcome.outcome for outcome in results)
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stations", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--pyshacl-up-to", type=int, default=10_000)
    parser.add_argument("--protocol-share", type=float, default=0.1)
    parser.add_argument("--engines", nargs="+", default=list(ENGINES), choices=ENGINES)
    parser.add_argument("--no-suite", action="store_true", help="skip the W3C suite")
    args = parser.parse_args(argv)

    if not args.no_suite:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            logging.disable(logging.WARNING)
            counts = suite_counts()
            logging.disable(logging.NOTSET)
        print("W3C SHACL test suite (121 tests)")
        print(f"{'engine':<10} {'pass':>5} {'refused':>8} {'wrong':>6} {'crash':>6}")
        for engine, count in counts.items():
            if isinstance(count, str):
                print(f"{engine:<10} {count}")
            else:
                print(f"{engine:<10} {count['pass']:>5} {count['refused']:>8} {count['wrong']:>6} {count['crash']:>6}")
        print(f"{'rdf4j':<10} {RDF4J}")
        print()

    print(f"{'engine':<10} {'stations':>9} {'seconds':>8} {'CPU s':>7} {'peak MB':>8}  anomalies")
    for n in args.stations:
        for engine in args.engines:
            if engine == "pyshacl" and n > args.pyshacl_up_to:
                print(f"{engine:<10} {n:>9,} {'—':>8} {'—':>7} {'—':>8}  not run (over --pyshacl-up-to)")
                continue
            try:
                r = measure(MODES[engine], n, args.protocol_share)
            except Exception as error:  # noqa: BLE001 - reported in the table
                print(f"{engine:<10} {n:>9,} {'—':>8} {'—':>7} {'—':>8}  failed: {str(error).splitlines()[-1][:120]}")
                continue
            if "missed" in r:
                found = "all found, nothing else" if r["missed"] == 0 and r["extra"] == 0 else \
                    f"missed {r['missed']}, extra {r['extra']}"
            else:
                found = f"{r.get('results', '?')} results (not checked one by one)"
            print(f"{engine:<10} {n:>9,} {r['end_to_end_s']:>8} {r['cpu_s']:>7} {r['peak_mb']:>8,}  {found}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
