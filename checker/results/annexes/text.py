"""A report's text as the annex parsers see it: numbered lines, each also with its whitespace
collapsed (what the layout's patterns are tried on), and the lines of each annex.

Line numbers are 1-based, as `sed -n` and `cat -n` print them.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.results.annexes.layout import AnnexLayout


class AnnexFormatError(ValueError):
    """A line of an annex does not have the layout's form.

    `line` is the 1-based line of the source text (None when the problem is that something
    is absent, e.g. a heading).
    """

    def __init__(self, annex: int | None, line: int | None, message: str, text: str | None = None):
        self.annex = annex
        self.line = line
        self.text = text
        where = f"line {line}" if line is not None else "source"
        what = f"Annex {annex}" if annex is not None else "annexes"
        shown = f" [{text.strip()!r}]" if text is not None else ""
        super().__init__(f"{where}: {what}: {message}{shown}")


class AnnexTotalsError(AnnexFormatError):
    """A printed total disagrees with the rows it totals."""


@dataclass(frozen=True)
class SourceLines:
    """The text's lines: `raw[n - 1]` is line n as printed, `flat[n - 1]` the same with its runs of
    whitespace collapsed to one space and no space at either end."""

    raw: tuple[str, ...]
    flat: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> SourceLines:
        raw = tuple(line.rstrip("\r") for line in text.split("\n"))
        return cls(raw, tuple(" ".join(line.split()) for line in raw))

    def __len__(self) -> int:
        return len(self.raw)


def annex_span(lines: SourceLines, layout: AnnexLayout, annex: int) -> tuple[int, int]:
    """(first, last) line of the body of `annex`, after its heading.

    An annex runs to the line before the next heading, the last one to the line before the
    layout's end line (the first after any heading), or to the end of the text.
    """
    headings: dict[int, int] = {}
    end: int | None = None
    for number, line in enumerate(lines.flat, start=1):
        match = layout.heading.search(line)
        if match:
            index = _heading_number(match.group("number"), number, lines.raw[number - 1])
            if index in headings:
                raise AnnexFormatError(index, number, "second heading for this annex", lines.raw[number - 1])
            headings[index] = number
        elif end is None and headings and layout.end is not None and layout.end.search(line):
            end = number
    if annex not in headings:
        raise AnnexFormatError(annex, None, f"no heading of this annex (a line matching "
                                            f"'{layout.heading.pattern}' with the number {annex})")
    start = headings[annex] + 1
    following = sorted(n for n in headings.values() if n > headings[annex])
    if following:
        return start, following[0] - 1
    return start, (end - 1) if end is not None and end > start else len(lines)


def _heading_number(printed: str, line: int, text: str) -> int:
    if not (printed.isascii() and printed.isdigit()):
        raise AnnexFormatError(None, line, f"the heading's number {printed!r} is not a whole number", text)
    return int(printed)
