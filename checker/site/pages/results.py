"""The results page of an election: the report's annex tables (results by party; by polling
station, the PEC protocol against the CEC's data), the per-station differences as a chart
drawn at build time with a text table beside it, and the findings that cite each table or
name each station. Everything comes from the graph (checker/results/tables.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import DCTERMS, URIRef
from rdflib.namespace import QB

from checker.graph.ids import ID_BASE
from checker.results.chart import results_page as results_data
from checker.results.chart import station_differences_chart
from checker.results.tables import Station, StationTable
from checker.site import urls
from checker.site.pages.common import Page, Site, crumbs
from checker.site.view import Link
from checker.graph.vocab import EOKB

CHART_FILE = "differences.png"
SOURCE_NAMES = {"pec-protocol": "PEC protocol", "cec-data": "CEC data"}


@dataclass
class ChartImage:
    """A chart written into the docs folder beside its page."""

    file: str  # a file name beside the page
    alt: str  # untrusted (party names): escaped when rendered
    favoured: str  # the column drawn on its own


@dataclass
class StationRow:
    station: Station
    name: str
    place: str
    rows: list[tuple[str, list[str], str]]  # (source or "Difference", figures per column, total)
    findings: list[Link] = field(default_factory=list)


def results_target(site: Site, election) -> urls.Target | None:
    """The results page of an election, when the graph holds a report's result tables for it or
    the build has a national dataset's figures (issue 15; a national table alone is not a page:
    its figures are not in the graph)."""
    tables = [t for t in site.view.objects(election, EOKB.observation) if site.view.is_a(t, QB.DataSet)]
    annex_tables = [t for t in tables if site.view.value(t, EOKB.integerTest) is None]
    if not annex_tables and urls.record_id(election) not in site.national:
        return None
    page = site.view.target(election)
    return urls.Target(page.path.removesuffix("index.md") + "results/index.md") if page else None


def write_charts(site: Site, docs: Path) -> dict[str, ChartImage]:
    """Draw the differences chart of every election with per-station results into the docs
    folder, beside its results page; the charts by election id."""
    charts = {}
    for election in site.elections:
        target, election_id = results_target(site, election), urls.record_id(election)
        if target is None or election_id is None or not results_data(site.view.graph, election_id).differences:
            continue
        path = Path(docs) / target.path.removesuffix("index.md") / CHART_FILE
        chart = station_differences_chart(site.view.graph, path, election_id)
        charts[election_id] = ChartImage(CHART_FILE, chart.alt, chart.favoured)
    return charts


def _node(readable_id: str) -> URIRef:
    return URIRef(ID_BASE + readable_id)


def _signed(value: int | None) -> str:
    return "" if value is None else f"{value:+d}"


def _naming(site: Site, station: Station) -> list[Link]:
    """The findings whose text names the station: its number ("polling station 406", "PS 406")
    and, in the same text, its TEC's or region's name (numbers repeat across regions)."""
    pattern = re.compile(rf"\b(?:polling\s+stations?|PS|PEC)\s*(?:No\.?\s*)?{station.number}\b", re.IGNORECASE)
    places = [part.split()[0].lower() for part in (station.tec, station.region) if part.split()]
    found = []
    for finding in site.view.instances(EOKB.Finding):
        texts = [site.view.text(q, EOKB.quotedText) or "" for q in site.view.graph.objects(finding, EOKB.quotation)]
        texts += [site.view.text(finding, DCTERMS.description) or ""]
        if any(pattern.search(text) and any(place in text.lower() for place in places) for text in texts):
            found.append(site.view.link(finding))
    return found


def _station_row(site: Site, table: StationTable, station: Station) -> StationRow:
    rows = []
    for source in ("pec-protocol", "cec-data"):
        if source in station.figures:
            figures = station.figures[source]
            rows.append((SOURCE_NAMES[source], [str(figures.get(c, "")) for c in table.columns],
                         str(station.total(source))))
    if station.has_both():
        rows.append(("Difference", [_signed(station.change(c)) for c in table.columns],
                     _signed(station.total("cec-data") - station.total("pec-protocol"))))
    place = ", ".join(part for part in (station.tec, station.region) if part)
    return StationRow(station, f"PS {station.number}", place, rows, _naming(site, station))


def _table_name(table) -> str:
    """A table's title, said once: "Annex 3", not "Annex 3: Annex 3"."""
    head, _, rest = (table.title or table.id).partition(": ")
    return head if rest in ("", head) else f"{head}: {rest}"


def results_page(site: Site, election) -> Page | None:
    target = results_target(site, election)
    election_id = urls.record_id(election)
    if target is None or election_id is None:
        return None
    view = site.view
    title = f"{view.label(election)}: results"
    if election_id in site.national:  # issue 15: a national results dataset
        model = {"election": view.link(election), "national": site.national[election_id].model}
        return Page(target, title, "national_results.md.j2", model, crumbs("elections", view.link(election)))
    data = results_data(view.graph, election_id)
    names = data.names

    def citing(table) -> list[Link]:
        return view.links(view.objects(_node(table.id), DCTERMS.isReferencedBy))

    party_tables = [{"table": t, "name": _table_name(t), "citing": citing(t), "anchor": urls.anchor(t.id),
                     "rows": [(view.label(_node(r.party)), r) for r in t.rows]} for t in data.party_tables]
    station_tables = [{"table": t, "name": _table_name(t), "citing": citing(t), "anchor": urls.anchor(t.id), "columns": [names.get(c, c) for c in t.columns],
                       "stations": [_station_row(site, t, s) for s in t.stations]} for t in data.station_tables]
    chart = site.charts.get(election_id)
    differences = []
    # A table by the first words of its title ("Annex 3"), never by its id.
    short = {tb.id: (tb.title or tb.id).split(":", 1)[0] for tb in [*data.party_tables, *data.station_tables]}
    if chart is not None:
        for d in data.differences:
            others = sum(v for c, v in d.changes.items() if c not in (chart.favoured, "invalid", "ballots-cast"))
            # Votes moved between the other parties cancel out in their sum: say between which.
            moved = [f"{names.get(c, c)} {v:+d}" for c, v in d.changes.items()
                     if v and c not in (chart.favoured, "invalid", "ballots-cast")]
            differences.append((d, short.get(d.table, d.table), _signed(d.changes.get(chart.favoured, 0)),
                                _signed(others) + (f" ({', '.join(moved)})" if others == 0 and moved else ""),
                                _signed(d.changes.get("invalid", 0))))
    model = {
        "election": view.link(election), "party_tables": party_tables, "station_tables": station_tables,
        "chart": chart, "favoured": names.get(chart.favoured, chart.favoured) if chart else "",
        "differences": differences,
    }
    return Page(target, title, "results.md.j2", model, crumbs("elections", view.link(election)))
