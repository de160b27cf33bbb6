"""Fuzzing the loader: any input gives a graph or catalogued problems, never a traceback.

Profiles (hypothesis): the default run tries 2,100 inputs (1,200 mutated files, 450 random
documents, 450 random bytes or text); before a release run the long profile, 52,500 inputs:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.kb.errors import CATALOGUE
from checker.pipeline import load_and_check
from tests.conftest import FIXTURES, KB_SMALL

FILES = sorted(p.relative_to(KB_SMALL).as_posix() for p in KB_SMALL.rglob("*.yaml"))
TOKENS = [":", "- ", "&a ", "*a", "no", "yes", "on", "2020-02-30", "7.5", "!!python/object:os.system ",
          "{", "}", "[", "]", "'", '"', "\n", "  ", "\t", "#", "|", ">-", "null", "~", "?", "%YAML 1.1\n",
          "---\n", "...\n", "id: ", "lines: [3, 1]", "\x00", "\ufeff", "é"]
_HEALTH = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("default", deadline=None, derandomize=True, suppress_health_check=_HEALTH)
settings.register_profile("long", deadline=None, derandomize=False, suppress_health_check=_HEALTH)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
SCALE = 25 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 1
MUTATED = settings(max_examples=1200 * SCALE)
RANDOM = settings(max_examples=450 * SCALE)

# One copy of the fixture for the whole run: each input replaces one file, which is restored after.
_ROOT = Path(tempfile.mkdtemp(prefix="eokb-fuzz-")) / "kb"
shutil.copytree(KB_SMALL, _ROOT)


# Follow-up across reports: the files of a later report that name an earlier one's recommendations.
_TWO = Path(tempfile.mkdtemp(prefix="eokb-fuzz-two-")) / "kb"
shutil.copytree(FIXTURES / "kb-two-countries", _TWO)
FOLLOW_UP_FILES = ["findings/obs-yy-2022/follow-up.yaml", "findings/obs-yy-2022/recommendations.yaml"]


def _check(relpath: str, content: str | bytes, root: Path = _ROOT) -> None:
    path = root / relpath
    original = path.read_bytes()
    try:
        path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
        loaded = load_and_check(root)  # must not raise
    finally:
        path.write_bytes(original)
    if loaded.problems:
        assert all(p.id in CATALOGUE and p.pos.path for p in loaded.problems)
        assert loaded.graph is None
    else:
        assert loaded.graph is not None and len(loaded.graph) > 0


@st.composite
def mutated(draw, base: Path = KB_SMALL, files: list[str] = FILES):
    relpath = draw(st.sampled_from(files))
    text = (base / relpath).read_text(encoding="utf-8")
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


@MUTATED
@given(mutated())
def test_mutated_files(case):
    _check(*case)


@settings(max_examples=200 * SCALE)
@given(mutated(FIXTURES / "kb-two-countries", FOLLOW_UP_FILES))
def test_mutated_follow_up_files(case):
    _check(*case, root=_TWO)


@RANDOM
@given(st.sampled_from(FILES), documents)
def test_random_documents(relpath, document):
    _check(relpath, "# yaml-language-server: $schema=x\n" + yaml.safe_dump(document, allow_unicode=True))


@RANDOM
@given(st.sampled_from(FILES), st.binary(max_size=200) | st.text(max_size=200))
def test_random_bytes_and_text(relpath, content):
    _check(relpath, content)
