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
