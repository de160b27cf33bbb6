"""A report's annex tables read from its plain text, by a layout that is data.

A report's text (a plain-text extraction of its PDF) prints its result tables as layout, not
data. `findings/<report>/annexes/layout.yaml` (format: checker/kb/formats/annex_layout.py,
docs/formats.md) says how: where each annex starts and ends, its kind, its columns and row
labels and what each stands for, the forms of its station titles, the sentences that give a
station its commission and region. This package knows only the two kinds of table:

* results by party (`party_table.py`): a row per party (votes, percentage, mandates) and a
  total row, checked to add up;
* results by polling station (`station_table.py`): per station a title or a label, the column
  header, a protocol row and a published row.

It turns them into CSV files (`csvs.py`), keeping for every row the 1-based line of the text it
was read from, and refuses to guess: a line that looks like a table line but does not parse
raises AnnexFormatError naming the line. `report_folder.py` writes or checks a report
folder's files (`python -m checker.results.annexes write|check <report folder>`);
checker/results/data.py checks them on every load (KB307) and adds them to the graph.
"""

from checker.results.annexes.csvs import first_difference, render_csvs
from checker.results.annexes.layout import AnnexLayout, PartyTableLayout, StationTableLayout, annex_layout
from checker.results.annexes.party_table import PartyRow, PartyTable, PartyTotal, parse_party_table
from checker.results.annexes.report_folder import (
    InvalidReportFolder, check_csvs, main, read_report_folder, write_csvs,
)
from checker.results.annexes.station_table import parse_station_table
from checker.results.annexes.stations import Station, StationBlock, StationResult, VoteRow, vote_rows
from checker.results.annexes.text import AnnexFormatError, AnnexTotalsError

__all__ = [
    "AnnexFormatError", "AnnexLayout", "AnnexTotalsError", "InvalidReportFolder", "PartyRow", "PartyTable",
    "PartyTableLayout", "PartyTotal", "Station", "StationBlock", "StationResult", "StationTableLayout",
    "VoteRow", "annex_layout", "check_csvs", "first_difference", "main", "parse_party_table",
    "parse_station_table", "read_report_folder", "render_csvs", "vote_rows", "write_csvs",
]
