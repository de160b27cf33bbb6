"""The results page's data and its chart (checker/results/chart.py), for the site to publish."""

from __future__ import annotations

import pytest

from checker.pipeline import load_and_check
from checker.results.chart import results_page, station_differences_chart
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def graph():
    return load_and_check(ROOT).graph


def test_page_data(graph):
    page = results_page(graph)
    assert [t.id for t in page.party_tables] == ["odihr-kz-2007/annex-1"]
    assert [t.id for t in page.station_tables] == ["odihr-kz-2007/annex-2", "odihr-kz-2007/annex-3"]
    assert len(page.differences) == 42
    ps406 = page.differences[0]
    assert (ps406.station, ps406.place, ps406.kind) == ("PS 406", "Turksibksiy TEC, Almaty City", "votes moved")
    assert ps406.changes["kz/party/nur-otan"] == 513 and ps406.source.endswith("stations.csv:2")
    assert page.net_shifts["odihr-kz-2007/annex-2"]["kz/party/nur-otan"] == 2909
    assert {d.kind for d in page.differences} == {"votes moved", "total changed"}
    assert page.names["kz/party/ansdp"] == "ANSDP"


def test_chart_and_its_text_table(graph, tmp_path):
    chart = station_differences_chart(graph, tmp_path / "charts" / "differences.png")
    assert chart.path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = [line for line in chart.table.splitlines() if line.startswith("| odihr-kz-2007/")]
    assert len(rows) == 42
    assert rows[0] == ("| odihr-kz-2007/annex-2 | PS 406 | Turksibksiy TEC, Almaty City | +513 | -513 | +0 | "
                       "1658 → 1658 | votes moved |")
    assert "39 of the 42 polling stations" in chart.alt
