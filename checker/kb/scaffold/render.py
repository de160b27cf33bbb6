"""The skeleton as the YAML files of a report's folder, in the formats the loader reads.

What the text cannot give (the report's title, date and place, the election it observed) is
written as a placeholder that loads, marked `TODO(scaffold)` on its line, so that an expert
finds every one with a search; the command lists them too.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from checker.kb.scaffold.model import Candidate, Skeleton

TODO = "TODO(scaffold)"


@dataclass(frozen=True)
class Placeholders:
    """The values the text cannot give, chosen so that the skeleton loads."""

    country: str
    chamber: str
    published: datetime.date
    election: str
    law: str | None = None


def q(text: str) -> str:
    """Text as a YAML double-quoted scalar (JSON's string syntax is YAML's)."""
    return json.dumps(text, ensure_ascii=False)


def _schema(kind: str, depth: int = 2) -> str:
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{kind}.schema.json\n"


def report_yaml(skeleton: Skeleton, sha256: str, holes: Placeholders) -> str:
    out = [_schema("report"),
           f"# Written by `kbcheck scaffold` from source.txt. Complete every {TODO} line from the report;\n",
           "# the sections, pages and lines were read from the text (docs/scaffold.md).\n",
           "report:\n",
           f"  id: {skeleton.report}\n",
           f"  title: {q(f'{TODO}: the title, as printed on the cover')}\n",
           f"  publisher: {q(f'{TODO}: who published it')}\n",
           f"  mission: {q(f'{TODO}: the mission that wrote it')}\n",
           f"  published: {holes.published.isoformat()}  # {TODO}: the report's date (1 January of its id's year)\n",
           f"  place: {q(f'{TODO}: where it was published')}\n",
           f"  official_language: en  # {TODO}: the language of its official version\n",
           f"  elections: [{holes.election}]  # {TODO}: the elections it observed (elections.yaml)\n",
           "  source:\n    file: source.txt\n", f"    sha256: {sha256}\n"]
    if holes.law:
        out.append(f"  cites_articles_of: {holes.law}\n")
    out.append("pages:\n")
    out.extend(f"  - {{page: {page.number}, first_line: {page.first_line}}}\n" for page in skeleton.pages)
    out.append("sections:\n")
    if not skeleton.sections:  # the format needs one: the whole text, for the expert to divide
        out.append(f"  - id: {skeleton.report}/section/whole-text\n    number: {q(TODO)}\n"
                   f"    title: {q(f'{TODO}: no heading was recognised; the whole text')}\n"
                   f"    lines: [1, {max(skeleton.lines, 1)}]\n    page: {skeleton.pages[0].number}\n")
    for section in skeleton.sections:
        out.append(f"  - id: {skeleton.section_id(section)}\n")
        out.append(f"    number: {q(section.number)}\n")
        if section.parent is not None:
            out.append(f"    parent: {skeleton.section_id(section.parent)}\n")
        out.append(f"    title: {q(section.title)}\n")
        out.append(f"    lines: [{section.heading}, {section.last}]\n")
        out.append(f"    page: {section.page}\n")
        if section.part != "body" and section.parent is None:
            out.append(f"    part: {section.part}\n")
    out.extend(_listed(skeleton))
    return "".join(out)


def _listed(skeleton: Skeleton) -> list[str]:
    out = ["\n# How the text was read:\n"] + [f"#   {note}\n" for note in skeleton.notes]
    if skeleton.unrecognised:
        out.append("# Not recognised (check these lines of source.txt):\n")
        out.extend(f"#   L{item.line}: {item.what}\n" for item in skeleton.unrecognised)
    return out


def recommendations_yaml(skeleton: Skeleton, holes: Placeholders) -> str:
    out = [_schema("recommendations")]
    if skeleton.groups:
        out.append("groups:\n")
        out.extend(f"  - {{letter: {g.letter}, title: {q(g.title)}, lines: [{g.lines[0]}, {g.lines[1]}]}}\n"
                   for g in skeleton.groups)
    out.append("recommendations:\n")
    for rec in skeleton.recommendations:
        out.append(f"  - id: {skeleton.report}/rec/{rec.number}\n    number: {rec.number}\n")
        if rec.group:
            out.append(f"    group: {rec.group}\n")
        out.append(f"    text:\n      text: {q(rec.text)}\n      lines: [{rec.lines[0]}, {rec.lines[1]}]\n")
        out.append(f"    follow_up:\n      - date: {holes.published.isoformat()}  # {TODO}: the report's date\n"
                   f"        status: not-assessed\n        source: {skeleton.report}\n")
    return "".join(out)


def candidates_yaml(skeleton: Skeleton, known: set[str]) -> str:
    out = [_schema("candidates"),
           "# Sentences of the report that cite a commitment or an article, found by `kbcheck scaffold`:\n",
           "# suggestions, never findings. Move what is right into a findings file or verdicts.yaml,\n",
           "# then delete the entry (docs/scaffold.md).\n"]
    if not skeleton.candidates:
        return "".join(out) + "candidates: []\n"
    out.append("candidates:\n")
    out.extend(_candidate(skeleton, candidate, known) for candidate in skeleton.candidates)
    return "".join(out)


def _candidate(skeleton: Skeleton, candidate: Candidate, known: set[str]) -> str:
    out = f"  - quote:\n      text: {q(candidate.text)}\n      lines: [{candidate.lines[0]}, {candidate.lines[1]}]\n"
    if candidate.section is not None:
        out += f"    section: {skeleton.section_id(candidate.section)}\n"
    missing = [c for c in candidate.cites if c not in known]
    out += f"    cites: [{', '.join(candidate.cites)}]"
    out += f"  # not in the knowledge base yet: {', '.join(missing)}\n" if missing else "\n"
    if candidate.verdict is not None:
        out += f"    report_verdict: {{wording: {q(candidate.verdict.wording)}, severity: {candidate.verdict.severity}}}\n"
    return out


def verdicts_yaml() -> str:
    return (_schema("verdicts") + "# The report's own verdicts: candidates.yaml suggests some (its report_verdict "
            "entries).\nverdicts: []\n")


def elections_yaml(skeleton: Skeleton, holes: Placeholders) -> str:
    return (_schema("elections")
            + f"# {TODO}: a placeholder election, so that the skeleton loads. Replace it with the election(s)\n"
            f"# the report observed, and report.yaml's `elections` with their ids. Until then `kbcheck check`\n"
            f"# judges this placeholder as if it were an election.\n"
            "elections:\n"
            f"  - id: {holes.election}\n"
            f"    title: {q(f'{TODO}: the election the report observed')}\n"
            f"    country: {holes.country}\n"
            f"    chamber: {holes.chamber}  # {TODO}: the chamber elected\n"
            f"    date: {holes.published.isoformat()}  # {TODO}: election day\n"
            f"    kind: parliamentary  # {TODO}: parliamentary | early-parliamentary | presidential | local\n"
            f"    observed_by: [{skeleton.report}]\n"
            f"    description: {q(f'{TODO}: a placeholder written by kbcheck scaffold; describe the election.')}\n")


def country_yaml(holes: Placeholders) -> str:
    return (_schema("country")
            + f"# {TODO}: a placeholder country, so that a new report's skeleton loads in a knowledge base\n"
            "# that has no law of this country yet.\n"
            f"country:\n  id: {holes.country}\n  name: {q(f'{TODO}: the country')}\n"
            f"chambers:\n  - id: {holes.chamber}\n    name: {q(f'{TODO}: the chamber elected')}\n"
            f"    description: {q(f'{TODO}: a placeholder written by kbcheck scaffold.')}\n")
