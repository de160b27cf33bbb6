"""A report folder's annex tables: its text read by its layout (`annexes/layout.yaml`) into the
CSV files beside the layout, written or checked.

    python -m checker.results.annexes write <report folder>   # (re)write annexes/*.csv
    python -m checker.results.annexes check <report folder>   # exit 1 if a file differs

Exit codes as kbcheck's: 0 done (the files are current), 1 a file differs or is missing, 2 the
layout or the report's metadata is invalid, or the text does not parse by the layout.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from checker.kb.errors import Problems
from checker.kb.load import read_file
from checker.results.annexes.csvs import first_difference, render_csvs
from checker.results.annexes.layout import AnnexLayout, annex_layout
from checker.results.annexes.text import AnnexFormatError

LAYOUT_FILE = "annexes/layout.yaml"


class InvalidReportFolder(Exception):
    """The folder's report.yaml or annexes/layout.yaml has problems (KB1xx), listed in `problems`."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


def read_report_folder(folder: Path | str) -> tuple[str, AnnexLayout]:
    """The report's text and its annex layout, each file read strictly as the loader reads it.

    The folder is `<knowledge base>/findings/<report>`; its text is the file report.yaml names.
    """
    folder = Path(folder).resolve()
    root, problems = folder.parent.parent, Problems()
    report = read_file(root, folder / "report.yaml", problems)
    layout = read_file(root, folder / LAYOUT_FILE, problems)
    if problems or report is None or layout is None:
        raise InvalidReportFolder(problems)
    text = (folder / report.top["report"]["source"]["file"]).read_text(encoding="utf-8")
    return text, annex_layout(layout.top, layout.path)


def write_csvs(folder: Path | str) -> list[Path]:
    """Read the report's annex tables and (over)write their CSV files; the files written."""
    text, layout = read_report_folder(folder)
    out = Path(folder) / "annexes"
    written = []
    for name, content in render_csvs(text, layout).items():
        (out / name).write_text(content, encoding="utf-8", newline="")
        written.append(out / name)
    return written


def check_csvs(folder: Path | str) -> list[str]:
    """One message per CSV file that is missing or differs from what the text gives (none: all current)."""
    text, layout = read_report_folder(folder)
    problems = []
    for name, expected in render_csvs(text, layout).items():
        path = Path(folder) / "annexes" / name
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        difference = first_difference(expected, path.read_text(encoding="utf-8"))
        if difference is not None:
            line, wanted, found = difference
            problems.append(f"{path}:{line}: expected {wanted!r}, found {found!r}")
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: `write` or `check` a report folder's annex CSV files."""
    parser = argparse.ArgumentParser(prog="python -m checker.results.annexes",
                                     description="A report's annex tables as CSV, read by its annexes/layout.yaml.")
    parser.add_argument("command", choices=("write", "check"))
    parser.add_argument("folder", type=Path, help="the report's folder, findings/<report>")
    args = parser.parse_args(argv)
    try:
        if args.command == "write":
            for path in write_csvs(args.folder):
                print(f"wrote {path}")
            return 0
        problems = check_csvs(args.folder)
    except InvalidReportFolder as error:
        print(error, file=sys.stderr)
        return 2
    except AnnexFormatError as error:
        print(f"{args.folder}: {error}", file=sys.stderr)
        return 2
    except OSError as error:  # e.g. the text report.yaml names is missing
        print(f"{args.folder}: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} file(s) differ; run: python -m checker.results.annexes write {args.folder}",
              file=sys.stderr)
        return 1
    print(f"ok: the CSV files of {args.folder} match its text")
    return 0
