"""Writing a new report's folder from its text: the skeleton, the source text, placeholders that
load, all at once (a staged folder moved into place) and never over an existing folder unless
asked to."""

from __future__ import annotations

import datetime
import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from checker.common import atomic
from checker.kb.load import KnowledgeBase, load
from checker.kb.scaffold import read_report
from checker.kb.scaffold.model import Skeleton
from checker.kb.scaffold.render import (
    TODO, Placeholders, candidates_yaml, country_yaml, elections_yaml, recommendations_yaml, report_yaml,
    verdicts_yaml,
)
from checker.kb.source_text import SourceText
from checker.kb.types import ID_RE

# <publisher>-<country>-<year> (docs/formats.md, "Identifiers")
REPORT_ID = re.compile(r"^(?P<publisher>[a-z0-9]+(?:-[a-z0-9]+)*)-(?P<country>[a-z]{2})-(?P<year>\d{4})$")


class ScaffoldError(Exception):
    """The scaffold could not run at all: a malformed id, a folder in the way, an unreadable text."""


@dataclass
class Written:
    folder: Path
    files: list[Path]
    skeleton: Skeleton
    placeholders: list[str]


def _read_text(path: Path) -> bytes:
    try:
        data = path.read_bytes()
        data.decode("utf-8")
    except OSError as error:
        raise ScaffoldError(f"cannot read {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise ScaffoldError(f"{path} is not UTF-8 text (pdftotext -enc UTF-8 writes it so)") from None
    return data


def _target(report_id: str, kb_root: Path, out: Path | None, force: bool, country: str | None,
            law: str | None) -> Path:
    if not REPORT_ID.match(report_id):
        raise ScaffoldError(f"'{report_id}' is not a report id <publisher>-<country>-<year>, e.g. odihr-xx-2024")
    if country is not None and not re.fullmatch(r"[a-z]{2}", country):
        raise ScaffoldError(f"--country '{country}' is not a country id (ISO 3166 alpha-2, lower case)")
    if law is not None and not ID_RE.match(law):
        raise ScaffoldError(f"--law '{law}' is not an id, e.g. xx/election-law")
    folder = Path(out) if out is not None else Path(kb_root) / "findings" / report_id
    if folder.name != report_id or folder.parent.name != "findings":
        raise ScaffoldError(f"{folder}: a report's folder is <knowledge base>/findings/{report_id}")
    if folder.exists() and not force:
        raise ScaffoldError(f"{folder} exists; give --force to replace it")
    return folder


def _placeholders(report_id: str, root_kb: KnowledgeBase, country: str, law: str | None) -> Placeholders:
    year = int(REPORT_ID.match(report_id)["year"])
    country_record = root_kb.index.get(country)
    chamber = None
    if country_record is not None and country_record.kind == "country":
        chambers = root_kb.file_of(country_record).top.get("chambers") or []
        chamber = chambers[0].id if chambers else None
    instrument = root_kb.index.get(law or "")
    return Placeholders(country=country, chamber=chamber or f"{country}/parliament/placeholder",
                        published=datetime.date(year, 1, 1), election=f"{country}/placeholder-{report_id}",
                        law=law if instrument is not None and instrument.kind == "instrument" else None)


def scaffold(source_path: Path, report_id: str, kb_root: Path, out: Path | None = None, country: str | None = None,
             law: str | None = None, force: bool = False) -> Written:
    """Read the report's text and write its folder; the knowledge base at `kb_root` gives the
    standards' citation patterns and the ids it already holds."""
    folder = _target(report_id, kb_root, out, force, country, law)
    data = _read_text(Path(source_path))
    country = country or REPORT_ID.match(report_id)["country"]
    kb = load(Path(kb_root))
    root = folder.parent.parent
    root_kb = kb if root.resolve() == Path(kb_root).resolve() else load(root)
    holes = _placeholders(report_id, root_kb, country, law)
    skeleton = read_report(SourceText(data.decode("utf-8")), report_id, kb.records("standard"), law)
    if law and holes.law is None:
        skeleton.notes.append(f"cites_articles_of: {law} is no instrument of the knowledge base the folder is "
                              f"written in; the candidates resolve articles to it, report.yaml does not name it")
    files = {"report.yaml": report_yaml(skeleton, hashlib.sha256(data).hexdigest(), holes),
             "candidates.yaml": candidates_yaml(skeleton, set(kb.index)),
             "verdicts.yaml": verdicts_yaml(), "elections.yaml": elections_yaml(skeleton, holes)}
    if skeleton.recommendations:
        files["recommendations.yaml"] = recommendations_yaml(skeleton, holes)
    staged = atomic.staging_dir(folder)
    try:
        for name, text in files.items():
            (staged / name).write_text(text, encoding="utf-8")
        (staged / "source.txt").write_bytes(data)
        (staged / "findings").mkdir()
        atomic.replace_dir(staged, folder)
    finally:
        if staged.exists():
            shutil.rmtree(staged)
    written = [folder / name for name in (*files, "source.txt", "findings")]
    country_file = root / "law" / country / "country.yaml"
    if holes.chamber.endswith("/placeholder") and not country_file.exists():
        atomic.write_text(country_file, country_yaml(holes))
        written.append(country_file)
    return Written(folder, written, skeleton, _todo(root, written))


def _todo(root: Path, files: list[Path]) -> list[str]:
    """The placeholder lines of the files written, one entry for lines that say the same:
    'findings/x/recommendations.yaml:19 (and 28 more lines): - date: …  # TODO(scaffold): …'."""
    found: dict[tuple[str, str], list[int]] = {}
    for path in files:
        if path.suffix != ".yaml":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if TODO in line and not line.lstrip().startswith("#"):
                found.setdefault((path.relative_to(root).as_posix(), line.strip()), []).append(number)
    return [f"{name}:{numbers[0]}{f' (and {len(numbers) - 1} more lines)' if len(numbers) > 1 else ''}: {line}"
            for (name, line), numbers in found.items()]
