"""Regenerate the golden files after a deliberate change; review the diff like code.

    python tools/regen_goldens.py

    tests/golden/kb-small.ttl      the graph of tests/fixtures/kb-small, canonical Turtle
    tests/golden/kb-small-check/   every output of `kbcheck --kb tests/fixtures/kb-small check`
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.graph.export import serialize  # noqa: E402
from checker.pipeline import load_and_check  # noqa: E402

KB_SMALL = ROOT / "tests" / "fixtures" / "kb-small"
GOLDEN = ROOT / "tests" / "golden"
CHECK_GOLDENS = GOLDEN / "kb-small-check"


def check_outputs(kb: Path = KB_SMALL) -> dict[str, str]:
    """What `kbcheck check --out` writes for the knowledge base at `kb`, by file name."""
    from checker.judge.check import run_check
    from checker.reports.outputs import render_outputs
    from checker.judge.rules import load_rules

    loaded = load_and_check(kb)
    if loaded.problems:
        raise SystemExit("\n".join(map(str, loaded.problems)))
    return render_outputs(run_check(kb, loaded.graph), loaded.graph, load_rules(kb)[1])


def main() -> int:
    loaded = load_and_check(KB_SMALL)
    if loaded.problems:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return 2
    golden = GOLDEN / "kb-small.ttl"
    golden.write_text(serialize(loaded.graph, "ttl"), encoding="utf-8")
    print(f"wrote {golden.relative_to(ROOT)}")
    CHECK_GOLDENS.mkdir(exist_ok=True)
    for name, text in check_outputs().items():
        (CHECK_GOLDENS / name).write_text(text, encoding="utf-8")
        print(f"wrote {(CHECK_GOLDENS / name).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
