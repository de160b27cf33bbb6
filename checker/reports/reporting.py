"""What the report writers (SARIF, JUnit, Markdown, RDF) share: the rules a judgement was made
with, and how a time stamp is written when one is passed in."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from checker.judge.model import Judgement
from checker.judge.rules import Rule


def every_rule(judgement: Judgement, rules: Iterable[Rule] = ()) -> list[Rule]:
    """Every rule of the run (the judgement's, any given, any with a result), sorted by id."""
    known = {rule.id: rule for rule in [*judgement.rules, *rules]}
    for result in judgement.results:
        known.setdefault(result.rule.id, result.rule)
    return sorted(known.values(), key=lambda rule: rule.id)


def utc_stamp(moment: datetime.datetime) -> str:
    """ISO 8601 in UTC to the second, e.g. 2026-11-26T08:17:56Z."""
    return moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
