"""The records of a results-by-station table: a station, its two data rows, and the tidy rows
(station × source × column) of the CSV file; how a station's region and key are formed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from checker.results.annexes.layout import Column, StationKeys


@dataclass(frozen=True)
class Station:
    """A polling station of a results-by-station table, with where its commission and region came from.

    `tec` and `region_printed` are as printed (`tec` is "" when the text names no commission);
    `region` is normalised (`normalise_region`). `title` is the block's label as printed: the
    whole title line, or in the label-in-header layout the label. `layout` is `title-line` or
    `label-in-header`.
    """

    annex: int
    number: int
    key: str
    tec: str
    region: str
    region_printed: str
    title: str
    title_line: int
    tec_line: int | None
    region_line: int
    layout: str


@dataclass(frozen=True)
class StationResult:
    """One data row of a station's block (the protocol's, or the published figures)."""

    source: str  # pec-protocol | cec-data
    label: str  # as printed
    votes: tuple[int, ...]  # in column order
    printed: tuple[str, ...]  # the counts exactly as printed ("1,443", "1513")
    source_line: int
    columns: tuple[Column, ...]

    def __getitem__(self, column: str) -> int:
        """The count in `column`, given as its party id, figure (`invalid`) or printed label."""
        for index, known in enumerate(self.columns):
            if column in (known.label, known.id):
                return self.votes[index]
        raise KeyError(column)


@dataclass(frozen=True)
class StationBlock:
    """A station with its two rows: the protocol's and the published figures."""

    station: Station
    results: tuple[StationResult, ...]  # in printed order

    def _of(self, source: str) -> StationResult:
        return next(result for result in self.results if result.source == source)

    @property
    def protocol(self) -> StationResult:
        return self._of("pec-protocol")

    @property
    def published(self) -> StationResult:
        return self._of("cec-data")

    def change(self, column: str) -> int:
        """Published figure minus the protocol's, for `column` (party id, figure or label)."""
        return self.published[column] - self.protocol[column]


@dataclass(frozen=True)
class VoteRow:
    """One tidy row: station × source × column."""

    annex: int
    region: str
    tec: str
    station_number: int
    station_key: str
    source: str
    party_id: str  # a party id, or a figure that is not a party's (`invalid`)
    column_label: str
    votes: int
    votes_printed: str
    source_line: int


def slugify(text: str) -> str:
    """Lowercase ASCII slug: runs of other characters become one `-`."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def normalise_region(printed: str, keys: StationKeys) -> str:
    """The region as keys and tables give it: the layout's suffix written as the layout writes it,
    added where the text leaves it out; kept as printed if its last word is one the layout keeps."""
    words = printed.split()
    if not keys.region_suffix or (words and words[-1] in keys.region_kept_when_last_word):
        return " ".join(words)
    if words and words[-1].lower() == keys.region_suffix.lower():
        words = words[:-1]
    return " ".join([*words, keys.region_suffix])


def station_key(region: str, tec: str, number: int, keys: StationKeys) -> str:
    """`<region-slug>/<tec-slug>/ps-<number>`: station numbers repeat across a country.

    The commission part leaves out the layout's `drop_from_tec` words, and is the layout's
    `no_tec` when the text names no commission.
    """
    tec_words = [word for word in tec.split() if word not in keys.drop_from_tec]
    tec_part = slugify(" ".join(tec_words)) or keys.no_tec
    return f"{slugify(region)}/{tec_part}/ps-{number}"


def vote_rows(blocks: Sequence[StationBlock]) -> list[VoteRow]:
    """Tidy rows: one per station × source (in printed order) × column, in source order."""
    rows: list[VoteRow] = []
    for block in blocks:
        station = block.station
        for result in block.results:
            for column, votes, printed in zip(result.columns, result.votes, result.printed):
                rows.append(VoteRow(
                    annex=station.annex, region=station.region, tec=station.tec,
                    station_number=station.number, station_key=station.key, source=result.source,
                    party_id=column.id, column_label=column.label, votes=votes, votes_printed=printed,
                    source_line=result.source_line,
                ))
    return rows
