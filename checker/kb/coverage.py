"""How completely a report is encoded, measured against its own text.

Nothing here is a typed-in target: the number of recommendations is counted in the
report's recommendations section, the commitments and articles it cites are found in its
text, and the quotations' line ranges are compared with the lines of its body.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checker.kb.load import KnowledgeBase
from checker.kb.source_text import SourceText

# "Paragraph 24 of the OSCE Copenhagen Document"; "… do not comply with the 1990 OSCE
# Copenhagen Document … contrary to paragraph 7.3 and 7.5": a paragraph is Copenhagen's when
# the document is named near it.
_PARAGRAPH = re.compile(r"[Pp]aragraphs? (\d+(?:\.\d+)?)(?: and (\d+(?:\.\d+)?))?")
_NEAR_BEFORE, _NEAR_AFTER = 400, 80
# "Point 17 of UN Human Rights Committee (HRC) General Comment 25", "Point 15 of the UN HRC General Comment 25"
_GENERAL_COMMENT = re.compile(r"[Pp]oints? (\d+) of (?:the )?UN (?:Human Rights Committee \(HRC\)|HRC) General Comment 25")
# "item 25: “…”" in the e-voting passages quoting Rec(2004)11
_REC_ITEM = re.compile(r"[Ii]tems? (\d+):")
_ICCPR = re.compile(r"Article 25 of the (?:ICCPR|International Covenant)")
# "Article 4.4 of the Election Law", "(Article 27.10)", "Article 50-5": numbered national articles.
_ARTICLE = re.compile(r"Article (\d+(?:[.-]\d+)+)")
_RECOMMENDATION = re.compile(r"^\s*(\d{1,2})\.\s+\S")
_ROMAN_I_TO_XIV = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV")


@dataclass
class Coverage:
    report: str
    recommendations_in_text: int
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


def cited_ids(source: SourceText) -> list[tuple[str, int]]:
    """(id, line) of each commitment and numbered article the text cites."""
    text, owners = source.joined(1, len(source))
    cited: list[tuple[str, int]] = []
    for match in _PARAGRAPH.finditer(text):
        near = text[max(0, match.start() - _NEAR_BEFORE): match.end() + _NEAR_AFTER]
        if "Copenhagen" not in near:
            continue
        for number in filter(None, match.groups()):
            cited.append((f"copenhagen-1990/{number}", owners[match.start()]))
    for match in _GENERAL_COMMENT.finditer(text):
        cited.append((f"ccpr-gc-25/{match.group(1)}", owners[match.start()]))
    for match in _REC_ITEM.finditer(text):
        cited.append((f"coe-rec-2004-11/{match.group(1)}", owners[match.start()]))
    for match in _ICCPR.finditer(text):
        cited.append(("iccpr/art-25", owners[match.start()]))
    for match in _ARTICLE.finditer(text):
        number = match.group(1)
        first, _, rest = number.partition(".") if "." in number else (number, "", "")
        cited.append((f"kz/election-law/art-{first}" + "".join(f"/{p}" for p in rest.split(".") if p),
                      owners[match.start()]))
    return cited


def _section_number(kb: KnowledgeBase, section_id: str) -> str | None:
    """The top-level number (e.g. 'XIII') of a section or subsection."""
    section = kb.index.get(section_id)
    while section is not None and section.get("parent"):
        section = kb.index.get(section["parent"])
    return section["number"] if section is not None else None


def coverage(kb: KnowledgeBase, report_id: str) -> Coverage:
    source = kb.sources[report_id]
    sections = [s for s in kb.records("section") if kb.report_of(s) == report_id]
    recommendations_section = next(s for s in sections if s["title"].lower() == "recommendations")
    first, last = recommendations_section["lines"]
    in_text = sum(1 for n in range(first, last + 1) if _RECOMMENDATION.match(source.lines[n - 1]))
    recommendations = [r for r in kb.records("recommendation") if kb.report_of(r) == report_id]
    result = Coverage(report_id, in_text, len(recommendations))

    result.sections = {number: 0 for number in _ROMAN_I_TO_XIV}
    findings = [f for f in kb.records("finding") if kb.report_of(f) == report_id]
    result.findings = len(findings)
    for finding in findings:
        number = _section_number(kb, finding["section"])
        if number in result.sections:
            result.sections[number] += 1
        if not finding.get("commitments"):
            result.findings_without_commitment.append(finding.id)

    for cited, line in cited_ids(source):
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
    body = [s for s in sections if s["number"] in _ROMAN_I_TO_XIV and not s.get("parent")]
    body_lines = {n for s in body for n in range(s["lines"][0], s["lines"][1] + 1)
                  if source.lines[n - 1].strip()}
    result.body_lines = len(body_lines)
    result.body_lines_quoted = len(body_lines & quoted)
    return result


def _quotes_of(kb: KnowledgeBase, report_id: str):
    from checker.kb.load import walk
    from checker.kb.quotes import quote_source

    for kb_file in kb.files:
        for record in walk(kb_file.top):
            if record.kind == "quote" and quote_source(kb, record) == report_id and "lines" in record:
                yield record


def render(result: Coverage) -> str:
    lines = [f"Coverage of {result.report}"]
    mark = "ok" if result.recommendations_encoded == result.recommendations_in_text else "MISSING"
    lines.append(f"  recommendations encoded: {result.recommendations_encoded}/{result.recommendations_in_text} "
                 f"(counted in the text)  {mark}")
    covered = sum(1 for c in result.sections.values() if c)
    lines.append(f"  sections I-XIV with findings: {covered}/{len(result.sections)}")
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
