"""The data of a results page, and its chart: per polling station, what the published figures
changed against the protocol.

For the site (checker/site builds the pages; this module only provides their data):
`results_page(graph)` returns the annex tables and the per-station differences as plain data,
and `station_differences_chart(graph, path)` draws them as a PNG with matplotlib and returns
the same numbers as a text table, to sit beside the image for readers who cannot see it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from checker.results.tables import PartyTable, StationTable, labels, result_tables

# Okabe-Ito colours: distinguishable with every common colour-vision deficiency.
COLOURS = {"favoured": "#0072B2", "others": "#E69F00", "invalid": "#999999"}


@dataclass
class StationDifference:
    table: str
    station: str  # "PS 406"
    place: str  # "Turksibksiy TEC, Almaty City"
    source: str  # "findings/…/stations.csv:2"
    protocol_total: int
    published_total: int
    changes: dict[str, int]  # column → CEC data minus protocol (every column, zeros included)

    @property
    def kind(self) -> str:
        if not any(self.changes.values()):
            return "same"
        return "votes moved" if self.protocol_total == self.published_total else "total changed"


@dataclass
class ResultsPage:
    party_tables: list[PartyTable]
    station_tables: list[StationTable]
    differences: list[StationDifference]
    net_shifts: dict[str, dict[str, int]]  # table → column → net change
    names: dict[str, str] = field(default_factory=dict)  # column id → short name


def results_page(graph: Graph, election: str | None = None) -> ResultsPage:
    """Everything a results page shows, computed from the graph: of every election, or of the
    election with readable id `election` (e.g. "xx/2020-assembly")."""
    tables = {k: t for k, t in result_tables(graph).items() if election is None or t.election == election}
    party_tables = [t for t in tables.values() if isinstance(t, PartyTable)]
    station_tables = [t for t in tables.values() if isinstance(t, StationTable)]
    differences, shifts = [], {}
    for table in station_tables:
        shifts[table.id] = {c: 0 for c in table.columns}
        for s in table.stations:
            if not s.has_both():
                continue
            changes = {c: s.change(c) or 0 for c in table.columns}
            for column, change in changes.items():
                shifts[table.id][column] += change
            place = ", ".join(part for part in (s.tec, s.region) if part)
            differences.append(StationDifference(table.id, f"PS {s.number}", place, f"{s.source_file}:{s.source_line}",
                                                 s.total("pec-protocol"), s.total("cec-data"), changes))
    return ResultsPage(party_tables, station_tables, differences, shifts, labels(graph))


def _favoured(page: ResultsPage) -> str:
    """The party with the largest net gain over all tables."""
    gains: dict[str, int] = {}
    for shifts in page.net_shifts.values():
        for column, change in shifts.items():
            if column not in ("invalid", "ballots-cast"):
                gains[column] = gains.get(column, 0) + change
    return max(gains, key=lambda c: (gains[c], c))


@dataclass
class Chart:
    path: Path
    alt: str  # a one-sentence description for the image's alt text
    table: str  # the numbers drawn, as a Markdown table
    favoured: str = ""  # the column drawn on its own (the party with the largest net gain)


def station_differences_chart(graph: Graph, path: Path | str, election: str | None = None) -> Chart:
    """A PNG of the per-station changes (the favoured party, the other parties together, invalid
    ballots), one panel per table, and the same numbers as a Markdown table (of every election,
    or of one: see `results_page`)."""
    from matplotlib.figure import Figure  # no pyplot: no GUI backend, no global state

    page = results_page(graph, election)
    favoured = _favoured(page)
    name = page.names.get(favoured, favoured)
    tables = [t.id for t in page.station_tables]
    rows = {t: [d for d in page.differences if d.table == t] for t in tables}
    figure = Figure(figsize=(9, 0.28 * sum(len(r) for r in rows.values()) + 1.6 * len(tables)), dpi=110)
    axes = figure.subplots(len(tables), 1, squeeze=False,
                           gridspec_kw={"height_ratios": [max(1, len(rows[t])) for t in tables]})[:, 0]
    for ax, table in zip(axes, tables):
        diffs = rows[table]
        y = range(len(diffs))
        series = {"favoured": [d.changes.get(favoured, 0) for d in diffs],
                  "others": [sum(v for c, v in d.changes.items() if c not in (favoured, "invalid", "ballots-cast"))
                             for d in diffs],
                  "invalid": [d.changes.get("invalid", 0) for d in diffs]}
        height = 0.27
        for offset, (key, values) in zip((-height, 0, height), series.items()):
            label = {"favoured": name, "others": "other parties together", "invalid": "invalid ballots"}[key]
            ax.barh([i + offset for i in y], values, height=height, color=COLOURS[key], label=label)
        ax.set_yticks(list(y), [f"{d.station} ({d.place})" for d in diffs], fontsize=7)
        ax.invert_yaxis()
        ax.axvline(0, color="black", linewidth=0.8)
        ax.set_title(f"{table}: CEC data minus PEC protocol, per polling station", fontsize=9)
        ax.set_xlabel("votes", fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
        ax.grid(axis="x", linewidth=0.3)
    handles, names = axes[0].get_legend_handles_labels()
    figure.legend(handles, names, loc="lower center", ncol=3, fontsize=8, frameon=False)
    figure.tight_layout(rect=(0, 0.025, 1, 1))
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, format="png", metadata={"Software": None})
    gained = sum(1 for d in page.differences if d.changes.get(favoured, 0) > 0)
    alt = (f"Bar chart: at {gained} of the {len(page.differences)} polling stations compared, the CEC's published "
           f"figures give {name} more votes than the station's protocol, and mostly fewer to the other parties.")
    return Chart(path, alt, _markdown(page, favoured, name), favoured)


def _markdown(page: ResultsPage, favoured: str, name: str) -> str:
    lines = [f"| Table | Station | Place | {name} | Other parties | Invalid | Total (protocol → CEC) | Kind |",
             "|---|---|---|---:|---:|---:|---|---|"]
    for d in page.differences:
        others = sum(v for c, v in d.changes.items() if c not in (favoured, "invalid", "ballots-cast"))
        lines.append(f"| {d.table} | {d.station} | {d.place} | {d.changes.get(favoured, 0):+d} | {others:+d} | "
                     f"{d.changes.get('invalid', 0):+d} | {d.protocol_total} → {d.published_total} | {d.kind} |")
    return "\n".join(lines) + "\n"
