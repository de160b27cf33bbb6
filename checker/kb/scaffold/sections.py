"""The section tree from the headings: each section's lines, page, parent and part.

A section runs from its heading to the line before the next heading of its level or above,
its footnotes included (they are printed at the foot of its pages). When the next heading opens
a new page with only empty lines before it, the section ends where its last page ends.
"""

from __future__ import annotations

from checker.kb.scaffold.headings import Heading
from checker.kb.scaffold.model import Page, Section, Unrecognised
from checker.kb.scaffold.toc import TocEntry, as_title

_RECOMMENDATIONS = "RECOMMENDATION"


def _end(lines: list[str], heading: Heading, following: list[Heading], starts: list[int]) -> int:
    boundary = next((h.line for h in following if h.level <= heading.level), len(lines) + 1)
    for first in starts:
        if heading.line < first <= boundary and not any(line.strip() for line in lines[first - 1: boundary - 1]):
            return first - 1
    return boundary - 1


def _part(heading: Heading, before: list[Heading]) -> str:
    if heading.kind == "annex":
        return "annex"
    if heading.kind == "roman":
        return "recommendations" if _RECOMMENDATIONS in heading.title.upper() else "body"
    if not any(h.kind == "roman" for h in before):
        return "front"
    closing = any(h.kind == "annex" or (h.kind == "roman" and _RECOMMENDATIONS in h.title.upper()) for h in before)
    return "back" if closing else "body"


def build_sections(lines: list[str], headings: list[Heading], starts: list[int], pages: list[Page],
                   capitals: frozenset[str]) -> list[Section]:
    def page_of(line: int) -> int | None:
        number = None
        for page in pages:
            if page.first_line <= line:
                number = page.number
        return number

    sections: list[Section] = []
    parent: Section | None = None
    for i, heading in enumerate(headings):
        last = _end(lines, heading, headings[i + 1:], starts)
        if heading.kind == "letter" and parent is not None:
            section = Section(f"{parent.number}.{heading.number}", as_title(heading.title, capitals), heading.line,
                              last, page_of(heading.line), parent=parent, heading_end=heading.title_end)
        else:
            number = {"roman": heading.number, "annex": f"Annex {heading.number}"}.get(
                heading.kind, as_title(heading.number, capitals))
            title = as_title(heading.title, capitals) if heading.title else number
            section = Section(number, title, heading.line, last, page_of(heading.line),
                              part=_part(heading, headings[:i]), numbered=heading.kind != "unnumbered",
                              heading_end=heading.title_end)
            parent = section if heading.kind == "roman" else None
        sections.append(section)
    return sections


def check_pages(sections: list[Section], pairs: dict[int, TocEntry], unrecognised: list[Unrecognised]) -> None:
    """Each heading should stand on the page the table of contents gives it."""
    for section in sections:
        entry = pairs.get(section.heading)
        if entry is not None and entry.page != section.page:
            unrecognised.append(Unrecognised(section.heading, f"the table of contents (line {entry.line}) puts "
                                                              f"'{entry.text}' on page {entry.page}, the text's "
                                                              f"page breaks on page {section.page}"))
