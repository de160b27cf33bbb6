"""Regenerate the site's golden pages after a deliberate change; review the diff like code.

    python tools/regen_site_goldens.py

The golden pages are the Markdown `kbcheck site build` generates, before MkDocs renders it, for
kb-small with the checker's verdicts injected (tests/sitekit.py), and for kb-two-countries with
the checker's own verdicts.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.site.build import write_docs  # noqa: E402
from tests.sitekit import checked_graph, kb_graph, with_verdicts  # noqa: E402
from tests.test_site import FIXED, GOLDEN, GOLDEN_PAGES, GOLDEN_TWO, GOLDEN_TWO_PAGES  # noqa: E402


def main() -> int:
    sets = ((lambda: with_verdicts(kb_graph("kb-small")), GOLDEN, GOLDEN_PAGES),
            (lambda: checked_graph("kb-two-countries"), GOLDEN_TWO, GOLDEN_TWO_PAGES))
    for graph, golden, pages in sets:
        with tempfile.TemporaryDirectory() as work:
            docs = Path(work) / "docs"
            write_docs(graph(), docs, FIXED)
            for path in pages:
                target = golden / path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text((docs / path).read_text(encoding="utf-8"), encoding="utf-8")
                print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
