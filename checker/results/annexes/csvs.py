"""The CSV files a report's annex tables give (UTF-8, comma-separated, a header row, `\\n` line
ends, counts without thousand separators), and where a file first differs from them.

What each column holds: docs/results.md, and each report's annexes/README.md.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from checker.results.annexes.layout import AnnexLayout, PartyTableLayout
from checker.results.annexes.party_table import PartyTable, parse_party_table
from checker.results.annexes.station_table import parse_station_table
from checker.results.annexes.stations import StationBlock, vote_rows

PARTY_COLUMNS = ("party_label", "party_id", "valid_votes", "percent", "mandates", "source_line")
TOTALS_COLUMNS = ("figure", "printed", "sum_of_party_rows", "difference", "source_line")
VOTE_COLUMNS = ("annex", "region", "tec", "station_number", "station_key", "source",
                "party_id", "column_label", "votes", "votes_printed", "source_line")
STATION_COLUMNS = ("annex", "station_key", "station_number", "tec", "region", "region_printed",
                   "layout", "title", "title_line", "tec_line", "region_line")


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue()


def _party_files(table: PartyTable) -> tuple[str, str]:
    total = table.total
    results = _csv(PARTY_COLUMNS, [
        (r.party_label, r.party_id, r.valid_votes, r.percent, r.mandates, r.source_line) for r in table])
    totals = _csv(TOTALS_COLUMNS, [
        ("valid_votes", total.valid_votes, total.votes_sum, total.valid_votes - total.votes_sum, total.source_line),
        ("percent", total.percent, total.percent_sum, total.percent - total.percent_sum, total.source_line),
        ("mandates", total.mandates, total.mandates_sum, total.mandates - total.mandates_sum, total.source_line),
    ])
    return results, totals


def _vote_file(blocks: Sequence[StationBlock]) -> str:
    return _csv(VOTE_COLUMNS, [
        (v.annex, v.region, v.tec, v.station_number, v.station_key, v.source,
         v.party_id, v.column_label, v.votes, v.votes_printed, v.source_line)
        for v in vote_rows(blocks)
    ])


def _station_file(blocks: Sequence[StationBlock]) -> str:
    return _csv(STATION_COLUMNS, [
        (s.annex, s.key, s.number, s.tec, s.region, s.region_printed,
         s.layout, s.title, s.title_line, s.tec_line, s.region_line)
        for s in (block.station for block in blocks)
    ])


def render_csvs(text: str, layout: AnnexLayout) -> dict[str, str]:
    """File name → CSV content, all read from the report's text by its layout, in the layout's
    order; the stations of every results-by-station table last, in one file."""
    files: dict[str, str] = {}
    stations: list[StationBlock] = []
    for table in layout.tables:
        if isinstance(table, PartyTableLayout):
            files[table.file], files[table.totals_file] = _party_files(parse_party_table(text, layout, table.annex))
        else:
            blocks = parse_station_table(text, layout, table.annex)
            files[table.file] = _vote_file(blocks)
            stations.extend(blocks)
    if layout.stations is not None:
        files[layout.stations.file] = _station_file(stations)
    return files


def first_difference(expected: str, actual: str) -> tuple[int, str, str] | None:
    """(line, expected line, actual line) where two files first differ (None if equal); past the
    end of one file its line reads `(end of file)`."""
    want, got = expected.split("\n"), actual.split("\n")
    for number, (a, b) in enumerate(zip(want, got), start=1):
        if a != b:
            return number, a, b
    if len(want) == len(got):
        return None
    number = min(len(want), len(got)) + 1
    end = "(end of file)"
    return number, want[number - 1] if number <= len(want) else end, got[number - 1] if number <= len(got) else end
