"""How far a skeleton agrees with a report the experts encoded by hand: its pages, sections and
recommendations, each difference named; and how much of the hand-made report's verdicts and
commitment citations its candidates find, and which candidates the hand-made report lacks.

A hand-made report verdict is found when a candidate with verdict words cites its commitment on
lines one of its quotations covers. A finding's commitment citation is found when a candidate
cites the commitment on lines the finding's passage or quotations cover. A candidate is held
when, for every id it cites, some hand-made record (a finding, a report verdict, a
recommendation, a commitment's or provision's quoted text) links that id at its lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.kb.coverage import cited_ids
from checker.kb.load import KnowledgeBase
from checker.kb.quotes import quote_source
from checker.kb.scaffold.model import Candidate, Skeleton
from checker.kb.source_text import normalise_quote


@dataclass
class Tally:
    same: int = 0
    total: int = 0
    differences: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        return f"{self.same}/{self.total}"


@dataclass
class Agreement:
    pages: Tally
    sections: Tally  # same line ranges
    section_details: Tally  # number, title, page, part, parent and id, where the lines agree
    recommendations: Tally
    groups: Tally
    verdicts: Tally  # hand-made report verdicts found by a candidate
    severities: Tally  # those found by a candidate of the same severity
    citations: Tally  # findings' (finding, commitment) citations found by a candidate
    printed: Tally  # those of them whose finding's lines print a citation of the commitment
    candidates: int
    not_held: list[Candidate]
    unknown_ids: list[str]  # cited ids the knowledge base has no record of


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _spans(finding) -> list[tuple[int, int]]:
    """The lines a finding rests on: its passage and its quotations."""
    return [tuple(finding["lines"])] + [tuple(q["lines"]) for q in finding.get("quotes", [])]


def _pages(skeleton: Skeleton, report) -> Tally:
    made = {p["page"]: p["first_line"] for p in report.get("pages", [])}
    read = {p.number: p.first_line for p in skeleton.pages}
    tally = Tally(total=len(made))
    for number in sorted(set(made) | set(read)):
        if made.get(number) == read.get(number):
            tally.same += 1
        else:
            tally.differences.append(f"page {number}: first line {read.get(number)} read, {made.get(number)} by hand")
    return tally


def _sections(skeleton: Skeleton, report) -> tuple[Tally, Tally]:
    read = {s.heading: s for s in skeleton.sections}
    made = list(report.get("sections", []))
    heading_of = {s.id: s["lines"][0] for s in made}
    lines, details = Tally(total=len(made)), Tally(total=len(made))
    for section in made:
        first, last = section["lines"]
        found = read.pop(first, None)
        if found is None:
            lines.differences.append(f"{section['number']} (lines {first}-{last}): no section read at line {first}")
            continue
        if found.last == last:
            lines.same += 1
        else:
            lines.differences.append(f"{section['number']}: lines {first}-{found.last} read, {first}-{last} by hand")
        parent = heading_of.get(section.get("parent") or "")
        pairs = {"id": (skeleton.section_id(found), section.id), "number": (found.number, section["number"]),
                 "title": (found.title, section["title"]), "page": (found.page, section["page"]),
                 "part": (found.part if found.parent is None else "body", section.get("part", "body")),
                 "parent": (found.parent.heading if found.parent else None, parent)}
        wrong = [f"{key} {ours!r} read, {theirs!r} by hand" for key, (ours, theirs) in pairs.items() if ours != theirs]
        details.same += not wrong
        details.differences.extend(f"{section['number']}: {w}" for w in wrong)
    lines.differences.extend(f"{s.number} (line {line}): read, not in the hand-made report" for line, s in read.items())
    return lines, details


def _recommendations(skeleton: Skeleton, kb: KnowledgeBase, report_id: str) -> tuple[Tally, Tally]:
    made = [r for r in kb.records("recommendation") if kb.report_of(r) == report_id]
    read = {r.number: r for r in skeleton.recommendations}
    recs = Tally(total=len(made))
    for rec in made:
        found = read.pop(rec["number"], None)
        if found is None:
            recs.differences.append(f"recommendation {rec['number']}: not read")
            continue
        wrong = [what for what, same in (("lines", tuple(rec["text"]["lines"]) == found.lines),
                                         ("text", normalise_quote(rec["text"]["text"]) == found.text),
                                         ("group", rec.get("group") == found.group)) if not same]
        recs.same += not wrong
        recs.differences.extend(f"recommendation {rec['number']}: {w} differ" for w in wrong)
    recs.differences.extend(f"recommendation {n}: read, not in the hand-made file" for n in read)
    groups_made = [g for g in kb.records("group") if kb.report_of(g) == report_id]
    read_groups = {g.letter: g for g in skeleton.groups}
    groups = Tally(total=len(groups_made))
    for group in groups_made:
        found = read_groups.get(group["letter"])
        if found is not None and found.lines == tuple(group["lines"]) and found.title == group["title"]:
            groups.same += 1
        else:
            groups.differences.append(f"group {group['letter']}: {found} read, {group['title']} "
                                      f"{tuple(group['lines'])} by hand")
    return recs, groups


def _holders(kb: KnowledgeBase, report_id: str) -> list[tuple[str, tuple[int, int]]]:
    """(id, lines) of every place the hand-made knowledge base links an id to the report's text."""
    held: list[tuple[str, tuple[int, int]]] = []
    for finding in (f for f in kb.records("finding") if kb.report_of(f) == report_id):
        ids = (finding.get("commitments") or []) + (finding.get("provisions") or [])
        held += [(i, s) for i in ids for s in _spans(finding)]
    for verdict in (v for v in kb.records("report-verdict") if kb.report_of(v) == report_id):
        held += [(verdict["commitment"], tuple(q["lines"])) for q in verdict.get("quotes", [])]
    for rec in (r for r in kb.records("recommendation") if kb.report_of(r) == report_id):
        held += [(i, tuple(rec["text"]["lines"])) for i in (rec.get("commitments") or []) + (rec.get("provisions") or [])]
    for kind, key in (("commitment", "text"), ("provision", None)):
        for record in kb.records(kind):
            quotes = [record.get(key)] if key else [q for v in record.get("versions", []) for q in v.get("quotes") or []]
            held += [(record.id, tuple(q["lines"])) for q in quotes
                     if q is not None and quote_source(kb, q) == report_id]
    return held


def agreement(skeleton: Skeleton, kb: KnowledgeBase, report_id: str) -> Agreement:
    report_file = next(f for f in kb.files if f.kind.name == "report" and f.report_id == report_id)
    sections, details = _sections(skeleton, report_file.top)
    recommendations, groups = _recommendations(skeleton, kb, report_id)
    judged = [c for c in skeleton.candidates if c.verdict is not None]
    verdicts, severities = Tally(), Tally()
    for verdict in (v for v in kb.records("report-verdict") if kb.report_of(v) == report_id):
        verdicts.total += 1
        found = [c for c in judged if verdict["commitment"] in c.cites
                 and any(_overlap(c.lines, tuple(q["lines"])) for q in verdict.get("quotes", []))]
        if not found:
            verdicts.differences.append(f"{verdict.id} ({verdict['wording']}): no candidate verdict")
            continue
        verdicts.same += 1
        severities.total += 1
        if any(c.verdict.severity == verdict["severity"] for c in found):
            severities.same += 1
        else:
            severities.differences.append(f"{verdict.id}: {verdict['severity']} by hand, "
                                          f"{', '.join(sorted({c.verdict.severity for c in found}))} read")
    citations, printed = Tally(), Tally()
    in_text = cited_ids(kb, report_id)  # what the text cites where, as `kbcheck coverage` finds it
    for finding in (f for f in kb.records("finding") if kb.report_of(f) == report_id):
        spans = _spans(finding)
        for commitment in finding.get("commitments") or []:
            found = any(commitment in c.cites and _overlap(c.lines, s) for c in skeleton.candidates for s in spans)
            is_printed = any(i == commitment and _overlap((line, line), s) for i, line in in_text for s in spans)
            for tally, counts in ((citations, True), (printed, is_printed)):
                if counts:
                    tally.total += 1
                    tally.same += found
                    if not found:
                        tally.differences.append(f"{finding.id} -> {commitment}")
    held = _holders(kb, report_id)
    not_held = [c for c in skeleton.candidates
                if not all(any(i == h and _overlap(c.lines, s) for h, s in held) for i in c.cites)]
    unknown = sorted({i for c in skeleton.candidates for i in c.cites if i not in kb.index})
    return Agreement(_pages(skeleton, report_file.top), sections, details, recommendations, groups, verdicts,
                     severities, citations, printed, len(skeleton.candidates), not_held, unknown)
