"""The verdicts as a readable table on a terminal (in colour when it is one).

One line per commitment that has rules or a verdict of the report: its overall verdict, how
many rules had facts, each scope's verdict, a caveat where it rests on an inferred fact or on the
report's own assessment, and "(own reading)" where the report gives no verdict of its own, so the
verdict is the checker's reading of the report's facts; standards that did not bind are shown
with the reason.
"""

from __future__ import annotations

import os
import sys
from collections import Counter

from checker.judge.model import VERDICT_ORDER, Judgement
from checker.reports import words

COLOURS = {"violated": "31", "at-risk": "33", "noted": "36", "met": "32", "partly-assessed": "34",
           "not-assessed": "90", "not-applicable": "90", "waived": "35"}


def _use_colour(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty() and "NO_COLOR" not in os.environ


def _paint(text: str, verdict: str, colour: bool) -> str:
    return f"\x1b[{COLOURS[verdict]}m{text}\x1b[0m" if colour else text


def render(judgement: Judgement, stream=None) -> str:
    colour = _use_colour(stream or sys.stdout)
    lines = []
    overall = judgement.overall()
    reported = {(v.election, v.commitment) for v in judgement.scoped() if v.report_verdict}
    shown = [v for v in overall if v.rules or (v.election, v.commitment) in reported]
    width = max((len(v.commitment) for v in shown), default=10)
    for election in sorted({v.election for v in overall}):
        mine = [v for v in overall if v.election == election]
        counts = Counter(v.verdict for v in mine)
        lines.append(f"{election} (law as of {mine[0].as_of}): "
                     + ", ".join(f"{counts[k]} {words.OUTCOME[k]}" for k in VERDICT_ORDER if counts[k]))
        for v in (v for v in shown if v.election == election):
            said = words.outcome(v)
            detail = words.applicability(v) if v.verdict == "not-applicable" else (
                f"{words.coverage(v)}; {words.scopes(v)}" if v.scopes else words.coverage(v))
            caveat = words.caveat(v)
            lines.append(f"  {v.commitment:<{width}}  {_paint(f'{said:<16}', v.verdict, colour)}  {detail}"
                         + (f"  [{caveat}]" if caveat else ""))
    if any(v.own_scopes for v in shown):
        lines.append(f"  (own reading): {words.OWN_READING}; the report gives no verdict of its own on it.")
    compared = [v for v in judgement.scoped() if v.comparison is not None]
    if compared:
        lines += ["", "Agreement with the report's own verdicts (same scope):"]
        for v in compared:
            mark = {"agrees": "agrees" + ("" if v.independent else " (not independent: " + (words.caveat(v) or "") + ")"),
                    "disagrees": "DISAGREES", "not-assessed": "not assessed by the checker"}[v.comparison]
            lines.append(f"  {v.election}  {v.commitment:<{width}}  {v.scope:<8} computed {v.verdict:<15} "
                         f"report {v.report_verdict:<9} (\u201c{v.report_wording}\u201d)  {mark}")
        lines.append(f"  {words.agreement(judgement)}")
    overridden = [p for p in judgement.parameters if p.override is not None]
    if overridden:
        lines += ["", "Parameters set by this knowledge base:"] + [f"  {p.id} = {p.describe()}" for p in overridden]
    return "\n".join(lines) + "\n"
