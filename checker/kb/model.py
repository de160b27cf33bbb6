"""A loaded knowledge base: its files, the records they hold, an index of ids, the source texts
and every problem found."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from checker.kb.errors import Problems
from checker.kb.formats import FileKind
from checker.kb.read import Record
from checker.kb.source_text import SourceText


@dataclass
class KbFile:
    """One file of the knowledge base and what it holds."""

    path: str  # relative to the knowledge base root, with forward slashes
    kind: FileKind
    top: Record

    @property
    def report_id(self) -> str | None:
        """The report whose folder holds the file (findings/<report>/...)."""
        parts = self.path.split("/")
        return parts[1] if parts[0] == "findings" and len(parts) > 2 else None


@dataclass
class KnowledgeBase:
    root: Path
    files: list[KbFile] = field(default_factory=list)
    index: dict[str, Record] = field(default_factory=dict)  # id → record
    owner: dict[int, KbFile] = field(default_factory=dict)  # id(record) → its file
    all_records: list[Record] = field(default_factory=list)  # every record, nested ones too, in file order
    sources: dict[str, SourceText] = field(default_factory=dict)  # report id → text
    problems: Problems = field(default_factory=Problems)

    def records(self, kind: str) -> list[Record]:
        """Every record of one kind (e.g. 'finding', 'waiver'), in file order."""
        return [record for record in self.all_records if record.kind == kind]

    def file_of(self, record: Record) -> KbFile:
        return self.owner[id(record)]

    def report_of(self, record: Record) -> str | None:
        return self.file_of(record).report_id
