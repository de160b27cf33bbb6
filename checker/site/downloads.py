"""The Downloads of the site: the graph (Turtle, JSON-LD) and the check results, each with
its SHA-256 checksum, and a SHA256SUMS file for `sha256sum -c`."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

from rdflib import Graph

from checker.graph.export import serialize
from checker.site.pages import Download

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


def _download(path: Path, description: str) -> Download:
    data = path.read_bytes()
    return Download(path.name, description, len(data), hashlib.sha256(data).hexdigest())


def write_downloads(graph: Graph, folder: Path, checks: Path | None = None) -> list[Download]:
    """Write the downloads into `folder`; what was written, in the order the page lists it."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    downloads = []
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
