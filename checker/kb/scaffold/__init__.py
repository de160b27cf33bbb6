"""`kbcheck scaffold`: a new report's skeleton read from its plain text (as `pdftotext -layout`
gives it), for a legal expert to start from.

The reading stage (`read_report`) finds the page starts (`pages`), the table of contents
(`toc`), the headings (`headings`) and the section tree with its line ranges (`sections`), the
numbered recommendations with their groups (`recommendations`), and one candidate per sentence
that cites a commitment or an article (`sentences`, `candidates`). What it cannot read it lists
with its line, never guesses. `write` turns the skeleton into the report's folder of YAML files,
which load without edits; `agreement` compares a skeleton with a hand-made report.
"""

from __future__ import annotations

from collections.abc import Iterable

from checker.kb.read import Record
from checker.kb.scaffold.candidates import find_candidates
from checker.kb.scaffold.headings import find_headings, pair_with_toc, unnumbered_headings
from checker.kb.scaffold.model import Skeleton, Unrecognised
from checker.kb.scaffold.pages import number_pages, page_index, page_starts
from checker.kb.scaffold.recommendations import read_recommendations
from checker.kb.scaffold.sections import build_sections, check_pages
from checker.kb.scaffold.toc import acronyms, table_of_contents
from checker.kb.source_text import SourceText


def read_report(source: SourceText, report_id: str, standards: Iterable[Record] = (),
                law: str | None = None) -> Skeleton:
    """A report's skeleton from its text; `standards` give the citation patterns, `law` the
    instrument a bare "Article N.M" cites."""
    lines = source.lines
    skeleton = Skeleton(report_id, len(lines))
    starts, how = page_starts(lines)
    skeleton.notes.append(f"page breaks: {len(starts)} pages, found by {how}")
    toc = table_of_contents(lines)
    headings = find_headings(lines, toc, skeleton.unrecognised)
    pairs = {}
    if toc:
        headings, pairs = pair_with_toc(lines, toc, headings, skeleton.unrecognised)
    unnumbered_headings(lines, headings, skeleton.unrecognised)
    first_pair = min(pairs) if pairs else None
    toc_offset = pairs[first_pair].page - page_index(starts, first_pair) if first_pair else None
    skeleton.pages = number_pages(lines, starts, toc_offset, skeleton.unrecognised, skeleton.notes)
    skeleton.sections = build_sections(lines, headings, starts, skeleton.pages, acronyms(lines))
    check_pages(skeleton.sections, pairs, skeleton.unrecognised)
    _drop_unnumbered_pages(skeleton)
    if not skeleton.sections:
        skeleton.unrecognised.append(Unrecognised(1, "no heading was recognised: report.yaml has one placeholder "
                                                     "section for the whole text"))
    skeleton.groups, skeleton.recommendations = read_recommendations(
        source, skeleton.sections, skeleton.unrecognised, skeleton.notes)
    skeleton.candidates = find_candidates(source, skeleton, standards, law)
    skeleton.unrecognised.sort(key=lambda u: u.line)
    return skeleton


def _drop_unnumbered_pages(skeleton: Skeleton) -> None:
    """A section needs a page: one that starts on a page without a number (front matter), and
    the sections under it, are listed instead."""
    dropped = [s for s in skeleton.sections if s.page is None or (s.parent is not None and s.parent.page is None)]
    skeleton.unrecognised.extend(Unrecognised(s.heading, f"section {s.number} starts on a page without a number "
                                                         f"(front matter): not written") for s in dropped)
    skeleton.sections = [s for s in skeleton.sections if s not in dropped]
