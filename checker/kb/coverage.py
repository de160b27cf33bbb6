"""How completely a report is encoded, measured against its own text.

Nothing here is a typed-in target: the number of recommendations is counted in the
report's recommendations section, the commitments and articles it cites are found in its
text, and the quotations' line ranges are compared with the lines of its body.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checker.kb.citations import find_citations
from checker.kb.load import KnowledgeBase
from checker.kb.source_text import NUMBERED_LINE



@dataclass
class Coverage:
    report: str
    recommendations_in_text: int | None  # None: the report declares no recommendations section
    recommendations_encoded: int
    sections: dict[str, int] = field(default_factory=dict)  # top-level section number → findings
    cited_missing: list[tuple[str, int]] = field(default_factory=list)  # (id, line) cited, not in the KB
    cited_present: list[str] = field(default_factory=list)
    findings: int = 0
    findings_without_commitment: list[str] = field(default_factory=list)
    quotations: int = 0
    body_lines: int = 0
    body_lines_quoted: int = 0

    @property
    def sections_without_findings(self) -> list[str]:
        return [number for number, count in self.sections.items() if count == 0]

    @property
    def complete(self) -> bool:
        return (self.recommendations_encoded == self.recommendations_in_text
                and not self.sections_without_findings and not self.cited_missing)


def cited_ids(kb: KnowledgeBase, report_id: str) -> list[tuple[str, int]]:
    """(id, line) of each commitment and national article the report's text cites, found by the
    standards' declared citation patterns and the report's `cites_articles_of` law."""
    source = kb.sources[report_id]
    text, owners = source.joined(1, len(source))
    law = kb.index[report_id].get("cites_articles_of")
    return [(citation.id, owners[citation.start])
            for citation in find_citations(text, kb.records("standard"), law)]


def _section_number(kb: KnowledgeBase, section_id: str) -> str | None:
    """The top-level number (e.g. 'XIII') of a section or subsection."""
    section = kb.index.get(section_id)
    while section is not None and section.get("parent"):
        section = kb.index.get(section["parent"])
    return section["number"] if section is not None else None


def coverage(kb: KnowledgeBase, report_id: str) -> Coverage:
    source = kb.sources[report_id]
    sections = [s for s in kb.records("section") if kb.report_of(s) == report_id]
    in_text = None
    for section in (s for s in sections if s.get("part") == "recommendations"):
        first, last = section["lines"]
        in_text = (in_text or 0) + sum(1 for n in range(first, last + 1) if NUMBERED_LINE.match(source.lines[n - 1]))
    recommendations = [r for r in kb.records("recommendation") if kb.report_of(r) == report_id]
    result = Coverage(report_id, in_text, len(recommendations))

    body = [s for s in sections if not s.get("parent") and s.get("part", "body") == "body"]
    result.sections = {s["number"]: 0 for s in body}
    findings = [f for f in kb.records("finding") if kb.report_of(f) == report_id]
    result.findings = len(findings)
    for finding in findings:
        number = _section_number(kb, finding["section"])
        if number in result.sections:
            result.sections[number] += 1
        if not finding.get("commitments"):
            result.findings_without_commitment.append(finding.id)

    for cited, line in cited_ids(kb, report_id):
        if cited in kb.index:
            if cited not in result.cited_present:
                result.cited_present.append(cited)
        elif cited not in [c for c, _ in result.cited_missing]:
            result.cited_missing.append((cited, line))

    quoted: set[int] = set()
    for record in _quotes_of(kb, report_id):
        result.quotations += 1
        q_first, q_last = record["lines"]
        quoted.update(range(q_first, q_last + 1))
    body_lines = {n for s in body for n in range(s["lines"][0], s["lines"][1] + 1)
                  if source.lines[n - 1].strip()}
    result.body_lines = len(body_lines)
    result.body_lines_quoted = len(body_lines & quoted)
    return result


def _quotes_of(kb: KnowledgeBase, report_id: str):
    from checker.kb.checks import walk
    from checker.kb.quotes import quote_source

    for kb_file in kb.files:
        for record in walk(kb_file.top):
            if record.kind == "quote" and quote_source(kb, record) == report_id and "lines" in record:
                yield record


def render(result: Coverage) -> str:
    lines = [f"Coverage of {result.report}"]
    if result.recommendations_in_text is None:
        lines.append(f"  recommendations encoded: {result.recommendations_encoded} (no section of the report has "
                     f"part: recommendations, so none were counted in the text)")
    else:
        mark = "ok" if result.recommendations_encoded == result.recommendations_in_text else "MISSING"
        lines.append(f"  recommendations encoded: {result.recommendations_encoded}/{result.recommendations_in_text} "
                     f"(counted in the text)  {mark}")
    covered = sum(1 for c in result.sections.values() if c)
    lines.append(f"  sections of the body with findings: {covered}/{len(result.sections)}")
    for number, count in result.sections.items():
        lines.append(f"    {number:>5}: {count} finding(s)")
    lines.append(f"  commitments and articles cited in the text: {len(result.cited_present)} present, "
                 f"{len(result.cited_missing)} absent")
    for cited, line in result.cited_missing:
        lines.append(f"    absent: {cited} (cited at line {line})")
    lines.append(f"  findings: {result.findings}, without a commitment link: {len(result.findings_without_commitment)}")
    for finding in result.findings_without_commitment:
        lines.append(f"    {finding}")
    share = result.body_lines_quoted / result.body_lines if result.body_lines else 0
    lines.append(f"  quotations: {result.quotations}; body lines covered by quotations: "
                 f"{result.body_lines_quoted}/{result.body_lines} ({share:.0%})")
    return "\n".join(lines)
