"""Checking the built site: every internal link and anchor of every HTML page resolves.

MkDocs checks the Markdown links it knows; this checks what a reader clicks, in the HTML
the theme produced, including links the theme adds. A `javascript:` address anywhere is a
broken link too: the site has none of its own, so one would be an expert's text come alive.
Plain regular expressions, not an HTML parser: the pages are MkDocs' own well-formed output,
and at 5,000 pages a parser would cost more than the build.
"""

from __future__ import annotations

import html
import multiprocessing
import os
import posixpath
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

_LINK = re.compile(r"""\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "//")


@dataclass(frozen=True)
class BrokenLink:
    page: str  # the page the link is on, relative to the site
    href: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.href}: {self.reason}"


class _Site:
    """The files of a built site, and the anchors of each page (read when first needed)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}
        self.folders = {posixpath.dirname(f) for f in self.files}
        self._ids: dict[str, set[str]] = {}

    def ids(self, page: str) -> set[str]:
        if page not in self._ids:
            text = (self.root / page).read_text(encoding="utf-8", errors="replace")
            self._ids[page] = {html.unescape(a or b) for a, b in _ID.findall(text)}
        return self._ids[page]

    def resolve(self, page: str, path: str) -> str | None:
        """The file (relative to the site) a link's path part points to, if it exists."""
        absolute = unquote(urlsplit(urljoin("/" + page, path)).path)
        target = posixpath.normpath(absolute).lstrip("/")
        if target in ("", ".") or absolute.endswith("/") or target in self.folders:
            target = posixpath.join(target, "index.html") if target not in ("", ".") else "index.html"
        return target if target in self.files else None


def _check_pages(root: Path, pages: list[str]) -> list[BrokenLink]:
    site = _Site(Path(root))
    broken = []
    for page in pages:
        text = (site.root / page).read_text(encoding="utf-8", errors="replace")
        for a, b in _LINK.findall(text):
            href = html.unescape(a or b).strip()
            lowered = re.sub(r"[\s\x00-\x1f]", "", href).lower()
            if lowered.startswith(("javascript:", "vbscript:")):
                broken.append(BrokenLink(page, href, "a script address"))
                continue
            if not href or lowered.startswith(_EXTERNAL):
                continue
            path, _, fragment = href.partition("#")
            target = page if not path else site.resolve(page, path)
            if target is None:
                broken.append(BrokenLink(page, href, "no such page or file"))
            elif fragment and target.endswith(".html") and unquote(fragment) not in site.ids(target):
                broken.append(BrokenLink(page, href, "no such anchor"))
    return broken


def check_links(root: Path, workers: int | None = None, parallel_from: int = 1000) -> list[BrokenLink]:
    """Every broken internal link or anchor of the built site at `root`. Large sites are
    split between processes (one per core): the check is a fifth of a build's time."""
    root = Path(root)
    pages = sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))
    workers = workers or min(os.cpu_count() or 1, 4)
    if workers < 2 or len(pages) < parallel_from:
        return _check_pages(root, pages)
    chunks = [pages[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
        results = pool.map(_check_pages, [root] * workers, chunks)
        return sorted((b for chunk in results for b in chunk), key=lambda b: (b.page, b.href))
