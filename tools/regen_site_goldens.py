"""Regenerate the site's golden pages after a deliberate change; review the diff like code.

    python tools/regen_site_goldens.py

The golden pages are the Markdown `kbcheck site build` generates for kb-small with the
checker's verdicts injected (tests/sitekit.py), before MkDocs renders it.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.site.build import write_docs  # noqa: E402
from tests.sitekit import kb_graph, with_verdicts  # noqa: E402
from tests.test_site import FIXED, GOLDEN, GOLDEN_PAGES  # noqa: E402


def main() -> int:
    with tempfile.TemporaryDirectory() as work:
        docs = Path(work) / "docs"
        write_docs(with_verdicts(kb_graph("kb-small")), docs, FIXED)
        for path in GOLDEN_PAGES:
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text((docs / path).read_text(encoding="utf-8"), encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
