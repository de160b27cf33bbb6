"""verdicts.lock: the reviewed verdicts of a knowledge base, and what differs from them.

Legal experts run `kbcheck check` in CI on every change. The knowledge base's content *is*
violations, so failing on every violation would block every commit. Instead, the verdicts a
reviewer accepted are committed as `verdicts.lock` (`kbcheck lock`), and `kbcheck check` fails
only when a computed verdict differs from it — changed, new or gone — or disagrees with the
report's own verdict. One line per election × commitment × scope, sorted, so that a change of
verdict is a one-line diff in a pull request:

    xx/2020-assembly | copenhagen-1990/7.2 | law | violated | 1/1 | CPH-7.2-popular-chamber=1

(election | commitment | scope | verdict | rules with facts / rules | rule=results, …).
A change of results or coverage under the same verdict is reported as a note, never a failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from checker.judge.model import Judgement, Verdict
from checker.reports import words

LOCK_NAME = "verdicts.lock"
HEADER = """\
# verdicts.lock: the reviewed verdicts of this knowledge base, written by `kbcheck lock`.
# `kbcheck check` fails when a computed verdict differs from a line here (changed, new or gone).
# Review a difference, then run `kbcheck lock` (or `kbcheck check --update-lock`) and commit.
# election | commitment | scope | verdict | rules with facts/rules | rule=results, ...
"""


class LockError(Exception):
    """A lock file that cannot be read: `path:line: what is wrong`."""


@dataclass(frozen=True)
class Locked:
    election: str
    commitment: str
    scope: str
    verdict: str
    coverage: str  # "2/3"
    results: str  # "CPH-7.5-residency=1,CPH-7.5-independents=1" or "-"

    @property
    def key(self) -> tuple[str, str, str]:
        return self.election, self.commitment, self.scope

    def line(self) -> str:
        return " | ".join((self.election, self.commitment, self.scope, self.verdict, self.coverage, self.results))


@dataclass
class Difference:
    kind: str  # changed | new | gone | note
    before: Locked | None
    after: Locked | None
    verdict: Verdict | None  # the computed verdict (None when gone)


def locked(verdict: Verdict) -> Locked:
    counts: dict[str, int] = {}
    for result in verdict.results:
        counts[result.rule.id] = counts.get(result.rule.id, 0) + 1
    results = ",".join(f"{rule}={n}" for rule, n in sorted(counts.items())) or "-"
    return Locked(verdict.election, verdict.commitment, verdict.scope, verdict.verdict,
                  f"{len(verdict.assessed)}/{len(verdict.rules)}", results)


def render(judgement: Judgement) -> str:
    lines = sorted(locked(v).line() for v in judgement.verdicts)
    return HEADER + "\n".join(lines) + "\n"


def parse(path: Path) -> dict[tuple[str, str, str], Locked]:
    found: dict[tuple[str, str, str], Locked] = {}
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not text.strip() or text.startswith("#"):
            continue
        fields = [field.strip() for field in text.split(" | ")]
        if len(fields) != 6:
            raise LockError(f"{path.name}:{number}: expected 6 fields separated by ' | ', found {len(fields)} "
                            f"(run `kbcheck lock` to write the file again)")
        entry = Locked(*fields)
        if entry.key in found:
            raise LockError(f"{path.name}:{number}: {entry.election} {entry.commitment} {entry.scope} is locked twice")
        found[entry.key] = entry
    return found


def differences(judgement: Judgement, lock: dict[tuple[str, str, str], Locked]) -> list[Difference]:
    """What differs from the lock: a changed, new or gone verdict (failing), or a note (the same
    verdict with other results or coverage)."""
    found = []
    computed = {v.key: v for v in judgement.verdicts}
    for key, verdict in sorted(computed.items()):
        now, before = locked(verdict), lock.get(key)
        if before is None:
            found.append(Difference("new", None, now, verdict))
        elif before.verdict != now.verdict:
            found.append(Difference("changed", before, now, verdict))
        elif before != now:
            found.append(Difference("note", before, now, verdict))
    for key in sorted(set(lock) - set(computed)):
        found.append(Difference("gone", lock[key], None, None))
    return found


def failing(found: list[Difference]) -> list[Difference]:
    return [d for d in found if d.kind != "note"]


def disagreements(judgement: Judgement) -> list[Verdict]:
    return [v for v in judgement.scoped() if v.comparison == "disagrees"]


def render_differences(found: list[Difference], disagree: list[Verdict], markdown: bool = False) -> str:
    """Each difference with the facts, provision versions and findings behind the new verdict."""
    lines = []
    head = "## " if markdown else ""
    gate = failing(found)
    if not gate and not disagree:
        lines.append(f"{head}No verdict differs from {LOCK_NAME}, and every report verdict the checker "
                     "assesses agrees.")
    if gate:
        lines += [f"{head}Verdicts that differ from {LOCK_NAME} ({len(gate)})", ""] if markdown else \
            [f"Verdicts that differ from {LOCK_NAME} ({len(gate)}):"]
        for d in gate:
            lines += _difference(d, markdown)
    if disagree:
        lines += ["", f"{head}Verdicts that disagree with the report's own ({len(disagree)})", ""] if markdown else \
            ["", f"Verdicts that disagree with the report's own ({len(disagree)}):"]
        for v in disagree:
            lines.append(f"{'- ' if markdown else '  '}{v.election} {v.commitment} [{v.scope}]: computed "
                         f"{words.OUTCOME[v.verdict]}, the report says {words.OUTCOME[v.report_verdict]} "
                         f"(“{v.report_wording}”)")
            lines += _evidence(v, markdown)
    notes = [d for d in found if d.kind == "note"]
    if notes:
        lines += ["", f"{head}Same verdict, other results or coverage ({len(notes)}; not a failure)", ""] if markdown \
            else ["", f"Same verdict, other results or coverage ({len(notes)}; not a failure):"]
        for d in notes:
            lines.append(f"{'- ' if markdown else '  '}{d.after.election} {d.after.commitment} [{d.after.scope}] "
                         f"{d.after.verdict}: {d.before.coverage} {d.before.results} → {d.after.coverage} "
                         f"{d.after.results}")
    return "\n".join(lines) + "\n"


def _difference(d: Difference, markdown: bool) -> list[str]:
    bullet = "- " if markdown else "  "
    entry = d.after or d.before
    what = {"changed": f"{d.before.verdict} → {d.after.verdict}" if d.before and d.after else "",
            "new": f"new: {d.after.verdict}" if d.after else "",
            "gone": f"gone (was {d.before.verdict}): no such verdict is computed any more" if d.before else ""}[d.kind]
    lines = [f"{bullet}{entry.election} {entry.commitment} [{entry.scope}]: {what}"]
    if d.verdict is not None:
        lines += _evidence(d.verdict, markdown)
    return lines


def _evidence(v: Verdict, markdown: bool) -> list[str]:
    pad = "  - " if markdown else "      "
    lines = [f"{pad}{words.coverage(v)}" + (f"; without facts: {words.missing(v)}" if v.unassessed else "")
             + (f"; {words.applicability(v)}" if v.verdict == "not-applicable" else "")]
    for r in v.results:
        where = f" at {r.pos}" if r.pos is not None else ""
        lines.append(f"{pad}result {r.rule.id}: {r.message}{where}")
    for fact in v.evidence.facts:
        values = ", ".join(f"{k}={val}" for k, val in fact.values)
        lines.append(f"{pad}fact {fact.id} ({values}); basis: {words.BASIS.get(fact.basis, 'not stated')}")
    for version in v.evidence.versions:
        until = f" to {version.in_force_to}" if version.in_force_to else ""
        lines.append(f"{pad}provision version {version.label}, in force from {version.in_force_from}{until}")
    for finding in v.evidence.findings[:5]:
        lines.append(f"{pad}finding {finding.id}" + (f", page {finding.page}" if finding.page else ""))
    if len(v.evidence.findings) > 5:
        lines.append(f"{pad}and {len(v.evidence.findings) - 5} more findings (verdicts.json)")
    return lines
