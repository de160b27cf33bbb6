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
import posixpath
import re
import urllib.parse
from collections.abc import Iterable
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup

from checker.site.pages import Page
from checker.site.verdicts import Value
from checker.site.view import Link

_SPACE = re.compile(r"\s+")


def inert(value) -> Markup:
    """Text that HTML and Markdown both show as it is, on one line."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    printable = "".join(c for c in str(value) if c.isprintable() or c.isspace())  # no control characters
    out = []
    for char in _SPACE.sub(" ", printable):
        out.append(char if char.isalnum() or char == " " else f"&#{ord(char)};")
    return Markup("".join(out))


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
    return Markup(f'<span class="eokb-verdict eokb-verdict--{cell.value.key}">{link(context, cell.link)}</span>')


def prefixed(value, before: str, after: str = "") -> Markup:
    """`before` + value + `after` when there is a value, else nothing: `{{ note|prefixed(": ") }}`."""
    if value in (None, "", []):
        return Markup("")
    return Markup(inert(before) + inert(value) + inert(after))


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
    env.filters.update(link=link, cells=cells, verdict_cell=verdict_cell, anchor=anchor_id, joined=joined, prefixed=prefixed, badge=badge, file_link=file_link, external=external, title=front_title, paragraphs=paragraphs)
    return env


def render_page(env: Environment, page: Page) -> str:
    return env.get_template(page.template).render(page=page, model=page.model)


def write_pages(pages: Iterable[Page], docs_dir: Path) -> list[str]:
    """Render every page into `docs_dir`; the paths written, relative to it."""
    env = environment()
    written = []
    for page in pages:
        path = Path(docs_dir) / page.target.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render_page(env, page), encoding="utf-8")
        written.append(page.target.path)
    return written
