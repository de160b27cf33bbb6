"""Where the printed report's pages start in its text, and which number each page has.

pdftotext ends every page with a form feed, so the next page starts on the line that begins
with one. A text whose form feeds were lost (the bundled 2007 report's) still shows its page
breaks in its layout (SOURCE-NOTES.md, "How to read line and page references"): a page starts
on a line with exactly one leading space right after a line of text (the last line of the page
before), or on a line of a few spaces alone between two empty lines (where a form feed stood).

A page's number is the one printed on it when the pages print theirs (at the foot or the head);
otherwise the table of contents fixes it: the page of its first entry's heading. Failing both,
pages are counted from the first page of the text, and the notes say so.
"""

from __future__ import annotations

import re
from collections import Counter

from checker.kb.scaffold.model import Page, Unrecognised
from checker.kb.source_text import PAGE_NUMBER

FORM_FEED = "\f"
_LOST_FORM_FEED = re.compile(r"^ {3,19}$")
_ONE_SPACE = re.compile(r"^ \S")


def page_starts(lines: list[str]) -> tuple[list[int], str]:
    """The first line of every page of the text (the first page's is 1), and how they were found."""
    if any(FORM_FEED in line for line in lines):
        breaks = [1] + [n for n, line in enumerate(lines, start=1) if n > 1 and line.startswith(FORM_FEED)]
        ends = [b - 1 for b in breaks[1:]] + [len(lines)]
        # pdftotext ends its output with a form feed: a "page" with nothing on it is none.
        starts = [first for first, last in zip(breaks, ends) if any(l.strip() for l in lines[first - 1: last])]
        return starts or [1], "form feeds (pdftotext's page breaks)"
    starts = [1]
    for n, line in enumerate(lines, start=1):
        before = lines[n - 2] if n > 1 else ""
        after = lines[n] if n < len(lines) else ""
        if n > 1 and ((_LOST_FORM_FEED.match(line) and not before and not after)
                      or (_ONE_SPACE.match(line) and before.strip())):
            starts.append(n)
    return starts, "the layout (no form feeds: a line with one leading space after a line of text, " \
                   "or a line of a few spaces between two empty lines)"


def printed_numbers(lines: list[str], starts: list[int]) -> dict[int, int]:
    """Page index (0-based) -> the number printed alone on its last or first line of text."""
    printed: dict[int, int] = {}
    for index, first in enumerate(starts):
        last = starts[index + 1] - 1 if index + 1 < len(starts) else len(lines)
        text = [line for line in lines[first - 1: last] if line.strip()]
        for line in (text[-1:] + text[:1]) if text else []:
            if match := PAGE_NUMBER.match(line):
                printed[index] = int(match.group(1))
                break
    return printed


def number_pages(lines: list[str], starts: list[int], toc_offset: int | None,
                 unrecognised: list[Unrecognised], notes: list[str]) -> list[Page]:
    """The numbered pages: page number = index + offset, the offset taken from the numbers the
    pages print, else from the table of contents (`toc_offset`), else 1. Pages that would be
    numbered below 1 are front matter (a cover, a table of contents) and get no number."""
    printed = printed_numbers(lines, starts)
    offsets = Counter(number - index for index, number in printed.items())
    if len(printed) >= 2 and offsets.most_common(1)[0][1] * 2 > len(printed):
        offset = offsets.most_common(1)[0][0]
        notes.append(f"page numbers: as printed on {len(printed)} of {len(starts)} pages")
        for index, number in sorted(printed.items()):
            if number != index + offset:
                unrecognised.append(Unrecognised(starts[index], f"the page starting here prints the number "
                                                                f"{number}, but its place makes it page {index + offset}"))
    elif toc_offset is not None:
        offset = toc_offset
        notes.append("page numbers: from the table of contents (the page of its first entry's heading)")
    else:
        offset = 1
        notes.append("page numbers: no printed page numbers and no table of contents; pages are counted "
                     "from the first page of the text")
    if len(starts) - 1 + offset < 1:  # every page before page 1: the offset cannot be right
        unrecognised.append(Unrecognised(starts[0], f"page numbers give no page a number of 1 or more "
                                                    f"(offset {offset}); pages are counted from the first"))
        offset = 1
    return [Page(index + offset, first) for index, first in enumerate(starts) if index + offset >= 1]


def page_index(starts: list[int], line: int) -> int:
    """The 0-based index of the page that holds `line`."""
    index = 0
    for i, first in enumerate(starts):
        if first <= line:
            index = i
    return index
