"""Benchmark (issue 13): `kbcheck scaffold` on the bundled report, against the hand-made encoding.

    .venv/bin/python -m benchmarks.scaffold [--report odihr-kz-2007] [--list]

Reads the report's shipped text as the scaffold does (the standards' citation patterns of the
knowledge base, the law the hand-made report declares in `cites_articles_of`), then prints how
far its structure agrees with the hand-made report.yaml and recommendations.yaml, and the
candidates' recall of the hand-made report verdicts and of the findings' commitment citations,
with how many candidates the hand-made knowledge base does not hold. `--list` names every
difference, miss and candidate not held.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from checker.kb.load import load
from checker.kb.scaffold import read_report
from checker.kb.scaffold.agreement import agreement

ROOT = Path(__file__).resolve().parent.parent


def _share(tally) -> str:
    return f"{tally.same}/{tally.total} ({tally.same / tally.total:.0%})" if tally.total else "0/0"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--report", default="odihr-kz-2007")
    parser.add_argument("--list", action="store_true", help="name every difference, miss and candidate not held")
    args = parser.parse_args(argv)
    kb = load(ROOT)
    report = kb.index[args.report]
    started = time.perf_counter()
    skeleton = read_report(kb.sources[args.report], args.report, kb.records("standard"), report.get("cites_articles_of"))
    elapsed = time.perf_counter() - started
    result = agreement(skeleton, kb, args.report)
    rows = [("pages (same first line)", result.pages), ("sections (same line range)", result.sections),
            ("sections (same id, number, title, page, part, parent)", result.section_details),
            ("recommendations (same lines, text, group)", result.recommendations),
            ("recommendation groups (same letter, title, lines)", result.groups),
            ("report verdicts found by a candidate verdict", result.verdicts),
            ("  of them with the same severity", result.severities),
            ("findings' commitment citations found by a candidate", result.citations),
            ("  of them printed in the finding's lines", result.printed)]
    print(f"kbcheck scaffold on {args.report}: read in {elapsed:.2f} s; "
          f"{len(skeleton.unrecognised)} line(s) not recognised")
    for label, tally in rows:
        print(f"  {label:<56} {_share(tally):>15}")
    with_verdict = sum(1 for c in skeleton.candidates if c.verdict)
    print(f"  {'candidates (with verdict words)':<56} {f'{result.candidates} ({with_verdict})':>15}")
    print(f"  {'candidates the hand-made knowledge base does not hold':<56} {len(result.not_held):>15}")
    print(f"  {'cited ids with no record in the knowledge base':<56} {len(result.unknown_ids):>15}")
    if args.list:
        for label, tally in rows[:-1]:
            for difference in tally.differences:
                print(f"{label}: {difference}")
        for candidate in result.not_held:
            print(f"not held: L{candidate.lines[0]}-{candidate.lines[1]} {', '.join(candidate.cites)}: "
                  f"{candidate.text[:100]}")
        for unknown in result.unknown_ids:
            print(f"no record: {unknown}")
        for item in skeleton.unrecognised:
            print(f"not recognised: L{item.line}: {item.what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
