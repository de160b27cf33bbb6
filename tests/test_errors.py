"""One failure case per error id of the catalogue, as data: tests/error_cases/*.case.

A case is a file whose leading `# directive:` lines say what to do to a copy of the small
fixture knowledge base, and which problems must come out; the rest of the file is the
content to write. Directives:

  # fixture: NAME      start from tests/fixtures/NAME instead of kb-small (e.g. kb-two-countries)
  # place: PATH        write the content to PATH (a new file or one replacing a fixture file)
  # append: PATH       append the content to PATH
  # remove: PATH       delete PATH (a file or a folder)
  # encoding: NAME     encode the content with NAME instead of UTF-8
  # expect: ID LINE    a problem ID at LINE of the placed file (0: the file as a whole)
  # expect: ID PATH:LINE
  # message: TEXT      some problem's message contains TEXT

Every expected problem must be reported, and no problem of an id not expected.
Adding a case is adding a file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from checker.kb.errors import CATALOGUE
from checker.pipeline import load_and_check
from tests.conftest import FIXTURES

CASES = sorted((Path(__file__).parent / "error_cases").glob("*.case"))


def parse_case(path: Path):
    directives: list[tuple[str, str]] = []
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    body_start = 0
    for body_start, line in enumerate(lines):
        key, _, value = line.removeprefix("# ").partition(":")
        if not line.startswith("# ") or key not in ("fixture", "place", "append", "remove", "encoding", "expect",
                                                    "message"):
            break
        directives.append((key, value.strip()))
    else:
        body_start = len(lines)
    return directives, "".join(lines[body_start:])


def apply_case(root: Path, directives, body: str) -> tuple[str | None, list[tuple[str, str, int]], list[str]]:
    encoding = dict(directives).get("encoding", "utf-8")
    placed = None
    expected, messages = [], []
    for key, value in directives:
        if key == "place":
            placed = value
            (root / value).parent.mkdir(parents=True, exist_ok=True)
            (root / value).write_bytes(body.encode(encoding))
        elif key == "append":
            with open(root / value, "ab") as stream:
                stream.write(body.encode(encoding))
        elif key == "remove":
            shutil.rmtree(root / value) if (root / value).is_dir() else (root / value).unlink()
        elif key == "expect":
            error_id, where = value.split()
            path, _, line = where.rpartition(":") if ":" in where else (placed, "", where)
            expected.append((error_id, path, int(line)))
        elif key == "message":
            messages.append(value)
    return placed, expected, messages


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_error_case(case: Path, kb_small: Path, tmp_path: Path):
    directives, body = parse_case(case)
    root = kb_small
    if "fixture" in dict(directives):
        root = tmp_path / "fixture"
        shutil.copytree(FIXTURES / dict(directives)["fixture"], root)
    _, expected, messages = apply_case(root, directives, body)
    assert expected, f"{case.name} expects nothing"

    problems = load_and_check(root).problems
    actual = {(p.id, p.pos.path, p.pos.line) for p in problems}
    report = "\n".join(str(p) for p in problems)
    for item in expected:
        assert item in actual, f"expected {item} among:\n{report}"
    assert {p.id for p in problems} <= {e[0] for e in expected}, f"unexpected problems:\n{report}"
    for text in messages:
        assert any(text in p.message for p in problems), f"no message contains {text!r}:\n{report}"


def test_every_error_id_has_a_case():
    covered = {case.name.split("-", 1)[0] for case in CASES}
    assert set(CATALOGUE) <= covered, f"no failure case for {sorted(set(CATALOGUE) - covered)}"


def test_fixture_kb_is_valid(kb_small: Path):
    loaded = load_and_check(kb_small)
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    assert loaded.graph is not None and len(loaded.graph) > 0
