"""The verdicts as a readable table on a terminal (in colour when it is one)."""

from __future__ import annotations

import os
import sys
from collections import Counter

from checker.judge.verdicts import VERDICT_ORDER, Judgement

COLOURS = {"violated": "31", "at-risk": "33", "noted": "36", "met": "32", "not-assessed": "90", "waived": "35"}


def _use_colour(stream) -> bool:
    return hasattr(stream, "isatty") and stream.isatty() and "NO_COLOR" not in os.environ


def _paint(text: str, verdict: str, colour: bool) -> str:
    return f"\x1b[{COLOURS[verdict]}m{text}\x1b[0m" if colour else text


def render(judgement: Judgement, stream=None) -> str:
    colour = _use_colour(stream or sys.stdout)
    lines = []
    shown = [v for v in judgement.verdicts if v.verdict != "not-assessed" or v.rules or v.report_verdict]
    width = max((len(v.commitment) for v in shown), default=10)
    for election in sorted({v.election for v in judgement.verdicts}):
        mine = [v for v in judgement.verdicts if v.election == election]
        counts = Counter(v.verdict for v in mine)
        lines.append(f"{election} (law as of {mine[0].as_of}): "
                     + ", ".join(f"{counts[k]} {k}" for k in VERDICT_ORDER if counts[k]))
        for v in (v for v in shown if v.election == election):
            rules = ", ".join(sorted({r.rule.id for r in v.results})) or (
                "no rule" if not v.rules else ("no facts for its rules" if not v.assessed else ""))
            lines.append(f"  {v.commitment:<{width}}  {_paint(f'{v.verdict:<12}', v.verdict, colour)}  {rules}")
    judged = [v for v in judgement.verdicts if v.report_verdict is not None]
    if judged:
        lines.append("")
        lines.append("Agreement with the report's own verdicts:")
        for v in judged:
            mark = "agrees" if v.agrees else "DISAGREES"
            lines.append(f"  {v.election}  {v.commitment:<{width}}  computed {v.verdict:<12} report {v.report_verdict:<9}"
                         f" (\u201c{v.report_wording}\u201d)  {mark}")
        agree = sum(1 for v in judged if v.agrees)
        lines.append(f"  {agree} of {len(judged)} agree")
    return "\n".join(lines) + "\n"
