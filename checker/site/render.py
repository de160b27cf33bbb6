"""Rendering page models to Markdown files with Jinja2 templates.

Every value from the graph is untrusted: an expert's text may hold raw HTML, a `<script>`,
an event attribute or a `javascript:` link. The environment escapes every `{{ value }}`
twice over: for HTML, and for Markdown, by writing every character that is neither a
letter, a digit nor a space as a numeric character reference (`[` → `&#91;`). Markdown
passes character references through untouched and the browser shows them as the
characters, so no expert's text can become a tag, an attribute, a link or any Markdown
construct. Only the filters below (`link`, `badge`, `title`) make markup, from parts they
escape themselves.
"""

from __future__ import annotations

import html
import json
import multiprocessing
import os
import posixpath
import re
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup

from checker.site.pages import Page
from checker.site.verdicts import Value
from checker.site.view import Link

_SPACE = re.compile(r"\s+")


# ASCII punctuation that starts no Markdown construct in the middle of a line, with the
# extensions mkdocs.yml enables; written as it is (fewer references: MkDocs renders faster).
# Enabling pymdownx extensions such as mark, tilde, caret or magiclink needs this set reviewed.
_MIDLINE = frozenset(",.;?%/'\"-:@$")
_LEADING_NUMBER = re.compile(r"\s*\d+")


# Every ASCII character that is neither a letter, a digit nor a space, as a reference
# (`_MIDLINE` characters are kept, but not as the first character: see `inert`).
_REFERENCES = {c: f"&#{c};" for c in range(128) if not chr(c).isalnum() and chr(c) != " "}
_ESCAPE_ALL = str.maketrans(_REFERENCES)
_ESCAPE_SPECIAL = str.maketrans({c: r for c, r in _REFERENCES.items() if chr(c) not in _MIDLINE})


def inert(value) -> Markup:
    """Text that HTML and Markdown both show as it is, on one line.

    Letters, digits, spaces and non-ASCII characters are kept; other characters become
    numeric references (`[` → `&#91;`), except the harmless punctuation of `_MIDLINE` after
    the first character — and never the dot after a leading number ("1." would start a list).
    """
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    text = str(value)
    if not text.isprintable():  # control characters go; whitespace of any kind becomes one space
        text = "".join(c for c in text if c.isprintable() or c.isspace())
    text = _SPACE.sub(" ", text)
    # The head (leading spaces, a leading number, the first other character) is escaped
    # entirely: that is where a Markdown block construct would start.
    number = _LEADING_NUMBER.match(text)
    head_end = number.end() if number else len(text) - len(text.lstrip(" "))
    head_end = min(len(text), head_end + 1)
    return Markup(text[:head_end].translate(_ESCAPE_ALL) + text[head_end:].translate(_ESCAPE_SPECIAL))


def paragraphs(value) -> Markup:
    """Multi-paragraph text: paragraphs kept (blank lines), each made inert."""
    parts = [inert(part.strip()) for part in re.split(r"\n\s*\n", str(value or "")) if part.strip()]
    return Markup("\n\n".join(parts))


def href(target, page: Page) -> str:
    """A relative link from one generated page to another, checked by MkDocs at build."""
    anchor = f"#{target.anchor}" if target.anchor else ""
    if target.path == page.target.path:
        return anchor or "#"
    return posixpath.relpath(target.path, posixpath.dirname(page.target.path)) + anchor


@pass_context
def link(context, value: Link) -> Markup:
    if not isinstance(value, Link):
        return inert(value)
    if value.target is None:
        return inert(value.text)
    return Markup(f"[{inert(value.text) or inert('(untitled)')}]({href(value.target, context['page'])})")


@pass_context
def joined(context, items, separator: str = ", ", empty: str = "") -> Markup:
    """Links (or texts) in a row: `{{ items|joined }}`."""
    parts = [link(context, item) for item in items]
    return Markup(inert(separator).join(parts)) if parts else inert(empty)


@pass_context
def cells(context, items) -> Markup:
    """Table cells: `| {{ row|cells }} |`."""
    return Markup(" | ".join(link(context, item) for item in items))


@pass_context
def verdict_cell(context, cell) -> Markup:
    """A verdict badge that links to the verdict: a cell of the matrix."""
    html_text = f'<span class="eokb-verdict eokb-verdict--{cell.value.key}">{link(context, cell.link)}</span>'
    if getattr(cell, "coverage", ""):
        html_text += f' <span class="eokb-coverage">{html.escape(cell.coverage)} rules</span>'
    if getattr(cell, "caveat", ""):
        said = html.escape(cell.caveat)
        html_text += f' <span class="eokb-caveat" title="{said}" aria-label="{said}">&dagger;</span>'
    if getattr(cell, "own", False):
        said = "the checker's own reading of the report's facts: the report gives no verdict on it"
        html_text += f' <span class="eokb-own" title="{said}" aria-label="{said}">&loz;</span>'
    return Markup(html_text)


def prefixed(value, before: str, after: str = "") -> Markup:
    """`before` + value + `after` when there is a value, else nothing: `{{ note|prefixed(": ") }}`."""
    if value in (None, "", []):
        return Markup("")
    return Markup(inert(before) + inert(value) + inert(after))


@pass_context
def html_link(context, value: Link) -> Markup:
    """A link in a raw HTML block (the breadcrumbs), where Markdown does not reach: the
    address of the page's folder, as MkDocs publishes it."""
    page = context["page"]
    if not isinstance(value, Link) or value.target is None:
        return inert(getattr(value, "text", value))
    folder = posixpath.dirname(value.target.path) or "."
    url = posixpath.relpath(folder, posixpath.dirname(page.target.path) or ".") + "/"
    url = ("" if url == "./" else url) + (f"#{value.target.anchor}" if value.target.anchor else "")
    return Markup(f'<a href="{html.escape(url or "./", quote=True)}">{inert(value.text)}</a>')


def badge(value: Value) -> Markup:
    # key and label are the site's own constants (checker.site.verdicts), not the graph's.
    return Markup(f'<span class="eokb-verdict eokb-verdict--{value.key}">{html.escape(value.label)}</span>')


def external(url) -> Markup:
    """A link out of the site: http(s) only, percent-encoded, never a script."""
    text = str(url or "")
    if not text.startswith(("https://", "http://")):
        return inert(text)
    safe = urllib.parse.quote(text, safe=":/?#&=%~-._+,;@!$*")
    return Markup(f'<a href="{html.escape(safe, quote=True)}" rel="noopener">{inert(text)}</a>')


_ANCHOR = re.compile(r"^[a-z0-9][a-z0-9.-]*$")


def anchor_id(value: str) -> Markup:
    """A heading's id (made by checker.site.urls.anchor): checked, then written as it is."""
    if not _ANCHOR.match(str(value)):
        raise ValueError(f"not an anchor: {value!r}")
    return Markup(value)


_FILE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def file_link(name: str) -> Markup:
    """A link to a download beside the page (file names are the build's own)."""
    if not _FILE_NAME.match(name):
        raise ValueError(f"not a download file name: {name!r}")
    return Markup(f"[{name}]({name})")


def image(name: str, alt) -> Markup:
    """An image beside the page (file names are the build's own), with its alt text escaped."""
    if not _FILE_NAME.match(name):
        raise ValueError(f"not an image file name: {name!r}")
    return Markup(f"![{inert(alt)}]({name})")


def front_title(value: str) -> Markup:
    """The page title for the YAML front matter: MkDocs and the theme print it unescaped,
    so it is HTML-escaped here, and JSON-quoted (valid YAML)."""
    printable = "".join(c for c in _SPACE.sub(" ", str(value)).strip() if c.isprintable())
    return Markup(json.dumps(html.escape(printable, quote=True), ensure_ascii=False))


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("checker.site", "templates"),
        autoescape=True, finalize=inert, undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters.update(
        link=link, html_link=html_link, joined=joined, cells=cells, prefixed=prefixed, paragraphs=paragraphs,
        verdict_cell=verdict_cell, badge=badge, anchor=anchor_id, file_link=file_link, external=external,
        image=image, title=front_title,
    )
    return env


def render_page(env: Environment, page: Page) -> str:
    return env.get_template(page.template).render(page=page, model=page.model)


def _write(jobs: list[Callable[[], Page]], docs_dir: Path) -> int:
    env = environment()
    for job in jobs:
        page = job()
        path = Path(docs_dir) / page.target.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(env, page), encoding="utf-8")
    return len(jobs)


def write_pages(jobs: list[Callable[[], Page]], docs_dir: Path, workers: int | None = None,
                parallel_from: int = 1000) -> int:
    """Build and render every page into `docs_dir`; how many were written. A large site is
    shared between forked processes (one per core), which inherit the graph."""
    workers = workers or min(os.cpu_count() or 1, 4)
    if workers < 2 or len(jobs) < parallel_from:
        return _write(jobs, docs_dir)
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_inherit,
                             initargs=(jobs,)) as pool:
        return sum(pool.map(_write_share, [(k, workers, docs_dir) for k in range(workers)]))


_JOBS: list = []


def _inherit(jobs) -> None:
    _JOBS[:] = jobs


def _write_share(share: tuple[int, int, Path]) -> int:
    k, n, docs_dir = share
    return _write(_JOBS[k::n], docs_dir)
