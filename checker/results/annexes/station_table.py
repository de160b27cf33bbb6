"""A results-by-station table: per station a block of a title (or a label in front of the
header), the column header and the two data rows, read by the layout and never guessed.

Each line of the annex (whitespace collapsed; blank lines skipped) is one of:

* a title: a line the layout's title `marker` matches, which must have one of its `forms`;
  it opens a block, and the column header must follow;
* a column header (the column labels joined by spaces), alone after a title, or after a label
  the layout's `label` pattern reads (label-in-header: it opens a block itself);
* a data row: a row label, then one count per column; the rows come in the layout's order
  and the last one closes the block;
* narrative, between blocks: the layout's `context` patterns may set the commission (TEC) and
  region of the labelled stations after it. `tec_and_region` sets both; `region` sets the
  region, clears the commission and lets `tec_heading` sub-headings follow, which set the
  commission. A title clears what the narrative had set.

A line that looks like a table line but does not parse, a block left incomplete, a row out
of order, or a label with no commission and region before it raises AnnexFormatError.
"""

from __future__ import annotations

from dataclasses import dataclass

from checker.results.annexes.layout import AnnexLayout, StationKeys, StationTableLayout
from checker.results.annexes.stations import Station, StationBlock, StationResult, normalise_region, station_key
from checker.results.annexes.text import AnnexFormatError, SourceLines, annex_span


@dataclass
class _Context:
    """Commission and region set by the narrative, for labelled stations."""

    tec: str = ""
    tec_line: int | None = None
    region_printed: str = ""
    region_line: int | None = None
    takes_sub_headings: bool = False  # the region came from a region-only line


@dataclass
class _Title:
    """A title line read, its block's header still to come."""

    line: int
    number: int
    tec: str
    region_printed: str
    text: str


def parse_station_table(text: str, layout: AnnexLayout, annex: int) -> list[StationBlock]:
    """The station blocks of annex `annex` (a results-by-station table), in source order."""
    table = layout.table(annex)
    if not isinstance(table, StationTableLayout):
        raise TypeError(f"annex {annex} is not a results-by-station table in {layout.path}")
    if layout.stations is None:
        raise TypeError(f"{layout.path} declares no 'stations' for annex {annex}")
    return _Reader(layout, table, layout.stations, SourceLines.of(text)).blocks()


class _Reader:
    def __init__(self, layout: AnnexLayout, table: StationTableLayout, keys: StationKeys, lines: SourceLines) -> None:
        self.layout, self.table, self.keys, self.lines = layout, table, keys, lines
        self.context = _Context()
        self.title: _Title | None = None  # a title read, its header awaited
        self.station: Station | None = None  # the block being read
        self.results: list[StationResult] = []
        self.found: list[StationBlock] = []

    def error(self, number: int | None, message: str) -> AnnexFormatError:
        return AnnexFormatError(self.table.annex, number, message, self.lines.raw[number - 1] if number else None)

    def blocks(self) -> list[StationBlock]:
        first, last = annex_span(self.lines, self.layout, self.table.annex)
        header_like, data_row = self.table.header_like, self.table.data_row
        for number in range(first, last + 1):
            line = self.lines.flat[number - 1]
            if not line:
                continue
            if self.table.title_marker is not None and self.table.title_marker.search(line):
                self.read_title(number, line)
            elif header_like.search(line):
                self.read_header(number, line)
            elif row := data_row.match(line):
                self.read_row(number, row.group("label"), row.group("rest"))
            elif self.unfinished() is not None:
                raise self.error(number, "unexpected text inside a station block")
            else:
                self.read_narrative(number, line)
        if (opened := self.unfinished()) is not None:
            raise AnnexFormatError(self.table.annex, opened, "station block is incomplete at the end of the annex")
        self.check_unique()
        return self.found

    def unfinished(self) -> int | None:
        """The line that opened the block being read (None between blocks)."""
        if self.title is not None:
            return self.title.line
        return self.station.title_line if self.station is not None else None

    def open_block(self, number: int) -> None:
        if (opened := self.unfinished()) is not None:
            raise self.error(number, f"new station block before the block opened at line {opened} was complete")

    def read_title(self, number: int, line: str) -> None:
        self.open_block(number)
        match = next((m for form in self.table.title_forms if (m := form.search(line))), None)
        found = match.groupdict() if match else {}
        if found.get("number") is None or not found.get("region") or not _whole(found["number"]):
            raise self.error(number, f"expected '{self.table.title_shape}'")
        tec, region = (found.get("tec") or "").strip(), found["region"].strip()
        self.title = _Title(number, int(found["number"]), tec, region, self.lines.raw[number - 1].strip())
        self.context = _Context()

    def read_header(self, number: int, line: str) -> None:
        header = self.table.header
        if not line.endswith(header):
            raise self.error(number, f"column header is not {header!r}")
        prefix = line[: -len(header)].strip()
        if not prefix:
            if self.title is None:
                raise self.error(number, "column header without a station title or label")
            title, self.title = self.title, None
            self.station = self.new_station(title.number, title.tec, title.region_printed, title.text, title.line,
                                            title.line if title.tec else None, title.line, "title-line")
            return
        self.open_block(number)
        label = self.table.label.search(prefix) if self.table.label is not None else None
        if label is None or not _whole(label.group("number") or ""):
            shape = f"'{self.table.label_shape}'" if self.table.label is not None else "a station label (none declared)"
            raise self.error(number, f"station label {prefix!r} is not {shape}")
        context = self.context
        if context.region_line is None or context.tec_line is None:
            raise self.error(number, "station label without a preceding TEC and region in the narrative")
        self.station = self.new_station(int(label.group("number")), context.tec, context.region_printed, prefix,
                                        number, context.tec_line, context.region_line, "label-in-header")

    def new_station(self, number: int, tec: str, region_printed: str, title: str, title_line: int,
                    tec_line: int | None, region_line: int, layout: str) -> Station:
        region = normalise_region(region_printed, self.keys)
        return Station(self.table.annex, number, station_key(region, tec, number, self.keys), tec, region,
                       region_printed, title, title_line, tec_line, region_line, layout)

    def read_row(self, number: int, label: str, rest: str) -> None:
        if self.station is None:
            raise self.error(number, f"{label!r} row outside a station block")
        rows = self.table.rows
        expected_label, source = rows[len(self.results)]
        if label != expected_label:
            if any(result.label == label for result in self.results):
                raise self.error(number, f"second {label!r} row in a block")
            raise self.error(number, f"{label!r} row before the {expected_label!r} row")
        self.results.append(self.read_counts(number, label, source, rest))
        if len(self.results) == len(rows):
            self.found.append(StationBlock(self.station, tuple(self.results)))
            self.station, self.results = None, []

    def read_counts(self, number: int, label: str, source: str, rest: str) -> StationResult:
        tokens, columns = rest.split(), self.table.columns
        if len(tokens) != len(columns):
            raise self.error(number, f"expected {len(columns)} numbers after {label!r}, found {len(tokens)}")
        votes = []
        for token in tokens:
            value = self.layout.numbers.read(token)
            if value is None:
                raise self.error(number, f"{token!r} is not a vote count")
            votes.append(value)
        return StationResult(source, label, tuple(votes), tuple(tokens), number, columns)

    def read_narrative(self, number: int, line: str) -> None:
        table, context = self.table, self.context
        if table.tec_and_region is not None and (match := table.tec_and_region.search(line)):
            self.context = _Context(_group(match, "tec"), number, _group(match, "region"), number)
        elif table.tec_heading is not None and (match := table.tec_heading.search(line)):
            if not context.takes_sub_headings:
                raise self.error(number, "TEC sub-heading without a region sentence before it")
            context.tec, context.tec_line = _group(match, "tec"), number
        elif table.region is not None and (match := table.region.search(line)):
            self.context = _Context(region_printed=_group(match, "region"), region_line=number, takes_sub_headings=True)

    def check_unique(self) -> None:
        seen: dict[str, int] = {}
        for block in self.found:
            key, line = block.station.key, block.station.title_line
            if key in seen:
                raise AnnexFormatError(self.table.annex, line, f"station {key} already given at line {seen[key]}")
            seen[key] = line


def _group(match, name: str) -> str:
    return (match.group(name) or "").strip()


def _whole(printed: str) -> bool:
    return printed.isascii() and printed.isdigit()
