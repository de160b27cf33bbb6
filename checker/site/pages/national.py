"""The results page of an election with a national results dataset (issue 15): the answer in
words first, then the totals, the protocol's control relations, the integer-percentage signal,
the three pictures (each with its alt text and a text table beside it), the regions, and the
flagged stations as a CSV download. Drawn from the dataset's figures (checker/results/national/),
which the build passes in beside the graph (SiteSources.national)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.results.national.figures import NationalFigures
from checker.results.national.protocol import RELATIONS
from checker.results.national.shapes import Shapes, shapes, spikes
from checker.site.national_charts import BLUE, LEADER, ORANGE, TURNOUT, comet_chart, histogram_chart

FLAGGED = "flagged-stations.csv"
CELL = 20  # points of the comet's text table: 6 × 6 cells fit the page without a scroll bar (axe)


@dataclass
class NationalPage:
    """What the page shows of one dataset; plain data (it is passed to the page-writing processes)."""

    model: dict


def _band(band: tuple[int, int]) -> str:
    return str(band[0]) if band[0] == band[1] else f"{band[0]}–{band[1]}"


def _pct(value: float) -> str:
    return f"{value:.1f} %"


def national_pages(national: dict, docs: Path, folders: dict[str, str]) -> dict[str, NationalPage]:
    """Draw the pictures and write the flagged stations beside each election's results page
    (`folders`: election id → the page's folder in the docs); the pages' models by election id."""
    from checker.reports.national import flagged_csv

    pages = {}
    for election_id, (record, figures) in national.items():
        if election_id not in folders:
            continue
        folder = Path(docs) / folders[election_id]
        shape = shapes(figures)
        names = {p["id"]: p["name"] for p in record["parties"]}
        leader = names[shape.leader]
        charts = {"comet": comet_chart(shape, leader, folder),
                  "turnout": histogram_chart(shape.turnout_bins, "turnout", BLUE, folder, TURNOUT),
                  "leader": histogram_chart(shape.leader_bins, f"{leader}'s share", ORANGE, folder, LEADER)}
        folder.mkdir(parents=True, exist_ok=True)
        (folder / FLAGGED).write_text(flagged_csv(figures), encoding="utf-8")
        pages[election_id] = NationalPage(_model(record, figures, shape, names, leader, charts))
    return pages


def _model(record, figures: NationalFigures, shape: Shapes, names: dict, leader: str, charts: dict) -> dict:
    s = figures.stations
    registered = sum(s.figures["registered-voters"])
    in_boxes = sum(figures.in_boxes)
    valid = sum(s.figures["valid-ballots"])
    parties = sorted(((names[p], sum(v)) for p, v in s.votes.items()), key=lambda x: -x[1])
    labels = {r.rule_id: r.label for r in RELATIONS}
    relations = [(labels[rule].capitalize(), len(found), rule) for rule, found in figures.failures.items()]
    failing = len({f.index for found in figures.failures.values() for f in found})
    tests = [("Turnout" if key == "turnout" else f"{names[key]}'s share", t) for key, t in figures.integers.items()]
    # In words, only the excesses that remain with the zeros left out (IntegerTest.significant): a
    # party with no vote at a station is a whole 0 %, which the test's exact form counts.
    excess = [(name, t) for name, t in tests if t.significant]
    bands = [(low, min(low + CELL - 1, 99)) for low in range(0, 100, CELL)] + [(100, 100)]  # 100 % its own
    comet_rows = [(_band(t), [sum(shape.comet[x][y] for x in range(t[0], t[1] + 1) for y in range(s[0], s[1] + 1))
                              for s in bands]) for t in bands]
    return {
        "title": record["election"]["title"], "stations": len(s), "registered": registered,
        "in_boxes": in_boxes, "turnout": _pct(100 * in_boxes / registered), "valid": valid,
        "invalid": sum(s.figures["invalid-ballots"]), "source": s.source,
        "publisher": record["data"]["publisher"], "url": record["data"]["url"],
        "collected_by": record["data"].get("collected_by"),
        "parties": [(name, votes, _pct(100 * votes / valid)) for name, votes in parties],
        "leader": leader, "relations": relations, "failing": failing, "flagged": FLAGGED,
        "tests": tests, "excess": excess,
        "charts": charts, "drawn": shape.stations,
        "comet_alt": (f"Two-dimensional histogram of {shape.stations:,} polling stations: turnout across, "
                      f"{leader}'s share up, each 1-point cell shaded by its number of stations on a log scale. "
                      f"The table after the picture gives the counts in {CELL}-point cells."),
        "comet_rows": comet_rows, "comet_columns": [_band(s) for s in bands], "cell": CELL,
        "turnout_alt": (f"Histogram of turnout at {shape.stations:,} polling stations in 0.1-point bins; the table "
                        "after the picture lists the bins that stand highest above their neighbours."),
        "leader_alt": (f"Histogram of {leader}'s share at {shape.stations:,} polling stations in 0.1-point bins; "
                       "the table after the picture lists the bins that stand highest above their neighbours."),
        "turnout_spikes": [(f"{start:.1f}", count, f"{mean:.1f}") for start, count, mean in spikes(shape.turnout_bins)],
        "leader_spikes": [(f"{start:.1f}", count, f"{mean:.1f}") for start, count, mean in spikes(shape.leader_bins)],
        "regions": [(r["region"], r["stations"], _pct(r["turnout"]), _pct(r["leader_share"]),
                     "" if r["ratio"] is None else f"{r['ratio']:.1f}", r["failing"]) for r in shape.regions],
    }
