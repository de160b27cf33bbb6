"""The report's text as sentences, each with the lines it stands on.

The running text of each section is read as the quotation check reads it (line breaks as one
space, a line-end hyphen joined, the footnotes printed between a sentence's halves skipped), so
every sentence is a quotation the loader verifies. Each footnote is read apart, as its own text.
Headings are never part of a sentence; a bullet starts one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from checker.kb.source_text import SourceText

# A sentence ends at . ! or ? (perhaps closing a quotation, perhaps with a footnote marker fused
# to it: "Document.37") before the capital, digit, quotation mark, bracket or bullet that opens the next.
_END = re.compile(r"([.!?])([”’\"]?)(\d{1,3})? +(?=[A-Z0-9“‘\"(\[•▪◦\uf0b7])")
_BULLET = re.compile(r" ?[•▪◦\uf0b7] ?")
# Words after which a full stop ends no sentence: "Mr. Smith", "No. 5", "Sept. 2004", an initial.
_ABBREVIATION = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|No|Nos|Art|Arts|para|paras|e\.g|i\.e|cf|etc|vs|St|Sept|Jan|Feb|"
                           r"Mar|Apr|Jun|Jul|Aug|Oct|Nov|Dec|Vol|pp|approx|incl|Rev)|(?<![\w.])[A-Z])$")
_FOOTNOTE_START = re.compile(r"^(\d{1,3})(?:\s+\S|\s*$)")
_TRAILING_MARKER = re.compile(r"(?<=[.!?][”’\"])\d{1,3}$|(?<=[.!?])\d{1,3}$")
_FOOTNOTE_NUMBER = re.compile(r"^\d{1,3} ?")


@dataclass(frozen=True)
class Sentence:
    text: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Passage:
    """A stretch of text read as one: a section's running text, or one footnote."""

    text: str
    owners: list[int]  # the source line of each character

    def sentence(self, start: int, end: int) -> Sentence:
        return Sentence(self.text[start:end], self.owners[start], self.owners[end - 1])


def spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of a passage, without bullets and surrounding spaces."""
    cuts: list[tuple[int, int]] = []  # (end of one sentence, start of the next)
    for match in _END.finditer(text):
        before = text[:match.start()]
        if match.group(3) and before[-1:].isdigit():
            continue  # "paragraph 7.2 The": a decimal number, not a full stop and a marker
        if match.group(1) == "." and _ABBREVIATION.search(before):
            continue
        cuts.append((match.end(2), match.end()))
    cuts.extend((match.start(), match.end()) for match in _BULLET.finditer(text))
    start = 0
    for end, following in sorted(cuts):
        if end > start:
            yield from _trimmed(text, start, end)
        start = max(start, following)
    if start < len(text):
        marker = _TRAILING_MARKER.search(text)  # "Document.1" at the end: footnote 1's marker
        yield from _trimmed(text, start, marker.start() if marker and marker.start() > start else len(text))


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    if end > start:
        yield start, end


def passages(source: SourceText, headings: list[tuple[int, int]]) -> Iterator[Passage]:
    """The running text between headings (`headings`: (first, last) line of each, in order;
    nothing before the first is read, and all of it when there is none), then each footnote."""
    headings = headings or [(0, 0)]
    for i, (_, heading_end) in enumerate(headings):
        first = heading_end + 1
        last = headings[i + 1][0] - 1 if i + 1 < len(headings) else len(source)
        if first <= last:
            text, owners = source.joined(first, last, skip_footnotes=True)
            if text:
                yield Passage(text, owners)
    yield from _footnotes(source, headings[0][0])


def _footnotes(source: SourceText, after: int) -> Iterator[Passage]:
    """Each footnote, without its number: inside a footnote block, a footnote starts on a line
    that begins with the next footnote number (the first block's may be any), then a space or
    nothing."""
    lines = sorted(n for n in source.footnote_lines if n >= after)
    starts: list[int] = []
    expected = None
    for n in lines:
        match = _FOOTNOTE_START.match(source.lines[n - 1])
        if match and (expected is None or int(match.group(1)) == expected):
            starts.append(n)
            expected = int(match.group(1)) + 1
    for i, first in enumerate(starts):
        last = first
        while (last + 1 in source.footnote_lines and last + 1 not in source.page_number_lines
               and (i + 1 == len(starts) or last + 1 < starts[i + 1])):
            last += 1
        text, owners = source.joined(first, last, skip_footnotes=False)
        cut = _FOOTNOTE_NUMBER.match(text).end()
        if text[cut:]:
            yield Passage(text[cut:], owners[cut:])
