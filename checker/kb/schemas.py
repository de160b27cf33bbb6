"""The JSON Schemas of the YAML formats, generated from `checker.kb.formats`.

The shipped files in `schemas/` let an expert's editor check a file while it is typed
(yaml-language-server). They are generated, never edited: `kbcheck schemas` rewrites them,
`kbcheck schemas --check` (run by the tests) fails when they are out of date.
"""

from __future__ import annotations

import json
from pathlib import Path

from checker.common import atomic
from checker.kb.formats import FILE_KINDS, FileKind

SCHEMA_BASE = "https://w3id.org/eokb/schemas/"


def schema_for(kind: FileKind) -> dict:
    schema = kind.top.json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_BASE + f"{kind.name}.schema.json",
        "title": f"eokb {kind.name} file ({kind.pattern})",
        **schema,
    }


def render(kind: FileKind) -> str:
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"


def write_schemas(root: Path, check_only: bool = False) -> list[str]:
    """Write (or with check_only, compare) every schema; the paths that were out of date."""
    stale = []
    for kind in FILE_KINDS:
        path = Path(root) / kind.schema_file
        text = render(kind)
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current != text:
            stale.append(kind.schema_file)
            if not check_only:
                atomic.write_text(path, text)
    return stale
