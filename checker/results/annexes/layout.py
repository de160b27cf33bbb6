"""A report's annex layout (`annexes/layout.yaml`, format: checker/kb/formats/annex_layout.py) as
plain data with compiled patterns, for the parsers of this package.

The loader has already refused what does not compile or does not agree (KB114, KB115); this
module only turns the checked record into dataclasses and derives the two patterns the layout
implies: a column header (the column labels) and a data row (a row label, then the counts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Union

from checker.kb.read import Record

Regex = re.Pattern[str]


@dataclass(frozen=True)
class Numbers:
    """How counts are printed."""

    pattern: Regex
    thousands_separator: str

    def read(self, token: str) -> int | None:
        """The count a token prints, or None if it is not one (`1,5013`)."""
        if not self.pattern.fullmatch(token):
            return None
        digits = token.replace(self.thousands_separator, "") if self.thousands_separator else token
        try:
            return int(digits)
        except ValueError:  # the layout's pattern lets through what is not a whole number
            return None


@dataclass(frozen=True)
class StationKeys:
    """How a station's region is normalised and its key formed (every station table)."""

    file: str
    no_tec: str
    drop_from_tec: frozenset[str]
    region_suffix: str | None
    region_kept_when_last_word: frozenset[str]


@dataclass(frozen=True)
class PartyTableLayout:
    """A results-by-party table: a row per party, then a total row."""

    annex: int
    file: str
    section: str | None
    totals_file: str
    table_line: Regex
    row: Regex
    row_shape: str
    total_label: str
    parties: dict[str, str]  # row label as printed → party id


@dataclass(frozen=True)
class Column:
    label: str  # the header as printed
    id: str  # a party id, or a figure that is not a party's (`invalid`)


@dataclass(frozen=True)
class StationTableLayout:
    """A results-by-station table: per station a title or label, the header, two data rows."""

    annex: int
    file: str
    section: str | None
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, str], ...]  # (label as printed, source id), in printed order
    title_marker: Regex | None
    title_forms: tuple[Regex, ...]
    title_shape: str
    label: Regex | None
    label_shape: str
    tec_and_region: Regex | None
    tec_heading: Regex | None
    region: Regex | None

    @property
    def header(self) -> str:
        return " ".join(column.label for column in self.columns)

    @property
    def header_like(self) -> Regex:
        """A line with the first column's label and ending with the last's: a header, or a broken one."""
        first, last = (re.escape(self.columns[i].label) for i in (0, -1))
        if len(self.columns) == 1:
            return re.compile(rf"(?<!\S){first}$")
        return re.compile(rf"(?<!\S){first}(?!\S).*(?<!\S){last}$")

    @property
    def data_row(self) -> Regex:
        """A line starting with a row label: `label` and the `rest` (the counts)."""
        labels = "|".join(re.escape(label) for label, _ in self.rows)
        return re.compile(rf"^(?P<label>{labels})(?!\w)(?P<rest>.*)$")


Table = Union[PartyTableLayout, StationTableLayout]


@dataclass(frozen=True)
class AnnexLayout:
    """How one report's text prints its annex tables."""

    path: str  # the layout file, as problems name it
    numbers: Numbers
    heading: Regex
    end: Regex | None
    cited_as: Regex | None
    stations: StationKeys | None
    tables: tuple[Table, ...]

    def table(self, annex: int) -> Table:
        for table in self.tables:
            if table.annex == annex:
                return table
        raise KeyError(f"{self.path} describes no annex {annex}")

    @property
    def station_tables(self) -> list[StationTableLayout]:
        return [t for t in self.tables if isinstance(t, StationTableLayout)]


def _compiled(record: Record | None, key: str) -> Regex | None:
    value = record.get(key) if record is not None else None
    return re.compile(value) if value is not None else None


def annex_layout(top: Record, path: str) -> AnnexLayout:
    """The layout of a checked `annex-layout` file (its top record)."""
    numbers, annexes, stations = top["numbers"], top["annexes"], top.get("stations")
    return AnnexLayout(
        path=path,
        numbers=Numbers(re.compile(numbers["pattern"]), numbers.get("thousands_separator", "")),
        heading=re.compile(annexes["heading"]),
        end=_compiled(annexes, "end"),
        cited_as=_compiled(annexes, "cited_as"),
        stations=None if stations is None else StationKeys(
            file=stations["file"],
            no_tec=stations["no_tec"],
            drop_from_tec=frozenset(stations.get("drop_from_tec") or ()),
            region_suffix=stations.get("region_suffix"),
            region_kept_when_last_word=frozenset(stations.get("region_kept_when_last_word") or ()),
        ),
        tables=tuple(_table(table) for table in top["tables"]),
    )


def _table(table: Record) -> Table:
    common = {"annex": table["annex"], "file": table["file"], "section": table.get("section")}
    if table["kind"] == "results-by-party":
        return PartyTableLayout(
            **common,
            totals_file=table["totals_file"],
            table_line=re.compile(table["table_line"]),
            row=re.compile(table["row"]),
            row_shape=table["row_shape"],
            total_label=table["total_label"],
            parties={party["label"]: party["party"] for party in table["parties"]},
        )
    title, label, context = table.get("title"), table.get("label"), table.get("context")
    return StationTableLayout(
        **common,
        columns=tuple(Column(c["label"], c.get("party") or c["figure"]) for c in table["columns"]),
        rows=tuple((row["label"], row["source"]) for row in table["rows"]),
        title_marker=_compiled(title, "marker"),
        title_forms=tuple(re.compile(form) for form in (title["forms"] if title else ())),
        title_shape=title["shape"] if title else "",
        label=_compiled(label, "pattern"),
        label_shape=label["shape"] if label else "",
        tec_and_region=_compiled(context, "tec_and_region"),
        tec_heading=_compiled(context, "tec_heading"),
        region=_compiled(context, "region"),
    )
