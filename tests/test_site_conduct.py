"""The conduct view of the site (issue 12), on the bundled knowledge base with the checker's
verdicts: an election's conduct page, phase by phase, with the media chart and its text table;
findings that show the verdicts of the commitments they are linked to, the report's citations
apart from the knowledge base's readings; the checker's own readings marked."""

from __future__ import annotations

import datetime
import re
from html import unescape
from pathlib import Path

import pytest

from checker.judge.check import run_check
from checker.judge.rules import load_rules
from checker.pipeline import load_and_check
from checker.reports.verdict_rdf import verdict_graph
from checker.site.build import SiteSources, with_rule_descriptions, write_docs
from tests.conftest import ROOT

FIXED = SiteSources(kb_version="test", built_on=datetime.date(2020, 1, 1))
CONDUCT = "elections/kz/2007-majilis/conduct/index.md"


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    loaded = load_and_check(ROOT)
    graph = loaded.graph + verdict_graph(run_check(ROOT, loaded.graph))
    folder = tmp_path_factory.mktemp("conduct") / "docs"
    write_docs(with_rule_descriptions(graph, load_rules(ROOT)[0]), folder, FIXED)
    return folder


def _page(docs: Path, path: str) -> str:
    """A generated page, with the entities the renderer writes for inert punctuation read back."""
    return unescape((docs / path).read_text(encoding="utf-8"))


def _section(text: str, anchor: str) -> str:
    return text.split("{ #" + anchor + " }", 1)[1].split("\n## ", 1)[0]


def test_the_election_page_links_its_conduct_page(docs):
    assert "](conduct/index.md)" in _page(docs, "elections/kz/2007-majilis/index.md")
    assert not (docs / "elections/kz/2004-majilis/conduct").exists() or "Election day" in _page(
        docs, "elections/kz/2004-majilis/conduct/index.md")


def test_every_phase_shows_its_commitments_verdicts_facts_and_findings(docs):
    text = _page(docs, CONDUCT)
    for anchor in ("campaign", "media", "administration", "election-day", "count", "tabulation", "complaints"):
        section = _section(text, anchor)
        assert "| Commitment | Verdict | In this phase | Rules |" in section, anchor
        assert "eokb-verdict--" in section and "Findings behind these facts" in section, anchor
    count = _section(text, "count")
    assert "copenhagen-1990/7.4/index.md" in count and "CPH-7.4-control-documents" in count
    assert "| Counts where a commission tampered with voter list entries, results or protocols. | 9 % |" in count
    campaign = _section(text, "campaign")
    assert "copenhagen-1990/7.7/index.md" in campaign and "eokb-own" in campaign  # the checker's own reading
    assert "| Persons detained by the police for campaigning. | 9 | persons | Aktobe |" in campaign
    complaints = _section(text, "complaints")
    assert "2 of 61 (3.3 %, computed)" in complaints


def test_the_media_shares_as_a_chart_with_a_table_beside_it(docs):
    media = _section(_page(docs, CONDUCT), "media")
    image = re.search(r"!\[([^\]]+)\]\(media-coverage\.png\)", media)
    assert image and "5 outlets" in unescape(image.group(1))
    assert (docs / "elections/kz/2007-majilis/conduct/media-coverage.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = [r for r in media.splitlines() if r.startswith("| TV Khabar |")]
    assert any("| yes |" in r and "Nur Otan" in r and "| 20 % |" in r for r in rows)
    assert any("about 33 %" in r and "positive or neutral (99.8 %)" in r for r in rows)


def test_a_finding_shows_the_verdicts_of_the_commitments_it_is_linked_to(docs):
    cited = _page(docs, "findings/odihr-kz-2007/finding/count-pec-tampering/index.md")
    assert re.search(r"copenhagen-1990/7\.4/index\.md\): <span class=\"eokb-verdict eokb-verdict--violated\">", cited)
    assert "## What observers saw" in cited and "| 9 % | counts observed |" in cited
    read = _page(docs, "findings/odihr-kz-2007/finding/isolated-campaign-interference/index.md")
    reading = _section(read, "commitments").split("{ #reading }", 1)[1]
    assert "The report cites no commitment at this passage." in _section(read, "commitments")
    assert "copenhagen-1990/7.7/index.md" in reading and "eokb-verdict--at-risk" in reading
    assert "the checker's own reading of the report's facts" in reading and "*why:*" in reading


def test_the_commitment_page_keeps_the_reports_citations_apart_from_the_readings(docs):
    text = _page(docs, "commitments/copenhagen-1990/7.7/index.md")
    assert "The report cites this commitment at no finding's passage." in text
    assert "finding/isolated-campaign-interference/index.md" in text.split("{ #findings-reading }", 1)[1]
    assert "**the checker's own reading** of the report's facts" in text
    compared = _page(docs, "commitments/copenhagen-1990/7.4/index.md")
    assert "finding/count-pec-tampering/index.md" in compared.split("{ #findings-cited }", 1)[1].split("{ #findings-reading }")[0]


def test_the_matrix_marks_the_checkers_own_readings(docs):
    matrix = _page(docs, "compliance/index.md")
    row = next(line for line in matrix.splitlines() if line.startswith("| [Copenhagen Document 1990, 7.7 — a free and fair campaign]"))
    assert row.count("eokb-own") == 1  # 2007 only: in 2004 nothing was judged
