"""The output of `kbcheck followup`: each recommendation's history, and what reports say of earlier
recommendations the knowledge base does not hold (text or JSON)."""

from __future__ import annotations

import json
import textwrap
from dataclasses import asdict

from checker.judge.followup import STATUS_WORDS, Event, FollowUp, History


def _quoted(event_or_statement) -> list[str]:
    return [f"“{q.text}” (lines {q.lines}{f', page {q.page}' if q.page else ''})" for q in event_or_statement.quotes]


def _event_lines(event: Event) -> list[str]:
    if event.repeated_as:
        return [f"{event.date}  repeated as {event.repeated_as}"]
    said = [f"{event.date}  {STATUS_WORDS[event.status or 'not-assessed']:<21} by {event.source}"]
    said += [f"            {line}" for q in _quoted(event) for line in textwrap.wrap(q, 86)]
    if event.note:
        said += [f"            {line}" for line in textwrap.wrap(event.note, 86)]
    return said


def _history_lines(history: History) -> list[str]:
    lines = [f"{history.recommendation} ({history.short}, {history.published})"]
    lines += [f"  {line}" for line in textwrap.wrap(history.text, 96)]
    if history.repeats:
        lines.append(f"  repeats {history.repeats}")
    lines += [f"  {line}" for event in history.events for line in _event_lines(event)] or ["  no follow-up recorded"]
    cycles = (f"made in {history.reports} reports: {', '.join(history.made_in)}" if history.reports > 1
              else "made in 1 report")
    lines.append(f"  status: {STATUS_WORDS[history.status]}; {cycles}")
    return lines


def render_text(follow_up: FollowUp) -> str:
    lines: list[str] = []
    country = None
    for history in follow_up.histories:
        if history.countries != country:
            country = history.countries
            lines.append(f"{'' if not lines else chr(10)}== {', '.join(country) or 'no country'} ==")
        lines += [""] + _history_lines(history)
    if follow_up.earlier:
        lines.append("\nWhat reports say of earlier recommendations the knowledge base does not hold:")
    for statement in follow_up.earlier:
        lines.append(f"\n{statement.id} ({statement.report}, {statement.published}): {STATUS_WORDS[statement.status]}")
        lines += [f"  made in: {line}" if n == 0 else f"           {line}"
                  for n, line in enumerate(textwrap.wrap(statement.made_in, 86))]
        lines += [f"  {line}" for line in textwrap.wrap(statement.about, 96)]
        lines += [f"  {line}" for q in _quoted(statement) for line in textwrap.wrap(q, 96)]
        if statement.note:
            lines += [f"  note: {line}" if n == 0 else f"        {line}"
                      for n, line in enumerate(textwrap.wrap(statement.note, 90))]
    if not follow_up.histories and not follow_up.earlier:
        lines.append("No recommendation.")
    return "\n".join(lines).lstrip("\n") + "\n"


def render_json(follow_up: FollowUp) -> str:
    data = {
        "recommendations": [{**asdict(h), "status": h.status, "reports": h.reports} for h in follow_up.histories],
        "earlier": [asdict(s) for s in follow_up.earlier],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
