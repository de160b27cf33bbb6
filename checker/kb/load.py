"""Loading the knowledge base: every YAML file read strictly, then checked as a whole.

The result is a `KnowledgeBase`: the records of every file, an index of all ids, and every
problem found. Checks between records (duplicate ids, unknown references, overlapping
provision versions, ids outside their parent) run here; checks against the source texts
live in `checker.kb.quotes`.
"""

from __future__ import annotations

import hashlib
from fnmatch import fnmatch
from pathlib import Path

from checker.kb.errors import Pos, Problems, relative
from checker.kb.checks import check_records, walk
from checker.kb.model import KbFile, KnowledgeBase
from checker.kb.formats import FILE_KINDS, FileKind
from checker.kb.convert import Converter
from checker.kb.read import Record, compose
from checker.kb.source_text import SourceText

SCHEMA_LINE = "# yaml-language-server: $schema="
ROOT_FILES = ("waivers.yaml", "parameters.yaml")  # the maintainers' files at the root


def kind_of(relpath: str) -> FileKind | None:
    for kind in FILE_KINDS:
        if fnmatch(relpath, kind.pattern) and relpath.count("/") == kind.pattern.count("/"):
            return kind
    return None


def discover(root: Path) -> list[Path]:
    """The YAML files of the knowledge base folders, in a stable order."""
    found: list[Path] = [root / name for name in ROOT_FILES if (root / name).is_file()]
    for folder in ("commitments", "law", "findings", "results"):
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
    check_records(kb, unread)
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


def version_id(provision: Record, version: Record) -> str:
    """The derived id of a provision version: <provision>/v/<in_force_from>."""
    return f"{provision.id}/v/{version['in_force_from'].isoformat()}"


def _read_sources(kb: KnowledgeBase) -> None:
    """The shipped texts quotations are verified against: each report's, and each standard's
    that ships its own (`standard.source`), by the id of the report or standard."""
    for record in kb.records("report") + kb.records("standard"):
        kb_file = kb.file_of(record)
        source = record.get("source")
        if not isinstance(source, Record) or "file" not in source:
            continue
        path = kb.root / Path(kb_file.path).parent / source["file"]
        if not path.is_file():
            whose = "report" if record.kind == "report" else "standard"
            kb.problems.add("KB303", source.at("file"), f"no source text of the {whose} at {relative(path, kb.root)}")
            continue
        data = path.read_bytes()
        digest = hashlib.sha256(data).hexdigest()
        if source.get("sha256") and digest != source["sha256"]:
            kb.problems.add("KB304", source.at("sha256"), f"{relative(path, kb.root)} has SHA-256 {digest}")
        kb.sources[record.id] = SourceText(data.decode("utf-8"), path)
