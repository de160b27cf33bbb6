"""Regenerate the golden files after a deliberate change; review the diff like code.

    python tools/regen_goldens.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.export import serialize  # noqa: E402
from checker.pipeline import load_and_check  # noqa: E402


def main() -> int:
    kb = ROOT / "tests" / "fixtures" / "kb-small"
    loaded = load_and_check(kb)
    if loaded.problems:
        for problem in loaded.problems:
            print(problem, file=sys.stderr)
        return 2
    golden = ROOT / "tests" / "golden" / "kb-small.ttl"
    golden.write_text(serialize(loaded.graph, "ttl"), encoding="utf-8")
    print(f"wrote {golden.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
