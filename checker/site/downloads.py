"""The Downloads of the site, each with its SHA-256 checksum, and a SHA256SUMS file:

* for everyone: the verdicts, the findings and the recommendations as CSV files (UTF-8, opened by
  any spreadsheet) and as one Excel workbook with a sheet each (checker/site/spreadsheets.py);
* for technical users: the graph (Turtle, JSON-LD) and the check results (SARIF, JUnit, JSON)."""

from __future__ import annotations

import csv
import datetime
import hashlib
import io
import re
import shutil
from pathlib import Path

from rdflib import Graph

from checker.graph.export import serialize
from checker.site.pages import Download
from checker.site.spreadsheets import Table, tables
from checker.site.view import View

# A fixed creation date: the workbook's bytes, and so its checksum, depend only on its content.
WORKBOOK_DATE = datetime.datetime(2000, 1, 1)

GRAPH_FILES = (("graph.ttl", "ttl", "The knowledge base graph, canonical Turtle"),
               ("graph.jsonld", "jsonld", "The knowledge base graph, JSON-LD with an inline context"))
# What a file in the checker's output folder is, by how its name ends.
CHECK_KINDS = ((".sarif", "Check results, SARIF 2.1.0"), (".sarif.json", "Check results, SARIF 2.1.0"),
               (".xml", "Check results, JUnit XML"), (".json", "Check results, JSON"),
               (".ttl", "The SHACL validation report and the verdicts, Turtle"),
               (".md", "The check report, Markdown (as plain text)"))
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # what MkDocs renders as pages
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def _kind(name: str) -> str | None:
    return next((description for suffix, description in CHECK_KINDS if name.endswith(suffix)), None)


def _download(path: Path, description: str, audience: str = "technical") -> Download:
    data = path.read_bytes()
    return Download(path.name, description, len(data), hashlib.sha256(data).hexdigest(), audience)


def _csv(table: Table) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return buffer.getvalue().encode("utf-8-sig")  # the BOM tells spreadsheets it is UTF-8


def _workbook(found: list[Table], path: Path) -> None:
    import xlsxwriter  # writes .xlsx without Excel; well kept, no dependencies

    with xlsxwriter.Workbook(str(path), {"strings_to_urls": False, "strings_to_formulas": False}) as book:
        book.set_properties({"title": "Election commitments: verdicts, findings, recommendations",
                             "created": WORKBOOK_DATE})
        bold = book.add_format({"bold": True, "text_wrap": True, "valign": "top"})
        wrap = book.add_format({"text_wrap": True, "valign": "top"})
        for table in found:
            sheet = book.add_worksheet(table.name.capitalize())
            sheet.write_row(0, 0, table.header, bold)
            for number, row in enumerate(table.rows, start=1):
                sheet.write_row(number, 0, row, wrap)
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(len(table.rows), 1), len(table.header) - 1)
            for column in range(len(table.header)):
                sheet.set_column(column, column, 40 if column in (2, 3, 8) else 18)


def _for_everyone(graph: Graph, folder: Path) -> list[Download]:
    found = tables(View(graph))
    downloads = []
    for table in found:
        path = folder / f"{table.name}.csv"
        path.write_bytes(_csv(table))
        downloads.append(_download(path, f"{table.name.capitalize()} (a spreadsheet, CSV): {table.description}",
                                   "everyone"))
    _workbook(found, folder / "election-commitments.xlsx")
    downloads.append(_download(folder / "election-commitments.xlsx",
                               "The same three tables as one Excel workbook, a sheet each", "everyone"))
    return downloads


def write_downloads(graph: Graph, folder: Path, checks: Path | None = None) -> list[Download]:
    """Write the downloads into `folder`; what was written, in the order the page lists it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    downloads = _for_everyone(graph, folder)
    for name, fmt, description in GRAPH_FILES:
        (folder / name).write_text(serialize(graph, fmt), encoding="utf-8")
        downloads.append(_download(folder / name, description))
    if checks is not None and Path(checks).is_dir():
        for path in sorted(Path(checks).iterdir()):
            kind = _kind(path.name)
            if path.is_file() and kind and _SAFE_NAME.match(path.name):
                # A Markdown file in the docs folder would become a page (rendering text we do
                # not escape): it is offered as plain text instead.
                name = path.name + ".txt" if path.suffix in MARKDOWN_SUFFIXES else path.name
                if (folder / name).exists():
                    continue  # never overwrite the graph with a check output of the same name
                shutil.copyfile(path, folder / name)
                downloads.append(_download(folder / name, kind))
    sums = "".join(f"{d.sha256}  {d.name}\n" for d in downloads)
    (folder / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return downloads


def graph_fingerprint(downloads: list[Download]) -> str:
    """A short name for the graph's content: the start of its canonical Turtle's checksum."""
    return next(d.sha256[:12] for d in downloads if d.name == "graph.ttl")
