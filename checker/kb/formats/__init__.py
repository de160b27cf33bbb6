"""The experts' YAML formats, declared once: one module per family of files, and here the kinds
of file, where each lives and its top-level format.

The JSON Schemas in `schemas/` are generated from these declarations (`kbcheck schemas`),
the loader converts by them, and docs/formats.md explains them with examples.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from checker.kb.errors import Problems
from checker.kb.formats.annex_layout import ANNEX_LAYOUT_FILE, check_annex_layout
from checker.kb.formats.candidates import CANDIDATES_FILE
from checker.kb.formats.claims import CLAIMS_FILE
from checker.kb.formats.commitments import STANDARD_FILE
from checker.kb.formats.follow_up import FOLLOW_UP_FILE
from checker.kb.formats.law import COUNTRY_FILE, INSTRUMENT_FILE
from checker.kb.formats.observations import check_observations
from checker.kb.formats.recommendations import PARAMETERS_FILE, RECOMMENDATIONS_FILE, VERDICTS_FILE, WAIVERS_FILE
from checker.kb.formats.results_dataset import DATASET_FILE, check_results_dataset
from checker.kb.formats.report import ELECTIONS_FILE, FINDINGS_FILE, REPORT_FILE
from checker.kb.read import Record
from checker.kb.types import Obj


@dataclass(frozen=True)
class FileKind:
    """A kind of file: where it lives, its format, and the rules between its keys that the format
    cannot say (run on every file of the kind once it is read)."""

    name: str
    pattern: str  # a glob relative to the knowledge base root
    top: Obj
    check: Callable[[Record, Problems], None] | None = None

    @property
    def schema_file(self) -> str:
        return f"schemas/{self.name}.schema.json"


FILE_KINDS: tuple[FileKind, ...] = (
    FileKind("standard", "commitments/*.yaml", STANDARD_FILE),
    FileKind("country", "law/*/country.yaml", COUNTRY_FILE),
    FileKind("instrument", "law/*/*.yaml", INSTRUMENT_FILE),
    FileKind("report", "findings/*/report.yaml", REPORT_FILE),
    FileKind("elections", "findings/*/elections.yaml", ELECTIONS_FILE),
    FileKind("recommendations", "findings/*/recommendations.yaml", RECOMMENDATIONS_FILE),
    FileKind("verdicts", "findings/*/verdicts.yaml", VERDICTS_FILE),
    FileKind("findings", "findings/*/findings/*.yaml", FINDINGS_FILE, check_observations),
    FileKind("waivers", "waivers.yaml", WAIVERS_FILE),
    FileKind("parameters", "parameters.yaml", PARAMETERS_FILE),
    FileKind("claims", "findings/*/claims.yaml", CLAIMS_FILE),
    FileKind("follow-up", "findings/*/follow-up.yaml", FOLLOW_UP_FILE),
    FileKind("annex-layout", "findings/*/annexes/layout.yaml", ANNEX_LAYOUT_FILE, check_annex_layout),
    FileKind("candidates", "findings/*/candidates.yaml", CANDIDATES_FILE),
    FileKind("results-dataset", "results/*/dataset.yaml", DATASET_FILE, check_results_dataset),  # issue 15
)
