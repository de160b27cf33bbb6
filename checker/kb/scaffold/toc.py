"""A report's table of contents, and its headings' titles written as titles.

The table of contents is the report's own list of its headings with their pages: the scaffold
checks the headings it recognised against it, takes the headings the text does not number
(an "About" page) from it, and numbers the pages by it when the pages print no number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# "IV. LEGISLATIVE FRAMEWORK ........ 5": an entry, dot leaders, its page.
_ENTRY = re.compile(r"^\s*(?P<entry>\S.*?)\s*(?:\.\s*){4,}(?P<page>\d{1,3})\s*$")
_MIN_ENTRIES = 3  # fewer lines with dot leaders are not a table of contents
MARKER = re.compile(r"\s+\d{1,3}$")  # a footnote marker after a heading: "A. THE VOTING PROCESS 59"
SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or over per the to via with after than".split())
_WORD = re.compile(r"[A-Za-z][A-Za-z/&’'-]*[A-Za-z]|[A-Za-z]")


@dataclass(frozen=True)
class TocEntry:
    line: int
    text: str  # as printed, spaces collapsed
    page: int

    @property
    def key(self) -> str:
        return heading_key(self.text)


def heading_key(text: str) -> str:
    """A heading as compared with the table of contents: spaces collapsed, upper case, no marker."""
    return MARKER.sub("", " ".join(text.split())).upper()


def table_of_contents(lines: list[str]) -> list[TocEntry]:
    """The entries of the first block of dot-leader lines (blank lines may stand between them)."""
    entries: list[TocEntry] = []
    gap = 0
    for number, line in enumerate(lines, start=1):
        match = _ENTRY.match(line)
        if match:
            entries.append(TocEntry(number, " ".join(match.group("entry").split()), int(match.group("page"))))
            gap = 0
        elif entries and line.strip():
            gap += 1
            if gap > 2:  # the block has ended
                break
    return entries if len(entries) >= _MIN_ENTRIES else []


def acronyms(lines: list[str]) -> frozenset[str]:
    """Words the running text writes in capitals (an acronym such as CEC): kept so in titles. Lines
    written wholly in capitals (headings, a cover) do not count."""
    found: set[str] = set()
    for line in lines:
        letters = [c for c in line if c.isalpha()]
        if not letters or all(c.isupper() for c in letters):
            continue
        found.update(w for w in _WORD.findall(line) if len(w) > 1 and w.isupper())
    return frozenset(found)


def as_title(text: str, capitals: frozenset[str]) -> str:
    """A heading as a title: 'ELECTION DAY PROCEDURES' -> 'Election Day Procedures'; a heading
    already in mixed case stays as printed."""
    text = MARKER.sub("", " ".join(text.split()))
    letters = [c for c in text if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters):
        return text
    words = []
    for i, word in enumerate(text.split()):
        core = word.strip("()[],:;.“”\"‘’")
        if core in capitals:
            words.append(word)
        elif i and core.lower() in SMALL_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:] for part in word.lower().split("-")))
    return " ".join(words)
