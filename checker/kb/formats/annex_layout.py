"""The layout of a report's annex tables in its text (`findings/<report>/annexes/layout.yaml`).

The parser of `checker/results/annexes/` knows two kinds of table and nothing of any report:
what one report prints (its headings, column headers, row labels, station titles, the
sentences that name a station's commission and region) is declared here, as data. Patterns are
Python regular expressions, tried on a line with its runs of whitespace collapsed to one space
and without leading or trailing space. `check_annex_layout` holds the rules between keys that a
JSON Schema cannot say (KB115); a pattern that does not compile, or lacks a group its key
needs, is KB114 when the file is read.
"""

from __future__ import annotations

from checker.kb.errors import Problems
from checker.kb.read import Record
from checker.kb.types import Enum, Integer, ListOf, Obj, Pattern, Ref, Text, optional, required

TABLE_KINDS = ("results-by-party", "results-by-station")
RESULT_SOURCES = ("pec-protocol", "cec-data")  # eokb:PecProtocol, eokb:CecData
NON_PARTY_FIGURES = ("invalid",)  # eokb:InvalidBallots
_CSV_NAME = Text(r"^[a-z0-9][a-z0-9.-]*\.csv$")
_SLUG = Text(r"^[a-z0-9]+(-[a-z0-9]+)*$")

NUMBERS = Obj("annex-numbers", "How the tables print a count.", {
    "pattern": required(Pattern(), "A count as printed, whole (e.g. 1513 or 1,513); anything else in a "
                                   "count's place is an error."),
    "thousands_separator": optional(Text(), "Left out when the count is read (e.g. ',')."),
})
ANNEXES = Obj("annex-headings", "Where the annexes stand in the text.", {
    "heading": required(Pattern(("number",)), "A line that opens an annex; (?P<number>...) is its number. An "
                                               "annex runs to the next heading, or to the end line."),
    "end": optional(Pattern(), "The first line after the last annex (searched only after a heading)."),
    "cited_as": optional(Pattern(("number",)), "How a quotation cites an annex, (?P<number>...) its number: "
                                               "the findings that quote it are linked to the table."),
})
STATIONS = Obj("annex-stations", "The polling stations of every results-by-station table.", {
    "file": required(_CSV_NAME, "The CSV file with one row per station."),
    "no_tec": required(_SLUG, "The commission part of a station's key when the text names no commission."),
    "drop_from_tec": optional(ListOf(Text()), "Words left out of the commission part of the key, where two "
                                              "annexes print one commission's name two ways."),
    "region_suffix": optional(Text(), "The word a normalised region ends with; added where the text leaves it "
                                      "out, written so where the text writes it in another case."),
    "region_kept_when_last_word": optional(ListOf(Text()), "A region whose last word is one of these is kept "
                                                           "as printed (no suffix)."),
})
PARTY_ROW = Obj("annex-party", "A row label of a results-by-party table and the party it stands for.", {
    "label": required(Text(), "The label as printed."),
    "party": required(Ref(("party",)), "The party."),
})
COLUMN = Obj("annex-column", "A value column of a results-by-station table.", {
    "label": required(Text(), "The column header as printed."),
    "party": optional(Ref(("party",)), "The party it counts."),
    "figure": optional(Enum(NON_PARTY_FIGURES), "What it counts when not a party: invalid (invalid ballots)."),
})
ROW = Obj("annex-row", "A data row of each station's block.", {
    "label": required(Text(), "The label the row starts with, as printed."),
    "source": required(Enum(RESULT_SOURCES), "Whose figures: pec-protocol (the protocol) or cec-data "
                                             "(the figures published)."),
})
TITLE = Obj("station-title", "A line above a station's block that names it.", {
    "marker": required(Pattern(), "A line it matches is a title, and must have one of the forms."),
    "forms": required(ListOf(Pattern(("number", "region"), ("tec",)), 1),
                      "The title's forms: (?P<number>...), (?P<region>...) and, if printed, (?P<tec>...)."),
    "shape": required(Text(), "The title in words, for error messages."),
})
LABEL = Obj("station-label", "A station's label printed in front of the column header.", {
    "pattern": required(Pattern(("number",)), "The label: (?P<number>...) is the station's number."),
    "shape": required(Text(), "The label in words, for error messages."),
})
CONTEXT = Obj("station-context", "Sentences and sub-headings that give the labelled stations after them "
              "their commission and region. Searched in this order.", {
    "tec_and_region": optional(Pattern(("tec", "region")), "Names both; replaces what was known."),
    "tec_heading": optional(Pattern(("tec",)), "A sub-heading naming the commission; only after a region line."),
    "region": optional(Pattern(("region",)), "Names the region only; sub-headings may follow."),
})
TABLE = Obj("annex-table", "One annex table: what kind it is, how it is printed, the CSV file it gives.", {
    "annex": required(Integer(1), "The annex number its heading prints."),
    "kind": required(Enum(TABLE_KINDS), "results-by-party (a row per party and a total row) or "
                                        "results-by-station (per station a protocol row and a published row)."),
    "file": required(_CSV_NAME, "The CSV file it gives: a row per party, or per station × source × column."),
    "section": optional(Ref(("section",)), "The report's section that holds it."),
    # results-by-party
    "totals_file": optional(_CSV_NAME, "results-by-party: the CSV file of the total row."),
    "table_line": optional(Pattern(), "results-by-party: a line it matches is a row, and must parse."),
    "row": optional(Pattern(("label", "votes", "percent", "mandates")), "results-by-party: a row."),
    "row_shape": optional(Text(), "results-by-party: a row in words, for error messages."),
    "total_label": optional(Text(), "results-by-party: the label of the total row."),
    "parties": optional(ListOf(PARTY_ROW, 1), "results-by-party: each row label and its party."),
    # results-by-station
    "columns": optional(ListOf(COLUMN, 1), "results-by-station: the value columns in printed order; the "
                                           "header is their labels joined by spaces."),
    "rows": optional(ListOf(ROW, 2), "results-by-station: the two data rows, in printed order."),
    "title": optional(TITLE, "results-by-station: a title line above a station's block."),
    "label": optional(LABEL, "results-by-station: a label in front of the column header instead."),
    "context": optional(CONTEXT, "results-by-station: where labelled stations take commission and region from."),
})
ANNEX_LAYOUT_FILE = Obj("annex-layout-file", "How a report's text prints its annex tables.", {
    "numbers": required(NUMBERS, "How counts are printed."),
    "annexes": required(ANNEXES, "Where the annexes stand."),
    "stations": optional(STATIONS, "With results-by-station tables: their stations."),
    "tables": required(ListOf(TABLE, 1), "The tables, in the order of the text."),
})

_KEYS = {
    "results-by-party": ("totals_file", "table_line", "row", "row_shape", "total_label", "parties"),
    "results-by-station": ("columns", "rows", "title", "label", "context"),
}
_REQUIRED = {"results-by-party": _KEYS["results-by-party"], "results-by-station": ("columns", "rows")}


def check_annex_layout(top: Record, problems: Problems) -> None:
    """KB115: the parts of a layout that must agree (the file may be incomplete: KB1xx then)."""
    tables = [t for t in top.get("tables") or [] if isinstance(t, Record)]
    seen_annex: dict[int, int] = {}
    seen_file: dict[str, int] = {}
    stations = top.get("stations")
    if isinstance(stations, Record) and "file" in stations:
        seen_file[stations["file"]] = stations.at("file").line
    for table in tables:
        if "annex" in table:
            _unique(problems, table, "annex", seen_annex, "annex")
        for key in ("file", "totals_file"):
            if key in table:
                _unique(problems, table, key, seen_file, "file")
        kind = table.get("kind")
        if kind in _KEYS:
            _check_kind(problems, table, kind)
    has_station_tables = any(t.get("kind") == "results-by-station" for t in tables)
    if has_station_tables and not top.written("stations"):
        problems.add("KB115", top.at("tables"), "results-by-station tables need 'stations' (their keys and file)")
    if top.written("stations") and tables and not has_station_tables:
        problems.add("KB115", top.at("stations"), "'stations' is given but no table is results-by-station")


def _unique(problems: Problems, record: Record, key: str, seen: dict, what: str) -> None:
    value = record[key]
    if value in seen:
        problems.add("KB115", record.at(key), f"{what} {value!r} is already given at line {seen[value]}")
    else:
        seen[value] = record.at(key).line


def _check_kind(problems: Problems, table: Record, kind: str) -> None:
    for other, keys in _KEYS.items():
        for key in keys:
            if other != kind and table.written(key):
                problems.add("KB115", table.at(key), f"'{key}' belongs to a {other} table, not to a {kind} one")
    for key in _REQUIRED[kind]:
        if not table.written(key):
            problems.add("KB115", table.pos, f"a {kind} table needs '{key}'")
    if kind == "results-by-party":
        parties = [p for p in table.get("parties") or [] if "label" in p]
        _distinct(problems, parties, "label", "row label")
        _distinct(problems, [p for p in parties if "party" in p], "party", "party")
        for party in parties:
            if party["label"] == table.get("total_label"):
                problems.add("KB115", party.at("label"), f"'{party['label']}' is the total row's label")
        return
    columns = table.get("columns") or []
    _distinct(problems, [c for c in columns if "label" in c], "label", "column header")
    for column in columns:
        if ("party" in column) == ("figure" in column):
            problems.add("KB115", column.pos, "a column counts either a 'party' or a 'figure' (exactly one)")
    _distinct(problems, [c for c in columns if "party" in c], "party", "party")
    _distinct(problems, [c for c in columns if "figure" in c], "figure", "figure")
    rows = table.get("rows") or []
    _distinct(problems, [r for r in rows if "label" in r], "label", "row label")
    if "rows" in table and sorted(str(r.get("source")) for r in rows) != sorted(RESULT_SOURCES):
        problems.add("KB115", table.at("rows"), "the rows are one pec-protocol row and one cec-data row")
    if not table.written("title") and not table.written("label"):
        problems.add("KB115", table.pos, "a results-by-station table needs a 'title' or a 'label' (or both)")
    if table.written("label") != table.written("context"):
        key = "label" if table.written("label") else "context"
        problems.add("KB115", table.at(key), "'label' and 'context' go together: labelled stations take their "
                                             "commission and region from the context lines")
    context = table.get("context")
    if isinstance(context, Record):
        if not context.values:
            problems.add("KB115", context.pos, "the context names no pattern")
        elif "tec_heading" in context and "region" not in context:
            problems.add("KB115", context.at("tec_heading"), "sub-headings are read only after a 'region' line, "
                                                             "which the context does not declare")


def _distinct(problems: Problems, records: list[Record], key: str, what: str) -> None:
    first: dict[str, int] = {}
    for record in records:
        _unique(problems, record, key, first, what)
