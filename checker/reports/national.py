"""`kbcheck results`: a national dataset's figures in words, and its flagged stations as CSV."""

from __future__ import annotations

import csv
import io

from checker.results.national.figures import NationalFigures
from checker.results.national.protocol import RELATIONS

FLAGGED_COLUMNS = ("rule", "what_fails", "left", "right", "region", "commission", "station",
                   "registered_voters", "ballots_in_boxes", "valid_ballots", "invalid_ballots", "source_file",
                   "source_line")


def flagged_csv(figures: NationalFigures) -> str:
    """Every station that breaks a control relation, with its figures and its line in the source."""
    labels = {r.rule_id: r.label for r in RELATIONS}
    s = figures.stations
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FLAGGED_COLUMNS)
    for rule, found in figures.failures.items():
        for f in found:
            i = f.index
            writer.writerow((rule, labels[rule], f.left, f.right, s.regions[i], s.commissions[i], s.numbers[i],
                             s.figures["registered-voters"][i], figures.in_boxes[i], s.figures["valid-ballots"][i],
                             s.figures["invalid-ballots"][i], s.source, s.lines[i]))
    return out.getvalue()


def render_text(data: dict, dataset) -> str:
    """The figures for a terminal: totals, relations, integer percentages, the top regions."""
    lines = [f"{dataset.election['title']} ({data['election']}): {data['stations']:,} polling stations "
             f"from {data['source']}",
             f"registered {data['registered']:,}; ballots issued {data['ballots_issued']:,}; in the boxes "
             f"{data['ballots_in_boxes']:,}; valid {data['valid']:,}; invalid {data['invalid']:,}", "",
             "party votes:"]
    lines += [f"  {dataset.party_name(p):45} {v:>12,}" for p, v in data["parties"].items()]
    lines += ["", "protocol control relations (failing stations):"]
    lines += [f"  {rule:32} {n:>8,}" for rule, n in data["control_relations"].items()]
    lines += ["", "integer percentages (observed / expected = ratio, Poisson p):"]
    for key, t in data["integer_percentages"].items():
        name = "turnout" if key == "turnout" else dataset.party_name(key)
        lines.append(f"  {name:45} {t['observed']:>7,} / {t['expected']:>9.1f} = {t['ratio']:6.2f}  "
                     f"p = {t['p_value']:.3g}")
    lines += ["", "regions with the highest ratio (all percentages pooled):"]
    for r in data["regions"][:10]:
        lines.append(f"  {r['region']:45} {r['all']['observed']:>6,} / {r['all']['expected']:>8.1f} = "
                     f"{r['all']['ratio']:6.2f}")
    sig = data["signal"]
    lines += ["", f"Copenhagen 7.4 (results): {sig['status']}"]
    lines += [f"  {e}" for e in sig["evidence"]]
    if "reading" in sig:
        lines.append(f"  {sig['reading']}")
    return "\n".join(lines) + "\n"
