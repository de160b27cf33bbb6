"""Every report of one check, rendered from one judgement and written as one set.

    verdicts.json   verdicts with evidence (checker.reports.verdicts_json)
    results.sarif   results at their YAML places, for code scanning (checker.reports.sarif)
    junit.xml       one test case per rule and focus, for CI test views (checker.reports.junit)
    report.md       the readable report (checker.reports.markdown)
    report.ttl      the SHACL validation report and the verdicts as RDF (checker.reports.verdict_rdf)

All are rendered first, then written into a staging folder beside the output folder, then
moved into place one by one. A failure while rendering or writing leaves the previous set
untouched; a failure while moving puts back the files already moved. No temporary file is
left behind either way.
"""

from __future__ import annotations

import datetime
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from checker.common import atomic
from checker.reports import junit
from checker.reports import markdown as markdown_report
from checker.reports import sarif
from checker.reports import verdict_rdf
from checker.reports import verdicts_json
from checker.judge.model import Judgement
from checker.reports.reporting import every_rule
from checker.judge.rules import Rule

OUTPUT_NAMES = ("verdicts.json", "results.sarif", "junit.xml", "report.md", "report.ttl")


def render_outputs(judgement: Judgement, kb: Graph | None, rules: Iterable[Rule] = (),
                   run_at: datetime.datetime | None = None) -> dict[str, str]:
    """Each output's text by file name. `rules`: all the rules of the run; `run_at`: a time
    stamp for SARIF and JUnit (none by default, so that outputs are reproducible)."""
    rules = every_rule(judgement, rules)
    return {
        "verdicts.json": verdicts_json.render(judgement),
        "results.sarif": sarif.render(judgement, rules, run_at),
        "junit.xml": junit.render(judgement, rules, run_at),
        "report.md": markdown_report.render(judgement, kb),
        "report.ttl": verdict_rdf.render(judgement),
    }


def _keep(path: Path, backup: Path) -> None:
    try:
        os.link(path, backup)  # the old file's content stays reachable, at no cost
    except OSError:
        shutil.copy2(path, backup)


def _move_in(staged: Path, out_dir: Path, names: list[str]) -> None:
    backups = staged / ".previous"
    backups.mkdir()
    moved: list[str] = []
    try:
        for name in names:
            if (out_dir / name).is_file():
                _keep(out_dir / name, backups / name)
            os.replace(staged / name, out_dir / name)
            moved.append(name)
    except BaseException:
        for name in reversed(moved):
            if (backups / name).exists():
                os.replace(backups / name, out_dir / name)
            else:
                (out_dir / name).unlink(missing_ok=True)
        raise


def write_outputs(judgement: Judgement, graph: Graph | None, out_dir: Path, rules: Iterable[Rule] = (),
                  run_at: datetime.datetime | None = None) -> list[Path]:
    """Write every output into `out_dir` as one set; the paths written."""
    texts = render_outputs(judgement, graph, rules, run_at)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    staged = atomic.staging_dir(out_dir)
    try:
        for name, text in texts.items():
            atomic.write_text(staged / name, text)
        _move_in(staged, out_dir, list(texts))
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return [out_dir / name for name in texts]
