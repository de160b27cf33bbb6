"""The package's layout: stages import only downward, and no two modules import each other.

The contracts are declared once, in pyproject.toml ([tool.importlinter]), and checked by
import-linter (its `layers` and `acyclic_siblings` contracts). The second and third tests show
that they bite: the same contracts on a copy of the package with one upward import, or with one
import cycle, fail and name the import.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT = [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())", "--no-cache"]


def _lint(project: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(project))
    return subprocess.run([*LINT, "--config", str(project / "pyproject.toml")], cwd=project, env=env,
                          capture_output=True, text=True, timeout=120)


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "checker", tmp_path / "checker", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_package_keeps_its_layers_and_has_no_cycles():
    run = _lint(ROOT)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "2 kept, 0 broken" in run.stdout


def test_an_upward_import_is_refused(tmp_path):
    project = _copy(tmp_path)
    with (project / "checker" / "kb" / "load.py").open("a") as module:
        module.write("\nfrom checker.judge import rules  # a loader that reads rules: upward\n")
    run = _lint(project)
    assert run.returncode == 1
    assert "checker.kb is not allowed to import checker.judge" in run.stdout
    assert "checker.kb.load -> checker.judge.rules" in run.stdout


def test_a_cycle_inside_a_stage_is_refused(tmp_path):
    project = _copy(tmp_path)
    with (project / "checker" / "kb" / "errors.py").open("a") as module:
        module.write("\nfrom checker.kb import load  # errors <-> load: a cycle\n")
    run = _lint(project)
    assert run.returncode == 1
    assert "No cycles are allowed in checker.kb" in run.stdout


def _modules():
    return sorted(p for p in (ROOT / "checker").rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_is_over_300_lines():
    long = {p.relative_to(ROOT).as_posix(): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 300}
    assert not long, f"split these by responsibility: {long}"


def _bundled_names() -> set[str]:
    """What names one country, report or party in the bundled knowledge base."""
    from checker.kb.load import load

    kb = load(ROOT)
    names = set()
    for country in kb.records("country"):
        names |= {f"{country.id}/", f"{country.id}-", country["name"]}
    for kind in ("report", "election"):
        names |= {record.id for record in kb.records(kind)}
    for party in kb.records("party"):
        names |= {party["name"], *(party.get("aliases") or []), *filter(None, [party.get("abbreviation")])}
    for fact in kb.records("deposit-fact"):
        names |= set(filter(None, [fact.get("currency")]))
    return {name for name in names if len(name) > 2}


def test_general_code_names_no_country_report_or_party():
    import re

    names = _bundled_names()
    assert "odihr-kz-2007" in names and "Nur Otan" in names  # the list is not empty by accident
    pattern = re.compile("|".join(rf"(?<![\w/-]){re.escape(n)}" for n in sorted(names, key=len, reverse=True)),
                         re.IGNORECASE)
    found = []
    for path in [*_modules(), *(ROOT / "checker").rglob("*.j2")]:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if match := pattern.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)!r} in {line.strip()!r}")
    assert not found, "general code names the bundled knowledge base:\n" + "\n".join(found)
