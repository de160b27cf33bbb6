"""The numbered recommendations of the report's recommendations section, verbatim, with their
lines and, when the section is divided into lettered sections, their group.

A recommendation starts on a line numbered as the next in sequence ("12. The law should …")
and runs to the line before the next one, the next heading or the section's end, without the
empty lines and footnotes that follow it. A numbered line out of sequence is listed and read as
part of the recommendation it stands in.
"""

from __future__ import annotations

import re

from checker.kb.scaffold.model import Group, Recommendation, Section, Unrecognised
from checker.kb.source_text import NUMBERED_LINE, SourceText

_LEADING_NUMBER = re.compile(r"^\d{1,3}\.\s+")


def _recommendations_section(sections: list[Section]) -> Section | None:
    return next((s for s in sections if s.part == "recommendations"), None)


def read_recommendations(source: SourceText, sections: list[Section], unrecognised: list[Unrecognised],
                         notes: list[str]) -> tuple[list[Group], list[Recommendation]]:
    section = _recommendations_section(sections)
    if section is None:
        notes.append("recommendations: no numbered section is titled Recommendations; none were read")
        return [], []
    children = [s for s in sections if s.parent is section]
    groups = [Group(child.number.rsplit(".", 1)[-1], child.title, child.lines) for child in children]
    headings = {s.heading for s in sections}
    starts: list[tuple[int, int]] = []  # (line, number)
    for n in range(section.heading + 1, section.last + 1):
        match = NUMBERED_LINE.match(source.lines[n - 1])
        if not match or n in source.footnote_lines:
            continue
        number = int(match.group(1))
        expected = starts[-1][1] + 1 if starts else 1
        if number == expected:
            starts.append((n, number))
        else:
            unrecognised.append(Unrecognised(n, f"a line numbered {number}. where recommendation {expected} "
                                                f"would come: read as part of the text before it"))
    recommendations = []
    for i, (first, number) in enumerate(starts):
        bound = starts[i + 1][0] if i + 1 < len(starts) else section.last + 1
        bound = min([bound] + [h for h in headings if first < h < bound])
        last = bound - 1
        while last > first and (not source.lines[last - 1].strip() or last in source.footnote_lines
                                or last in source.page_number_lines):
            last -= 1
        text, _ = source.joined(first, last, skip_footnotes=True)
        text = _LEADING_NUMBER.sub("", text, count=1)
        if source.find(text, first, last) is None:  # never write a quotation the loader would refuse
            unrecognised.append(Unrecognised(first, f"recommendation {number}: its text could not be read "
                                                    f"verbatim; left out"))
            continue
        group = next((g.letter for g, child in zip(groups, children) if child.heading <= first <= child.last), None)
        if children and group is None:
            unrecognised.append(Unrecognised(first, f"recommendation {number} stands in no lettered group"))
        recommendations.append(Recommendation(number, text, (first, last), group))
    if not recommendations:
        unrecognised.append(Unrecognised(section.heading, "the recommendations section has no numbered "
                                                          "recommendation"))
    return groups, recommendations
