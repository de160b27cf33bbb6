"""What the scaffold reads from a report's text: plain data, before any YAML is written."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Page:
    number: int
    first_line: int


@dataclass
class Section:
    number: str  # as the report numbers it: "IV", "IV.B", "Annex 1"; an unnumbered heading's own text
    title: str
    heading: int  # the line of its heading
    last: int  # its last line, with its footnotes
    page: int | None
    parent: Section | None = None
    part: str = "body"  # front | body | recommendations | annex | back (formats: SECTION_PARTS)
    numbered: bool = True
    heading_end: int = 0  # the last line of its heading, when its title runs on below it (an annex's)

    @property
    def slug(self) -> str:
        """The last segment of its id: 'iv-b', 'annex-1'; an unnumbered heading's words."""
        text = self.number if self.numbered else self.title
        words = "".join(c if c.isascii() and c.isalnum() else " " for c in text.lower()).split()
        return "-".join(words) or f"line-{self.heading}"

    @property
    def lines(self) -> tuple[int, int]:
        return self.heading, self.last


@dataclass(frozen=True)
class Group:
    letter: str
    title: str
    lines: tuple[int, int]


@dataclass(frozen=True)
class Recommendation:
    number: int
    text: str  # verbatim, as the quotation check reads it (line breaks as one space)
    lines: tuple[int, int]
    group: str | None


@dataclass(frozen=True)
class Verdict:
    """The report's verdict words in a sentence, and what they mean."""

    wording: str
    severity: str  # violation | warning


@dataclass(frozen=True)
class Candidate:
    """A sentence that cites commitments or provisions: a suggestion for an expert, never a finding."""

    text: str
    lines: tuple[int, int]
    cites: tuple[str, ...]
    section: Section | None
    verdict: Verdict | None


@dataclass(frozen=True)
class Unrecognised:
    """A line the scaffold could not read as what it looks like, and why."""

    line: int
    what: str


@dataclass
class Skeleton:
    """A new report's structure, as read from its text."""

    report: str
    lines: int = 0  # how many lines the text has
    pages: list[Page] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    groups: list[Group] = field(default_factory=list)
    recommendations: list[Recommendation] = field(default_factory=list)
    candidates: list[Candidate] = field(default_factory=list)
    unrecognised: list[Unrecognised] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # how it read the layout (pages, numbering)

    def section_id(self, section: Section) -> str:
        return f"{self.report}/section/{section.slug}"

    def section_at(self, line: int) -> Section | None:
        """The most specific section whose lines hold `line`."""
        holding = [s for s in self.sections if s.heading <= line <= s.last]
        return max(holding, key=lambda s: s.heading) if holding else None

    def page_at(self, line: int) -> int | None:
        page = None
        for entry in self.pages:
            if entry.first_line <= line:
                page = entry.number
        return page
