"""The experts' CI gate (issue 14): the bundled knowledge base and its verdicts.lock keep
`kbcheck check` green; a YAML change that flips a verdict, or breaks the agreement with the
report, turns it red with a readable difference; `kbcheck lock` accepts it again. Tested with the
command itself and with the documented pre-commit hook, installed by pre-commit.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.cli import EXIT_INVALID, EXIT_OK, EXIT_RESULTS, main
from checker.reports.lock import LOCK_NAME
from tests.conftest import ROOT

KB_PARTS = ("commitments", "law", "findings", "results", "rules", "schemas", LOCK_NAME)
RESIDENCY = ("residency_years: 10", "residency_years: 0")
REPORT_7_2 = ("    commitment: copenhagen-1990/7.2\n    scope: law\n    wording: \"contrary to\"\n    severity: violation",
              "    commitment: copenhagen-1990/7.2\n    scope: law\n    wording: \"contrary to\"\n    severity: warning")


def _copy_kb(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in KB_PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / part)
    return target


def _edit(path: Path, change: tuple[str, str]) -> None:
    text = path.read_text(encoding="utf-8")
    assert change[0] in text, f"{path} no longer holds {change[0]!r}"
    path.write_text(text.replace(change[0], change[1]), encoding="utf-8")


def test_the_bundled_knowledge_base_matches_its_lock(capsys):
    """The repository's own gate: a change of verdict needs a reviewed `kbcheck lock`."""
    assert main(["--kb", str(ROOT), "check"]) == EXIT_OK, capsys.readouterr().out[-3000:]
    assert "No verdict differs from verdicts.lock" in capsys.readouterr().out


def test_a_flipped_verdict_fails_with_its_cause_until_locked(tmp_path, capsys):
    kb = _copy_kb(tmp_path / "kb")
    _edit(kb / "law/kz/constitution.yaml", RESIDENCY)
    summary = tmp_path / "summary.md"
    assert main(["--kb", str(kb), "check", "--summary", str(summary)]) == EXIT_RESULTS
    out = capsys.readouterr().out
    assert "kz/2007-majilis ccpr-gc-25/15 [law]: at-risk → met" in out
    assert "fact kz/constitution/deputy-residency/v/2007-05-21#candidacy-1 (residencyYears=0)" in out
    assert "provision version Constitution, Residency requirement" in out
    assert "## Verdicts that differ from verdicts.lock" in summary.read_text()
    assert main(["--kb", str(kb), "lock"]) == EXIT_OK
    # The report still says "can constitute an unreasonable restriction": a disagreement, still red.
    assert main(["--kb", str(kb), "check"]) == EXIT_RESULTS
    assert "Verdicts that disagree with the report's own (1)" in capsys.readouterr().out


def test_a_broken_agreement_with_the_report_fails(tmp_path, capsys):
    kb = _copy_kb(tmp_path / "kb")
    _edit(kb / "findings/odihr-kz-2007/verdicts.yaml", REPORT_7_2)
    assert main(["--kb", str(kb), "check"]) == EXIT_RESULTS
    out = capsys.readouterr().out
    assert "copenhagen-1990/7.2 [law]: computed violated, the report says at risk" in out


def test_update_lock_accepts_the_run(tmp_path, capsys):
    kb = _copy_kb(tmp_path / "kb")
    _edit(kb / "law/kz/election-law.yaml", ("international_prior_experience_required: true",
                                            "international_prior_experience_required: false"))
    assert main(["--kb", str(kb), "check"]) == EXIT_RESULTS  # copenhagen-1990/8: noted → met
    assert main(["--kb", str(kb), "check", "--update-lock"]) == EXIT_OK
    assert main(["--kb", str(kb), "check"]) == EXIT_OK


def test_without_a_lock_check_gates_on_severity(tmp_path, capsys):
    kb = _copy_kb(tmp_path / "kb")
    (kb / LOCK_NAME).unlink()
    assert main(["--kb", str(kb), "check"]) == EXIT_RESULTS  # the content is violations
    assert "Run `kbcheck lock`" in capsys.readouterr().err
    assert main(["--kb", str(kb), "check", "--fail-on", "none"]) == EXIT_OK


def test_fail_on_still_gates_on_severity_with_a_lock(tmp_path):
    kb = _copy_kb(tmp_path / "kb")
    assert main(["--kb", str(kb), "check"]) == EXIT_OK
    assert main(["--kb", str(kb), "check", "--fail-on", "violation"]) == EXIT_RESULTS


def test_a_damaged_lock_is_invalid_input_with_its_line(tmp_path, capsys):
    kb = _copy_kb(tmp_path / "kb")
    lock = kb / LOCK_NAME
    lines = lock.read_text().splitlines()
    lines[6] = "kz/2004-majilis | copenhagen-1990/7.2 | law"
    lock.write_text("\n".join(lines) + "\n")
    assert main(["--kb", str(kb), "check"]) == EXIT_INVALID
    assert "verdicts.lock:7: expected 6 fields" in capsys.readouterr().err


# -- the documented pre-commit hook, installed by pre-commit itself ---------------------------------

def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def _pre_commit(repo: Path, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PRE_COMMIT_HOME=str(home), PIP_CONSTRAINT=str(ROOT / "constraints.txt"),
               PIP_DISABLE_PIP_VERSION_CHECK="1", PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}")
    return subprocess.run([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)


@pytest.mark.slow
def test_the_pre_commit_hook_passes_fails_on_a_flip_and_passes_after_lock(tmp_path):
    """pre-commit installs the hook of this repository (.pre-commit-hooks.yaml, at its HEAD) into
    its own environment, from the package registry as it does for any user, and runs it on a
    knowledge base repository holding the bundled KB and its lock."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
    repo = _copy_kb(tmp_path / "kb")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.strip()}\n    hooks:\n      - id: kbcheck\n")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    home = tmp_path / "pre-commit-home"
    run = _pre_commit(repo, home)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout
    _edit(repo / "law/kz/constitution.yaml", ("imperative: true", "imperative: false"))
    run = _pre_commit(repo, home)
    assert run.returncode == 0, run.stdout  # 7.9 stays violated on its other rules: no verdict changed
    _edit(repo / "law/kz/constitution.yaml", RESIDENCY)
    run = _pre_commit(repo, home)
    assert run.returncode == 1 and "ccpr-gc-25/15 [law]: at-risk → met" in run.stdout
    assert main(["--kb", str(repo), "lock"]) == EXIT_OK
    _edit(repo / "law/kz/constitution.yaml", (RESIDENCY[1], RESIDENCY[0]))
    run = _pre_commit(repo, home)
    assert run.returncode == 1  # back to 10 years: a change against the new lock again
    assert main(["--kb", str(repo), "lock"]) == EXIT_OK
    run = _pre_commit(repo, home)
    assert run.returncode == 0, run.stdout
    _edit(repo / "findings/odihr-kz-2007/verdicts.yaml", REPORT_7_2)
    run = _pre_commit(repo, home)
    assert run.returncode == 1 and "disagree with the report's own" in run.stdout
