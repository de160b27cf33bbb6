"""The bundled knowledge base: loads without a problem, every quotation verified."""

from __future__ import annotations

import pytest

from checker.pipeline import load_and_check
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def loaded():
    return load_and_check(ROOT)


def test_bundled_kb_has_no_problems(loaded):
    assert not loaded.problems, "\n".join(map(str, list(loaded.problems)[:30]))


def test_every_quotation_verified(loaded):
    assert loaded.quotes.checked > 500
    assert loaded.quotes.failed == 0


def test_source_checksum_recorded(loaded):
    report = loaded.kb.index["odihr-kz-2007"]
    assert report["source"]["sha256"] == "88d940649f886eaf4a37ca7f03297d40b965976fc1eb035492ff7b6b254b2110"


def test_coverage_of_the_2007_report(loaded):
    from checker.kb.coverage import coverage

    result = coverage(loaded.kb, "odihr-kz-2007")
    assert result.recommendations_in_text == 29  # counted in section XV of the text
    assert result.recommendations_encoded == 29
    assert result.sections_without_findings == []
    assert result.cited_missing == []
    assert {"copenhagen-1990/7.2", "copenhagen-1990/7.3", "copenhagen-1990/7.4", "copenhagen-1990/7.5",
            "copenhagen-1990/7.6", "copenhagen-1990/7.9", "copenhagen-1990/24", "ccpr-gc-25/15",
            "ccpr-gc-25/17"} <= set(result.cited_present)
    assert result.body_lines_quoted > 0


def test_what_the_2007_report_says_of_earlier_recommendations(loaded):
    """Encoded as far as the report says it: XV's introduction, IV.C, V.B. The knowledge base holds
    no earlier report on the country, and the report names no earlier recommendation it repeats."""
    from checker.judge.followup import follow_up

    found = follow_up(loaded.graph, "kz")
    said = {s.id.rsplit("/", 1)[1]: (s.status, [q.lines for q in s.quotes]) for s in found.earlier}
    assert said == {"previous-reports-remain-valid": ("not-implemented", ["1736–1738"]),
                    "legal-framework": ("not-implemented", ["444–446", "448–450"]),
                    "public-meetings-ban": ("fully", ["465–467"]),
                    "absentee-voter-certificates": ("partially", ["686–689"])}
    assert len(found.histories) == 29
    assert all(h.repeats is None and h.reports == 1 for h in found.histories)
