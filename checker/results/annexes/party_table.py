"""A results-by-party table: a row per party (label, valid votes, percentage, mandates), then the
total row, read by the layout's `row` pattern and checked to add up."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from checker.results.annexes.layout import AnnexLayout, PartyTableLayout
from checker.results.annexes.text import AnnexFormatError, AnnexTotalsError, SourceLines, annex_span


@dataclass(frozen=True)
class PartyRow:
    """One party's row, as printed."""

    party_label: str
    party_id: str
    valid_votes: int
    percent: Decimal  # as printed, without the % sign
    mandates: int
    source_line: int


@dataclass(frozen=True)
class PartyTotal:
    """The total row, kept apart from the party rows, with what the party rows add up to
    (`percent_sum` may differ from the printed `percent` because each row was rounded)."""

    valid_votes: int
    percent: Decimal
    mandates: int
    source_line: int
    votes_sum: int
    percent_sum: Decimal
    mandates_sum: int


@dataclass(frozen=True)
class PartyTable:
    """The party rows in printed order and the total row."""

    annex: int
    rows: tuple[PartyRow, ...]
    total: PartyTotal

    def __iter__(self) -> Iterator[PartyRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def by_party(self, party_id: str) -> PartyRow:
        """The row of `party_id` (KeyError if absent)."""
        for row in self.rows:
            if row.party_id == party_id:
                return row
        raise KeyError(party_id)


def parse_party_table(text: str, layout: AnnexLayout, annex: int) -> PartyTable:
    """Read annex `annex` (a results-by-party table) and check that it adds up.

    Every line the layout's `table_line` matches must be a row; the others (title, header)
    are skipped. Raises AnnexTotalsError when the total row's votes or mandates are not the
    sums of the party rows, when a printed percentage is not votes / total × 100 rounded
    half-up to its printed decimals, or when the printed total percentage is further from the
    sum of the rows' than their rounding allows (half a unit of each row's last decimal).
    """
    table = layout.table(annex)
    if not isinstance(table, PartyTableLayout):
        raise TypeError(f"annex {annex} is not a results-by-party table in {layout.path}")
    lines = SourceLines.of(text)
    first, last = annex_span(lines, layout, annex)
    rows: list[PartyRow] = []
    total: PartyRow | None = None
    for number in range(first, last + 1):
        raw, line = lines.raw[number - 1], lines.flat[number - 1]
        if not table.table_line.search(line):
            continue
        row = _row(layout, table, number, raw, line)
        if total is not None:
            raise AnnexFormatError(annex, number, f"row after the {table.total_label} row", raw)
        if row.party_label == table.total_label:
            total = row
            continue
        if row.party_label not in table.parties:
            raise AnnexFormatError(annex, number, f"unknown party label {row.party_label!r}", raw)
        if any(r.party_label == row.party_label for r in rows):
            raise AnnexFormatError(annex, number, f"party {row.party_label!r} listed twice", raw)
        rows.append(row)
    if total is None:
        raise AnnexFormatError(annex, None, f"no '{table.total_label}' row found")
    if not rows:
        raise AnnexFormatError(annex, None, "no party rows found")
    return PartyTable(annex, tuple(rows), _checked_total(annex, table, rows, total))


def _row(layout: AnnexLayout, table: PartyTableLayout, number: int, raw: str, line: str) -> PartyRow:
    match = table.row.search(line)
    found = match.groupdict() if match else {}
    if all(found.get(g) is not None for g in ("label", "votes", "percent", "mandates")):
        votes = layout.numbers.read(found["votes"])
        percent = _decimal(found["percent"])
        mandates = int(found["mandates"]) if found["mandates"].isascii() and found["mandates"].isdigit() else None
        if votes is not None and percent is not None and mandates is not None:
            label = " ".join(found["label"].split())
            return PartyRow(label, table.parties.get(label, ""), votes, percent, mandates, number)
    raise AnnexFormatError(table.annex, number, f"expected '{table.row_shape}'", raw)


def _decimal(printed: str) -> Decimal | None:
    """A percentage as printed, or None where the layout's group let through something else."""
    try:
        value = Decimal(printed)
    except ArithmeticError:
        return None
    return value if value.is_finite() else None


def _round_like(value: Decimal, printed: Decimal) -> Decimal:
    """`value` rounded half-up to as many decimals as `printed` shows."""
    exponent = printed.as_tuple().exponent
    quantum = Decimal(1).scaleb(exponent if isinstance(exponent, int) else 0)
    return value.quantize(quantum, rounding=ROUND_HALF_UP)


def _checked_total(annex: int, table: PartyTableLayout, rows: list[PartyRow], printed: PartyRow) -> PartyTotal:
    total = PartyTotal(
        valid_votes=printed.valid_votes, percent=printed.percent, mandates=printed.mandates,
        source_line=printed.source_line, votes_sum=sum(row.valid_votes for row in rows),
        percent_sum=sum((row.percent for row in rows), Decimal(0)), mandates_sum=sum(row.mandates for row in rows),
    )
    label, problems = table.total_label, []
    if total.valid_votes != total.votes_sum:
        problems.append(
            f"valid votes: {label} row says {total.valid_votes:,}, party rows add up to "
            f"{total.votes_sum:,} (difference {total.valid_votes - total.votes_sum:+,})"
        )
    if total.mandates != total.mandates_sum:
        problems.append(f"mandates: {label} row says {total.mandates}, party rows add up to {total.mandates_sum}")
    tolerance = sum((_half_unit(row.percent) for row in rows), Decimal(0))
    if abs(total.percent - total.percent_sum) > tolerance:
        problems.append(
            f"percentage: {label} row says {total.percent}%, party rows add up to {total.percent_sum}% "
            f"(more than the rounding tolerance of {tolerance})"
        )
    if total.valid_votes:
        for row in rows:
            expected = _round_like(Decimal(row.valid_votes) * 100 / Decimal(total.valid_votes), row.percent)
            if expected != row.percent:
                problems.append(
                    f"percentage of {row.party_label} (line {row.source_line}): printed "
                    f"{row.percent}%, {row.valid_votes:,} / {total.valid_votes:,} gives {expected}%"
                )
    if problems:
        raise AnnexTotalsError(annex, total.source_line, "totals do not add up: " + "; ".join(problems))
    return total


def _half_unit(printed: Decimal) -> Decimal:
    """Half a unit of the last decimal printed: how far rounding may have moved the figure."""
    exponent = printed.as_tuple().exponent
    return Decimal("0.5").scaleb(exponent if isinstance(exponent, int) else 0)
