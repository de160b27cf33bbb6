"""The shipped text of an observation report, and where a quotation stands in it.

A quotation is verbatim text of the report. The text file is an extraction of the printed
report, so the same words can be laid out differently (see docs/formats.md, "Quotations"):

* a line break, and any run of spaces, counts as one space;
* a line that ends in a hyphen (``e-`` / ``voting``) joins the next line without a space:
  every such hyphen in this text is a real one (``e-voting``, ``Chairman-in-Office``);
* footnote markers are fused to the word before them (``107.5`` is "107." + footnote 5,
  ``stations71``), so a quotation may stop where a marker starts;
* footnotes sit at the foot of the page, often between the two halves of a sentence: a
  quotation may run over a footnote block (the separator line to the next page start), and over
  a page number printed alone where pdftotext's form feed breaks the page.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

# A footnote separator is a line of spaces only, far longer than any indentation.
_SEPARATOR = re.compile(r"^ {20,}$")
# A page of the printed report starts on a line with exactly one leading space in a text whose
# page breaks were lost (SOURCE-NOTES.md, "How to read line and page references"), or where
# pdftotext put its page break, a form feed.
_PAGE_START = re.compile(r"^(?: \S|\f)")
# A page number printed alone on a line: "12", "- 12 -", "Page 12", "Page 12 of 40".
PAGE_NUMBER = re.compile(r"^[\s\f]*(?:-\s*)?(?:[Pp]age\s+)?(\d{1,3})(?:\s*-)?(?:\s+of\s+\d{1,3})?\s*$")
# A numbered paragraph, as recommendations are numbered: "12. The CEC should …".
NUMBERED_LINE = re.compile(r"^\s*(\d{1,3})\.\s+\S")
_MARKER = r"(?:\d{1,2})?"
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Match:
    """Where a quotation was found: the first and last source line (1-based)."""

    first_line: int
    last_line: int


@dataclass(frozen=True)
class QuoteCheck:
    """The outcome of checking one quotation against its stated lines."""

    found: Match | None  # where it stands within the stated lines, if it does
    elsewhere: Match | None  # where it stands in the text, if not within the stated lines
    closest: str  # the closest passage within the stated lines, when not found

    @property
    def ok(self) -> bool:
        return self.found is not None


def split_lines(text: str) -> list[str]:
    """The lines of a text as `cat -n`, `sed -n` and editors number them: only a line feed ends a
    line. (str.splitlines also breaks at a form feed, which pdftotext puts at every page break,
    and would number every line after the first page differently.)"""
    lines = text.replace("\r\n", "\n").split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return lines


def normalise_quote(text: str) -> str:
    """A quotation as compared: runs of white space are one space."""
    return _SPACE.sub(" ", text).strip()


def quote_pattern(text: str) -> re.Pattern[str]:
    """A regular expression for a quotation that lets a footnote marker follow any word."""
    quote = normalise_quote(text)
    parts: list[str] = []
    for i, char in enumerate(quote):
        parts.append(" " if char == " " else re.escape(char))
        at_word_end = i + 1 == len(quote) or quote[i + 1] == " "
        if at_word_end and char != " " and not char.isdigit():
            parts.append(_MARKER)
    return re.compile("".join(parts))


class SourceText:
    """The lines of a report's text file, searchable for quotations."""

    def __init__(self, text: str, path: Path | None = None) -> None:
        self.path = path
        self.lines: list[str] = split_lines(text)

    @classmethod
    def read(cls, path: Path) -> "SourceText":
        return cls(path.read_text(encoding="utf-8"), path)

    def __len__(self) -> int:
        return len(self.lines)

    @cached_property
    def footnote_lines(self) -> frozenset[int]:
        """Line numbers inside footnote blocks: from a separator to the next page start."""
        inside: set[int] = set()
        in_block = False
        for number, line in enumerate(self.lines, start=1):
            if _SEPARATOR.match(line.rstrip("\n")):
                in_block = True
            elif in_block and _PAGE_START.match(line):
                in_block = False
            if in_block:
                inside.add(number)
        return frozenset(inside)

    @cached_property
    def page_number_lines(self) -> frozenset[int]:
        """Lines that hold only the page's printed number, at the foot of a page (before a form
        feed) or at its head (on or after the form feed): a quotation may run over them."""
        found: set[int] = set()
        for number, line in enumerate(self.lines, start=1):
            if not line.startswith("\f"):
                continue
            before = next((n for n in range(number - 1, 0, -1) if self.lines[n - 1].strip()), None)
            after = next((n for n in range(number, len(self.lines) + 1) if self.lines[n - 1].strip()), None)
            found.update(n for n in (before, after) if n is not None and PAGE_NUMBER.match(self.lines[n - 1]))
        return frozenset(found)

    def joined(self, first: int, last: int, skip_footnotes: bool = False) -> tuple[str, list[int]]:
        """Lines first..last as one normalised string, with the source line of each character;
        with `skip_footnotes`, without the footnote blocks and printed page numbers."""
        chars: list[str] = []
        owners: list[int] = []
        pending_space = False
        skipped = self.footnote_lines | self.page_number_lines if skip_footnotes else frozenset()
        for number in range(max(first, 1), min(last, len(self.lines)) + 1):
            if number in skipped:
                continue
            line = self.lines[number - 1].strip()
            if not line:
                continue
            if pending_space and chars:
                chars.append(" ")
                owners.append(number)
            for word_index, word in enumerate(line.split()):
                if word_index:
                    chars.append(" ")
                    owners.append(number)
                chars.extend(word)
                owners.extend([number] * len(word))
            # e-/voting: a hyphen at the end of a line joins the next line directly.
            pending_space = not re.search(r"[A-Za-z]-$", line)
        return "".join(chars), owners

    def find(self, text: str, first: int, last: int) -> Match | None:
        """Where the quotation stands within lines first..last, if it does."""
        quote = normalise_quote(text)
        if not quote:
            return None
        pattern = None
        for skip_footnotes in (False, True):
            joined, owners = self.joined(first, last, skip_footnotes)
            start = joined.find(quote)  # most quotations hold no footnote marker: no regex needed
            if start >= 0:
                return Match(owners[start], owners[start + len(quote) - 1])
            pattern = pattern or quote_pattern(quote)
            hit = pattern.search(joined)
            if hit and hit.end() > hit.start():
                return Match(owners[hit.start()], owners[hit.end() - 1])
        return None

    def check(self, text: str, first: int, last: int) -> QuoteCheck:
        """Check a quotation against the lines it claims; say where it is if elsewhere."""
        found = self.find(text, first, last)
        if found:
            return QuoteCheck(found, None, "")
        elsewhere = self.find(text, 1, len(self.lines))
        closest = "" if elsewhere else self.closest(text, first, last)
        return QuoteCheck(None, elsewhere, closest)

    def closest(self, text: str, first: int, last: int, margin: int = 3) -> str:
        """The passage near lines first..last that resembles the quotation most."""
        quote = normalise_quote(text)
        joined, _ = self.joined(first - margin, last + margin)
        words = joined.split(" ")
        size = max(1, len(quote.split(" ")))
        best, best_ratio = "", -1.0
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(quote)
        for start in range(max(1, len(words) - size + 1)):
            candidate = " ".join(words[start : start + size])
            matcher.set_seq1(candidate)
            ratio = matcher.ratio()
            if ratio > best_ratio:
                best, best_ratio = candidate, ratio
        return best

