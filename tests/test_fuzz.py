"""Fuzzing the loader: any input gives a graph or catalogued problems, never a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.kb.errors import CATALOGUE
from checker.pipeline import load_and_check
from tests.conftest import KB_SMALL

FILES = sorted(p.relative_to(KB_SMALL).as_posix() for p in KB_SMALL.rglob("*.yaml"))
TOKENS = [":", "- ", "&a ", "*a", "no", "yes", "on", "2020-02-30", "7.5", "!!python/object:os.system ",
          "{", "}", "[", "]", "'", '"', "\n", "  ", "\t", "#", "|", ">-", "null", "~", "?", "%YAML 1.1\n",
          "---\n", "...\n", "id: ", "lines: [3, 1]", "\x00", "\ufeff", "é"]
SETTINGS = settings(max_examples=150, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _check(relpath: str, content: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "kb"
        shutil.copytree(KB_SMALL, root)
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        (root / relpath).write_bytes(data)
        loaded = load_and_check(root)  # must not raise
        if loaded.problems:
            assert all(p.id in CATALOGUE and p.pos.path for p in loaded.problems)
            assert loaded.graph is None
        else:
            assert loaded.graph is not None and len(loaded.graph) > 0


@st.composite
def mutated(draw):
    relpath = draw(st.sampled_from(FILES))
    text = (KB_SMALL / relpath).read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "duplicate-line", "swap-lines"]))
        if action == "insert":
            token = draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=8)))
            text = text[:at] + token + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            j = draw(st.integers(0, len(lines) - 1))
            if action == "duplicate-line":
                lines.insert(j, lines[i])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return relpath, text


scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
                    st.dates())
documents = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(["id", "text", "lines", "findings", "statement",
                                                                "quotes", "x", "report", "section"]) | st.text(max_size=6),
                                               children, max_size=5)),
    max_leaves=20,
)


@SETTINGS
@given(mutated())
def test_mutated_files(case):
    _check(*case)


@SETTINGS
@given(st.sampled_from(FILES), documents)
def test_random_documents(relpath, document):
    _check(relpath, "# yaml-language-server: $schema=x\n" + yaml.safe_dump(document, allow_unicode=True))


@SETTINGS
@given(st.sampled_from(FILES), st.binary(max_size=200) | st.text(max_size=200))
def test_random_bytes_and_text(relpath, content):
    _check(relpath, content)
