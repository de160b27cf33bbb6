"""The report's numeric claims on the terminal (`kbcheck claims`) and as JSON (`--json`)."""

from __future__ import annotations

import json

from rdflib import Graph

from checker.results.claims import ClaimResult, number
from checker.results.seats import METHODS
from checker.results.tables import StationTable, labels, result_tables


def figure_text(result: ClaimResult) -> str:
    figure = number(result.report_figure)
    return {"most-of": f"most of {figure}", "more-than": f"more than {figure}", "less-than": f"less than {figure}",
            "at-least": f"at least {figure}", "rounds-to": f"{figure} (rounded)",
            "consistent-with-shown": f"{figure} of {result.of} ({result.details.get('shown')} shown)"
            }.get(result.relation, str(figure))


def net_shifts(table: StationTable) -> dict[str, int]:
    """CEC data minus protocol per column, summed over the table's stations with both."""
    return {c: sum(s.change(c) or 0 for s in table.stations) for c in table.columns}


def render_table(results: list[ClaimResult], graph: Graph | None = None) -> str:
    """The claims on the terminal: one line each, the tally, then (given the graph) each station
    table's net shift per party and how the seats were allocated."""
    lines = [f"{'claim':<44} {'report':>24} {'computed':>14}  {'status':<10} line"]
    for r in results:
        computed = "—" if r.computed is None else f"{r.computed:,}" if isinstance(r.computed, int) else f"{r.computed:,.4f}"
        lines.append(f"{r.id.rsplit('/', 1)[-1]:<44} {figure_text(r):>24} {computed:>14}  {r.status:<10} L{r.source_lines[0]}")
    tally = {s: sum(1 for r in results if r.status == s) for s in ("agrees", "consistent", "disagrees")}
    lines.append(f"{len(results)} claims: {tally['agrees']} agree, {tally['consistent']} consistent with the "
                 f"stations shown, {tally['disagrees']} disagree")
    if graph is not None:
        names = labels(graph)
        for table in (t for t in result_tables(graph).values() if isinstance(t, StationTable)):
            shifts = ", ".join(f"{names.get(c, c)} {v:+,}" for c, v in net_shifts(table).items())
            lines.append(f"\nNet shift, CEC data minus protocol, {table.id} ({len(table.stations)} stations): {shifts}")
        seats = [r for r in results if "by_method" in r.details]
        if seats:
            d = seats[0].details
            reproduced = [m for m in METHODS if all(r.details["by_method"][m] == number(r.report_figure) for r in seats)]
            lines.append(f"\nSeats: {d['party_list_seats']} party-list seats; threshold {d['threshold_percent']} % of "
                         f"{d['threshold_of']:,} {d['threshold_base']} = {d['threshold_votes']:,} votes. "
                         f"Methods reproducing every published mandate: {', '.join(reproduced) or 'none'}"
                         + (" (with one party over the threshold every method gives it every seat: the data cannot "
                            "tell which method was used)" if len(d["passing"]) == 1 and len(reproduced) > 1 else ""))
    return "\n".join(lines) + "\n"


def render_json(results: list[ClaimResult]) -> str:
    return json.dumps([r.as_json() for r in results], ensure_ascii=False, indent=2, default=str) + "\n"
