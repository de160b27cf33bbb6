"""A report's headings: numbered parts (I., IV.) with their lettered sections (A., B.), annexes,
and the unnumbered headings only its table of contents names.

A line is a heading only when it reads as one (a number, then a title in capitals or in title
case, nothing after it on the next line) and its number is the next in sequence; a line that
reads as a heading but is out of sequence, or disagrees with the table of contents, is listed,
never guessed into the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from checker.kb.scaffold.model import Unrecognised
from checker.kb.scaffold.toc import MARKER, SMALL_WORDS, TocEntry, heading_key

_NUMBERED = re.compile(r"^(?P<number>[IVXLC]+|[A-Z])\.\s+(?P<title>\S.*)$")
_ANNEX = re.compile(r"^(?:ANNEX|Annex)\s+(?P<number>\d{1,2}|[A-Z]|[IVXL]+)\b(?:\s*[:.–—-]\s*|\s+)?(?P<title>.*)$")
_ROMAN = (("M", 1000), ("CM", 900), ("D", 500), ("CD", 400), ("C", 100), ("XC", 90), ("L", 50), ("XL", 40),
          ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


@dataclass
class Heading:
    line: int
    kind: str  # roman | letter | annex | unnumbered
    number: str  # "IV", "B", "1"; an unnumbered heading's text
    title: str  # as printed, without a footnote marker; "" when the text gives none
    title_end: int  # the last line of the heading with its title (an annex's title may follow it)

    @property
    def level(self) -> int:
        return 2 if self.kind == "letter" else 1


def roman(value: int) -> str:
    digits = []
    for symbol, worth in _ROMAN:
        count, value = divmod(value, worth)
        digits.append(symbol * count)
    return "".join(digits)


def _is_title(title: str) -> bool:
    """Reads as a heading's title: short, not a sentence, in capitals or in title case."""
    title = MARKER.sub("", title)
    letters = [c for c in title if c.isalpha()]
    if not letters or len(title) > 120 or title[-1] in ".,;" or ". " in title or "..." in title:
        return False
    if all(c.isupper() for c in letters):
        return True
    words = [w for w in re.findall(r"[A-Za-z][\w’'-]*", title) if w.lower() not in SMALL_WORDS]
    return bool(words) and all(w[0].isupper() for w in words)


def _blank_after(lines: list[str], number: int) -> bool:
    return number >= len(lines) or not lines[number].strip()


def _annex_title(lines: list[str], number: int) -> tuple[str, int]:
    """The title printed under an annex heading, in capitals (up to three lines), and its last line."""
    parts, last, n = [], number, number + 1
    while n <= len(lines) and not lines[n - 1].strip():
        n += 1
    while n <= len(lines) and len(parts) < 3:
        text = " ".join(lines[n - 1].split())
        letters = [c for c in text if c.isalpha()]
        if not letters or not all(c.isupper() for c in letters):
            break
        parts.append(text)
        last, n = n, n + 1
    return " ".join(parts), last


def find_headings(lines: list[str], toc: list[TocEntry], unrecognised: list[Unrecognised]) -> list[Heading]:
    """Every heading of the text after its table of contents, in order."""
    toc_lines = {entry.line for entry in toc}
    start = max(toc_lines) + 1 if toc else 1
    headings: list[Heading] = []
    next_roman, next_letter, next_annex = 1, None, None
    skip_to = 0
    for n in range(start, len(lines) + 1):
        text = " ".join(lines[n - 1].split())
        if n <= skip_to or not text or not _blank_after(lines, n):
            continue
        if (annex := _ANNEX.match(text)) and (not annex.group("title") or _is_title(annex.group("title"))):
            title, title_end = (annex.group("title"), n) if annex.group("title") else _annex_title(lines, n)
            headings.append(Heading(n, "annex", annex.group("number"), title, title_end))
            next_letter, skip_to = None, title_end
            continue
        numbered = _NUMBERED.match(text)
        if not numbered or not _is_title(numbered.group("title")):
            continue
        number, title = numbered.group("number"), MARKER.sub("", numbered.group("title"))
        if next_letter is not None and number == chr(next_letter):
            headings.append(Heading(n, "letter", number, title, n))
            next_letter += 1
        elif number == roman(next_roman) and not any(h.kind == "annex" for h in headings):
            headings.append(Heading(n, "roman", number, title, n))
            next_roman, next_letter = next_roman + 1, ord("A")
        else:
            expected = [f"{roman(next_roman)}."] + ([f"{chr(next_letter)}."] if next_letter else [])
            unrecognised.append(Unrecognised(n, f"'{text}' reads as a heading numbered {number}., but the next "
                                                f"heading would be {' or '.join(expected)}: not made a section"))
    return headings


def pair_with_toc(lines: list[str], toc: list[TocEntry], headings: list[Heading],
                  unrecognised: list[Unrecognised]) -> tuple[list[Heading], dict[int, TocEntry]]:
    """The headings with the table of contents' entries, in order: heading line -> its entry.
    A heading the table does not list is listed; an entry that no recognised heading answers is
    looked for as an unnumbered heading (an "About" page), and listed when the text has none."""
    pairs: dict[int, TocEntry] = {}
    index = 0
    for heading in headings:
        key = heading_key(" ".join(lines[heading.line - 1].split()))
        match = next((i for i in range(index, len(toc)) if toc[i].key == key), None)
        if match is None:
            unrecognised.append(Unrecognised(heading.line, "this heading is not in the table of contents"))
            continue
        pairs[heading.line], index = toc[match], match + 1
    paired = set(map(id, pairs.values()))
    taken = {h.line for h in headings}
    after = max(entry.line for entry in toc)
    for entry in toc:
        if id(entry) in paired:
            continue
        line = next((n for n in range(after + 1, len(lines) + 1)
                     if n not in taken and heading_key(lines[n - 1]) == entry.key), None)
        if line is None or _NUMBERED.match(entry.text) or _ANNEX.match(entry.text):
            what = "no line of the text is that heading" if line is None else "its heading was not recognised"
            unrecognised.append(Unrecognised(entry.line, f"the table of contents lists '{entry.text}' "
                                                         f"(page {entry.page}), but {what}"))
            continue
        headings.append(Heading(line, "unnumbered", entry.text, entry.text, line))
        pairs[line] = entry
        taken.add(line)
    return sorted(headings, key=lambda h: h.line), pairs


def unnumbered_headings(lines: list[str], headings: list[Heading], unrecognised: list[Unrecognised]) -> None:
    """Lines after the first heading that read as headings but carry no number (and no table of
    contents names them): listed, not made sections."""
    if not headings:
        return
    taken = {n for h in headings for n in range(h.line, h.title_end + 1)}
    for n in range(headings[0].line + 1, len(lines) + 1):
        text = " ".join(lines[n - 1].split())
        letters = [c for c in text if c.isalpha()]
        if (n in taken or len(text.split()) < 2 or len(text) > 80 or not letters
                or not all(c.isupper() for c in letters) or lines[n - 2].strip() or not _blank_after(lines, n)):
            continue
        unrecognised.append(Unrecognised(n, f"'{text}' reads as a heading without a number: not made a section"))
