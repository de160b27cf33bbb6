"""The three result tables of the ODIHR Kazakhstan 2007 report (Annexes 1–3) as data.

The shipped source text (``findings/odihr-kz-2007/source.txt``) is a plain-text
extraction of the PDF. Its annex tables are therefore *layout*, not data: this
module turns them back into rows, keeping for every row the 1-based line number
it was read from (the numbering of ``sed -n``/``cat -n``), and it refuses to
guess: a line that looks like a table line but does not parse raises
:class:`AnnexFormatError` naming the line.

Source layout (line numbers of the shipped text)
------------------------------------------------
Annex 1 (L1941 ``ANNEX  1`` … L1961), "FINAL RESULTS AS ANNOUNCED BY THE CEC":
    a four-column table (party list | valid votes | percentage of valid vote |
    mandates won) whose header is wrapped over L1946–1950. Each data row is one
    line, parsed from the right: ``Nur Otan 5,247,720 88.41% 98``. Blank lines
    interrupt the rows (L1955, L1959). The last row is ``Total 5,935,625 100% 98``.
    The party percentages add up to 99.99, not the printed 100.

Annex 2 (L1969 ``ANNEX 2`` … L2083), PEC protocols vs CEC-posted data:
    15 blocks of the form::

        Polling station 406, Turksibksiy TEC (Almaty City):
         ANSDP Nur Otan Patriots Auyl Ak Zhol Rukhaniyat CPPK Invalid
        PEC Protocol 614 930 17 14 49 2 11 21
        CEC Data 101 1,443 17 14 49 2 11 21

    (blank lines in between). The title wording varies (``Polling Station``,
    a comma before the parenthesis or not, no ``TEC`` for ``Rudniy City``) and
    one title (L2043) carries a leading space because a page starts there.

Annex 3 (L2092 ``ANNEX 3`` … L2301), protocols from other sources vs CEC data:
    27 blocks in two layouts. Six use the Annex 2 title line (PS 294's title
    names only ``Kyzylorda Region``). The other 21 put the station label in
    front of the column header (``PS 276   ANSDP …``, ``PEC 537  ANSDP …``) and
    take their TEC and region from the narrative before them: a sentence such
    as ``In Khromtauskiy TEC (Aktobe region), …`` (L2143) or ``… in
    Kostanaiskiy District TEC (Kostanai region) …`` (L2160), a region sentence
    ``… received in Manghystau region …`` (L2209), and TEC sub-headings such as
    ``Aktau City TEC:`` (L2215). Thousand separators are inconsistent here
    (``1,024`` but ``1513``, ``1660``, ``1459``).

Usage::

    python -m checker.results.annexes write <source.txt> <out_dir>   # (re)write the CSVs
    python -m checker.results.annexes check <source.txt> <out_dir>   # exit 1 if they differ
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

__all__ = [
    "ANNEX_1_PARTIES",
    "STATION_COLUMNS",
    "AnnexFormatError",
    "AnnexTotalsError",
    "Annex1Row",
    "Annex1Total",
    "Annex1Table",
    "Station",
    "StationResult",
    "StationBlock",
    "VoteRow",
    "parse_annex_1",
    "parse_annex_2",
    "parse_annex_3",
    "vote_rows",
    "render_csvs",
    "write_csvs",
    "check_csvs",
    "main",
]

# --------------------------------------------------------------------------- constants

#: Annex 1 row label as printed → party id. ``PPK`` is the Party of Patriots of
#: Kazakhstan (L832–833), printed ``Patriots`` in the Annex 2/3 column header.
ANNEX_1_PARTIES: dict[str, str] = {
    "Nur Otan": "kz/party/nur-otan",
    "ANSDP": "kz/party/ansdp",
    "Ak Zhol": "kz/party/ak-zhol",
    "Auyl": "kz/party/auyl",
    "CPPK": "kz/party/cppk",
    "PPK": "kz/party/patriots",
    "Rukhaniyat": "kz/party/rukhaniyat",
}

#: Value columns of Annexes 2 and 3, in printed order (ballot order + Invalid):
#: (header label as printed, party id or ``invalid``).
STATION_COLUMNS: tuple[tuple[str, str], ...] = (
    ("ANSDP", "kz/party/ansdp"),
    ("Nur Otan", "kz/party/nur-otan"),
    ("Patriots", "kz/party/patriots"),
    ("Auyl", "kz/party/auyl"),
    ("Ak Zhol", "kz/party/ak-zhol"),
    ("Rukhaniyat", "kz/party/rukhaniyat"),
    ("CPPK", "kz/party/cppk"),
    ("Invalid", "invalid"),
)

#: Data-row labels of Annexes 2 and 3 → source id used in the CSVs.
ROW_SOURCES: dict[str, str] = {"PEC Protocol": "pec-protocol", "CEC Data": "cec-data"}

_HEADER = " ".join(label for label, _ in STATION_COLUMNS)

# A number as printed: plain digits or comma-grouped thousands (``1513``, ``1,513``).
_NUMBER = r"\d{1,3}(?:,\d{3})+|\d+"
_NUMBER_RE = re.compile(rf"(?:{_NUMBER})")

_ANNEX_HEADING_RE = re.compile(r"^ANNEX\s+(\d+)\s*$")
_ANNEXES_END_RE = re.compile(r"^\s*ABOUT THE OSCE/ODIHR\s*$")

_A1_ROW_RE = re.compile(
    rf"^(?P<label>\S.*?)\s+(?P<votes>{_NUMBER})\s+(?P<pct>\d+(?:\.\d+)?)%\s+(?P<mandates>\d+)$"
)

_TITLE_START_RE = re.compile(r"^Polling [Ss]tation\b")
_TITLE_RE = re.compile(r"^Polling [Ss]tation (?P<number>\d+), (?P<place>.+?):$")
# "Turksibksiy TEC (Almaty City)", "Astrakhanskiy TEC, (Akmola Region)", "Rudniy City (Kostanai Region)"
_PLACE_TEC_REGION_RE = re.compile(r"^(?P<tec>[^(),]+?),?\s*\((?P<region>[^()]+)\)$")
# "Kyzylorda Region" (no TEC)
_PLACE_REGION_RE = re.compile(r"^(?P<region>[A-Z][\w ]*? [Rr]egion)$")

_HEADER_LIKE_RE = re.compile(r"\bANSDP\b.*\bInvalid$")
_LABEL_RE = re.compile(r"^(?P<prefix>PS|PEC) (?P<number>\d+)$")
_DATA_ROW_RE = re.compile(r"^(?P<label>PEC Protocol|CEC Data)\b(?P<rest>.*)$")

# Narrative context in Annex 3 (see module docstring).
_CTX_TEC_REGION_RE = re.compile(
    r"\b[Ii]n (?P<tec>(?:[A-Z]\w+ )+?TEC) \((?P<region>[A-Z]\w+(?: [A-Z]\w+)* [Rr]egion)\)"
)
_CTX_REGION_RE = re.compile(r"\bin (?P<region>[A-Z]\w+(?: [A-Z]\w+)* region)\b")
_CTX_TEC_HEADING_RE = re.compile(r"^(?P<tec>[A-Z][\w ]*? TEC):$")


# --------------------------------------------------------------------------- errors


class AnnexFormatError(ValueError):
    """A line of an annex does not have the expected layout.

    ``line`` is the 1-based line number in the source text (``None`` when the
    problem is the absence of something, e.g. a missing heading).
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


# --------------------------------------------------------------------------- records


@dataclass(frozen=True)
class Annex1Row:
    """One party row of Annex 1 (e.g. L1952 ``Nur Otan 5,247,720 88.41% 98``)."""

    party_label: str  # as printed: "Nur Otan", "PPK", …
    party_id: str  # kz/party/…
    valid_votes: int
    percent: Decimal  # as printed, without the % sign (88.41)
    mandates: int
    source_line: int


@dataclass(frozen=True)
class Annex1Total:
    """The ``Total`` row of Annex 1 (L1961), kept apart from the party rows.

    ``percent`` is the printed figure (100); ``percent_sum`` is what the party
    rows actually add up to (99.99) because each was rounded on its own.
    """

    valid_votes: int
    percent: Decimal
    mandates: int
    source_line: int
    votes_sum: int
    percent_sum: Decimal
    mandates_sum: int


@dataclass(frozen=True)
class Annex1Table:
    """Annex 1: the party rows in printed order (by votes) and the total row."""

    rows: tuple[Annex1Row, ...]
    total: Annex1Total

    def __iter__(self) -> Iterator[Annex1Row]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def by_party(self, party_id: str) -> Annex1Row:
        """The row of ``party_id`` (KeyError if absent)."""
        for row in self.rows:
            if row.party_id == party_id:
                return row
        raise KeyError(party_id)


@dataclass(frozen=True)
class Station:
    """A polling station of Annex 2 or 3, with where its TEC/region came from.

    ``tec`` and ``region_printed`` are as printed (``tec`` is ``""`` when the
    source names none, as for PS 294 in Kyzylorda Region); ``region`` is
    normalised (see :func:`normalise_region`). ``title`` is the block label as
    printed: the whole title line (``Polling station 406, …:``) or, in the
    label-in-header layout, the label (``PEC 24``).
    """

    annex: int
    number: int
    tec: str
    region: str
    region_printed: str
    title: str
    title_line: int
    tec_line: int | None
    region_line: int
    layout: str  # "title-line" | "label-in-header"

    @property
    def key(self) -> str:
        """``<region>/<tec>/ps-<n>`` slug; PS numbers repeat across the country."""
        return station_key(self.region, self.tec, self.number)


@dataclass(frozen=True)
class StationResult:
    """One data row (``PEC Protocol`` or ``CEC Data``) of a station block."""

    source: str  # "pec-protocol" | "cec-data"
    label: str  # as printed
    votes: tuple[int, ...]  # in STATION_COLUMNS order
    printed: tuple[str, ...]  # the numbers exactly as printed ("1,443", "1513")
    source_line: int

    def __getitem__(self, column: str) -> int:
        """Votes in ``column``, given as party id, ``invalid`` or header label."""
        for index, (label, column_id) in enumerate(STATION_COLUMNS):
            if column in (label, column_id):
                return self.votes[index]
        raise KeyError(column)


@dataclass(frozen=True)
class StationBlock:
    """A station with its protocol row and its CEC-data row."""

    station: Station
    pec: StationResult
    cec: StationResult

    @property
    def results(self) -> tuple[StationResult, StationResult]:
        return (self.pec, self.cec)

    def change(self, column: str) -> int:
        """CEC data minus PEC protocol for ``column`` (party id, ``invalid`` or label)."""
        return self.cec[column] - self.pec[column]


@dataclass(frozen=True)
class VoteRow:
    """One tidy row: station × source × column."""

    annex: int
    region: str
    tec: str
    station_number: int
    station_key: str
    source: str
    party_id: str  # kz/party/… or "invalid"
    column_label: str
    votes: int
    votes_printed: str
    source_line: int


# --------------------------------------------------------------------------- helpers


def source_lines(text: str) -> list[str]:
    """The text split into lines; index ``i`` holds line ``i + 1``."""
    return [line.rstrip("\r") for line in text.split("\n")]


def parse_number(token: str) -> int:
    """``"5,247,720"`` → 5247720; rejects malformed grouping such as ``"1,5013"``."""
    if not _NUMBER_RE.fullmatch(token):
        raise ValueError(f"not a number as printed: {token!r}")
    return int(token.replace(",", ""))


def slugify(text: str) -> str:
    """Lowercase ASCII slug: runs of other characters become one ``-``."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def normalise_region(printed: str) -> str:
    """``"West Kazakhstan"``/``"Aktobe region"`` → ``"West Kazakhstan Region"``/``"Aktobe Region"``.

    Cities (``Almaty City``) are kept as they are.
    """
    words = printed.split()
    if words and words[-1] == "City":
        return " ".join(words)
    if words and words[-1].lower() == "region":
        words = words[:-1]
    return " ".join([*words, "Region"])


def station_key(region: str, tec: str, number: int) -> str:
    """Stable key ``<region-slug>/<tec-slug>/ps-<number>``.

    The TEC part drops the words ``TEC`` and ``District`` (Annex 2 prints
    ``Tupkaraganskiy TEC``, Annex 3 ``Tupkaraganskiy District TEC`` for the
    same commission); it is ``no-tec`` when the source names none.
    """
    tec_words = [w for w in tec.split() if w not in ("TEC", "District")]
    tec_part = slugify(" ".join(tec_words)) or "no-tec"
    return f"{slugify(region)}/{tec_part}/ps-{number}"


def _annex_span(lines: Sequence[str], annex: int) -> tuple[int, int]:
    """(first, last) 1-based line numbers of the body of ``annex`` (after its heading).

    Annexes are delimited by their ``ANNEX n`` heading lines (the TOC lines with
    dot leaders do not match); Annex 3 ends before ``ABOUT THE OSCE/ODIHR``.
    """
    headings: dict[int, int] = {}
    end: int | None = None
    for number, line in enumerate(lines, start=1):
        match = _ANNEX_HEADING_RE.match(line)
        if match:
            index = int(match.group(1))
            if index in headings:
                raise AnnexFormatError(index, number, "second heading for this annex", line)
            headings[index] = number
        elif end is None and headings and _ANNEXES_END_RE.match(line):
            end = number
    if annex not in headings:
        raise AnnexFormatError(annex, None, f"heading 'ANNEX {annex}' not found")
    start = headings[annex] + 1
    following = sorted(n for i, n in headings.items() if n > headings[annex])
    if following:
        last = following[0] - 1
    else:
        last = (end - 1) if end is not None and end > start else len(lines)
    return start, last


# --------------------------------------------------------------------------- Annex 1


def _round_like(value: Decimal, printed: Decimal) -> Decimal:
    """Round ``value`` half-up to as many decimals as ``printed`` shows."""
    exponent = printed.as_tuple().exponent
    quantum = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return value.quantize(quantum, rounding=ROUND_HALF_UP)


def parse_annex_1(text: str) -> Annex1Table:
    """Parse Annex 1 (L1941–1961) and check it adds up.

    Every line of the annex body that contains a digit must be a data row
    ``<label> <votes> <pct>% <mandates>`` (read from the right, so two-word
    labels survive; the double space at L1953 is harmless). Header and title
    lines contain no digits and are skipped.

    Checks (raising :class:`AnnexTotalsError` with what differs):
      * the ``Total`` row is present once, after all party rows;
      * its votes and mandates equal the sums of the party rows;
      * each party's printed percentage equals votes / total × 100 rounded
        half-up to the printed decimals;
      * the printed total percentage (100) is within rounding of the sum of
        the party percentages (99.99): at most 0.005 per row.
    """
    lines = source_lines(text)
    first, last = _annex_span(lines, 1)
    rows: list[Annex1Row] = []
    total_match: tuple[int, re.Match[str]] | None = None
    for number in range(first, last + 1):
        line = lines[number - 1].strip()
        if not any(ch.isdigit() for ch in line):
            continue
        match = _A1_ROW_RE.match(line)
        if not match:
            raise AnnexFormatError(
                1, number, "expected '<party> <valid votes> <percent>% <mandates>'", line
            )
        label = " ".join(match.group("label").split())
        if total_match is not None:
            raise AnnexFormatError(1, number, "row after the Total row", line)
        if label == "Total":
            total_match = (number, match)
            continue
        if label not in ANNEX_1_PARTIES:
            raise AnnexFormatError(1, number, f"unknown party label {label!r}", line)
        if any(row.party_label == label for row in rows):
            raise AnnexFormatError(1, number, f"party {label!r} listed twice", line)
        rows.append(
            Annex1Row(
                party_label=label,
                party_id=ANNEX_1_PARTIES[label],
                valid_votes=parse_number(match.group("votes")),
                percent=Decimal(match.group("pct")),
                mandates=int(match.group("mandates")),
                source_line=number,
            )
        )
    if total_match is None:
        raise AnnexFormatError(1, None, "no 'Total' row found")
    if not rows:
        raise AnnexFormatError(1, None, "no party rows found")

    total_line, match = total_match
    votes_sum = sum(row.valid_votes for row in rows)
    mandates_sum = sum(row.mandates for row in rows)
    percent_sum = sum((row.percent for row in rows), Decimal(0))
    total = Annex1Total(
        valid_votes=parse_number(match.group("votes")),
        percent=Decimal(match.group("pct")),
        mandates=int(match.group("mandates")),
        source_line=total_line,
        votes_sum=votes_sum,
        percent_sum=percent_sum,
        mandates_sum=mandates_sum,
    )

    problems: list[str] = []
    if total.valid_votes != votes_sum:
        problems.append(
            f"valid votes: Total row says {total.valid_votes:,}, party rows add up to "
            f"{votes_sum:,} (difference {total.valid_votes - votes_sum:+,})"
        )
    if total.mandates != mandates_sum:
        problems.append(
            f"mandates: Total row says {total.mandates}, party rows add up to {mandates_sum}"
        )
    tolerance = Decimal("0.005") * len(rows)
    if abs(total.percent - percent_sum) > tolerance:
        problems.append(
            f"percentage: Total row says {total.percent}%, party rows add up to {percent_sum}% "
            f"(more than the rounding tolerance of {tolerance})"
        )
    if total.valid_votes:
        for row in rows:
            expected = _round_like(
                Decimal(row.valid_votes) * 100 / Decimal(total.valid_votes), row.percent
            )
            if expected != row.percent:
                problems.append(
                    f"percentage of {row.party_label} (line {row.source_line}): printed "
                    f"{row.percent}%, {row.valid_votes:,} / {total.valid_votes:,} gives {expected}%"
                )
    if problems:
        raise AnnexTotalsError(1, total_line, "totals do not add up: " + "; ".join(problems))
    return Annex1Table(rows=tuple(rows), total=total)


# --------------------------------------------------------------------------- Annexes 2 and 3


@dataclass
class _Context:
    """TEC/region inherited from narrative lines (Annex 3)."""

    tec: str = ""
    tec_line: int | None = None
    region_printed: str = ""
    region_line: int | None = None
    #: True when the region came from a region-only sentence, so TEC sub-headings may follow.
    takes_sub_headings: bool = False

    def clear(self) -> None:
        self.tec, self.tec_line, self.region_printed, self.region_line = "", None, "", None
        self.takes_sub_headings = False


def _parse_place(annex: int, number: int, line: str, place: str) -> tuple[str, str]:
    """Split a title's place part into (tec as printed, region as printed)."""
    match = _PLACE_TEC_REGION_RE.match(place)
    if match:
        return match.group("tec").strip(), match.group("region").strip()
    match = _PLACE_REGION_RE.match(place)
    if match:
        return "", match.group("region")
    raise AnnexFormatError(
        annex, number, "cannot read '<TEC> (<region>)' or '<Region>' in the station title", line
    )


def _parse_values(annex: int, number: int, line: str, label: str, rest: str) -> StationResult:
    tokens = rest.split()
    if len(tokens) != len(STATION_COLUMNS):
        raise AnnexFormatError(
            annex,
            number,
            f"expected {len(STATION_COLUMNS)} numbers after {label!r}, found {len(tokens)}",
            line,
        )
    for token in tokens:
        if not _NUMBER_RE.fullmatch(token):
            raise AnnexFormatError(annex, number, f"{token!r} is not a vote count", line)
    return StationResult(
        source=ROW_SOURCES[label],
        label=label,
        votes=tuple(parse_number(token) for token in tokens),
        printed=tuple(tokens),
        source_line=number,
    )


def _parse_station_annex(text: str, annex: int) -> list[StationBlock]:
    """Shared state machine for Annexes 2 and 3.

    Line kinds (after stripping surrounding whitespace; blank lines are skipped):
      * title line ``Polling [Ss]tation <n>, <place>:`` → opens a block, then
        a bare column-header line must follow;
      * column header, optionally preceded by a label ``PS <n>``/``PEC <n>``
        (label-in-header layout: opens a block with the inherited context);
      * ``PEC Protocol`` row (8 numbers), then a ``CEC Data`` row (8 numbers)
        closes the block;
      * anything else is narrative: it may set the context for later
        label-in-header blocks, which need both a TEC and a region:
        ``in <X> TEC (<Y> region)`` sets both; ``in <Y> region`` sets the
        region and clears the TEC; a sub-heading ``<X> TEC:`` sets the TEC and
        is only accepted after such a region sentence. A title-line block
        clears the context.
    """
    lines = source_lines(text)
    first, last = _annex_span(lines, annex)
    blocks: list[StationBlock] = []
    context = _Context()
    station: Station | None = None  # block being read
    pending_title: tuple[int, int, str, str, str] | None = None  # title seen, header awaited
    pec: StationResult | None = None

    def open_block(number: int) -> None:
        if pending_title is not None or station is not None:
            opened = pending_title[0] if pending_title is not None else station.title_line  # type: ignore[union-attr]
            raise AnnexFormatError(
                annex, number, f"new station block before the block opened at line {opened} was complete",
                lines[number - 1],
            )

    for number in range(first, last + 1):
        raw = lines[number - 1]
        line = " ".join(raw.split())
        if not line:
            continue

        if _TITLE_START_RE.match(line):
            open_block(number)
            match = _TITLE_RE.match(line)
            if not match:
                raise AnnexFormatError(
                    annex, number, "expected 'Polling station <number>, <TEC> (<region>):'", raw
                )
            tec, region_printed = _parse_place(annex, number, raw, match.group("place"))
            pending_title = (number, int(match.group("number")), tec, region_printed, raw.strip())
            context.clear()
            continue

        if _HEADER_LIKE_RE.search(line):
            if not line.endswith(_HEADER):
                raise AnnexFormatError(annex, number, f"column header is not {_HEADER!r}", raw)
            prefix = line[: -len(_HEADER)].strip()
            if not prefix:
                if pending_title is None:
                    raise AnnexFormatError(
                        annex, number, "column header without a station title or label", raw
                    )
                title_line, ps_number, tec, region_printed, title = pending_title
                station = Station(
                    annex=annex,
                    number=ps_number,
                    tec=tec,
                    region=normalise_region(region_printed),
                    region_printed=region_printed,
                    title=title,
                    title_line=title_line,
                    tec_line=title_line if tec else None,
                    region_line=title_line,
                    layout="title-line",
                )
                pending_title = None
                continue
            open_block(number)
            label = _LABEL_RE.match(prefix)
            if not label:
                raise AnnexFormatError(
                    annex, number, f"station label {prefix!r} is not 'PS <number>' or 'PEC <number>'", raw
                )
            if context.region_line is None or context.tec_line is None:
                raise AnnexFormatError(
                    annex, number, "station label without a preceding TEC and region in the narrative", raw
                )
            station = Station(
                annex=annex,
                number=int(label.group("number")),
                tec=context.tec,
                region=normalise_region(context.region_printed),
                region_printed=context.region_printed,
                title=prefix,
                title_line=number,
                tec_line=context.tec_line,
                region_line=context.region_line,
                layout="label-in-header",
            )
            continue

        row = _DATA_ROW_RE.match(line)
        if row:
            label_text = row.group("label")
            if station is None:
                raise AnnexFormatError(annex, number, f"{label_text!r} row outside a station block", raw)
            result = _parse_values(annex, number, raw, label_text, row.group("rest"))
            if result.source == "pec-protocol":
                if pec is not None:
                    raise AnnexFormatError(annex, number, "second 'PEC Protocol' row in a block", raw)
                pec = result
                continue
            if pec is None:
                raise AnnexFormatError(annex, number, "'CEC Data' row before the 'PEC Protocol' row", raw)
            blocks.append(StationBlock(station=station, pec=pec, cec=result))
            station, pec = None, None
            continue

        if pending_title is not None or station is not None:
            raise AnnexFormatError(annex, number, "unexpected text inside a station block", raw)

        # Narrative: look for TEC/region context.
        match = _CTX_TEC_REGION_RE.search(line)
        if match:
            context.clear()
            context.tec, context.tec_line = match.group("tec"), number
            context.region_printed, context.region_line = match.group("region"), number
            continue
        match = _CTX_TEC_HEADING_RE.match(line)
        if match:
            if not context.takes_sub_headings:
                raise AnnexFormatError(
                    annex, number, "TEC sub-heading without a region sentence before it", raw
                )
            context.tec, context.tec_line = match.group("tec"), number
            continue
        match = _CTX_REGION_RE.search(line)
        if match:
            context.clear()
            context.region_printed, context.region_line = match.group("region"), number
            context.takes_sub_headings = True
            continue

    if pending_title is not None or station is not None:
        opened = pending_title[0] if pending_title is not None else station.title_line  # type: ignore[union-attr]
        raise AnnexFormatError(annex, opened, "station block is incomplete at the end of the annex")

    seen: dict[str, int] = {}
    for block in blocks:
        key = block.station.key
        if key in seen:
            raise AnnexFormatError(
                annex, block.station.title_line, f"station {key} already given at line {seen[key]}"
            )
        seen[key] = block.station.title_line
    return blocks


def parse_annex_2(text: str) -> list[StationBlock]:
    """Annex 2 (L1969–2083): 15 stations, each with its PEC-protocol and CEC-data row."""
    return _parse_station_annex(text, 2)


def parse_annex_3(text: str) -> list[StationBlock]:
    """Annex 3 (L2092–2301): 27 stations, title-line and label-in-header layouts mixed."""
    return _parse_station_annex(text, 3)


def vote_rows(blocks: Sequence[StationBlock]) -> list[VoteRow]:
    """Tidy rows: one per station × source (PEC, then CEC) × column, in source order."""
    rows: list[VoteRow] = []
    for block in blocks:
        station = block.station
        for result in block.results:
            for (label, column_id), votes, printed in zip(STATION_COLUMNS, result.votes, result.printed):
                rows.append(
                    VoteRow(
                        annex=station.annex,
                        region=station.region,
                        tec=station.tec,
                        station_number=station.number,
                        station_key=station.key,
                        source=result.source,
                        party_id=column_id,
                        column_label=label,
                        votes=votes,
                        votes_printed=printed,
                        source_line=result.source_line,
                    )
                )
    return rows


# --------------------------------------------------------------------------- CSV output

ANNEX_1_RESULTS_CSV = "annex-1-results.csv"
ANNEX_1_TOTALS_CSV = "annex-1-totals.csv"
ANNEX_2_CSV = "annex-2-stations.csv"
ANNEX_3_CSV = "annex-3-stations.csv"
STATIONS_CSV = "stations.csv"

VOTE_COLUMNS = (
    "annex", "region", "tec", "station_number", "station_key", "source",
    "party_id", "column_label", "votes", "votes_printed", "source_line",
)
STATION_TABLE_COLUMNS = (
    "annex", "station_key", "station_number", "tec", "region", "region_printed",
    "layout", "title", "title_line", "tec_line", "region_line",
)


def _csv(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow(["" if value is None else value for value in row])
    return buffer.getvalue()


def render_csvs(text: str) -> dict[str, str]:
    """File name → CSV content, all derived from the source text."""
    annex_1 = parse_annex_1(text)
    annex_2 = parse_annex_2(text)
    annex_3 = parse_annex_3(text)
    total = annex_1.total
    files = {
        ANNEX_1_RESULTS_CSV: _csv(
            ("party_label", "party_id", "valid_votes", "percent", "mandates", "source_line"),
            [
                (r.party_label, r.party_id, r.valid_votes, r.percent, r.mandates, r.source_line)
                for r in annex_1
            ],
        ),
        ANNEX_1_TOTALS_CSV: _csv(
            ("figure", "printed", "sum_of_party_rows", "difference", "source_line"),
            [
                ("valid_votes", total.valid_votes, total.votes_sum,
                 total.valid_votes - total.votes_sum, total.source_line),
                ("percent", total.percent, total.percent_sum,
                 total.percent - total.percent_sum, total.source_line),
                ("mandates", total.mandates, total.mandates_sum,
                 total.mandates - total.mandates_sum, total.source_line),
            ],
        ),
    }
    for name, blocks in ((ANNEX_2_CSV, annex_2), (ANNEX_3_CSV, annex_3)):
        files[name] = _csv(
            VOTE_COLUMNS,
            [
                (v.annex, v.region, v.tec, v.station_number, v.station_key, v.source,
                 v.party_id, v.column_label, v.votes, v.votes_printed, v.source_line)
                for v in vote_rows(blocks)
            ],
        )
    files[STATIONS_CSV] = _csv(
        STATION_TABLE_COLUMNS,
        [
            (s.annex, s.key, s.number, s.tec, s.region, s.region_printed,
             s.layout, s.title, s.title_line, s.tec_line, s.region_line)
            for s in (b.station for b in [*annex_2, *annex_3])
        ],
    )
    return files


def _read_source(source_path: Path | str) -> str:
    return Path(source_path).read_text(encoding="utf-8")


def write_csvs(source_path: Path | str, out_dir: Path | str) -> list[Path]:
    """Parse ``source_path`` and (over)write the CSV files in ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, content in render_csvs(_read_source(source_path)).items():
        path = out / name
        path.write_text(content, encoding="utf-8", newline="")
        written.append(path)
    return written


def check_csvs(source_path: Path | str, out_dir: Path | str) -> list[str]:
    """Differences between the CSV files in ``out_dir`` and what the parser yields.

    Returns one message per differing file (empty list: all identical).
    """
    problems: list[str] = []
    out = Path(out_dir)
    for name, expected in render_csvs(_read_source(source_path)).items():
        path = out / name
        if not path.is_file():
            problems.append(f"{path}: missing")
            continue
        actual = path.read_text(encoding="utf-8")
        if actual == expected:
            continue
        want, got = expected.split("\n"), actual.split("\n")
        for index, (a, b) in enumerate(zip(want, got), start=1):
            if a != b:
                problems.append(f"{path}:{index}: expected {a!r}, found {b!r}")
                break
        else:
            problems.append(
                f"{path}: expected {len(want) - 1} lines, found {len(got) - 1}"
            )
    return problems


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``write`` or ``check`` the annex CSVs."""
    parser = argparse.ArgumentParser(
        prog="python -m checker.results.annexes",
        description="Annexes 1-3 of the ODIHR Kazakhstan 2007 report as CSV.",
    )
    parser.add_argument("command", choices=("write", "check"))
    parser.add_argument("source", type=Path, help="the report's source.txt")
    parser.add_argument("out_dir", type=Path, help="folder of the CSV files")
    args = parser.parse_args(argv)
    try:
        if args.command == "write":
            for path in write_csvs(args.source, args.out_dir):
                print(f"wrote {path}")
            return 0
        problems = check_csvs(args.source, args.out_dir)
    except AnnexFormatError as error:
        print(f"{args.source}: {error}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} file(s) differ; run: python -m checker.results.annexes write "
              f"{args.source} {args.out_dir}", file=sys.stderr)
        return 1
    print(f"ok: {args.out_dir} matches {args.source}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
