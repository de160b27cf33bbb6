"""Loading the knowledge base: every YAML file read strictly, then checked as a whole.

The result is a `KnowledgeBase`: the records of every file, an index of all ids, and every
problem found. Checks between records (duplicate ids, unknown references, overlapping
provision versions, ids outside their parent) run here; checks against the source texts
live in `checker.kb.quotes`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Iterator

from checker.kb.errors import Pos, Problems, relative
from checker.kb.fact_checks import check_fact_bases, check_money
from checker.kb.formats import FILE_KINDS, FileKind
from checker.kb.convert import Converter
from checker.kb.read import Record, compose
from checker.kb.source_text import SourceText
from checker.kb.types import ListOf, Ref

SCHEMA_LINE = "# yaml-language-server: $schema="
ROOT_FILES = ("waivers.yaml", "parameters.yaml")  # the maintainers' files at the root


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


def walk(record: Record) -> Iterator[Record]:
    """The record and every record nested in it, depth first, in file order."""
    yield record
    for value in record.values.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, Record):
                yield from walk(item)


def kind_of(relpath: str) -> FileKind | None:
    for kind in FILE_KINDS:
        if fnmatch(relpath, kind.pattern) and relpath.count("/") == kind.pattern.count("/"):
            return kind
    return None


def discover(root: Path) -> list[Path]:
    """The YAML files of the knowledge base folders, in a stable order."""
    found: list[Path] = [root / name for name in ROOT_FILES if (root / name).is_file()]
    for folder in ("commitments", "law", "findings"):
        base = root / folder
        if base.is_dir():
            found.extend(sorted(p for p in base.rglob("*") if p.suffix in (".yaml", ".yml")))
    return found


def load(root: Path) -> KnowledgeBase:
    """Read and check every file under `root`; problems are collected in the result."""
    kb = KnowledgeBase(root)
    files = discover(root)
    if not files:
        kb.problems.add("KB116", Pos("."), f"{root}: " + ("no YAML file in commitments/, law/ or findings/"
                                                          if root.is_dir() else "there is no such folder"))
    unread = []
    for path in files:
        kb_file = read_file(root, path, kb.problems)
        if kb_file is not None:
            kb.files.append(kb_file)
        else:
            unread.append(relative(path, root))
    _index(kb)
    _check_references(kb, unread)
    _check_parents(kb)
    _check_versions(kb)
    check_money(kb.all_records, kb.problems)
    check_fact_bases(kb.all_records, kb.problems)
    _read_sources(kb)
    return kb


def read_file(root: Path, path: Path, problems: Problems) -> KbFile | None:
    """One file of the knowledge base at `root`, read strictly by its kind (None if it cannot be
    read at all); its problems are added to `problems`. What `load` does for every file, for a
    command that needs only one (e.g. a report's annex layout)."""
    rel = relative(path, root)
    kind = kind_of(rel)
    if kind is None:
        problems.add("KB112", Pos(rel), "this YAML file is not in the folder of any kind of file")
        return None
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.add("KB111", Pos(rel), f"cannot read the file: {error}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add("KB111", Pos(rel, line, column),
                     f"byte 0x{data[error.start]:02x} is not UTF-8 (the file was saved in another encoding)")
        return None
    _check_schema_line(problems, rel, kind, text)
    node = compose(text, rel, problems)
    if node is None:
        if not problems.items or problems.items[-1].pos.path != rel:
            problems.add("KB105", Pos(rel, 1, 1), f"the file is empty; expected {kind.top.describe()}")
        return None
    top = Converter(rel, problems).convert(node, kind.top, kind.name)
    if not isinstance(top, Record):
        return None
    if kind.check is not None:
        kind.check(top, problems)
    return KbFile(rel, kind, top)


def _check_schema_line(problems: Problems, rel: str, kind: FileKind, text: str) -> None:
    expected = "../" * rel.count("/") + kind.schema_file
    first = text.split("\n", 1)[0].strip()
    if first != SCHEMA_LINE + expected:
        problems.add("KB113", Pos(rel, 1, 1), f"the first line should be '{SCHEMA_LINE}{expected}'")


def _index(kb: KnowledgeBase) -> None:
    for kb_file in kb.files:
        for record in walk(kb_file.top):
            kb.owner[id(record)] = kb_file
            kb.all_records.append(record)
            record_id = record.id
            if record_id is None:
                continue
            if record_id in kb.index:
                first = kb.index[record_id]
                kb.problems.add("KB201", record.at(record.obj.id_field),
                                f"id '{record_id}' is already used at {first.at(first.obj.id_field)}")
                continue
            kb.index[record_id] = record


def references(record: Record) -> Iterator[tuple[str, Ref, str, Pos]]:
    """(key, declared reference type, referenced id, position) for each reference in a record."""
    for key, spec in record.obj.fields.items():
        value = record.values.get(key)
        if value is None:
            continue
        if isinstance(spec.type, Ref):
            yield key, spec.type, value, record.at(key)
        elif isinstance(spec.type, ListOf) and isinstance(spec.type.item, Ref):
            for item, pos in zip(value, value.positions):
                yield key, spec.type.item, item, pos


def id_prefix(relpath: str) -> str | None:
    """The ids a file holds start with this (docs/formats.md): commitments/<standard>.yaml →
    <standard>, law/<country>/<instrument>.yaml → <country>/<instrument>, law/<country>/country.yaml
    → <country>, findings/<report>/… → <report>."""
    parts = relpath.removesuffix(".yaml").removesuffix(".yml").split("/")
    if parts[0] == "commitments" and len(parts) == 2:
        return parts[1]
    if parts[0] == "law" and len(parts) == 3:
        return parts[1] if parts[2] == "country" else f"{parts[1]}/{parts[2]}"
    if parts[0] == "findings" and len(parts) > 2:
        return parts[1]
    return None


def _check_references(kb: KnowledgeBase, unread: list[str] = ()) -> None:
    """KB202/KB206 for each reference to a missing or wrong record; the references into a file that
    could not be read are one problem, not one per reference: fix that file first."""
    into_unread: dict[str, list[Pos]] = {}
    prefixes = {prefix: path for path in unread if (prefix := id_prefix(path))}
    for kb_file in kb.files:
        for record in walk(kb_file.top):
            for key, ref, target, pos in references(record):
                found = kb.index.get(target)
                owner = next((path for prefix, path in prefixes.items()
                              if target == prefix or target.startswith(prefix + "/")), None)
                if found is None and owner is not None:
                    into_unread.setdefault(owner, []).append(pos)
                elif found is None:
                    kb.problems.add("KB202", pos, f"'{key}' refers to '{target}', which no {' or '.join(ref.kinds)} has as id")
                elif found.kind not in ref.kinds:
                    kb.problems.add("KB206", pos, f"'{key}' refers to '{target}', a {found.kind}, not a {' or '.join(ref.kinds)}")
    for owner, places in sorted(into_unread.items()):
        kb.problems.add("KB211", places[0], f"{len(places)} reference(s) point into {owner}, which could not be "
                        "read (see its own problem)")


def _check_parents(kb: KnowledgeBase) -> None:
    """Ids nest: a commitment under its standard, a provision under its instrument, the
    records of a report's folder under the report's id."""
    for kb_file in kb.files:
        top = kb_file.top
        parent = None
        children: list[Record] = []
        if kb_file.kind.name == "standard" and isinstance(top.get("standard"), Record):
            parent, children = top["standard"].id, top.get("commitments", [])
        elif kb_file.kind.name == "instrument" and isinstance(top.get("instrument"), Record):
            parent, children = top["instrument"].id, top.get("provisions", [])
        elif kb_file.report_id:
            parent = kb_file.report_id
            children = [r for r in walk(top) if r.id and r.kind not in ("election", "party", "report")]
            report = top.get("report")
            if isinstance(report, Record) and report.id and report.id != parent:
                kb.problems.add("KB205", report.at("id"),
                                f"report id '{report.id}' differs from its folder name '{parent}'")
        for child in children:
            if parent and child.id and not child.id.startswith(parent + "/"):
                kb.problems.add("KB205", child.at(child.obj.id_field),
                                f"id '{child.id}' should start with '{parent}/'")


def _check_versions(kb: KnowledgeBase) -> None:
    for provision in kb.records("provision"):
        versions: list[Record] = list(provision.get("versions", []))
        for version in versions:
            start, end = version.get("in_force_from"), version.get("in_force_to")
            if start and end and end < start:
                kb.problems.add("KB204", version.at("in_force_to"),
                                f"version of {provision.id} ends {end} before it starts {start}")
        dated = sorted((v for v in versions if v.get("in_force_from")), key=lambda v: v["in_force_from"])
        for earlier, later in zip(dated, dated[1:]):
            end = earlier.get("in_force_to")
            if end is None or end >= later["in_force_from"]:
                until = end.isoformat() if end else "open-ended"
                kb.problems.add("KB203", later.at("in_force_from"),
                                f"version of {provision.id} from {later['in_force_from']} overlaps the version "
                                f"from {earlier['in_force_from']} (in force until {until}, line {earlier.pos.line})")


def version_id(provision: Record, version: Record) -> str:
    """The derived id of a provision version: <provision>/v/<in_force_from>."""
    return f"{provision.id}/v/{version['in_force_from'].isoformat()}"


def _read_sources(kb: KnowledgeBase) -> None:
    for report in kb.records("report"):
        kb_file = kb.file_of(report)
        source = report.get("source")
        if not isinstance(source, Record) or "file" not in source:
            continue
        path = kb.root / Path(kb_file.path).parent / source["file"]
        if not path.is_file():
            kb.problems.add("KB303", source.at("file"), f"no source text at {relative(path, kb.root)}")
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if source.get("sha256") and digest != source["sha256"]:
            kb.problems.add("KB304", source.at("sha256"), f"{relative(path, kb.root)} has SHA-256 {digest}")
        kb.sources[report.id] = SourceText(data.decode("utf-8"), path)
