"""kbcheck coverage reads a report's structure and citations from data, never from code: the
recommendations section and the body are the sections' declared `part`, paragraphs are found by
the standards' `cited_as` patterns, and a bare "Article N" resolves through the law the report
declares in `cites_articles_of`."""

from __future__ import annotations

import hashlib

from checker.kb.coverage import coverage, render
from checker.pipeline import load_and_check

REPORT = "findings/obs-xx-2020/report.yaml"


def _coverage(root):
    loaded = load_and_check(root)
    assert not loaded.problems, "\n".join(map(str, loaded.problems))
    return coverage(loaded.kb, "obs-xx-2020")


def test_without_declared_parts_every_top_section_is_body_and_nothing_is_counted(kb_small):
    result = _coverage(kb_small)
    assert result.recommendations_in_text is None
    assert set(result.sections) == {"I", "II"}
    assert "none were counted in the text" in render(result)


def test_the_declared_recommendations_section_is_counted(kb_small):
    path = kb_small / REPORT
    path.write_text(path.read_text().replace("    lines: [19, 21]\n    page: 2\n",
                                              "    lines: [19, 21]\n    page: 2\n    part: recommendations\n"))
    result = _coverage(kb_small)
    assert result.recommendations_in_text == 1 == result.recommendations_encoded
    assert set(result.sections) == {"I"}


def test_paragraphs_are_found_by_the_standards_citation_patterns(kb_small):
    assert _coverage(kb_small).cited_present == []  # the fixture's standard declares no pattern
    path = kb_small / "commitments/copenhagen-1990.yaml"
    path.write_text(path.read_text().replace("commitments:\n", "  cited_as:\n    - pattern: "
                                             "'paragraph (?P<paragraph>7\\.\\d)'\n      near: Copenhagen\n"
                                             "commitments:\n", 1))
    assert _coverage(kb_small).cited_present == ["copenhagen-1990/7.2"]


def test_articles_resolve_through_the_law_the_report_declares(kb_small):
    source = kb_small / "findings/obs-xx-2020/source.txt"
    source.write_text(source.read_text() + "\nSee Article 5.1 of the Constitution.\n")
    report = kb_small / REPORT
    text = report.read_text()
    text = text.replace("8f12824560374c5dd63f3f6e5ae33882aaf83848a8f11cc379313d15f77b51f8",
                        hashlib.sha256(source.read_bytes()).hexdigest())
    report.write_text(text.replace("  source:\n", "  cites_articles_of: xx/constitution\n  source:\n"))
    assert ("xx/constitution/art-5/1", 23) in _coverage(kb_small).cited_missing


def test_findings_link_commitments_as_the_report_cites_or_as_the_knowledge_base_reads():
    """Fewer than 40 findings of the 2007 report are linked to no commitment, all of them
    background; links the report does not make are the knowledge base's reading, kept apart."""
    from checker.kb.load import load
    from tests.conftest import ROOT

    result = coverage(load(ROOT), "odihr-kz-2007")
    assert len(result.findings_without_commitment) < 40
    assert result.findings_cited + result.findings_read_only + len(result.findings_without_commitment) == result.findings
    assert result.findings_read_only > result.findings_cited  # the report cites commitments at a few places only
